/** The pure parts: program specs per phase, names, live comparison, release of state. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLive, liveDifferences, normalize } from '../../src/apply/live.js';
import { applyRecordPath, resourceNames, stackNameFromPlanPath } from '../../src/apply/names.js';
import { registrationOrder } from '../../src/apply/program.js';
import { withoutResources } from '../../src/apply/release.js';
import { buildSpec, IdRef, substituteIds } from '../../src/apply/spec.js';
import { effectiveAfter } from '../../src/apply/steps.js';
import { makePlan, step } from './helpers.js';

describe('spec', () => {
  it('substitutes a re-created resource\'s old id, as a string or inside a list, in dependents only', () => {
    const plan = makePlan([
      step({ id: 'sg', action: 'create', type: 'aws:ec2/securityGroup:SecurityGroup', resourceId: 'sg-old', after: { name: 'web' } }),
      step({ id: 'i', action: 'update', type: 'aws:ec2/instance:Instance', resourceId: 'i-1', dependsOn: ['sg'], before: { vpcSecurityGroupIds: ['sg-x'] }, after: { vpcSecurityGroupIds: ['sg-x', 'sg-old'] } }),
      step({ id: 'r', action: 'create', type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', resourceId: 'sgr-1', dependsOn: ['sg'], after: { securityGroupId: 'sg-old', ipProtocol: 'tcp' } }),
      step({ id: 'o', action: 'update', type: 'aws:ec2/instance:Instance', resourceId: 'i-2', before: { tags: { sg: 'sg-old' } }, after: { tags: { sg: 'sg-old', x: '1' } } }),
    ]);
    const spec = buildSpec({ phase: 'converge', planSteps: plan.steps, apply: plan.steps, names: resourceNames(plan.steps) });
    const by = (id: string) => spec.resources.find((r) => r.stepId === id)!;
    expect(by('i').inputs.vpcSecurityGroupIds).toEqual(['sg-x', new IdRef('sg')]);
    expect(by('r').inputs.securityGroupId).toEqual(new IdRef('sg'));
    expect(by('o').inputs.tags).toEqual({ sg: 'sg-old', x: '1' });
    expect(by('i').dependsOn).toEqual(['sg']);
    expect(registrationOrder(spec.resources)[0]!.stepId).toBe('sg');
    expect(substituteIds({ a: [{ b: 'X' }] }, new Map([['X', 'Y']]))).toEqual({ a: [{ b: 'Y' }] });
  });

  it('deletes children before parents: in the import phase the child depends on the parent', () => {
    const plan = makePlan([
      step({ id: 'rule', action: 'delete', type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', resourceId: 'sgr-1', before: { securityGroupId: 'sg-1', ipProtocol: 'tcp' } }),
      step({ id: 'sg', action: 'delete', type: 'aws:ec2/securityGroup:SecurityGroup', resourceId: 'sg-1', dependsOn: ['rule'], before: { name: 'x' } }),
    ]);
    const spec = buildSpec({ phase: 'import', planSteps: plan.steps, apply: plan.steps, names: resourceNames(plan.steps) });
    expect(spec.resources.find((r) => r.stepId === 'rule')!.dependsOn).toEqual(['sg']);
    expect(spec.resources.find((r) => r.stepId === 'sg')!.dependsOn).toEqual([]);
  });

  it('converges partially known resources from their live inputs: after wins, removed inputs go, hidden secrets are ignored', () => {
    const plan = makePlan([
      step({ id: 'u', action: 'update', type: 'aws:iam/user:User', resourceId: 'bob', region: 'global', before: { name: 'bob', tags: { a: '1' } }, after: { name: 'bob', path: '/ops/' } }),
    ]);
    const live = new Map([['u', { inputs: { name: 'bob', tags: { a: '1' }, forceDestroy: false }, secretKeys: ['permissionsBoundary'] }]]);
    const spec = buildSpec({ phase: 'converge', planSteps: plan.steps, apply: plan.steps, names: resourceNames(plan.steps), live });
    expect(spec.resources[0]).toMatchObject({ mode: 'manage', inputs: { name: 'bob', path: '/ops/', forceDestroy: false }, ignoreChanges: ['permissionsBoundary'] });
  });

  it('warns when a step must follow a delete, which Pulumi does last', () => {
    const plan = makePlan([
      step({ id: 'd', action: 'delete', type: 'aws:iam/user:User', resourceId: 'bob', region: 'global', before: { name: 'bob' } }),
      step({ id: 'c', action: 'create', type: 'aws:iam/user:User', resourceId: 'bob2', region: 'global', dependsOn: ['d'], after: { name: 'bob' } }),
    ]);
    const spec = buildSpec({ phase: 'converge', planSteps: plan.steps, apply: plan.steps, names: resourceNames(plan.steps) });
    expect(spec.warnings[0]).toMatch(/c should follow the delete of d.*run apply again/);
  });

  it('reviewer edits fill unknown inputs', () => {
    const s = step({ id: 'x', action: 'update', type: 'aws:iam/user:User', resourceId: 'bob', before: {}, after: { name: 'bob' }, unknown: ['path'], edited: { path: '/' } });
    expect(effectiveAfter(s)).toEqual({ after: { name: 'bob', path: '/' }, unknown: [] });
  });
});

describe('names', () => {
  it('are readable, stable and unique', () => {
    const plan = makePlan([
      step({ id: 'a', action: 'delete', type: 'aws:ec2/instance:Instance', resourceId: 'i-1', region: 'us-east-1', before: {} }),
      step({ id: 'b', action: 'delete', type: 'aws:ec2/instance:Instance', resourceId: 'i-1', region: 'eu-west-1', before: {} }),
      step({ id: 'c', action: 'delete', type: 'aws:iam/userPolicy:UserPolicy', resourceId: 'x'.repeat(200), before: {} }),
    ]);
    const names = resourceNames(plan.steps);
    expect(names.get('a')).toMatch(/^ec2-instance-i-1-[0-9a-f]{8}$/);
    expect(names.get('a')).not.toBe(names.get('b'));
    expect(names.get('c')!.length).toBeLessThanOrEqual(80);
    expect(resourceNames(plan.steps)).toEqual(names);
    expect(stackNameFromPlanPath('plans/leaked key.plan.json')).toBe('leaked-key');
    expect(applyRecordPath('plans/x.plan.json')).toBe('plans/x.apply.json');
  });
});

describe('live check', () => {
  it('ignores formatting, order of id lists, types read back as strings and empty values', () => {
    expect(normalize({ p: '{"b":1, "a":[2]}', l: ['b', 'a'], n: 5, e: '', z: [] })).toEqual(normalize({ p: '{"a":[2],"b":1}', l: ['a', 'b'], n: '5' }));
  });

  it('reports per attribute, only for what the plan knows, secrets redacted', () => {
    const d = liveDifferences(
      { instanceType: 'c5.large', password: 'hunter2', secret: '[redacted]', tags: { a: '1' } },
      { inputs: { instanceType: 'c5.xlarge', password: 'other', tags: { a: '1' }, unrelated: 'x' }, secretKeys: [] },
    );
    expect(d).toEqual([
      { attribute: 'instanceType', planned: '"c5.large"', live: '"c5.xlarge"' },
      { attribute: 'password', planned: '"[redacted]"', live: '"[redacted]"' },
    ]);
  });

  it('a read error saying not found means missing', () => {
    const s = step({ id: 'x', action: 'delete', type: 'aws:ec2/instance:Instance', resourceId: 'i-1', before: {} });
    expect(checkLive(s, { done: false, failed: false, errors: ['reading EC2 Instance (i-1): couldn\'t find resource: NotFound'] }).status).toBe('missing');
    expect(checkLive(s, { done: false, failed: false, errors: ['AccessDenied'] }).status).toBe('unreadable');
  });
});

describe('release', () => {
  it('drops the owned resources and providers nothing uses any more, keeps the rest', () => {
    const p = 'urn:pulumi:s::trailback::pulumi:providers:aws::aws-us-east-1';
    const q = 'urn:pulumi:s::trailback::pulumi:providers:aws::other';
    const exported = {
      version: 3,
      deployment: {
        manifest: {},
        resources: [
          { urn: 'urn:pulumi:s::trailback::pulumi:pulumi:Stack::trailback-s', type: 'pulumi:pulumi:Stack' },
          { urn: p, id: 'p1', type: 'pulumi:providers:aws' },
          { urn: q, id: 'q1', type: 'pulumi:providers:aws' },
          { urn: 'urn:a', id: 'i-1', type: 'aws:ec2/instance:Instance', provider: `${p}::p1` },
          { urn: 'urn:b', id: 'i-2', type: 'aws:ec2/instance:Instance', provider: `${q}::q1` },
        ],
      },
    };
    const { deployment, removed } = withoutResources(exported, new Set(['urn:a']));
    expect(removed).toEqual(['urn:a', p]);
    expect((deployment.deployment as { resources: { urn: string }[] }).resources.map((r) => r.urn)).toEqual([exported.deployment.resources[0]!.urn, q, 'urn:b']);
  });
});

describe('core path', () => {
  it('loading the apply and export commands does not load any @pulumi package', () => {
    const repo = resolve(import.meta.dirname, '../..');
    const code = "await import('./src/cli/apply.ts'); await import('./src/cli/export.ts'); const { createRequire } = await import('node:module'); const cache = createRequire(import.meta.url).cache; console.log(Object.keys(cache).filter((k) => k.includes('@pulumi')).length);";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repo, encoding: 'utf8' });
    expect(out.trim()).toBe('0');
  });
});
