import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/index.js';
import type { TrailEvent } from '../../src/events/model.js';
import { keysToContain } from '../../src/cli/plan-inputs.js';
import { buildPlanSteps, type BuildInput } from '../../src/plan/build.js';
import type { Mode, Step } from '../../src/plan/model.js';
import type { State } from '../../src/state/model.js';
import { makeEvent } from '../helpers/events.js';
import { testCatalog } from '../helpers/test-catalog.js';
import { build, pureInputs, ref, res, stateOf } from './support.js';

const catalog = builtinCatalog();
const VPC = 'alicloud:vpc/network:Network';
const VSW = 'alicloud:vpc/switch:Switch';
const SG = 'alicloud:ecs/securityGroup:SecurityGroup';
const INSTANCE = 'alicloud:ecs/instance:Instance';
const RULE = 'alicloud:ecs/securityGroupRule:SecurityGroupRule';
const DISK = 'alicloud:ecs/ecsDisk:EcsDisk';
const RDS = 'alicloud:rds/instance:Instance';
const RAM_KEY = 'alicloud:ram/accessKey:AccessKey';
const AWS_KEY = 'aws:iam/accessKey:AccessKey';
const USER = 'aws:iam/user:User';

/** Point in time by hand: `end` is also the current state. */
function pit(desired: State, end: State, current: State = end): Step[] {
  const r = buildPlanSteps({ end, desired, current, catalog });
  expect(r.conflicts).toEqual([]);
  return r.steps;
}
const one = (steps: Step[], id: string): Step => {
  const s = steps.find((x) => x.resource.id === id);
  if (!s) throw new Error(`no step for ${id} in ${steps.map((x) => x.resource.id).join(', ')}`);
  return s;
};
const kinds = (s: Step): string[] => s.risks.map((r) => r.kind);
const pos = (steps: Step[], id: string): number => steps.indexOf(one(steps, id));

const net = {
  vpc: res('alicloud', VPC, 'vpc-1', { vpcName: 'prod', cidrBlock: '10.0.0.0/8' }),
  vsw: res('alicloud', VSW, 'vsw-1', { vpcId: 'vpc-1', cidrBlock: '10.1.0.0/16', zoneId: 'cn-hangzhou-h' }),
  sg: res('alicloud', SG, 'sg-1', { vpcId: 'vpc-1', securityGroupName: 'web' }),
  instance: res('alicloud', INSTANCE, 'i-1', { vswitchId: 'vsw-1', securityGroups: ['sg-1'], instanceType: 'ecs.g7.large' }),
  rule: res('alicloud', RULE, 'sg-1:ingress:tcp:22/22', { securityGroupId: 'sg-1', type: 'ingress', ipProtocol: 'tcp', portRange: '22/22', cidrIp: '0.0.0.0/0' }),
};
const gone = <T extends { exists: boolean }>(r: T): T => ({ ...structuredClone(r), exists: false });

