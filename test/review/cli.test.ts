import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalIsValid, type Plan } from '../../src/plan/model.js';
import { ensureBuilt, runCli, STACK_LINE } from '../cli/support/run.js';
import { fixturePlan } from './fixtures.js';

/** `trailback review` through the built CLI, without a terminal: scripted flags and the no-TTY refusal. */

const dir = mkdtempSync(join(tmpdir(), 'trailback-review-cli-'));
beforeAll(() => ensureBuilt());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function planFile(plan: Plan = fixturePlan()): string {
  const path = join(dir, `p${++files}.plan.json`);
  writeFileSync(path, JSON.stringify(plan, null, 2) + '\n');
  return path;
}
const read = (path: string): Plan => JSON.parse(readFileSync(path, 'utf8')) as Plan;

describe('trailback review (no terminal)', () => {
  it('refuses to prompt when stdin is not a TTY and names the flags', () => {
    const path = planFile();
    const r = runCli(['review', path], { input: '' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('stdin is not a terminal');
    expect(r.stderr).toContain(`trailback review ${path} --approve all|<ids> [--skip <ids>|rest] [--yes-data-loss] --reviewer <name>`);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(read(path)).toEqual(fixturePlan());
  });

  it('scripted: approves and skips by id, stamps the approval, saves the plan', () => {
    const path = planFile();
    const r = runCli(['review', path, '--approve', 's1,s2', '--approve', 's5', '--skip', 'rest', '--reviewer', 'ci-bot']);
    expect(r.stderr).toMatch(/: 3 approved, 3 skipped; approved by ci-bot at \d{4}-/);
    expect(r.status).toBe(0);
    const plan = read(path);
    expect(plan.steps.map((s) => s.decision)).toEqual(['approved', 'approved', 'skipped', 'skipped', 'approved', 'skipped']);
    expect(plan.approval?.by).toBe('ci-bot');
    expect(approvalIsValid(plan)).toBe(true);
  });

  it.each([
    [['--approve', 'all'], 'a scripted review needs --reviewer <name>'],
    [['--approve', 'all', '--skip', 's3', '--reviewer', 'r'], '--approve all would approve steps that lose data: s4'],
    [['--approve', 'all', '--reviewer', 'r', '--yes-data-loss'], 'cannot approve steps with unknown values: s3 (instanceType)'],
    [['--approve', 's2', '--skip', 'rest', '--reviewer', 'r'], 's2 depends on s1'],
    [['--approve', 'all,s1', '--reviewer', 'r'], '--approve all cannot be combined with step ids'],
    [['--approve', 's42', '--reviewer', 'r'], '--approve: no step s42 in the plan'],
    [['--yes-data-loss'], '--yes-data-loss only applies with --approve'],
  ])('refuses %j: %s', (args, message) => {
    const path = planFile();
    const r = runCli(['review', path, ...args]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(read(path)).toEqual(fixturePlan());
  });

  it('--help explains the scripted flags and their safety rules', () => {
    const r = runCli(['review', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--yes-data-loss');
    expect(r.stdout).toContain('"all" alone never loses data');
    expect(r.stdout).toContain('a step with an unknown value cannot be approved');
  });
});
