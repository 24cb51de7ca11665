import { describe, expect, it } from 'vitest';
import { stepsDigest } from '../../src/plan/model.js';
import {
  approvalBlocker,
  decide,
  dependenciesOf,
  dependentsOf,
  fillUnknown,
  nextPending,
  settle,
  skipExplanation,
  skipWithDependents,
} from '../../src/review/rules.js';
import { kindFromPlan, parseValue } from '../../src/review/value.js';
import { kindOfTsType, sdkInputKind } from '../../src/review/sdk-types.js';
import { fixturePlan, withDecisions } from './fixtures.js';

describe('review rules', () => {
  it('dependencies and dependents are transitive', () => {
    const p = fixturePlan();
    p.steps[2] = { ...p.steps[2]!, dependsOn: ['s2'] };
    expect(dependenciesOf(p, 's3').map((s) => s.id)).toEqual(['s1', 's2']);
    expect(dependentsOf(p, 's1').map((s) => s.id)).toEqual(['s2', 's3']);
    expect(skipWithDependents(p, 's1').steps.map((s) => s.decision)).toEqual(['skipped', 'skipped', 'skipped', 'pending', 'pending', 'pending']);
  });

  it('next pending wraps around', () => {
    const p = withDecisions(fixturePlan(), { s2: 'approved', s3: 'approved', s4: 'approved', s5: 'approved', s6: 'approved' });
    expect(nextPending(p, 3)).toBe(0);
    expect(nextPending(decide(p, ['s1'], 'skipped'), 3)).toBeUndefined();
  });

  it('blockers: unknown values, skipped dependencies; skip explanations name approved dependents', () => {
    const p = withDecisions(fixturePlan(), { s1: 'skipped' });
    expect(approvalBlocker(p, p.steps[2]!)).toMatch(/^s3 cannot be approved yet: the desired value of instanceType is unknown/);
    expect(approvalBlocker(p, p.steps[1]!)).toMatch(/^s2 depends on s1 .* which is skipped/);
    expect(approvalBlocker(p, p.steps[4]!)).toBeUndefined();
    const q = withDecisions(fixturePlan(), { s2: 'approved' });
    expect(skipExplanation(q, q.steps[0]!)).toMatch(/^s2 \(create alicloud:vpc\/switch:Switch vsw-1\) is approved and needs s1/);
    expect(skipExplanation(fixturePlan(), fixturePlan().steps[0]!)).toBeUndefined();
  });

  it('fillUnknown records the edit, sets after, clears unknown, recomputes the patch', () => {
    const s = fillUnknown(fixturePlan(), 's3', 'instanceType', 'ecs.c7.large').steps[2]!;
    expect(s).toMatchObject({
      after: { instanceName: 'app', instanceType: 'ecs.c7.large' },
      unknown: [],
      edited: { instanceType: 'ecs.c7.large' },
      patch: [{ op: 'replace', path: '/instanceType', value: 'ecs.c7.large' }],
    });
  });

  it('any change to an approved plan drops its approval; an unchanged one keeps it', () => {
    const p = withDecisions(fixturePlan(), { s1: 'approved', s2: 'approved', s3: 'skipped', s4: 'skipped', s5: 'approved', s6: 'approved' });
    const signed = settle(p, 'bob', 'T1');
    expect(signed.approval).toEqual({ by: 'bob', at: 'T1', stepsDigest: stepsDigest(p) });
    expect(settle(signed, 'alice', 'T2').approval?.by).toBe('bob');
    expect(decide(signed, ['s1'], 'approved').approval?.by).toBe('bob');
    expect(decide(signed, ['s5'], 'skipped').approval).toBeNull();
    expect(fillUnknown(signed, 's3', 'instanceType', 'x').approval).toBeNull();
  });

  it('settle stamps only complete plans with an approved step and no broken rule', () => {
    expect(settle(fixturePlan(), 'a', 'T').approval).toBeNull();
    const allSkipped = decide(fixturePlan(), fixturePlan().steps.map((s) => s.id), 'skipped');
    expect(settle(allSkipped, 'a', 'T').approval).toBeNull();
    // hand-edited: s3 approved with an unknown value
    const broken = withDecisions(allSkipped, { s3: 'approved' });
    expect(settle(broken, 'a', 'T').approval).toBeNull();
  });
});