describe('buildPlanSteps: what changes', () => {
  it('detects creates, updates and deletes, and leaves equal resources alone', () => {
    const desired = stateOf(
      res('aws', USER, 'changed', { name: 'changed', path: '/a/' }),
      res('aws', USER, 'deleted-since', { name: 'deleted-since', path: '/' }),
      res('aws', USER, 'same', { name: 'same', path: '/' }),
    );
    const end = stateOf(
      res('aws', USER, 'changed', { name: 'changed', path: '/b/', tags: { team: 'x' } }),
      gone(res('aws', USER, 'deleted-since', { name: 'deleted-since', path: '/' })),
      res('aws', USER, 'same', { name: 'same', path: '/' }),
      res('aws', USER, 'created-since', { name: 'created-since' }),
    );
    const steps = pit(desired, end);
    expect(steps.map((s) => [s.action, s.resource.id]).sort()).toEqual([
      ['create', 'deleted-since'],
      ['delete', 'created-since'],
      ['update', 'changed'],
    ]);
    const upd = one(steps, 'changed');
    expect(upd.before).toEqual({ name: 'changed', path: '/b/', tags: { team: 'x' } });
    expect(upd.after).toEqual({ name: 'changed', path: '/a/' });
    expect(upd.patch).toEqual(expect.arrayContaining([{ op: 'replace', path: '/path', value: '/a/' }, { op: 'remove', path: '/tags' }]));
    expect(upd.risks).toEqual([]);
    const cre = one(steps, 'deleted-since');
    expect(cre).toMatchObject({ before: null, after: { name: 'deleted-since', path: '/' }, unknown: [], patch: [{ op: 'add', path: '', value: { name: 'deleted-since', path: '/' } }] });
    expect(kinds(cre)).toEqual(['new-identity']);
    const del = one(steps, 'created-since');
    expect(del).toMatchObject({ after: null, patch: [{ op: 'remove', path: '' }] });
    expect(kinds(del)).toEqual(['destructive']);
    expect(del.resource).toEqual({ provider: 'aws', type: USER, id: 'created-since', region: 'global', account: '111122223333' });
  });

  it('a change of an input the provider can only replace gives a replace step (alicloud rule portRange)', () => {
    const desired = stateOf(net.rule);
    const end = stateOf({ ...net.rule, inputs: { ...net.rule.inputs, portRange: '1/65535' } });
    const [s, ...rest] = pit(desired, end);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ action: 'replace', replaceOn: ['portRange'], after: net.rule.inputs });
    expect(kinds(s!)).toEqual(['replace', 'destructive', 'new-identity']);
    expect(s!.risks[0]!.detail).toContain('portRange');
    // A description is changed in place.
    const described = stateOf({ ...net.rule, inputs: { ...net.rule.inputs, description: 'ssh' } });
    expect(pit(desired, described).map((x) => x.action)).toEqual(['update']);
  });

  it('an input the provider cannot change in place and whose prior value is unknown also forces a replace', () => {
    const desired = stateOf(res('alicloud', RULE, 'r', { securityGroupId: 'sg-1' }, { preexisting: true, provenance: { securityGroupId: ref('a') } }));
    const end = stateOf(res('alicloud', RULE, 'r', { securityGroupId: 'sg-1', portRange: '1/65535' }, { preexisting: true, provenance: { securityGroupId: ref('a'), portRange: ref('b') } }));
    const [s] = pit(desired, end);
    expect(s).toMatchObject({ action: 'replace', unknown: ['portRange'], replaceOn: ['portRange'] });
  });

  it('data-loss on types that hold data; new-identity on re-creation', () => {
    const end = stateOf(
      net.instance,
      net.sg,
      gone(res('alicloud', DISK, 'd-1', { zoneId: 'cn-hangzhou-h', size: 40 })),
      res('alicloud', RDS, 'rm-1', { engine: 'PostgreSQL', engineVersion: '14' }),
    );
    const desired = stateOf(res('alicloud', DISK, 'd-1', { zoneId: 'cn-hangzhou-h', size: 40 }), res('alicloud', RDS, 'rm-1', { engine: 'MySQL', engineVersion: '14' }));
    const steps = pit(desired, end);
    expect(kinds(one(steps, 'i-1'))).toEqual(['destructive', 'data-loss']);
    expect(kinds(one(steps, 'sg-1'))).toEqual(['destructive']);
    expect(kinds(one(steps, 'd-1'))).toEqual(['new-identity', 'data-loss']);
    expect(one(steps, 'rm-1').action).toBe('replace');
    expect(kinds(one(steps, 'rm-1'))).toEqual(['replace', 'destructive', 'data-loss', 'new-identity']);
  });
});

