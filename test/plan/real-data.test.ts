/**
 * Plans over real third-party CloudTrail data, read in place from ../shared/data (never copied).
 * Expectations are worked out here from the raw records with the tests' own reader
 * (test/trail/support/datasets.ts), not from trailback's replay.
 *
 * invictus-aws_dataset (SOURCE.md): ~55 minutes of Stratus Red Team detonations in account
 * 123837392027, nearly every write made with bert-jan's long-term key AKIATFQR7NSC8Q4X20BJ,
 * which creates VPCs, subnets, users, keys… and deletes most of them again between 12:07 and
 * 12:29; at the end a console session (temporary ASIA… keys) releases an EIP and deletes the
 * RDS instance. stratus-red-team: one detonation per file, on resources created outside the
 * files (so their prior values are not in the trail).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPlanInputs, planFromInputs, type DesiredFlags } from '../../src/cli/plan-inputs.js';
import type { Plan, Step } from '../../src/plan/model.js';
import { stateToJson } from '../../src/state/io.js';
import { available, DATASETS, failedCall, rawEvents } from '../trail/support/datasets.js';
import { res, stateOf } from './support.js';

type Rec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const INVICTUS = DATASETS.invictus;
const STRATUS = DATASETS.stratus;
const hasInvictus = available(INVICTUS, 'plan tests on invictus-aws_dataset');
const hasStratus = available(STRATUS, 'plan tests on stratus-red-team');

async function planOf(trail: string, flags: DesiredFlags): Promise<Plan> {
  const inputs = await loadPlanInputs([trail], flags);
  return planFromInputs(inputs, [trail], flags, 'trailback test');
}
const stepsOf = (plan: Plan, type: string, action?: Step['action']): Step[] => plan.steps.filter((s) => s.resource.type === type && (!action || s.action === action));
const ids = (steps: Step[]): string[] => steps.map((s) => s.resource.id).sort();

/** Successful writes of the dataset, in time order (ties: as read). */
function successfulWrites(path: string): Rec[] {
  return rawEvents(path)
    .map((r) => r.record as Rec)
    .filter((r) => r.readOnly === false && !failedCall(r))
    .sort((a, b) => (a.eventTime < b.eventTime ? -1 : a.eventTime > b.eventTime ? 1 : 0));
}

