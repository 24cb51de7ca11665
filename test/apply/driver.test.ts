/**
 * The Automation API flow, end to end through LocalWorkspace and Stack, with a fake Pulumi CLI
 * that records the calls and replays engine events. No Pulumi CLI, no cloud.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runApply, findPulumiCommand, backendUrl, type ApplyDeps, type ApplyRequest } from '../../src/apply/driver.js';
import { resourceNames, resourceUrn } from '../../src/apply/names.js';
import { ApplyRecord } from '../../src/apply/record.js';
import type { ProgramSpec } from '../../src/apply/spec.js';
import { renderSummaryMarkdown, renderSummaryText, writeSummaryFiles } from '../../src/apply/summary.js';
import { parsePlan } from '../../src/plan/io.js';
import { stepsDigest, type Plan } from '../../src/plan/model.js';
import { UserError } from '../../src/util/errors.js';
import { ev, FakePulumi, type Operation } from './fake-pulumi.js';
import { awsPlan, makePlan, step } from './helpers.js';

let dir: string;
let planPath: string;
let log: string[];
let traced: ProgramSpec[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailback-apply-'));
  planPath = join(dir, 'plans', 'leak.plan.json');
  log = [];
  traced = [];
});

const STACK = 'leak';

function deps(fake: FakePulumi, over: Partial<ApplyDeps> = {}): ApplyDeps {
  return {
    staleness: async () => [],
    pulumiCommand: async () => fake.asCommand(),
    confirm: async () => true,
    isTTY: false,
    log: (l) => log.push(l),
    env: { PULUMI_CONFIG_PASSPHRASE: 'test' },
    cwd: dir,
    now: () => new Date('2026-10-15T10:00:00Z'),
    trace: (s) => traced.push(s),
    ...over,
  };
}

function req(plan: Plan, over: Partial<ApplyRequest> = {}): ApplyRequest {
  return { planPath, plan, yes: true, ...over };
}

function urns(plan: Plan): Map<string, string> {
  const names = resourceNames(plan.steps);
  return new Map(plan.steps.map((s) => [s.id, resourceUrn(STACK, s.resource.type, names.get(s.id)!)]));
}

/**
 * A cloud that looks exactly like the plan's `before` (unless `live` says otherwise), and a
 * Pulumi that does what the program asks: it imports what the program imports and, on converge,
 * deletes what the stack holds but the program left out — updates and creates first, deletes last.
 */
function happyScript(plan: Plan, fake: FakePulumi, over: { live?: Record<string, Record<string, unknown>>; convergeFails?: string[]; stopAfter?: boolean } = {}) {
  const u = urns(plan);
  const stepOf = new Map(plan.steps.map((s) => [u.get(s.id)!, s]));
  const provider = (type: string) => `urn:pulumi:${STACK}::trailback::pulumi:providers:${type.split(':')[0]}::p::prov-1`;
  return {
    events(op: Operation) {
      const program = traced.at(-1)!;
      const inProgram = plan.steps.filter((s) => program.resources.some((r) => r.stepId === s.id));
      const planning = op.kind === 'preview';
      if (op.phase === 'read') return inProgram.flatMap((s) => ev.read(u.get(s.id)!, s.resource.type, over.live?.[s.id] ?? s.before ?? {}));
      if (op.phase.startsWith('import')) {
        return inProgram.flatMap((s) => ev.done(u.get(s.id)!, s.resource.type, 'import', { id: s.resource.id, planning, provider: provider(s.resource.type) }));
      }
      const deletes = fake.resources(STACK).map((r) => stepOf.get(r.urn)).filter((s) => s !== undefined && !inProgram.includes(s));
      const out = [];
      for (const s of [...inProgram, ...deletes]) {
        const kind = s!.action === 'delete' ? 'delete' : s!.action === 'create' ? 'create' : s!.action === 'replace' ? 'replace' : 'update';
        if (!planning && over.convergeFails?.includes(s!.id)) {
          out.push(...ev.failed(u.get(s!.id)!, s!.resource.type, kind, `${kind} ${s!.resource.id}: operation error: AccessDenied`));
          if (over.stopAfter) break;
          continue;
        }
        out.push(...ev.done(u.get(s!.id)!, s!.resource.type, kind, { id: s!.action === 'create' ? `new-${s!.resource.id}` : s!.resource.id, planning, provider: provider(s!.resource.type) }));
      }
      return out;
    },
    fail(op: Operation) {
      return op.kind === 'up' && op.phase === 'converge' && over.convergeFails?.length ? 'error: update failed' : undefined;
    },
  };
}