describe('buildPlanSteps: values the trail does not show', () => {
  const evil = ref('evt-evil', { actor: 'eve', accessKeyId: 'LTAI5tEVE', sourceIp: '192.0.2.77' });

  it('an input of a pre-existing resource changed by the undone writes: unknown, absent from after, unknown-prior naming --baseline', () => {
    // web-1 predates the trail; only the attacker's ModifyInstanceSpec is in it.
    const end = stateOf(
      res('alicloud', INSTANCE, 'i-web', { instanceType: 'ecs.g7.8xlarge', description: 'from --current' }, { preexisting: true, provenance: { instanceType: evil }, history: [evil] }),
    );
    const desired = stateOf(res('alicloud', INSTANCE, 'i-web', {}, { preexisting: true }));
    const r = buildPlanSteps({ end, desired, current: end, catalog, undone: (id) => id === evil.eventId, writes: [] });
    const [s, ...rest] = r.steps;
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ action: 'update', unknown: ['instanceType'] });
    expect(s!.after).not.toHaveProperty('instanceType');
    // Never written in the trail: kept as it is, not made unknown.
    expect(s!.after).toEqual({ description: 'from --current' });
    const prior = s!.risks.find((x) => x.kind === 'unknown-prior');
    expect(prior?.detail).toContain('instanceType');
    expect(prior?.detail).toContain('--baseline');
    expect(s!.risks.find((x) => x.kind === 'external-actor')?.detail).toContain('LTAI5tEVE');
    expect(s!.causedBy).toEqual([{ eventId: 'evt-evil', time: evil.time, name: 'Test', actor: 'eve', accessKeyId: 'LTAI5tEVE', sourceIp: '192.0.2.77' }]);
  });

  it('a pre-existing resource deleted by an undone write is re-created with what the trail shows, the rest flagged unknown-prior', () => {
    const tagged = ref('evt-tag', { time: '2026-10-14T01:00:00Z' });
    const end = stateOf(gone(res('alicloud', SG, 'sg-old', { securityGroupName: 'legacy' }, { preexisting: true, provenance: { securityGroupName: tagged }, history: [tagged, evil], deletedBy: evil })));
    const desired = stateOf(res('alicloud', SG, 'sg-old', { securityGroupName: 'legacy' }, { preexisting: true, provenance: { securityGroupName: tagged }, history: [tagged] }));
    const r = buildPlanSteps({ end, desired, current: end, catalog, undone: (id) => id === evil.eventId, writes: [] });
    const [s] = r.steps;
    expect(s).toMatchObject({ action: 'create', after: { securityGroupName: 'legacy' }, unknown: [] });
    expect(kinds(s!)).toEqual(['new-identity', 'unknown-prior', 'external-actor']);
    expect(s!.risks[1]!.detail).toMatch(/existed before the trail began.*1 input/);
  });

  it('a resource the trail only changed, later than the moment restored, exists with nothing known', () => {
    const later = ref('evt-later');
    const end = stateOf(res('aws', USER, 'old', { path: '/new/' }, { preexisting: true, provenance: { path: later }, history: [later] }));
    const steps = pit(new Map(), end);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ action: 'update', unknown: ['path'], after: {} });
  });

  it('a resource whose first write in the trail deleted it existed before, even when it was re-created later', () => {
    // bob predates the trail; eve deletes him and creates a user of the same name.
    const del = ref('evt-del', { actor: 'eve' });
    const cre = ref('evt-cre', { actor: 'eve', name: 'CreateUser' });
    const end = stateOf(res('aws', USER, 'bob', { name: 'bob', path: '/eve/' }, { provenance: { name: cre, path: cre }, history: [{ ...del, name: 'DeleteUser' }, cre], createdBy: cre }));
    // The state before eve: bob exists; nothing of him is known.
    const steps = pit(new Map(), end);
    expect(steps.map((s) => s.action)).toEqual(['update']);
    expect(steps[0]!.unknown.sort()).toEqual(['name', 'path']);
    // A user whose first write created him did not exist before it.
    const born = stateOf(res('aws', USER, 'carol', { name: 'carol' }, { history: [cre], createdBy: cre }));
    expect(pit(new Map(), born).map((s) => s.action)).toEqual(['delete']);
  });
});