describe('invictus-aws_dataset: undo the attacker key', () => {
  const writes = hasInvictus ? successfulWrites(INVICTUS) : [];
  const keyCounts = new Map<string, number>();
  for (const r of writes) if (r.userIdentity?.accessKeyId) keyCounts.set(r.userIdentity.accessKeyId, (keyCounts.get(r.userIdentity.accessKeyId) ?? 0) + 1);
  // SOURCE.md: 413 successful writes with AKIATFQR7NSC8Q4X20BJ, far more than any other key.
  const KEY = [...keyCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'AKIATFQR7NSC8Q4X20BJ';
  const byKey = writes.filter((r) => r.userIdentity?.accessKeyId === KEY);

  const vpcCreated = new Map<string, Rec>(byKey.filter((r) => r.eventName === 'CreateVpc').map((r) => [r.responseElements.vpc.vpcId as string, r]));
  const vpcDeleted = new Map<string, Rec>(writes.filter((r) => r.eventName === 'DeleteVpc').map((r) => [r.requestParameters.vpcId as string, r]));
  const subnetCreated = new Map<string, Rec>(byKey.filter((r) => r.eventName === 'CreateSubnet').map((r) => [r.responseElements.subnet.subnetId as string, r]));
  const subnetDeleted = new Set(writes.filter((r) => r.eventName === 'DeleteSubnet').map((r) => r.requestParameters.subnetId as string));
  const usersCreated = byKey.filter((r) => r.eventName === 'CreateUser').map((r) => r.requestParameters.userName as string);
  const usersDeleted = new Set(writes.filter((r) => r.eventName === 'DeleteUser').map((r) => r.requestParameters.userName as string));

  it.skipIf(!hasInvictus)('the data is what SOURCE.md says', () => {
    expect(KEY).toBe('AKIATFQR7NSC8Q4X20BJ');
    expect(keyCounts.get(KEY)).toBe(413);
    expect(vpcCreated.size).toBe(7);
    expect(usersCreated).toContain('malicious-iam-user');
  });

  it.skipIf(!hasInvictus)('deletes what the key created and left, contains the key, and plans nothing for what it already removed', async () => {
    const plan = await planOf(INVICTUS, { undoKey: [KEY] });
    // Containment first: the key is switched off before anything else.
    expect(plan.steps[0]).toMatchObject({ id: 's1', action: 'update', resource: { type: 'aws:iam/accessKey:AccessKey', id: KEY }, before: { user: 'bert-jan' }, after: { user: 'bert-jan', status: 'Inactive' } });
    // Only that key: the console's temporary ASIA… credentials are not "contained".
    expect(stepsOf(plan, 'aws:iam/accessKey:AccessKey').map((s) => s.resource.id)).toEqual([KEY]);

    // VPCs: the ones it created and nobody deleted are deleted; the others need nothing.
    const leftVpcs = [...vpcCreated.keys()].filter((id) => !vpcDeleted.has(id)).sort();
    expect(leftVpcs).toEqual(['vpc-07b33857c7ad1c027']);
    expect(ids(stepsOf(plan, 'aws:ec2/vpc:Vpc'))).toEqual(leftVpcs);
    expect(stepsOf(plan, 'aws:ec2/vpc:Vpc')[0]!.action).toBe('delete');
    // Subnets likewise, and each is deleted before its VPC.
    const leftSubnets = [...subnetCreated.keys()].filter((id) => !subnetDeleted.has(id)).sort();
    expect(leftSubnets.length).toBeGreaterThan(0);
    expect(ids(stepsOf(plan, 'aws:ec2/subnet:Subnet', 'delete'))).toEqual(leftSubnets);
    const vpcStep = stepsOf(plan, 'aws:ec2/vpc:Vpc')[0]!;
    for (const id of leftSubnets.filter((s) => subnetCreated.get(s)!.requestParameters.vpcId === vpcStep.resource.id)) {
      expect(vpcStep.dependsOn).toContain(plan.steps.find((s) => s.resource.id === id)!.id);
    }

    // Every user it created was deleted again: no user steps at all.
    expect(usersCreated.every((u) => usersDeleted.has(u))).toBe(true);
    expect(stepsOf(plan, 'aws:iam/user:User')).toEqual([]);
    // The EIP and the RDS instance it created were removed by the console session at the end: nothing to do.
    const released = writes.filter((r) => r.eventName === 'ReleaseAddress' && !r.userIdentity?.accessKeyId?.startsWith('AKIA')).map((r) => r.requestParameters.allocationId as string);
    const dbDeleted = writes.filter((r) => r.eventName === 'DeleteDBInstance' && r.userIdentity?.accessKeyId !== KEY).map((r) => r.requestParameters.dBInstanceIdentifier as string);
    expect(released).toEqual(['eipalloc-04cbfdaf4b48e92d5']);
    expect(dbDeleted).toEqual(['terraform-20230710121504061500000001']);
    expect(plan.steps.filter((s) => [...released, ...dbDeleted].includes(s.resource.id))).toEqual([]);
    expect(plan.conflicts.filter((c) => c.resolution.includes('the plan still removes it'))).toEqual([]);

    // Nothing is created (everything it deleted, it had created), and every step undoes the key.
    expect(plan.steps.filter((s) => s.action === 'create')).toEqual([]);
    for (const s of plan.steps.slice(1)) {
      expect(s.action).toBe('delete');
      expect(s.risks.find((r) => r.kind === 'external-actor')?.detail).toContain(KEY);
      expect(s.causedBy.some((c) => c.accessKeyId === KEY)).toBe(true);
    }
    expect(plan.steps.slice(1).every((s) => s.risks.some((r) => r.kind === 'destructive'))).toBe(true);
  });

  it.skipIf(!hasInvictus)("undoing only its clean-up (--since 12:07) re-creates what it deleted, with the values it had created", async () => {
    const since = '2023-07-10T12:07:00Z';
    const plan = await planOf(INVICTUS, { undoKey: [KEY], since, keepKeys: true });
    expect(stepsOf(plan, 'aws:iam/accessKey:AccessKey', 'update')).toEqual([]); // --keep-keys
    // Created before the window, deleted (by the key) inside it.
    const restored = [...vpcCreated].filter(([id, c]) => c.eventTime < since && vpcDeleted.get(id) && vpcDeleted.get(id)!.eventTime >= since).map(([id]) => id).sort();
    expect(restored).toEqual(['vpc-0255d384b4b458b46', 'vpc-04ae35a334cd7ef4f', 'vpc-06fe1a64761a0f720', 'vpc-0fa94f40db415f317']);
    const creates = stepsOf(plan, 'aws:ec2/vpc:Vpc', 'create');
    expect(ids(creates)).toEqual(restored);
    for (const s of creates) {
      const req = vpcCreated.get(s.resource.id)!.requestParameters;
      expect(s.after).toMatchObject({ cidrBlock: req.cidrBlock, instanceTenancy: req.instanceTenancy });
      expect(s.unknown).toEqual([]);
      expect(s.risks.map((r) => r.kind)).toEqual(['new-identity', 'external-actor']);
      expect(s.risks[1]!.detail).toContain(KEY);
      expect(s.causedBy.map((c) => c.name)).toContain('DeleteVpc');
    }
    // Created and deleted inside the window: both undone, nothing to do.
    const bothUndone = [...vpcCreated].filter(([id, c]) => c.eventTime >= since && vpcDeleted.has(id)).map(([id]) => id);
    expect(bothUndone.length).toBeGreaterThan(0);
    expect(plan.steps.filter((s) => bothUndone.includes(s.resource.id))).toEqual([]);
    // Created inside the window and left: deleted.
    const createdInside = [...vpcCreated].filter(([id, c]) => c.eventTime >= since && !vpcDeleted.has(id)).map(([id]) => id);
    expect(ids(stepsOf(plan, 'aws:ec2/vpc:Vpc', 'delete'))).toEqual(createdInside.sort());
  });
});

describe('invictus-aws_dataset: back to a moment', () => {
  const writes = hasInvictus ? successfulWrites(INVICTUS) : [];
  const find = (name: string, pred: (r: Rec) => boolean): Rec => {
    const r = writes.find((x) => x.eventName === name && pred(x));
    if (!r) throw new Error(`no ${name} in the data`);
    return r;
  };

  it.skipIf(!hasInvictus)('a plan at a moment before a user was deleted re-creates the user, then its key and policy attachment', async () => {
    const user = 'malicious-iam-user';
    const created = find('CreateUser', (r) => r.requestParameters.userName === user);
    const key = find('CreateAccessKey', (r) => r.requestParameters.userName === user);
    const deleted = find('DeleteUser', (r) => r.requestParameters.userName === user);
    const attached = find('AttachUserPolicy', (r) => r.requestParameters.userName === user);
    expect(key.eventTime < deleted.eventTime).toBe(true);
    // Between its access key's creation and its deletion.
    const at = new Date((Date.parse(key.eventTime) + Date.parse(deleted.eventTime)) / 2).toISOString().replace(/\.\d+Z$/, 'Z');
    const plan = await planOf(INVICTUS, { at });
    expect(plan.mode).toEqual({ kind: 'point-in-time', at });

    const userStep = plan.steps.find((s) => s.resource.type === 'aws:iam/user:User' && s.resource.id === user)!;
    expect(userStep).toMatchObject({ action: 'create', before: null, unknown: [] });
    expect(userStep.after).toEqual({ name: user, tags: Object.fromEntries((created.requestParameters.tags as { key: string; value: string }[]).map((t) => [t.key, t.value])) });
    expect(userStep.risks.map((r) => r.kind)).toEqual(['new-identity']);
    expect(userStep.causedBy.map((c) => c.eventId)).toContain(deleted.eventID);

    const keyId = key.responseElements.accessKey.accessKeyId as string;
    const keyStep = plan.steps.find((s) => s.resource.id === keyId)!;
    expect(keyStep).toMatchObject({ action: 'create', resource: { type: 'aws:iam/accessKey:AccessKey' }, after: { user, status: 'Active' }, dependsOn: [userStep.id] });
    const attachStep = plan.steps.find((s) => s.resource.type === 'aws:iam/userPolicyAttachment:UserPolicyAttachment' && s.resource.id === `${user}/${attached.requestParameters.policyArn}`)!;
    expect(attachStep).toMatchObject({ action: 'create', dependsOn: [userStep.id] });
    // Not a containment plan: nothing is deactivated, nobody is "external".
    expect(plan.steps.some((s) => s.risks.some((r) => r.kind === 'external-actor'))).toBe(false);
  });
});

describe('stratus-red-team: changes to resources that predate the trail', () => {
  const file = (name: string): string => join(STRATUS, `${name}.json`);
  const only = (name: string, eventName: string): Rec => {
    const r = successfulWrites(file(name)).filter((x) => x.eventName === eventName);
    expect(r).toHaveLength(1);
    return r[0]!;
  };
  const dir = mkdtempSync(join(tmpdir(), 'trailback-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasStratus)('undoing a rewritten trust policy: the prior policy is unknown, not guessed, until a baseline gives it', async () => {
    const e = only('aws.persistence.iam-backdoor-role', 'UpdateAssumeRolePolicy');
    const key = e.userIdentity.accessKeyId as string;
    const role = e.requestParameters.roleName as string;
    const plan = await planOf(STRATUS, { undoKey: [key], keepKeys: true });
    expect(plan.steps).toHaveLength(1);
    const s = plan.steps[0]!;
    expect(s).toMatchObject({ action: 'update', resource: { type: 'aws:iam/role:Role', id: role }, unknown: ['assumeRolePolicy'] });
    expect(s.before!.assumeRolePolicy).toBe(e.requestParameters.policyDocument); // the backdoor
    expect(s.after).not.toHaveProperty('assumeRolePolicy');
    expect(s.risks.find((r) => r.kind === 'unknown-prior')?.detail).toMatch(/assumeRolePolicy.*--baseline/);

    // With the state before the trail, the original document comes back.
    const original = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const baseline = join(dir, 'baseline.json');
    writeFileSync(baseline, stateToJson(stateOf(res('aws', 'aws:iam/role:Role', role, { name: role, assumeRolePolicy: original }, { account: e.recipientAccountId ?? e.userIdentity.accountId }))));
    const withBaseline = await planOf(STRATUS, { undoKey: [key], keepKeys: true, baseline });
    const b = withBaseline.steps.find((x) => x.resource.id === role)!;
    expect(b).toMatchObject({ action: 'update', unknown: [], after: { name: role, assumeRolePolicy: original } });
    expect(b.risks.map((r) => r.kind)).not.toContain('unknown-prior');
    expect(withBaseline.baseline?.source).toBe(baseline);
  });

  it.skipIf(!hasStratus)('undoing StopLogging: whether logging was on before is unknown, not assumed', async () => {
    const e = only('aws.defense-evasion.cloudtrail-stop', 'StopLogging');
    const plan = await planOf(STRATUS, { undoKey: [e.userIdentity.accessKeyId as string], keepKeys: true });
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ action: 'update', resource: { type: 'aws:cloudtrail/trail:Trail', id: e.requestParameters.name, region: e.awsRegion }, before: { enableLogging: false }, after: {}, unknown: ['enableLogging'] });
    expect(plan.steps[0]!.risks.map((r) => r.kind)).toContain('unknown-prior');
  });

  it.skipIf(!hasStratus)('undoing DeleteTrail of a trail that predates the trail: re-created, flagged as only partly known', async () => {
    const e = only('aws.defense-evasion.cloudtrail-delete', 'DeleteTrail');
    const key = e.userIdentity.accessKeyId as string;
    const plan = await planOf(STRATUS, { undoKey: [key] });
    expect(plan.steps.map((s) => [s.action, s.resource.type, s.resource.id])).toEqual([
      ['update', 'aws:iam/accessKey:AccessKey', key],
      ['create', 'aws:cloudtrail/trail:Trail', e.requestParameters.name],
    ]);
    const s = plan.steps[1]!;
    // Nothing of its configuration is in the trail, so nothing is made up.
    expect(s.after).toEqual({});
    expect(s.risks.map((r) => r.kind)).toEqual(['new-identity', 'unknown-prior', 'external-actor']);
    expect(s.risks[1]!.detail).toMatch(/existed before the trail began, so only the 0 input\(s\)/);
  });

  it.skipIf(!hasStratus)('undoing the admin-user backdoor deletes the user after its key and policy attachment', async () => {
    const created = only('aws.persistence.iam-create-admin-user', 'CreateUser');
    const keyRec = only('aws.persistence.iam-create-admin-user', 'CreateAccessKey');
    const user = created.requestParameters.userName as string;
    const plan = await planOf(STRATUS, { undoKey: [created.userIdentity.accessKeyId as string], keepKeys: true });
    const userStep = plan.steps.find((s) => s.resource.id === user)!;
    expect(userStep.action).toBe('delete');
    const children = plan.steps.filter((s) => s !== userStep);
    expect(children.map((s) => [s.action, s.resource.id]).sort()).toEqual([
      ['delete', keyRec.responseElements.accessKey.accessKeyId],
      ['delete', `${user}/arn:aws:iam::aws:policy/AdministratorAccess`],
    ]);
    expect([...userStep.dependsOn].sort()).toEqual(children.map((s) => s.id).sort());
  });
});