describe('edited values', () => {
  it('JSON when it parses, else a bare string', () => {
    expect(parseValue('  ecs.g7.large ')).toEqual({ ok: true, value: 'ecs.g7.large' });
    expect(parseValue('{"a": [1, true]}')).toEqual({ ok: true, value: { a: [1, true] } });
    expect(parseValue('"quoted"')).toEqual({ ok: true, value: 'quoted' });
  });

  it('refuses empty, null, "" and the redaction marker anywhere inside', () => {
    for (const bad of ['', '   ', 'null', '""', '[redacted]', '{"password":"[redacted]"}', '["a","[redacted]"]']) {
      expect(parseValue(bad).ok, bad).toBe(false);
    }
  });

  it('conforms to the expected kind; a number typed for a string input is its text', () => {
    expect(parseValue('80', { kind: 'string' })).toEqual({ ok: true, value: '80' });
    expect(parseValue('true', { kind: 'string' })).toEqual({ ok: true, value: 'true' });
    expect(parseValue('80', { kind: 'number' })).toEqual({ ok: true, value: 80 });
    expect(parseValue('eighty', { kind: 'number' })).toEqual({ ok: false, message: 'expected number, got "eighty"' });
    expect(parseValue('yes', { kind: 'boolean' }).ok).toBe(false);
    expect(parseValue('[1]', { kind: 'object' }).ok).toBe(false);
    expect(parseValue('[80, 443]', { kind: 'array', items: { kind: 'string' } })).toEqual({ ok: true, value: ['80', '443'] });
    expect(parseValue('[1, "x"]', { kind: 'array', items: { kind: 'number' } })).toEqual({ ok: false, message: 'item 2: expected number, got "x"' });
  });

  it('without the SDK, the kind comes from the current value, else the same input of another resource of the type', () => {
    const p = fixturePlan();
    expect(kindFromPlan(p, p.steps[2]!, 'instanceType')).toEqual({ type: { kind: 'string' }, source: 'the current value' });
    const other = { ...p.steps[2]!, id: 's9', before: null, resource: { ...p.steps[2]!.resource, id: 'i-2' } };
    expect(kindFromPlan({ ...p, steps: [...p.steps, other] }, other, 'instanceType')).toEqual({ type: { kind: 'string' }, source: 'instanceType of i-1' });
    expect(kindFromPlan(p, p.steps[2]!, 'nothing')).toBeUndefined();
  });

  it('reads input types from the installed provider SDK declarations', () => {
    expect(sdkInputKind('alicloud:rds/instance:Instance', 'instanceStorage')).toEqual({ kind: 'number' });
    expect(sdkInputKind('alicloud:rds/instance:Instance', 'tags')).toEqual({ kind: 'object' });
    expect(sdkInputKind('alicloud:rds/instance:Instance', 'parameters')).toEqual({ kind: 'array', items: { kind: 'object' } });
    expect(sdkInputKind('aws:ec2/instance:Instance', 'instanceType')).toEqual({ kind: 'string' });
    expect(sdkInputKind('aws:ec2/securityGroupRule:SecurityGroupRule', 'fromPort')).toEqual({ kind: 'number' });
    expect(sdkInputKind('aws:ec2/instance:Instance', 'noSuchInput')).toBeUndefined();
    expect(sdkInputKind('gcp:compute/instance:Instance', 'name')).toBeUndefined();
    expect(sdkInputKind('aws:nosuch/thing:Thing', 'name')).toBeUndefined();
  });

  it('maps TypeScript input types to kinds, and gives up on mixed unions', () => {
    expect(kindOfTsType('pulumi.Input<string | enums.ec2.InstanceType | undefined>')).toEqual({ kind: 'string' });
    expect(kindOfTsType('pulumi.Input<pulumi.Input<string>[] | undefined>')).toEqual({ kind: 'array', items: { kind: 'string' } });
    expect(kindOfTsType('pulumi.Input<{\n [key: string]: pulumi.Input<string>;\n } | undefined>')).toEqual({ kind: 'object' });
    expect(kindOfTsType('pulumi.Input<string | number>')).toBeUndefined();
    expect(kindOfTsType('any')).toBeUndefined();
  });
});
