/**
 * Properties of the plan core over random trails (test catalog: users, their access keys,
 * ingress rules): carrying out a plan on the current state gives the desired state, wherever
 * the desired state is known; empty selections and the end of the trail plan nothing; undoing
 * everything gives the baseline back; steps come after the steps they depend on.
 */
import fc from 'fast-check';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../src/events/model.js';
import type { Mode, Step } from '../../src/plan/model.js';
import type { ResourceState, State } from '../../src/state/model.js';
import { isoTime } from '../../src/util/time.js';
import { makeEvent } from '../helpers/events.js';
import { testCatalog } from '../helpers/test-catalog.js';
import { build, knows, pureInputs, res, simulate, stable, stateOf, stepKey, type PureInputs } from './support.js';

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const USER = 'aws:iam/user:User';
const KEY = 'aws:iam/accessKey:AccessKey';
const RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';
const CREATED_BY: Record<string, string> = { [USER]: 'CreateUser', [KEY]: 'CreateAccessKey', [RULE]: 'AuthorizeIngress' };

/** Who makes the calls: long-term and temporary keys, console sessions without a key, several IPs. */
const ACTORS: TrailEvent['actor'][] = [
  { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', accessKeyId: 'AKIAALICE00000000001', sourceIp: '198.51.100.7' },
  { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/eve', userName: 'eve', accessKeyId: 'AKIAEVE0000000000002', sourceIp: '192.0.2.66' },
  { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/eve', userName: 'eve', accessKeyId: 'AKIAEVE0000000000002', sourceIp: '203.0.113.9' },
  { type: 'AssumedRole', principal: 'arn:aws:sts::111122223333:assumed-role/ci/run', accessKeyId: 'ASIACI00000000000003', sourceIp: '192.0.2.70' },
  { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/bob', userName: 'bob', sourceIp: '198.51.100.8' },
];

const arbEvent = fc.record({
  name: fc.constantFrom('CreateUser', 'CreateUser', 'UpdateUser', 'TagUser', 'UntagUser', 'ResetUser', 'DeleteUser', 'CreateAccessKey', 'AuthorizeIngress', 'RevokeIngress', 'Login'),
  user: fc.constantFrom('u1', 'u2', 'u3'),
  second: fc.integer({ min: 0, max: 15 }),
  path: fc.constantFrom('/', '/a/', '/b/'),
  tags: fc.subarray(['x', 'y', 'z']),
  key: fc.constantFrom('AKIAK1', 'AKIAK2'),
  rule: fc.constantFrom('sgr-1', 'sgr-2'),
  cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8'),
  actor: fc.integer({ min: 0, max: ACTORS.length - 1 }),
  failed: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});
type Raw = typeof arbEvent extends fc.Arbitrary<infer T> ? T : never;

function toEvents(raws: Raw[]): TrailEvent[] {
  return raws.map((r, i) =>
    makeEvent({
      name: r.name,
      epochMs: T0 + r.second * 1000,
      id: `ev${i}`,
      actor: ACTORS[r.actor]!,
      request: { userName: r.user, path: r.path, tags: r.tags, cidr: r.cidr },
      response: { accessKey: { accessKeyId: r.key }, ruleId: r.rule },
      ...(r.failed && { error: { code: 'AccessDenied' } }),
      origin: { file: 'trail.json', index: i },
    }),
  );
}
const arbTrail = fc.array(arbEvent, { maxLength: 30 }).map(toEvents);

const arbUndo: fc.Arbitrary<Extract<Mode, { kind: 'undo' }>> = fc
  .record({
    keys: fc.subarray(['AKIAEVE0000000000002', 'ASIACI00000000000003', 'AKIAALICE00000000001', 'AKIANOBODY0000000009']),
    actors: fc.subarray(['eve', 'bob', 'ci/*']),
    ips: fc.subarray(['192.0.2.0/24', '198.51.100.7']),
    since: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
    until: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  })
  .filter((m) => m.keys.length + m.actors.length + m.ips.length > 0 && (m.since === undefined || m.until === undefined || m.since <= m.until))
  .map((m) => ({
    kind: 'undo' as const,
    match: { ...(m.keys.length && { keys: m.keys }), ...(m.actors.length && { actors: m.actors }), ...(m.ips.length && { ips: m.ips }) },
    ...(m.since !== undefined && { since: isoTime(T0 + m.since * 1000) }),
    ...(m.until !== undefined && { until: isoTime(T0 + m.until * 1000) }),
  }));

const arbAt: fc.Arbitrary<Mode> = fc.integer({ min: -1000, max: 16_000 }).map((ms) => ({ kind: 'point-in-time', at: isoTime(T0 + ms) }));

/**
 * Should the resource exist in the desired state? From the trail's own meaning, not from
 * build.ts: a resource predates the trail unless the first write on it created it; the desired
 * replay decides, except that a resource whose creation was undone never existed, whatever
 * kept writes touched it afterwards.
 */
function shouldExist(key: string, p: PureInputs, byId: Map<string, TrailEvent>): boolean {
  const des = p.desired.get(key);
  const endR = p.end.get(key);
  if (!endR) return des?.exists ?? p.current.get(key)?.exists ?? false; // unknown to the trail: left as it is
  const first = endR.history[0];
  const predates = !(first && byId.get(first.eventId)?.name === CREATED_BY[endR.type]);
  if (!des) return predates;
  if (des.preexisting && !predates) return false;
  return des.exists;
}

/** Runs the plan on the current state and compares with the desired state where that is known. */
function expectPlanReachesDesired(p: PureInputs, steps: Step[]): void {
  const byId = new Map(p.writes.map((e) => [e.id, e]));
  const after = simulate(p.current, steps);
  const keys = new Set([...p.end.keys(), ...p.desired.keys(), ...p.current.keys()]);
  for (const key of keys) {
    const want = shouldExist(key, p, byId);
    const got = after.get(key);
    expect(got?.exists ?? false, `existence of ${key}`).toBe(want);
    const des = p.desired.get(key);
    if (!want || !des || !got) continue;
    const step = steps.find((s) => stepKey(s) === key);
    const skip = new Set(step?.unknown ?? []);
    const paths = new Set([...Object.keys(des.inputs), ...Object.keys(des.provenance), ...Object.keys(got.inputs)]);
    for (const path of paths) {
      if (skip.has(path) || !knows(des, path)) continue;
      expect(stable(got.inputs[path]), `${key} ${path}`).toBe(stable(des.inputs[path]));
    }
  }
}

function expectOrdered(steps: Step[]): void {
  expect(steps.map((s) => s.id)).toEqual(steps.map((_, i) => `s${i + 1}`));
  const seen = new Set<string>();
  for (const s of steps) {
    for (const d of s.dependsOn) expect(seen.has(d), `${s.id} depends on ${d}, which comes later`).toBe(true);
    seen.add(s.id);
  }
  expect(new Set(steps.map(stepKey)).size, 'one step per resource').toBe(steps.length);
}

function expectPatchesApply(steps: Step[]): void {
  for (const s of steps) {
    if (s.before === null || s.after === null) continue;
    const { newDocument } = jsonpatch.applyPatch(structuredClone(s.before), structuredClone(s.patch) as jsonpatch.Operation[], true, false);
    expect(newDocument).toEqual(s.after);
  }
}

const RUNS = { numRuns: Number(process.env.PLAN_PROPERTY_RUNS ?? 300) };

describe('plan properties', () => {
  it('point in time: the plan takes the current state to the state at T', () => {
    fc.assert(
      fc.property(arbTrail, arbAt, (events, mode) => {
        const p = pureInputs(events, mode, testCatalog);
        const { steps, conflicts } = build(p, testCatalog);
        expect(conflicts).toEqual([]);
        expectPlanReachesDesired(p, steps);
        expectOrdered(steps);
        expectPatchesApply(steps);
      }),
      RUNS,
    );
  });

  it('undo (without key containment): the plan takes the current state to the trail without the undone writes', () => {
    fc.assert(
      fc.property(arbTrail, arbUndo, (events, mode) => {
        const p = pureInputs(events, mode, testCatalog);
        const { steps } = build(p, testCatalog);
        expectPlanReachesDesired(p, steps);
        expectOrdered(steps);
        expectPatchesApply(steps);
      }),
      RUNS,
    );
  });

  it('with a --current that drifted from the trail, the plan still reaches the desired state', () => {
    const arbDrift = fc.array(fc.constantFrom('keep', 'keep', 'gone', 'changed', 'extra'), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(arbTrail, fc.oneof(arbUndo, arbAt), arbDrift, (events, mode, drift) => {
        const plain = pureInputs(events, mode, testCatalog);
        const current: State = new Map();
        [...plain.end].forEach(([key, r], i) => {
          const d = drift[i % drift.length];
          const copy = structuredClone(r);
          if (d === 'gone') copy.exists = false;
          if (d === 'changed') copy.inputs = { ...copy.inputs, path: '/drifted/', status: 'Inactive' };
          current.set(key, copy);
        });
        if (drift.includes('extra')) current.set('aws/aws:iam/user:User/global/outsider', res('aws', USER, 'outsider', { name: 'outsider' }));
        const p = { ...plain, current };
        const { steps } = build(p, testCatalog);
        expectPlanReachesDesired(p, steps);
        expectOrdered(steps);
        expectPatchesApply(steps);
        // A resource the trail never mentions is not the plan's business.
        expect(steps.some((s) => s.resource.id === 'outsider')).toBe(false);
      }),
      RUNS,
    );
  });

  it('undo with key containment: same result, plus deactivated long-term keys, first', () => {
    fc.assert(
      fc.property(arbTrail, arbUndo, (events, mode) => {
        const p = pureInputs(events, mode, testCatalog, { contain: true });
        const { steps } = build(p, testCatalog);
        expectOrdered(steps);
        const contained = steps.filter((s) => s.risks.some((r) => r.kind === 'external-actor' && r.detail.startsWith('containment')));
        // Containment steps come before every other step, and only for long-term keys.
        expect(steps.slice(0, contained.length)).toEqual(contained);
        for (const s of contained) {
          expect(s.resource.type).toBe(KEY);
          expect(s.resource.id).toMatch(/^AKIA/);
          expect(s.after?.status).toBe('Inactive');
        }
      }),
      RUNS,
    );
  });

  it('a plan at the end of the trail has no steps', () => {
    fc.assert(
      fc.property(arbTrail, (events) => {
        const last = Math.max(T0, ...events.map((e) => e.epochMs));
        const p = pureInputs(events, { kind: 'point-in-time', at: isoTime(last) }, testCatalog);
        const built = build(p, testCatalog);
        expect(built.steps).toEqual([]);
        expect(built.warnings).toEqual([]);
      }),
      RUNS,
    );
  });

  it('undoing a key with no writes has no steps (and nothing to contain)', () => {
    fc.assert(
      fc.property(arbTrail, (events) => {
        const p = pureInputs(events, { kind: 'undo', match: { keys: ['AKIANOBODY0000000009'] } }, testCatalog, { contain: true });
        expect(p.undone!.size).toBe(0);
        const built = build(p, testCatalog);
        expect(built.steps).toEqual([]);
        expect(built.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it('undoing every write gives the baseline back', () => {
    const arbBaseline = fc
      .record({
        users: fc.subarray(['u1', 'u2', 'u3']),
        paths: fc.array(fc.constantFrom('/', '/a/', '/b/'), { minLength: 3, maxLength: 3 }),
        tags: fc.array(fc.subarray(['x', 'y', 'z']), { minLength: 3, maxLength: 3 }),
        key: fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: undefined }),
      })
      .map(({ users, paths, tags, key }): State => {
        const rs: ResourceState[] = users.map((u, i) => res('aws', USER, u, { name: u, path: paths[i]!, tags: tags[i]! }));
        if (key && users.includes(key)) rs.push(res('aws', KEY, 'AKIAK1', { user: key, status: 'Active' }));
        return stateOf(...rs);
      });
    fc.assert(
      fc.property(arbTrail, arbBaseline, (events, baseline) => {
        // Every actor: every write is undone.
        const mode: Mode = { kind: 'undo', match: { actors: ['*'] } };
        const p = pureInputs(events, mode, testCatalog, { baseline });
        expect(p.undone!.size).toBe(p.writes.filter((e) => !e.error).length);
        expect([...p.desired].sort()).toEqual([...baseline].sort());
        const { steps } = build(p, testCatalog);
        const after = simulate(p.current, steps);
        const byId = new Map(p.writes.map((e) => [e.id, e]));
        for (const [key, r] of after) {
          const b = baseline.get(key);
          // Not in the baseline (a baseline may be partial): it existed before the trail unless the trail created it.
          expect(r.exists, `existence of ${key}`).toBe(b ? b.exists : shouldExist(key, p, byId));
          if (!b) continue;
          const step = steps.find((s) => stepKey(s) === key);
          for (const path of new Set([...Object.keys(b.inputs), ...Object.keys(r.inputs)])) {
            if (step?.unknown.includes(path)) continue;
            expect(stable(r.inputs[path]), `${key} ${path}`).toBe(stable(b.inputs[path]));
          }
        }
        for (const key of baseline.keys()) expect(after.has(key)).toBe(true);
        expectOrdered(steps);
      }),
      RUNS,
    );
  });
});