describe('buildPlanSteps: order', () => {
  const all = [net.vpc, net.vsw, net.sg, net.instance, net.rule];
  const before = (steps: Step[], a: string, b: string): void => {
    expect(pos(steps, a), `${a} before ${b}`).toBeLessThan(pos(steps, b));
    expect(one(steps, b).dependsOn).toContain(one(steps, a).id);
  };

  it('creates parents first: VPC → vSwitch → security group → instance → rule', () => {
    const steps = pit(stateOf(...all), stateOf(...all.map(gone)));
    expect(steps.map((s) => s.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
    before(steps, 'vpc-1', 'vsw-1');
    before(steps, 'vpc-1', 'sg-1');
    before(steps, 'vsw-1', 'i-1');
    before(steps, 'sg-1', 'i-1');
    before(steps, 'sg-1', 'sg-1:ingress:tcp:22/22');
    expect(one(steps, 'vpc-1').dependsOn).toEqual([]);
  });

  it('deletes children first', () => {
    const steps = pit(new Map(), stateOf(...all));
    expect(steps.map((s) => s.action)).toEqual(['delete', 'delete', 'delete', 'delete', 'delete']);
    before(steps, 'sg-1:ingress:tcp:22/22', 'sg-1');
    before(steps, 'i-1', 'sg-1');
    before(steps, 'i-1', 'vsw-1');
    before(steps, 'vsw-1', 'vpc-1');
    before(steps, 'sg-1', 'vpc-1');
  });

  it('an update that drops a reference comes before the delete of what it referred to', () => {
    const sg2 = res('alicloud', SG, 'sg-2', { vpcId: 'vpc-1', securityGroupName: 'backdoor' });
    const end = stateOf(net.vpc, net.sg, sg2, { ...net.instance, inputs: { ...net.instance.inputs, securityGroups: ['sg-1', 'sg-2'] } });
    const desired = stateOf(net.vpc, net.sg, net.instance);
    const steps = pit(desired, end);
    expect(steps.map((s) => [s.action, s.resource.id])).toEqual([
      ['update', 'i-1'],
      ['delete', 'sg-2'],
    ]);
    expect(steps[1]!.dependsOn).toEqual(['s1']);
  });

  it('a child of a parent that is not re-created does not wait for anything', () => {
    const steps = pit(stateOf(net.vpc, net.vsw), stateOf(net.vpc, gone(net.vsw)));
    expect(steps).toHaveLength(1);
    expect(steps[0]!.dependsOn).toEqual([]);
  });
});

describe('buildPlanSteps: conflicts and who is undone', () => {
  const T = Date.UTC(2026, 9, 14, 3, 0, 0);
  const alice: TrailEvent['actor'] = { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', accessKeyId: 'AKIAALICE00000000001', sourceIp: '198.51.100.7' };
  const eve: TrailEvent['actor'] = { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/eve', userName: 'eve', accessKeyId: 'AKIAEVE0000000000002', sourceIp: '192.0.2.66' };
  const ev = (id: string, name: string, s: number, actor: TrailEvent['actor'], request: Record<string, unknown>, response: unknown = null): TrailEvent =>
    makeEvent({ id, name, epochMs: T + s * 1000, actor, request, response, origin: { file: 't.json', index: s } });
  const undoEve: Mode = { kind: 'undo', match: { keys: ['AKIAEVE0000000000002'] } };

  it('an undone write then a later kept write to the same input: a conflict with both events, the later value kept, no step', () => {
    const events = [
      ev('c', 'CreateUser', 0, alice, { userName: 'bob', path: '/' }),
      ev('evil', 'UpdateUser', 10, eve, { userName: 'bob', path: '/evil/' }),
      ev('fix', 'UpdateUser', 20, alice, { userName: 'bob', path: '/fixed/' }),
    ];
    const p = pureInputs(events, undoEve, testCatalog);
    const r = build(p, testCatalog);
    expect(r.steps).toEqual([]);
    expect(r.conflicts).toHaveLength(1);
    const c = r.conflicts[0]!;
    expect(c).toMatchObject({ resource: { type: USER, id: 'bob' }, paths: ['path'], undone: { eventId: 'evil', actor: 'eve', accessKeyId: 'AKIAEVE0000000000002' }, later: { eventId: 'fix', actor: 'alice' } });
    expect(c.resolution).toContain('later value is kept');
    expect(p.desired.get('aws/aws:iam/user:User/global/bob')!.inputs.path).toBe('/fixed/');
  });

  it('an undone write and a later kept write to other inputs do not conflict; the undone part is reverted', () => {
    const events = [
      ev('c', 'CreateUser', 0, alice, { userName: 'bob', path: '/' }),
      ev('evil', 'TagUser', 10, eve, { userName: 'bob', tags: ['pwned'] }),
      ev('fix', 'UpdateUser', 20, alice, { userName: 'bob', path: '/ops/' }),
    ];
    const r = build(pureInputs(events, undoEve, testCatalog), testCatalog);
    expect(r.conflicts).toEqual([]);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ action: 'update', before: { name: 'bob', path: '/ops/', tags: ['pwned'] }, after: { name: 'bob', path: '/ops/' } });
    expect(r.steps[0]!.causedBy.map((c) => c.eventId)).toEqual(['evil']);
  });

  it('created by the attacker and changed later by a legitimate user: still deleted, with a conflict risk and an external-actor risk', () => {
    const events = [
      ev('evil', 'CreateUser', 0, eve, { userName: 'mallory', path: '/' }),
      ev('later', 'UpdateUser', 30, alice, { userName: 'mallory', path: '/team/' }),
    ];
    const r = build(pureInputs(events, undoEve, testCatalog), testCatalog);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ paths: [], undone: { eventId: 'evil' }, later: { eventId: 'later', actor: 'alice' } });
    expect(r.steps).toHaveLength(1);
    const s = r.steps[0]!;
    expect(s).toMatchObject({ action: 'delete', resource: { id: 'mallory' } });
    expect(kinds(s)).toEqual(['destructive', 'conflict', 'external-actor']);
    expect(s.risks.find((x) => x.kind === 'conflict')!.detail).toContain('alice');
    const ext = s.risks.find((x) => x.kind === 'external-actor')!.detail;
    expect(ext).toContain('AKIAEVE0000000000002');
    expect(ext).toContain('192.0.2.66');
    // Both events caused it; only eve's is undone.
    expect(s.causedBy.map((c) => c.eventId)).toEqual(['evil', 'later']);
  });

  it('undone causes give external-actor; kept causes (point in time) do not', () => {
    const events = [ev('evil', 'CreateUser', 0, eve, { userName: 'mallory', path: '/' })];
    const undo = build(pureInputs(events, undoEve, testCatalog), testCatalog).steps;
    expect(kinds(undo[0]!)).toContain('external-actor');
    const at = build(pureInputs(events, { kind: 'point-in-time', at: '2026-10-14T02:00:00Z' }, testCatalog), testCatalog).steps;
    expect(kinds(at[0]!)).toEqual(['destructive']);
  });
});

