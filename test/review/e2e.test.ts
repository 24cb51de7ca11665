import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalIsValid, type Plan } from '../../src/plan/model.js';
import { CLI, ensureBuilt } from '../cli/support/run.js';
import { fixturePlan } from './fixtures.js';

/**
 * The built CLI in a real pseudo-terminal: tmux runs it in a detached session of a fixed size,
 * we type with send-keys and read the screen with capture-pane, polling (never fixed sleeps).
 * A private tmux server (-S, socket in a temp folder) keeps this apart from any tmux the developer runs.
 */

const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
if (!hasTmux) console.log('review e2e skipped: tmux is not installed (CI installs it in .ci/run)');

const dir = hasTmux ? mkdtempSync(join(tmpdir(), 'trailback-review-e2e-')) : '';
const SOCKET = join(dir, 'tmux.sock');
const tmux = (...args: string[]): string => {
  const r = spawnSync('tmux', ['-S', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

const screen = (name: string): string => tmux('capture-pane', '-p', '-J', '-S', '-500', '-t', name);

/** Waits until the screen matches; the last screen is in the error when it does not in time. */
async function waitFor(name: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < end) {
    last = screen(name);
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern} on the terminal:\n${last}`);
}

/** The active (unanswered) prompt is the last `? …` line on the screen. */
const activePrompt = (text: string): string => text.split('\n').filter((l) => l.startsWith('? ')).at(-1) ?? '';

async function answerMenu(name: string, stepId: string, keys: string[], expectCursor: string): Promise<void> {
  await waitFor(name, new RegExp(`\\? ${stepId}: your decision`));
  if (keys.length > 0) {
    tmux('send-keys', '-t', name, ...keys);
    await waitFor(name, new RegExp(`❯ ${expectCursor}`));
  }
  tmux('send-keys', '-t', name, 'Enter');
}

function start(name: string, planPath: string): void {
  // `; echo` after the CLI leaves its exit code on the screen; `sleep` keeps the pane to read it.
  const command = `NO_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} review ${JSON.stringify(planPath)} --reviewer e2e-reviewer; echo "__EXIT=$?"; sleep 600`;
  tmux('new-session', '-d', '-s', name, '-x', '160', '-y', '50', command);
}

describe.skipIf(!hasTmux)('trailback review in a terminal (tmux)', () => {
  beforeAll(() => ensureBuilt());
  afterAll(() => {
    spawnSync('tmux', ['-S', SOCKET, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('approves some steps, skips one, quits; the plan file has the decisions; a second run resumes and approves', async () => {
    const planPath = join(dir, 'walk.plan.json');
    const plan = fixturePlan();
    plan.steps = plan.steps.filter((s) => s.id !== 's3' && s.id !== 's4'); // no unknown, no data loss: four plain steps
    writeFileSync(planPath, JSON.stringify(plan, null, 2) + '\n');

    start('walk', planPath);
    await waitFor('walk', /Plan: restore the state at 2026-10-14T00:00:00Z/);
    await answerMenu('walk', 's1', [], 'approve');
    await answerMenu('walk', 's2', [], 'approve');
    await answerMenu('walk', 's5', ['s'], 'skip');
    await answerMenu('walk', 's6', ['q'], 'quit');
    const end = await waitFor('walk', /__EXIT=\d+/);
    expect(end).toContain('__EXIT=0');
    expect(end).toContain(`Saved ${planPath}: 2 approved, 1 skipped, 1 pending.`);
    const saved = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    expect(saved.steps.map((s) => `${s.id}:${s.decision}`)).toEqual(['s1:approved', 's2:approved', 's5:skipped', 's6:pending']);
    expect(saved.approval).toBeNull();

    start('resume', planPath);
    const resumed = await waitFor('resume', /\? s6: your decision/);
    expect(resumed).toContain('Resuming at s6');
    expect(activePrompt(resumed)).toBe('? s6: your decision');
    await answerMenu('resume', 's6', [], 'approve');
    const done = await waitFor('resume', /__EXIT=\d+/);
    expect(done).toContain('Review complete: 3 approved, 1 skipped; approved by e2e-reviewer');
    expect(done).toContain('__EXIT=0');
    const final = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    expect(final.approval?.by).toBe('e2e-reviewer');
    expect(approvalIsValid(final)).toBe(true);
  });

  it('Ctrl-C exits cleanly, says progress was saved, and keeps the answers given', async () => {
    const planPath = join(dir, 'interrupt.plan.json');
    writeFileSync(planPath, JSON.stringify(fixturePlan(), null, 2) + '\n');
    start('interrupt', planPath);
    await answerMenu('interrupt', 's1', [], 'approve');
    await waitFor('interrupt', /\? s2: your decision/);
    tmux('send-keys', '-t', 'interrupt', 'C-c');
    const end = await waitFor('interrupt', /__EXIT=\d+/);
    expect(end).toContain(`review interrupted: every decision so far is saved in ${planPath}`);
    expect(end).toContain('__EXIT=130');
    expect(end).not.toMatch(/^\s{4}at /m);
    const saved = JSON.parse(readFileSync(planPath, 'utf8')) as Plan;
    expect(saved.steps.map((s) => s.decision)).toEqual(['approved', 'pending', 'pending', 'pending', 'pending', 'pending']);
  });
});
