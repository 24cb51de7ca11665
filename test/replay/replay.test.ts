import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortAndDedupe } from '../../src/events/order.js';
import type { TrailEvent } from '../../src/events/model.js';
import { replay } from '../../src/replay/replay.js';
import { stateToJson } from '../../src/state/io.js';
import { makeEvent } from '../helpers/events.js';
import { testCatalog } from '../helpers/test-catalog.js';

const T0 = Date.UTC(2024, 0, 1, 10, 0, 0);
const run = (events: TrailEvent[], opts: Partial<Parameters<typeof replay>[1]> = {}) =>
  replay(sortAndDedupe(events).events, { catalog: testCatalog, ...opts });
const userKey = 'aws/aws:iam/user:User/global/bob';

describe('replay', () => {
  it('creates, changes and deletes with provenance of each attribute', () => {
    const { state } = run([
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob', path: '/a/' } }),
      makeEvent({ name: 'UpdateUser', epochMs: T0 + 5000, request: { userName: 'bob', path: '/b/' }, actor: { type: 'IAMUser', principal: 'arn:aws:iam::1:user/eve', userName: 'eve', accessKeyId: 'AKIAEVE', sourceIp: '192.0.2.9' } }),
    ]);
    const bob = state.get(userKey)!;
    expect(bob.exists).toBe(true);
    expect(bob.inputs).toEqual({ name: 'bob', path: '/b/' });
    expect(bob.provenance.path).toMatchObject({ name: 'UpdateUser', actor: 'eve', accessKeyId: 'AKIAEVE', sourceIp: '192.0.2.9' });
    expect(bob.provenance.name).toMatchObject({ name: 'CreateUser', actor: 'alice' });
    expect(bob.preexisting).toBe(false);
    expect(bob.history.map((h) => h.name)).toEqual(['CreateUser', 'UpdateUser']);
  });

  it('orders same-second events create < update < delete, whatever the trail order', () => {
    const { state } = run([
      makeEvent({ name: 'UpdateUser', epochMs: T0, request: { userName: 'bob', path: '/x/' }, origin: { file: 'a', index: 0 } }),
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' }, origin: { file: 'a', index: 1 } }),
    ]);
    expect(state.get(userKey)!.inputs.path).toBe('/x/');
    expect(state.get(userKey)!.preexisting).toBe(false);
  });

  it('a failed call changes nothing', () => {
    const { state, report } = run([
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' } }),
      makeEvent({ name: 'DeleteUser', epochMs: T0 + 1000, request: { userName: 'bob' }, error: { code: 'AccessDenied' } }),
    ]);
    expect(state.get(userKey)!.exists).toBe(true);
    expect(report.failed).toBe(1);
  });

  it('a resource first seen in an update predates the trail and is partially known', () => {
    const { state } = run([makeEvent({ name: 'TagUser', epochMs: T0, request: { userName: 'bob', tags: ['a'] } })]);
    const bob = state.get(userKey)!;
    expect(bob.preexisting).toBe(true);
    expect(bob.inputs.tags).toEqual(['a']);
    expect(bob.unknown).toContain('tags'); // the rest of the list was never seen
  });

  it('add/remove keep a list free of repeats', () => {
    const { state } = run([
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' } }),
      makeEvent({ name: 'TagUser', epochMs: T0 + 1000, request: { userName: 'bob', tags: ['a', 'b'] } }),
      makeEvent({ name: 'TagUser', epochMs: T0 + 2000, request: { userName: 'bob', tags: ['b', 'c'] } }),
      makeEvent({ name: 'UntagUser', epochMs: T0 + 3000, request: { userName: 'bob', tags: ['a'] } }),
    ]);
    const bob = state.get(userKey)!;
    expect(bob.inputs.tags).toEqual(['b', 'c']);
    expect(bob.unknown).toEqual([]);
  });

  it('touch makes an attribute unknown instead of keeping a stale value', () => {
    const { state } = run([
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' } }),
      makeEvent({ name: 'ResetUser', epochMs: T0 + 1000, request: { userName: 'bob' } }),
    ]);
    const bob = state.get(userKey)!;
    expect(bob.unknown).toEqual(['permissionsBoundary']);
    expect(bob.provenance.permissionsBoundary?.name).toBe('ResetUser');
  });

  it('deleting a user takes its access keys along (cascade), keeping last inputs for re-creation', () => {
    const { state } = run([
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' } }),
      makeEvent({ name: 'CreateAccessKey', epochMs: T0 + 1000, request: { userName: 'bob' }, response: { accessKey: { accessKeyId: 'AKIABOB' } } }),
      makeEvent({ name: 'DeleteUser', epochMs: T0 + 2000, request: { userName: 'bob' } }),
    ]);
    const key = state.get('aws/aws:iam/accessKey:AccessKey/global/AKIABOB')!;
    expect(key.exists).toBe(false);
    expect(key.deletedBy?.name).toBe('DeleteUser');
    expect(key.inputs).toEqual({ user: 'bob', status: 'Active' });
  });

  it('delete-match removes the rule with that tuple only', () => {
    const { state } = run([
      makeEvent({ name: 'AuthorizeIngress', epochMs: T0, request: { cidr: '0.0.0.0/0' }, response: { ruleId: 'sgr-1' } }),
      makeEvent({ name: 'AuthorizeIngress', epochMs: T0 + 1, request: { cidr: '10.0.0.0/8' }, response: { ruleId: 'sgr-2' } }),
      makeEvent({ name: 'RevokeIngress', epochMs: T0 + 2000, request: { cidr: '0.0.0.0/0' } }),
    ]);
    expect(state.get('aws/aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule/us-east-1/sgr-1')!.exists).toBe(false);
    expect(state.get('aws/aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule/us-east-1/sgr-2')!.exists).toBe(true);
  });

  it('counts unknown, non-state and skipped events, and never modifies the baseline', () => {
    const base = run([makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' } })]).state;
    const before = stateToJson(base);
    const { report, state } = replay(
      [
        makeEvent({ name: 'Login', epochMs: T0 + 1000 }),
        makeEvent({ name: 'Frobnicate', epochMs: T0 + 2000 }),
        makeEvent({ name: 'DeleteUser', epochMs: T0 + 3000, request: {} }),
        makeEvent({ name: 'DeleteUser', epochMs: T0 + 4000, request: { userName: 'bob' } }),
      ],
      { catalog: testCatalog, baseline: base },
    );
    expect(report.nonState).toBe(1);
    expect([...report.unknown]).toEqual([['test:Frobnicate', 1]]);
    expect(report.skipped.map((s) => s.reason)).toEqual(['no user id in the event']);
    expect(state.get(userKey)!.exists).toBe(false);
    expect(stateToJson(base)).toBe(before);
  });

  it('--before-event stops just before that event', () => {
    const events = [
      makeEvent({ name: 'CreateUser', epochMs: T0, request: { userName: 'bob' } }),
      makeEvent({ name: 'DeleteUser', epochMs: T0 + 1000, request: { userName: 'bob' }, id: 'evt-del' }),
    ];
    expect(run(events, { beforeEventId: 'evt-del' }).state.get(userKey)!.exists).toBe(true);
  });
});

// Random histories over a few users, keys and rules.
const arbEvent = fc
  .record({
    name: fc.constantFrom('CreateUser', 'UpdateUser', 'TagUser', 'UntagUser', 'ResetUser', 'DeleteUser', 'CreateAccessKey', 'Login'),
    user: fc.constantFrom('bob', 'carol', 'dave'),
    second: fc.integer({ min: 0, max: 30 }),
    path: fc.constantFrom('/', '/a/', '/b/'),
    tags: fc.subarray(['x', 'y', 'z']),
    failed: fc.boolean(),
    n: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((r) =>
    makeEvent({
      name: r.name,
      epochMs: T0 + r.second * 1000,
      id: `e-${r.n}-${r.name}-${r.user}`,
      request: { userName: r.user, path: r.path, tags: r.tags },
      response: { accessKey: { accessKeyId: `AKIA${r.n}` } },
      ...(r.failed && { error: { code: 'AccessDenied' } }),
      origin: { file: `f${r.n % 3}.json`, index: r.n },
    }),
  );

describe('replay properties', () => {
  const stateText = (events: TrailEvent[], opts = {}) => stateToJson(run(events, opts).state);

  it('is deterministic and independent of input order', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 40 }), fc.infiniteStream(fc.integer()), (events, seeds) => {
        const shuffled = [...events].sort(() => (seeds.next().value % 2 === 0 ? 1 : -1));
        expect(stateText(shuffled)).toBe(stateText(events));
      }),
      { numRuns: 150 },
    );
  });

  it('duplicate deliveries change nothing', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { minLength: 1, maxLength: 40 }), (events) => {
        const again = events.map((e) => ({ ...e, origin: { file: `copy/${e.origin.file}`, index: e.origin.index } }));
        expect(stateText([...events, ...again])).toBe(stateText(events));
      }),
      { numRuns: 150 },
    );
  });

  it('failed events change nothing', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 40 }), (events) => {
        const ok = events.filter((e) => !e.error);
        expect(stateText(events)).toBe(stateText(ok));
      }),
      { numRuns: 150 },
    );
  });

  it('state at T equals the replay of the events up to T', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (events, s) => {
        const t = T0 + s * 1000;
        expect(stateText(events, { until: t })).toBe(stateText(events.filter((e) => e.epochMs <= t)));
      }),
      { numRuns: 150 },
    );
  });
});
