/**
 * The incident-response path through the built CLI (the `bin` entry), as a user runs it, over
 * the real invictus-aws_dataset read in place (never copied): find the key, diff, plan, read,
 * review with flags, export. The plan's content is checked in depth by test/plan/real-data;
 * here the commands, their exit codes and what they print and write are.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../src/plan/io.js';
import { approvalIsValid } from '../../src/plan/model.js';
import { ensureBuilt, runCli, STACK_LINE } from '../cli/support/run.js';
import { available, DATASETS } from '../trail/support/datasets.js';

const TRAIL = DATASETS.invictus;
const KEY = 'AKIATFQR7NSC8Q4X20BJ'; // SOURCE.md: the long-term key of nearly every write
const has = available(TRAIL, 'end-to-end commands on invictus-aws_dataset');

let dir: string;
const run = (...args: string[]) => {
  const r = runCli(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: '1790000000' } });
  expect(r.stderr).not.toMatch(STACK_LINE);
  return r;
};

describe.skipIf(!has)('invictus-aws_dataset through the CLI', () => {
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'trailback-e2e-invictus-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('events --summary names the key and its user', () => {
    const r = run('events', TRAIL, '--summary', '--format', 'table');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`${KEY}\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\S+\\s+\\S+\\s+bert-jan`));
  });

  it('diff --detailed-exitcode exits 2 and prints the key containment first', () => {
    const r = run('diff', TRAIL, '--undo-key', KEY, '--detailed-exitcode');
    expect(r.status).toBe(2);
    expect(r.stdout.split('\n')[0]).toBe(`update aws:iam/accessKey:AccessKey ${KEY} (global)`);
  });

  it('plan → show (text, markdown) → review --approve → export', async () => {
    const out = 'plans/invictus.plan.json';
    const p = run('plan', TRAIL, '--undo-key', KEY, '-o', out);
    expect(p.status).toBe(0);
    expect(p.stdout).toBe(`${out}\n`);
    expect(p.stderr).toMatch(/^Plan: undo the writes with key AKIATFQR7NSC8Q4X20BJ$/m);
    const plan = await readPlan(join(dir, out));
    expect(plan.steps.length).toBeGreaterThan(1);
    expect(plan.steps[0]).toMatchObject({ action: 'update', resource: { type: 'aws:iam/accessKey:AccessKey', id: KEY }, after: { status: 'Inactive' } });
    // Every other step undoes writes of the key, and says so.
    for (const s of plan.steps.slice(1)) {
      expect(s.causedBy.some((c) => c.accessKeyId === KEY)).toBe(true);
      expect(s.risks.map((r) => r.kind)).toContain('external-actor');
    }

    const text = run('show', out);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`~ s1 update aws:iam/accessKey:AccessKey ${KEY} (global, account 123837392027)  [pending]`);
    const md = run('show', out, '--format', 'markdown');
    expect(md.stdout).toMatch(/^## trailback plan: undo the writes with key AKIATFQR7NSC8Q4X20BJ\n/);
    expect(md.stdout.match(/^### s\d+ · /gm)).toHaveLength(plan.steps.length);

    // Scripted review: data-loss steps need saying so; then every step is approved and stamped.
    const refused = run('review', out, '--approve', 'all', '--reviewer', 'ir-team');
    const dataLoss = plan.steps.some((s) => s.risks.some((r) => r.kind === 'data-loss'));
    if (dataLoss) {
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/--yes-data-loss/);
    }
    const approved = run('review', out, '--approve', 'all', '--yes-data-loss', '--reviewer', 'ir-team');
    expect(approved.status).toBe(0);
    const reviewed = await readPlan(join(dir, out));
    expect(reviewed.steps.every((s) => s.decision === 'approved')).toBe(true);
    expect(reviewed.approval).toMatchObject({ by: 'ir-team', at: '2026-09-21T14:13:20.000Z' });
    expect(approvalIsValid(reviewed)).toBe(true);

    const exported = run('export', out, '--out', 'rollback');
    expect(exported.status).toBe(0);
    for (const f of ['Pulumi.yaml', 'package.json', 'tsconfig.json', 'index.ts', 'import.json']) expect(existsSync(join(dir, 'rollback', f))).toBe(true);
    const index = readFileSync(join(dir, 'rollback', 'index.ts'), 'utf8');
    expect(index).toContain('new aws.iam.AccessKey(');
    expect(index).toContain(`import: "${KEY}"`);
  });

  it('apply refuses an edited plan before looking for Pulumi', async () => {
    const out = 'plans/invictus.plan.json';
    const plan = JSON.parse(readFileSync(join(dir, out), 'utf8')) as { steps: { after: Record<string, unknown> | null }[] };
    plan.steps[0]!.after = { ...plan.steps[0]!.after, status: 'Active' };
    const edited = join(dir, 'plans', 'edited.plan.json');
    writeFileSync(edited, JSON.stringify(plan));
    const r = run('apply', 'plans/edited.plan.json', '--yes');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/plans\/edited\.plan\.json: steps changed after the approval by ir-team at .*: review and approve it again/);
  });
});