describe('key containment', () => {
  const use = ref('evt-1', { actor: 'dev', accessKeyId: 'LTAI5tLEAKED0001' });
  const base = (over: Partial<BuildInput> = {}): BuildInput => ({ end: new Map(), desired: new Map(), current: new Map(), catalog, ...over });

  it('deactivates a leaked Alibaba Cloud key first', () => {
    const end = stateOf(res('alicloud', INSTANCE, 'i-evil', { instanceType: 'ecs.gn7' }, { history: [use], createdBy: use }));
    const r = buildPlanSteps(base({ end, current: end, undone: () => true, contain: [{ provider: 'alicloud', accessKeyId: 'LTAI5tLEAKED0001', userName: 'dev', account: '1234567890123456', uses: [use] }] }));
    expect(r.steps.map((s) => [s.id, s.action, s.resource.type])).toEqual([
      ['s1', 'update', RAM_KEY],
      ['s2', 'delete', INSTANCE],
    ]);
    const s = r.steps[0]!;
    expect(s.resource).toEqual({ provider: 'alicloud', type: RAM_KEY, id: 'LTAI5tLEAKED0001', region: 'global', account: '1234567890123456' });
    expect(s.before).toEqual({ userName: 'dev' });
    expect(s.after).toEqual({ userName: 'dev', status: 'Inactive' });
    expect(s.patch).toEqual([{ op: 'add', path: '/status', value: 'Inactive' }]);
    expect(kinds(s)).toEqual(['external-actor']);
    expect(s.risks[0]!.detail).toContain('containment');
    expect(s.causedBy.map((c) => c.eventId)).toEqual(['evt-1']);
  });

  it('an AWS key becomes Inactive, keeping what is known of it', () => {
    const key = res('aws', AWS_KEY, 'AKIALEAKED0000000001', { user: 'dev', status: 'Active' });
    const current = stateOf(key);
    const r = buildPlanSteps(base({ end: current, desired: current, current, contain: [{ provider: 'aws', accessKeyId: 'AKIALEAKED0000000001', userName: 'dev', account: '111122223333', uses: [use] }] }));
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ action: 'update', resource: { type: AWS_KEY, id: 'AKIALEAKED0000000001' }, before: { user: 'dev', status: 'Active' }, after: { user: 'dev', status: 'Inactive' } });
  });

  it('nothing when the key is already inactive, deleted, or deleted by another step', () => {
    const contain = [{ provider: 'aws' as const, accessKeyId: 'AKIALEAKED0000000001', userName: 'dev', account: '111122223333', uses: [use] }];
    const key = res('aws', AWS_KEY, 'AKIALEAKED0000000001', { user: 'dev', status: 'Active' });
    const inactive = stateOf({ ...key, inputs: { user: 'dev', status: 'Inactive' } });
    expect(buildPlanSteps(base({ end: inactive, desired: inactive, current: inactive, contain })).steps).toEqual([]);
    const deleted = stateOf(gone(key));
    expect(buildPlanSteps(base({ end: deleted, desired: deleted, current: deleted, contain })).steps).toEqual([]);
    // The key was created in the trail by the undone writes: its delete step is enough.
    const created = stateOf({ ...key, history: [use], createdBy: use });
    const r = buildPlanSteps(base({ end: created, current: created, undone: () => true, contain }));
    expect(r.steps.map((s) => s.action)).toEqual(['delete']);
  });

  it('keysToContain: long-term keys of undone writes only, never STS/ASIA credentials', () => {
    const T = Date.UTC(2026, 9, 14);
    const w = (id: string, key: string | undefined, provider: 'aws' | 'alicloud' = 'aws', userName = 'dev'): TrailEvent =>
      makeEvent({ id, name: 'X', epochMs: T, provider, actor: { type: 'IAMUser', principal: `p/${userName}`, userName, ...(key && { accessKeyId: key }) } });
    const writes = [
      w('a1', 'AKIALEAKED0000000001'),
      w('a2', 'AKIALEAKED0000000001'),
      w('a3', 'ASIATEMPORARY0000001'),
      w('a4', 'LTAI5tQ7mXn3Vb2KcR8pWz1Y', 'alicloud', 'ci-deployer'),
      w('a5', 'STS.NUgYrLnoC37mZZCNnAbez2fDQ', 'alicloud'),
      w('a6', undefined),
      w('kept', 'AKIAKEPT000000000001'),
    ];
    const undone = new Set(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'reboot']);
    writes.push({ ...w('reboot', 'AKIAREBOOTONLY000001'), name: 'Reboot' });
    // Only writes that change state count: a key whose only undone write was a reboot is left alone.
    const catalog = { lookup: (e: Pick<TrailEvent, 'name'>) => (e.name === 'Reboot' ? ({ kind: 'non-state' } as const) : ({ kind: 'entry' } as const)) };
    const keys = keysToContain(writes, undone, catalog as unknown as Parameters<typeof keysToContain>[2]);
    expect(keys.map((k) => [k.provider, k.accessKeyId, k.userName, k.uses.map((u) => u.eventId)])).toEqual([
      ['aws', 'AKIALEAKED0000000001', 'dev', ['a1', 'a2']],
      ['alicloud', 'LTAI5tQ7mXn3Vb2KcR8pWz1Y', 'ci-deployer', ['a4']],
    ]);
  });

  it('through the pipeline: an undo by key contains that key, and --keep-keys (contain undefined) does not', () => {
    const T = Date.UTC(2026, 9, 14);
    const eve: TrailEvent['actor'] = { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/eve', userName: 'eve', accessKeyId: 'AKIAEVE0000000000002', sourceIp: '192.0.2.66' };
    const events = [makeEvent({ id: 'evil', name: 'CreateUser', epochMs: T, actor: eve, request: { userName: 'mallory' } })];
    const mode: Mode = { kind: 'undo', match: { keys: ['AKIAEVE0000000000002'] } };
    const contained = build(pureInputs(events, mode, testCatalog, { contain: true }), testCatalog).steps;
    expect(contained.map((s) => [s.action, s.resource.id])).toEqual([
      ['update', 'AKIAEVE0000000000002'],
      ['delete', 'mallory'],
    ]);
    expect(contained[0]!.before).toEqual({ user: 'eve' });
    const kept = build(pureInputs(events, mode, testCatalog), testCatalog).steps;
    expect(kept.map((s) => s.action)).toEqual(['delete']);
  });
});

