import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../src/plan/io.js';
import { REPO_ROOT } from '../trail/support/datasets.js';
import { ensureBuilt, runCli, STACK_LINE } from './support/run.js';

// Our own example trail (examples/alicloud-leaked-key), copied so plans/ is written elsewhere.
const KEY = 'LTAI5tQ7mXn3Vb2KcR8pWz1Y';
const LAST_WRITE = '2026-10-14T05:30:41Z';
let dir: string;
const run = (...args: string[]) => runCli(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: '1790000000' } });

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'trailback-plan-cli-'));
  cpSync(join(REPO_ROOT, 'examples', 'alicloud-leaked-key', 'trail'), join(dir, 'trail'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function oneLineError(r: ReturnType<typeof run>, pattern: RegExp): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_LINE);
  expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('trailback:'))).toHaveLength(1);
}

describe('trailback plan', () => {
  it('writes a valid plan under plans/ with a default name, prints its path, and exits 2 with --detailed-exitcode', async () => {
    const r = run('plan', 'trail', '--undo-key', KEY, '--undo-ip', '192.0.2.0/24', '--detailed-exitcode');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(2);
    const path = r.stdout.trim();
    expect(path).toBe(`plans/undo-${KEY}_192.0.2.0_24-20260921T141320Z.plan.json`);
    const plan = await readPlan(join(dir, path));
    expect(plan.createdAt).toBe('2026-09-21T14:13:20Z');
    expect(plan.mode).toEqual({ kind: 'undo', match: { keys: [KEY], ips: ['192.0.2.0/24'] } });
    expect(plan.steps.map((s) => `${s.action} ${s.resource.id}`)).toEqual([
      `update ${KEY}`,
      'delete LTAI5tHn4Wq9Ls2Xe7Rd3Fb6',
      'delete i-bp128t8d2zhew6qspvac',
      'delete i-bp14r7rr5x8zlefgdcdg',
      'delete i-bp1x7fbgbyoynwd6jayu',
      'delete sg-bp144lvmbcn7t4i39y34:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1',
    ]);
    // The summary goes to stderr; no temp file is left beside the plan.
    expect(r.stderr).toMatch(/6 steps: 1 update, 5 delete/);
    expect(readdirSync(join(dir, 'plans')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses to replace an existing plan without --force', () => {
    const out = 'plans/fixed.plan.json';
    expect(run('plan', 'trail', '--undo-key', KEY, '-o', out).status).toBe(0);
    oneLineError(run('plan', 'trail', '--undo-key', KEY, '-o', out), /plans\/fixed\.plan\.json exists.*--force/);
    expect(run('plan', 'trail', '--undo-key', KEY, '-o', out, '--force').status).toBe(0);
  });

  it('has no steps, and exits 0 with --detailed-exitcode, at the end of the trail', async () => {
    const r = run('plan', 'trail', '--at', LAST_WRITE, '-o', 'plans/end.plan.json', '--detailed-exitcode');
    expect(r.status).toBe(0);
    expect((await readPlan(join(dir, 'plans/end.plan.json'))).steps).toEqual([]);
  });

  it('has no steps when the undone key made no writes', async () => {
    const r = run('plan', 'trail', '--undo-key', 'LTAI5tNOTUSEDANYWHERE00', '-o', 'plans/none.plan.json', '--detailed-exitcode');
    expect(r.status).toBe(0);
    const plan = await readPlan(join(dir, 'plans/none.plan.json'));
    expect(plan.steps).toEqual([]);
    expect(plan.warnings).toContain('no write event matches the undo selection: nothing to undo');
  });

  it('gives one-line errors for missing, conflicting or ambiguous desired-state flags', () => {
    oneLineError(run('plan', 'trail'), /say what to restore: --at <time>, --before-event <id>, or --undo-key/);
    oneLineError(run('plan', 'trail', '--at', '2026-10-14T03:00:00Z', '--undo-key', KEY), /choose one desired state/);
    oneLineError(run('plan', 'trail', '--at', '2026-10-14'), /--at 2026-10-14: a date alone is ambiguous; give a time of day/);
    oneLineError(run('plan', 'trail', '--at', '14/10/2026 03:00'), /--at 14\/10\/2026 03:00: not an ISO 8601 time/);
    oneLineError(run('plan', 'trail', '--at', '2026-10-14T03:00:00Z', '--since', '2026-10-14T00:00:00Z'), /--since\/--until limit an undo/);
    oneLineError(run('plan', 'trail', '--undo-ip', '192.0.2.0/99'), /--undo-ip 192\.0\.2\.0\/99: bad prefix length/);
    oneLineError(run('plan', 'trail', '--before-event', 'no-such-event'), /--before-event no-such-event: no write event with this id/);
    oneLineError(run('plan', 'trail', '--undo-key', KEY, '--current', 'missing.json'), /cannot read state file missing\.json: ENOENT/);
  });

  it('accepts --at with a zone offset as the same moment in UTC', async () => {
    expect(run('plan', 'trail', '--at', '2026-10-14T11:00:00+08:00', '-o', 'plans/tz.plan.json').status).toBe(0);
    expect((await readPlan(join(dir, 'plans/tz.plan.json'))).mode).toEqual({ kind: 'point-in-time', at: '2026-10-14T03:00:00Z' });
  });
});

describe('trailback diff', () => {
  it('prints RFC 6902 patches with --format json and exits 2 with --detailed-exitcode', () => {
    const r = run('diff', 'trail', '--undo-key', KEY, '--undo-ip', '192.0.2.0/24', '--format', 'json', '--detailed-exitcode');
    expect(r.status).toBe(2);
    const out = JSON.parse(r.stdout) as { changes: { action: string; resource: { id: string }; patch: unknown[] }[] };
    const containment = out.changes.find((c) => c.resource.id === KEY)!;
    expect(containment.action).toBe('update');
    expect(containment.patch).toEqual([{ op: 'add', path: '/status', value: 'Inactive' }]);
    expect(out.changes.find((c) => c.resource.id === 'i-bp14r7rr5x8zlefgdcdg')!.patch).toEqual([{ op: 'remove', path: '' }]);
  });

  it('prints plain unified diffs when piped', () => {
    const r = run('diff', 'trail', '--undo-key', KEY, '--undo-ip', '192.0.2.0/24');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain('update alicloud:ram/accessKey:AccessKey LTAI5tQ7mXn3Vb2KcR8pWz1Y (global)\n@@ -1,3 +1,4 @@\n {\n+  "status": "Inactive",');
    expect(r.stdout).toMatch(/6 resource\(s\) differ\.\n$/);
  });
});

describe('trailback show', () => {
  it('renders markdown for a pull request', () => {
    run('plan', 'trail', '--undo-key', KEY, '--undo-ip', '192.0.2.0/24', '-o', 'plans/md.plan.json');
    const r = run('show', 'plans/md.plan.json', '--format', 'markdown');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^## trailback plan: undo the writes with key LTAI5tQ7mXn3Vb2KcR8pWz1Y, from 192\.0\.2\.0\/24\n/);
    expect(r.stdout).toContain('### s6 · delete `alicloud:ecs/securityGroupRule:SecurityGroupRule`');
    expect(r.stdout).toContain('```diff\n@@ -1,9 +1,0 @@\n-{\n-  "cidrIp": "0.0.0.0/0",');
  });

  it('refuses broken plan files in one line naming the file', () => {
    writeFileSync(join(dir, 'broken.plan.json'), '{"schemaVersion": 1, "steps": [');
    oneLineError(run('show', 'broken.plan.json'), /broken\.plan\.json: not JSON/);
    const plan = JSON.parse(readFileSync(join(dir, 'plans/md.plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'v2.plan.json'), JSON.stringify({ ...plan, schemaVersion: 2 }));
    oneLineError(run('show', 'v2.plan.json'), /v2\.plan\.json: plan schema version 2 is not supported/);
    writeFileSync(join(dir, 'bad.plan.json'), JSON.stringify({ ...plan, steps: [{ id: 's1' }] }));
    oneLineError(run('show', 'bad.plan.json'), /bad\.plan\.json: not a valid trailback plan: steps\.0\.action/);
  });
});

describe('trailback apply (refusals, no Pulumi needed)', () => {
  it('an unapproved plan is refused in one line, and the CI summary files say why', () => {
    run('plan', 'trail', '--undo-key', KEY, '-o', 'plans/unapproved.plan.json', '--force');
    const r = run('apply', 'plans/unapproved.plan.json', '--yes', '--summary-md', 'summary.md', '--summary-json', 'summary.json');
    oneLineError(r, /plans\/unapproved\.plan\.json is not approved: review it with `trailback review plans\/unapproved\.plan\.json` first/);
    const md = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(md).toMatch(/^### trailback apply: REFUSED: nothing changed/);
    expect(md).toContain(r.stderr.trim().replace(/^trailback: /, '').replace(/\|/g, '\\|'));
    const json = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { status: string; counts: { skipped: number } };
    expect(json.status).toBe('refused');
    expect(json.counts.skipped).toBeGreaterThan(0);
  });
});
