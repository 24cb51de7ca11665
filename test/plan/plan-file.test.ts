import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../src/events/model.js';
import { stateDigest, trailDigest } from '../../src/plan/digest.js';
import { planToJson, readPlan, writePlan } from '../../src/plan/io.js';
import { approvalIsValid, Plan, stepsDigest, type Mode } from '../../src/plan/model.js';
import { makePlan } from '../../src/plan/plan.js';
import { replay } from '../../src/replay/replay.js';
import { UserError } from '../../src/util/errors.js';
import { makeEvent } from '../helpers/events.js';
import { testCatalog } from '../helpers/test-catalog.js';
import { build, pureInputs, res, stateOf } from './support.js';

const T = Date.UTC(2026, 9, 14, 3, 0, 0);
const eve: TrailEvent['actor'] = { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/eve', userName: 'eve', accessKeyId: 'AKIAEVE0000000000002', sourceIp: '192.0.2.66' };
const events: TrailEvent[] = [
  makeEvent({ id: 'c', name: 'CreateUser', epochMs: T, request: { userName: 'bob', path: '/' } }),
  makeEvent({ id: 'evil', name: 'CreateUser', epochMs: T + 1000, actor: eve, request: { userName: 'mallory' } }),
  makeEvent({ id: 'evil2', name: 'UpdateUser', epochMs: T + 2000, actor: eve, request: { userName: 'bob', path: '/evil/' } }),
  makeEvent({ id: 'fail', name: 'DeleteUser', epochMs: T + 3000, actor: eve, request: { userName: 'bob' }, error: { code: 'AccessDenied' } }),
  makeEvent({ id: 'odd', name: 'Frobnicate', epochMs: T + 4000 }),
];
const mode: Mode = { kind: 'undo', match: { keys: ['AKIAEVE0000000000002'] } };

function samplePlan(m: Mode = mode) {
  const p = pureInputs(events, m, testCatalog, { contain: true });
  const built = build(p, testCatalog);
  return makePlan({
    tool: 'trailback 0.1.0',
    createdAt: '2026-10-15T00:00:00Z',
    mode: m,
    sources: ['trail/'],
    inputFormat: 'auto',
    writes: p.writes,
    endReport: replay(p.writes, { catalog: testCatalog }).report,
    ...(p.undone && { undoneCount: p.undone.size }),
    current: { source: 'trail', digest: stateDigest(p.current) },
    built,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'trailback-plan-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('makePlan', () => {
  it('gives a plan the zod schema accepts, with the trail counted and the unknown events warned about', () => {
    const plan = samplePlan();
    expect(() => Plan.parse(plan)).not.toThrow();
    expect(Plan.parse(JSON.parse(planToJson(plan)))).toEqual(plan);
    expect(plan).toMatchObject({ schemaVersion: 1, approval: null, mode, trail: { sources: ['trail/'], events: 5, writes: 3 } });
    expect(plan.trail).not.toHaveProperty('inputFormat'); // auto is the default, not recorded
    expect(plan.trail.digest).toBe(trailDigest(pureInputs(events, mode, testCatalog).writes));
    expect(plan.steps.map((s) => [s.action, s.resource.id])).toEqual([
      ['update', 'AKIAEVE0000000000002'],
      ['delete', 'mallory'],
      ['update', 'bob'],
    ]);
    expect(plan.steps.every((s) => s.decision === 'pending')).toBe(true);
    expect(plan.warnings).toEqual([expect.stringMatching(/1 write event\(s\) not replayed, unknown to the catalog: test:Frobnicate ×1/)]);
  });

  it('warns when nothing matches the undo selection', () => {
    const plan = samplePlan({ kind: 'undo', match: { keys: ['AKIANOBODY0000000009'] } });
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toContain('no write event matches the undo selection: nothing to undo');
  });
});

describe('stepsDigest and approval', () => {
  it('changes when a decision, a desired value or a step changes, not otherwise', () => {
    const plan = samplePlan();
    const d0 = stepsDigest(plan);
    expect(stepsDigest({ ...plan, steps: structuredClone(plan.steps) })).toBe(d0);
    const decided = structuredClone(plan.steps);
    decided[1]!.decision = 'approved';
    expect(stepsDigest({ ...plan, steps: decided })).not.toBe(d0);
    const edited = structuredClone(plan.steps);
    edited[2]!.after = { ...edited[2]!.after, path: '/other/' };
    expect(stepsDigest({ ...plan, steps: edited })).not.toBe(d0);
    const filled = structuredClone(plan.steps);
    filled[2]!.edited = { description: 'filled in review' };
    expect(stepsDigest({ ...plan, steps: filled })).not.toBe(d0);
    const before = structuredClone(plan.steps);
    before[2]!.before = { ...before[2]!.before, extra: 'x' };
    expect(stepsDigest({ ...plan, steps: before })).not.toBe(d0);
    const riskless = structuredClone(plan.steps);
    riskless[2]!.risks = [];
    expect(stepsDigest({ ...plan, steps: riskless })).not.toBe(d0);
    // What the plan was made from is approved too: a rewritten digest or source invalidates it.
    expect(stepsDigest({ ...plan, trail: { ...plan.trail, digest: '0'.repeat(64) } })).not.toBe(d0);
    expect(stepsDigest({ ...plan, current: { ...plan.current, source: 'other.json' } })).not.toBe(d0);
    const dropped = plan.steps.slice(1);
    expect(stepsDigest({ ...plan, steps: dropped })).not.toBe(d0);
  });

  it('an approval holds only while the steps are those approved', () => {
    const plan = samplePlan();
    plan.steps.forEach((s) => (s.decision = 'approved'));
    plan.approval = { by: 'alice', at: '2026-10-15T01:00:00Z', stepsDigest: stepsDigest(plan) };
    expect(approvalIsValid(plan)).toBe(true);
    plan.steps[0]!.decision = 'skipped';
    expect(approvalIsValid(plan)).toBe(false);
    expect(approvalIsValid({ ...plan, approval: null })).toBe(false);
  });
});

describe('readPlan / writePlan', () => {
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const failure = async (path: string): Promise<UserError> => {
    const err = await readPlan(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UserError);
    const message = (err as UserError).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(path);
    return err as UserError;
  };

  it('round-trips a plan through an atomic write', async () => {
    const plan = samplePlan();
    const p = join(dir, 'ok.plan.json');
    await writePlan(p, plan);
    expect(await readPlan(p)).toEqual(plan);
  });

  it('a file that is not JSON: one line', async () => {
    expect((await failure(file('broken.plan.json', '{"schemaVersion": 1, '))).message).toMatch(/not JSON/);
  });

  it('another schema version: one line naming both versions', async () => {
    const doc = { ...JSON.parse(planToJson(samplePlan())), schemaVersion: 2 };
    const m = (await failure(file('v2.plan.json', JSON.stringify(doc)))).message;
    expect(m).toMatch(/schema version 2 is not supported/);
    expect(m).toMatch(/version 1/);
  });

  it('a wrong shape: one line naming the field', async () => {
    const doc = JSON.parse(planToJson(samplePlan()));
    doc.steps[0].action = 'explode';
    expect((await failure(file('shape.plan.json', JSON.stringify(doc)))).message).toMatch(/not a valid trailback plan: steps\.0\.action/);
    expect((await failure(file('array.plan.json', '[]'))).message).toMatch(/not a valid trailback plan/);
    const { steps: _steps, ...noSteps } = JSON.parse(planToJson(samplePlan()));
    expect((await failure(file('nosteps.plan.json', JSON.stringify(noSteps)))).message).toMatch(/steps/);
  });

  it('a missing file: one line', async () => {
    expect((await failure(join(dir, 'missing.plan.json'))).message).toMatch(/cannot read plan .*ENOENT/);
  });
});

describe('digests', () => {
  const a = res('aws', 'aws:iam/user:User', 'a', { name: 'a', path: '/', tags: { x: '1', y: '2' } });
  const b = res('aws', 'aws:iam/user:User', 'b', { name: 'b' }, { unknown: ['path', 'tags'] });

  it('stateDigest does not depend on the order of the state map, of inputs, or of unknown paths', () => {
    const d = stateDigest(stateOf(a, b));
    expect(stateDigest(stateOf(b, a))).toBe(d);
    const reordered = { ...a, inputs: { tags: { y: '2', x: '1' }, path: '/', name: 'a' } };
    expect(stateDigest(stateOf(b, reordered))).toBe(d);
    expect(stateDigest(stateOf(a, { ...b, unknown: ['tags', 'path'] }))).toBe(d);
  });

  it('stateDigest ignores provenance and history, and sees inputs and existence', () => {
    const d = stateDigest(stateOf(a, b));
    expect(stateDigest(stateOf({ ...a, history: [{ eventId: 'x', time: 't', name: 'n', actor: 'z', principal: 'z' }] }, b))).toBe(d);
    expect(stateDigest(stateOf({ ...a, inputs: { ...a.inputs, path: '/x/' } }, b))).not.toBe(d);
    expect(stateDigest(stateOf({ ...a, exists: false }, b))).not.toBe(d);
    expect(stateDigest(stateOf(a))).not.toBe(d);
  });

  it('trailDigest changes with a new, a missing or a failed-now write', () => {
    const writes = pureInputs(events, mode, testCatalog).writes;
    const d = trailDigest(writes);
    expect(trailDigest([...writes])).toBe(d);
    expect(trailDigest(writes.slice(1))).not.toBe(d);
    expect(trailDigest([...writes, makeEvent({ id: 'new', name: 'UpdateUser', epochMs: T + 9000 })])).not.toBe(d);
    expect(trailDigest(writes.map((e, i) => (i === 0 ? { ...e, error: { code: 'Throttling' } } : e)))).not.toBe(d);
  });
});