describe('patches', () => {
  it('are RFC 6902 and turn before into after, inputs with / and ~ in their names included', () => {
    const desired = stateOf(res('aws', USER, 'u', { name: 'u', 'a/b': 1, 'c~d': ['x'], tags: { k: 'v', n: { deep: true } } }));
    const end = stateOf(res('aws', USER, 'u', { name: 'u', 'a/b': 2, tags: { k: 'w', n: { deep: false } }, extra: null }));
    const [s] = pit(desired, end);
    for (const op of s!.patch) {
      expect(['add', 'remove', 'replace', 'move', 'copy', 'test']).toContain(op.op);
      expect(op.path).toMatch(/^\//);
    }
    expect(s!.patch).toContainEqual({ op: 'replace', path: '/a~1b', value: 1 });
    expect(s!.patch).toContainEqual({ op: 'add', path: '/c~0d', value: ['x'] });
    const { newDocument } = jsonpatch.applyPatch(structuredClone(s!.before), structuredClone(s!.patch) as jsonpatch.Operation[], true, false);
    expect(newDocument).toEqual(s!.after);
    expect(jsonpatch.validate(s!.patch as jsonpatch.Operation[], structuredClone(s!.before))).toBeUndefined();
  });
});

describe('buildPlanSteps: what the current state does not show', () => {
  it('lists inputs known to have changed without their value as unknownBefore, and the render marks them', async () => {
    const { diffLines } = await import('../../src/plan/render.js');
    const instance = res('alicloud', INSTANCE, 'i-9', { instanceType: 'ecs.g7.large' }, { unknown: ['password'], createdBy: ref('run') });
    const steps = pit(stateOf(), stateOf(instance));
    const s = one(steps, 'i-9');
    expect(s.action).toBe('delete');
    expect(s.unknownBefore).toEqual(['password']);
    expect(s.before).toEqual({ instanceType: 'ecs.g7.large' });
    expect(diffLines(s)).toContain('-  "password": <unknown>');
  });
});