describe('refusals (one line each, before Pulumi runs)', () => {
  const fake = new FakePulumi();

  it('an unapproved plan', async () => {
    const plan = makePlan(awsPlan().steps, { approve: false });
    await expect(runApply(req(plan), deps(fake))).rejects.toThrow(/is not approved: review it with `trailback review/);
  });

  it('a step edited after the approval', async () => {
    const plan = awsPlan();
    plan.steps[0]!.decision = 'skipped';
    await expect(runApply(req(plan), deps(fake))).rejects.toThrow(/steps changed after the approval by alice/);
  });

  it('a plan of another schema version', () => {
    const doc = JSON.parse(JSON.stringify(awsPlan()));
    doc.schemaVersion = 2;
    expect(() => parsePlan(doc, 'plans/x.plan.json')).toThrow(/plan schema version 2 is not supported/);
  });

  it('a stale plan, with the reasons', async () => {
    const stale = deps(fake, { staleness: async () => ['the trail changed since the plan was made (40 write events then, 41 now): make the plan again'] });
    const err = await runApply(req(awsPlan()), stale).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/leak\.plan\.json is stale: the trail changed/);
    expect(fake.calls).toEqual([]);
  });

  it('no terminal and no --yes', async () => {
    await expect(runApply(req(awsPlan(), { yes: false }), deps(fake))).rejects.toThrow(/not a terminal; pass --yes/);
  });

  it('desired values the plan does not know (redacted or unknown), pointing to review', async () => {
    const plan = makePlan([
      step({ id: 'k', action: 'create', type: 'aws:iam/userLoginProfile:UserLoginProfile', resourceId: 'bob', region: 'global', after: { user: 'bob', password: '[redacted]' } }),
      step({ id: 'u', action: 'update', type: 'aws:iam/user:User', resourceId: 'bob', region: 'global', before: { name: 'bob' }, after: { name: 'bob' }, unknown: ['tags'] }),
    ]);
    await expect(runApply(req(plan), deps(fake))).rejects.toThrow(/2 approved steps have inputs .*k \(password\); u \(tags\); fill them with `trailback review/);
    expect(fake.calls).toEqual([]);
  });

  it('a missing Pulumi CLI is one line with how to install it', async () => {
    const path = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'empty-path-'));
    try {
      await expect(findPulumiCommand()).rejects.toThrow(/Pulumi CLI is not installed or not on PATH.*https:\/\/www\.pulumi\.com\/docs\/install\//);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('apply through the Automation API', () => {
  it('runs read → import → converge → release, and records every step as applied', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake);
    const summary = await runApply(req(plan), deps(fake));
    expect(fake.operations.map((o) => `${o.kind} ${o.phase}`)).toEqual(['preview read', 'up import', 'preview converge (preview)', 'up converge']);
    const cmds = fake.calls.map((c) => c.slice(0, 2).join(' '));
    expect(cmds[0]).toBe('stack select');
    expect(cmds[1]).toBe('stack init');
    expect(fake.calls[1]).toContain('passphrase');
    expect(cmds.slice(-2)).toEqual(['stack export', 'stack import']);
    // Released: the stack holds nothing of ours any more, not even the providers.
    expect(fake.resources(STACK).map((r) => r.type)).toEqual(['pulumi:pulumi:Stack']);
    expect(summary.status).toBe('succeeded');
    expect(summary.counts).toMatchObject({ applied: 6, failed: 0, skipped: 0 });
    const record = ApplyRecord.parse(JSON.parse(readFileSync(join(dir, 'plans', 'leak.apply.json'), 'utf8')));
    expect(record).toMatchObject({ status: 'succeeded', held: [], stack: STACK, stepsDigest: stepsDigest(plan) });
    expect(Object.values(record.steps).every((s) => s.status === 'applied')).toBe(true);
    expect(traced.map((t) => t.phase)).toEqual(['read', 'import', 'converge', 'converge']);
    expect(log.some((l) => /✓ deleted a1 aws:ec2\/instance:Instance i-0aaa1111/.test(l))).toBe(true);
  });

  it('uses the file backend in .trailback/pulumi by default, PULUMI_BACKEND_URL or --backend when given', () => {
    expect(backendUrl(undefined, {}, '/w').url).toBe('file:///w/.trailback/pulumi');
    expect(backendUrl(undefined, { PULUMI_BACKEND_URL: 's3://bucket/state' }, '/w')).toEqual({ url: 's3://bucket/state' });
    expect(backendUrl('state', { PULUMI_BACKEND_URL: 's3://x' }, '/w')).toEqual({ url: 'file:///w/state', dir: '/w/state' });
  });

  it('says so on stderr when no passphrase is set', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake);
    await runApply(req(plan), deps(fake, { env: {} }));
    expect(log).toContain('trailback: PULUMI_CONFIG_PASSPHRASE is not set: the stack uses an empty passphrase for its secrets');
  });

  it('stops before any change when a live resource differs from the plan, listing per attribute', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake, { live: { a1: { ami: 'ami-0abc', instanceType: 'c5.large', tags: { Name: 'miner' } } } });
    await expect(runApply(req(plan), deps(fake))).rejects.toThrow(/1 resource\(s\) changed after the plan was made .*--force-stale/);
    expect(log).toContain('  a1 aws:ec2/instance:Instance i-0aaa1111: changed after the plan was made');
    expect(log).toContain('      instanceType: plan says "c5.4xlarge", live is "c5.large"');
    expect(fake.operations.map((o) => o.kind)).toEqual(['preview']);
    expect(existsSync(join(dir, 'plans', 'leak.apply.json'))).toBe(false);
  });

  it('--force-stale goes on and imports what is live', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake, { live: { a1: { ami: 'ami-0abc', instanceType: 'c5.large' } } });
    const summary = await runApply(req(plan, { forceStale: true }), deps(fake));
    expect(summary.status).toBe('succeeded');
    expect(traced[1]!.resources.find((r) => r.stepId === 'a1')!.inputs).toEqual({ ami: 'ami-0abc', instanceType: 'c5.large' });
  });

  it('a resource that is gone is reported as missing', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    const happy = happyScript(plan, fake);
    const u = urns(plan);
    fake.script = { ...happy, events: (op) => (op.phase === 'read' ? happy.events(op).filter((e) => e.resOutputsEvent?.metadata.urn !== u.get('a2') && e.resourcePreEvent?.metadata.urn !== u.get('a2')).concat(ev.readFails(u.get('a2')!, "resource 'i-0aaa2222' does not exist")) : happy.events(op)) };
    await expect(runApply(req(plan), deps(fake))).rejects.toThrow(/changed after the plan/);
    expect(log.some((l) => /a2 .*: no longer exists \(resource 'i-0aaa2222' does not exist\)/.test(l))).toBe(true);
  });

  it('--preview only previews: no up, no stack edits, nothing recorded', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake);
    const summary = await runApply(req(plan, { preview: true, yes: false }), deps(fake));
    expect(fake.operations.map((o) => o.kind)).toEqual(['preview', 'preview']);
    expect(fake.calls.some((c) => c[0] === 'up' || (c[0] === 'stack' && c[1] === 'import'))).toBe(false);
    expect(summary.status).toBe('previewed');
    expect(summary.counts.previewed).toBe(6);
    expect(log).toContain('  would import a1 aws:ec2/instance:Instance i-0aaa1111');
    expect(existsSync(join(dir, 'plans', 'leak.apply.json'))).toBe(false);
  });

  it('asks on a terminal; a no releases the imported resources and changes nothing', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake);
    const questions: string[] = [];
    const summary = await runApply(req(plan, { yes: false }), deps(fake, { isTTY: true, confirm: async (q) => (questions.push(q), false) }));
    expect(questions).toEqual([`Apply 6 step(s) of ${planPath} to stack leak?`]);
    expect(summary.status).toBe('declined');
    expect(fake.operations.map((o) => `${o.kind} ${o.phase}`)).toEqual(['preview read', 'up import', 'preview converge (preview)']);
    expect(fake.resources(STACK).map((r) => r.type)).toEqual(['pulumi:pulumi:Stack']);
    expect(log.some((l) => l.includes('would delete a1'))).toBe(true);
  });

  it('a failure part-way is recorded; running again continues without redoing applied steps', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake, { convergeFails: ['a2'], stopAfter: true });
    const first = await runApply(req(plan), deps(fake));
    expect(first.status).toBe('failed');
    const status = Object.fromEntries(first.steps.map((s) => [s.id, s.status]));
    expect(status).toEqual({ a1: 'applied', a2: 'failed', a3: 'not-applied', a4: 'not-applied', a5: 'applied', a6: 'not-applied' });
    expect(first.steps.find((s) => s.id === 'a2')!.reason).toMatch(/AccessDenied/);
    const record = ApplyRecord.parse(JSON.parse(readFileSync(join(dir, 'plans', 'leak.apply.json'), 'utf8')));
    expect(record.status).toBe('failed');
    expect(record.steps.a1!.status).toBe('applied');
    expect(record.steps.a2).toMatchObject({ status: 'failed', error: expect.stringContaining('AccessDenied') });
    // Nothing is left in the stack for a later run to delete by omission.
    expect(fake.resources(STACK).map((r) => r.type)).toEqual(['pulumi:pulumi:Stack']);

    traced = [];
    fake.script = happyScript(plan, fake);
    const second = await runApply(req(plan), deps(fake));
    expect(second.status).toBe('succeeded');
    expect(traced.every((t) => t.resources.every((r) => r.stepId !== 'a1' && r.stepId !== 'a5'))).toBe(true);
    expect(second.steps.find((s) => s.id === 'a1')).toMatchObject({ status: 'applied', reason: expect.stringMatching(/earlier run/) });
    expect(second.counts).toMatchObject({ applied: 6, failed: 0 });
  });

  it('a created resource\'s new id is recorded, and a resumed dependent gets it', async () => {
    const plan = makePlan([
      step({ id: 'c', action: 'create', type: 'alicloud:rds/instance:Instance', resourceId: 'rm-old', after: { engine: 'MySQL', engineVersion: '8.0', instanceType: 'mysql.n2.medium.1', instanceStorage: 100 }, risks: [{ kind: 'new-identity', detail: 'new id' }] }),
      step({ id: 'd', action: 'create', type: 'alicloud:rds/database:Database', resourceId: 'rm-old:orders', dependsOn: ['c'], after: { instanceId: 'rm-old', name: 'orders' } }),
    ]);
    const fake = new FakePulumi();
    fake.script = { ...happyScript(plan, fake, { convergeFails: ['d'] }), outputs: () => ({}) };
    const first = await runApply(req(plan), deps(fake));
    expect(first.steps.find((s) => s.id === 'c')).toMatchObject({ status: 'applied', newId: 'new-rm-old' });
    traced = [];
    fake.script = happyScript(plan, fake);
    await runApply(req(plan), deps(fake));
    const converge = traced.find((t) => t.phase === 'converge')!;
    expect(converge.resources.map((r) => r.stepId)).toEqual(['d']);
    expect(converge.resources[0]!.inputs.instanceId).toBe('new-rm-old');
  });

  it('--keep-managed leaves the resources in the stack and says so', async () => {
    const plan = makePlan([awsPlan().steps[4]!]);
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake);
    const summary = await runApply(req(plan, { keepManaged: true }), deps(fake));
    expect(summary.held).toEqual([urns(plan).get('a5')]);
    expect(renderSummaryText(summary)).toMatch(/stack leak \(file:\/\/.*\) still manages 1 resource/);
  });

  it('skipped and pending steps are reported as skipped and never reach Pulumi', async () => {
    const steps = awsPlan().steps;
    steps[0]!.decision = 'skipped';
    steps[1]!.decision = 'pending';
    const plan = makePlan(steps);
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake);
    const summary = await runApply(req(plan), deps(fake));
    expect(summary.steps.slice(0, 2).map((s) => [s.status, s.reason])).toEqual([
      ['skipped', 'skipped in review'],
      ['skipped', 'not approved (pending)'],
    ]);
    expect(traced.flatMap((t) => t.resources.map((r) => r.stepId))).not.toContain('a1');
  });
});

