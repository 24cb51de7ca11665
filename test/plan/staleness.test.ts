/**
 * planStaleness reads a plan's own sources again: fresh right after planning, stale once the
 * trail gains a write or the --current file changes. On a temporary copy of the trail of
 * examples/alicloud-leaked-key (synthetic, ours).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlanInputs, planFromInputs, planStaleness, type DesiredFlags } from '../../src/cli/plan-inputs.js';
import { stateToJson } from '../../src/state/io.js';
import { REPO_ROOT } from '../trail/support/datasets.js';

const EXAMPLE = join(REPO_ROOT, 'examples', 'alicloud-leaked-key', 'trail');
const HANGZHOU = join('AliyunLogs', 'Actiontrail', 'cn-hangzhou', '2026', '10', '14');

let dir: string;
let trail: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trailback-stale-'));
  trail = join(dir, 'trail');
  cpSync(EXAMPLE, trail, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function plan(flags: DesiredFlags) {
  const inputs = await loadPlanInputs([trail], flags);
  return { inputs, plan: planFromInputs(inputs, [trail], flags, 'trailback test') };
}

/** One record of the example, as ActionTrail delivers it. */
function exampleRecord(name: string): Record<string, unknown> {
  const folder = join(trail, HANGZHOU);
  for (const f of readdirSync(folder)) {
    const records = JSON.parse(gunzipSync(readFileSync(join(folder, f))).toString('utf8')) as Record<string, unknown>[];
    const r = records.find((x) => x.eventName === name && x.eventRW === 'Write');
    if (r) return r;
  }
  throw new Error(`no ${name} in the example`);
}

/** A new delivery file with one more event, like ActionTrail writing its next file. */
function deliver(record: Record<string, unknown>): void {
  writeFileSync(join(trail, HANGZHOU, 'Actiontrail_cn-hangzhou_20261014235900_1002_1_1_0000000000000000000000000000beef.gz'), gzipSync(JSON.stringify([record])));
}

const undo: DesiredFlags = { undoKey: ['LTAI5tQ7mXn3Vb2KcR8pWz1Y'], since: '2026-10-14T03:00:00Z' };

describe('planStaleness', () => {
  it('a fresh plan is not stale; a write appended to the trail makes it stale', async () => {
    const { plan: p } = await plan(undo);
    expect(p.steps.length).toBeGreaterThan(0);
    expect(await planStaleness(p)).toEqual([]);

    const rename: Record<string, unknown> = { ...exampleRecord('ModifyInstanceAttribute'), eventId: 'STALE-0001', requestId: 'STALE-0001', eventTime: '2026-10-14T23:58:00Z' };
    (rename.requestParameters as Record<string, unknown>).InstanceName = 'renamed-later';
    deliver(rename);
    const reasons = await planStaleness(p);
    expect(reasons.some((r) => /trail changed since the plan was made \(\d+ write events then, \d+ now\)/.test(r))).toBe(true);
    // The new write changes the end of the trail, which is the current state here.
    expect(reasons.some((r) => /current state \(end of the trail\) changed/.test(r))).toBe(true);
  });

  it('a read appended to the trail does not make a plan stale', async () => {
    const { plan: p } = await plan(undo);
    const read = { ...exampleRecord('ModifyInstanceAttribute'), eventId: 'READ-0001', requestId: 'READ-0001', eventName: 'DescribeInstances', eventRW: 'Read', eventTime: '2026-10-14T23:58:00Z' };
    deliver(read);
    expect(await planStaleness(p)).toEqual([]);
  });

  it('a --current file that changes makes the plan stale', async () => {
    const { inputs } = await plan(undo);
    const currentFile = join(dir, 'current.json');
    writeFileSync(currentFile, stateToJson(inputs.end));
    const { plan: p } = await plan({ ...undo, current: currentFile });
    expect(p.current.source).toBe(currentFile);
    expect(await planStaleness(p)).toEqual([]);

    const changed = new Map(inputs.end);
    const [key, r] = [...changed].find(([, x]) => x.type === 'alicloud:ecs/instance:Instance' && x.exists)!;
    changed.set(key, { ...r, inputs: { ...r.inputs, instanceName: 'changed-by-hand' } });
    writeFileSync(currentFile, stateToJson(changed));
    expect(await planStaleness(p)).toEqual([`the current state (${currentFile}) changed since the plan was made`]);
  });

  it('a trail that can no longer be read is a reason, not a crash', async () => {
    const { plan: p } = await plan({ at: '2026-10-14T03:00:00Z' });
    rmSync(trail, { recursive: true, force: true });
    const reasons = await planStaleness(p);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/cannot be read again/);
  });
});