describe('summaries for CI', () => {
  it('writes JSON and markdown, and appends the markdown to $GITHUB_STEP_SUMMARY once', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake, { convergeFails: ['a3'] });
    const summary = await runApply(req(plan), deps(fake));
    const gh = join(dir, 'step-summary.md');
    writeFileSync(gh, '## earlier step\n');
    await writeSummaryFiles(summary, { json: join(dir, 'out', 's.json'), md: gh }, { GITHUB_STEP_SUMMARY: gh });
    const md = readFileSync(gh, 'utf8');
    expect(md.startsWith('## earlier step\n### trailback apply: FAILED part-way')).toBe(true);
    expect(md.match(/### trailback apply/g)).toHaveLength(1);
    expect(md).toContain('| ❌ failed | a3 | delete | `aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule` sgr-0open22 |');
    const json = JSON.parse(readFileSync(join(dir, 'out', 's.json'), 'utf8'));
    expect(json.counts).toEqual(summary.counts);
    expect(renderSummaryMarkdown(summary)).toContain('Apply record:');
  });
});


describe('preview with a changed resource', () => {
  it('lists the differences and still previews, changing nothing', async () => {
    const plan = awsPlan();
    const fake = new FakePulumi();
    fake.script = happyScript(plan, fake, { live: { a1: { ami: 'ami-0abc', instanceType: 'c5.large' } } });
    const summary = await runApply(req(plan, { preview: true }), deps(fake));
    expect(summary.status).toBe('previewed');
    expect(log).toContain('      instanceType: plan says "c5.4xlarge", live is "c5.large"');
    expect(summary.steps[0]!.reason).toBe('changed after the plan was made');
    expect(fake.calls.some((c) => c[0] === 'up')).toBe(false);
  });
});
