/**
 * Bad input through the built CLI: by default each problem is skipped and counted, with a
 * one-line message naming the file and the record or line, and reading goes on (exit 0);
 * with --strict the first problem stops the run with exactly that one line (exit 1). Never
 * a stack trace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../trail/support/datasets.js';
import { tempDir, write } from '../trail/support/fixtures.js';
import { runEvents } from './support/inprocess.js';
import { ensureBuilt, jsonl, runCli, STACK_LINE } from './support/run.js';

const BAD = 'test/fixtures/trail/bad'; // relative to the repository root, where the CLI runs
const tmp = tempDir();
let generated: { truncated: string; corrupt: string; binary: string };

beforeAll(() => {
  ensureBuilt();
  const good = readFileSync(join(REPO_ROOT, BAD, 'unknown-fields.json'));
  const gz = gzipSync(Buffer.concat([good, good, good]));
  generated = {
    truncated: write(join(tmp.dir, 'truncated.json.gz'), gz.subarray(0, Math.floor(gz.length / 2))),
    corrupt: write(join(tmp.dir, 'corrupt.json.gz'), Buffer.concat([gz.subarray(0, 10), Buffer.from('this is not deflate data at all')])),
    // a PNG header and some zero bytes: not text, not gzip
    binary: write(join(tmp.dir, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])),
  };
});
afterAll(tmp.cleanup);

const ids = (stdout: string): string[] => jsonl<{ id: string }>(stdout).map((e) => e.id);

function noStack(stderr: string): void {
  expect(stderr).not.toMatch(STACK_LINE);
  expect(stderr).not.toMatch(/internal error/);
}

/**
 * Runs a file both ways and checks the contract; returns the default run. Runs go through the
 * events command in process (same code, no process start); with `process: true` the --strict run
 * also goes through the built CLI, where the exit code and a stray stack trace can be seen.
 */
async function both(file: string, expected: { events: string[]; warning: RegExp; where: string; strictLine: RegExp; process?: boolean }) {
  const run = await runEvents([file, '--format', 'jsonl']);
  noStack(run.stderr);
  expect(run.error).toBeUndefined();
  expect(ids(run.stdout)).toEqual(expected.events);
  expect(run.stderr).toMatch(expected.warning);
  const where = run.stderr.split('\n').filter((l) => l.startsWith(`  ${expected.where}`));
  expect(where.length).toBeGreaterThan(0);

  const inProcess = await runEvents([file, '--format', 'jsonl', '--strict']);
  expect(inProcess.stdout).toBe('');
  expect(`trailback: ${inProcess.error}`).toMatch(expected.strictLine);
  if (expected.process) {
    const strict = runCli(['events', file, '--format', 'jsonl', '--strict']);
    noStack(strict.stderr);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toBe('');
    const lines = strict.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected.strictLine);
  }
  return run;
}

describe('bad input: skip and count by default, one line and exit 1 with --strict', () => {
  it('lines that are not JSON (and a truncated last line): named by line, the other lines read', async () => {
    const run = await both(`${BAD}/non-json-lines.jsonl`, {
      events: ['bad-1', 'bad-2', 'bad-3'],
      warning: /^warning: 2 records that are not JSON$/m,
      where: `${BAD}/non-json-lines.jsonl: line 3: not valid JSON`,
      strictLine: /^trailback: test\/fixtures\/trail\/bad\/non-json-lines\.jsonl: line 3: not valid JSON \(--strict\)$/,
      process: true,
    });
    expect(run.stderr).toContain(`${BAD}/non-json-lines.jsonl: line 5: not valid JSON`);
  });

  it('a bad FIRST line of a JSON Lines file costs that line only (was: the whole file)', async () => {
    await both(`${BAD}/first-line-bad.jsonl`, {
      events: ['first-2', 'first-3'],
      warning: /^warning: 1 records that are not JSON$/m,
      where: `${BAD}/first-line-bad.jsonl: line 1: not valid JSON`,
      strictLine: /^trailback: \S+first-line-bad\.jsonl: line 1: not valid JSON \(--strict\)$/,
    });
  });

  it('records that are not events (scalars, arrays, objects of another kind, no eventName), a bad time, a missing id', async () => {
    const run = await both(`${BAD}/not-events.json`, {
      events: ['ok-1', expect.stringMatching(/^derived-[0-9a-f]{24}$/) as unknown as string],
      warning: /^warning: 6 records that are not trail events$/m,
      where: `${BAD}/not-events.json: record 0: not an event (a JSON number)`,
      strictLine: /^trailback: \S+not-events\.json: record 0: not an event \(a JSON number\) \(--strict\)$/,
      process: true,
    });
    expect(run.stderr).toMatch(/^warning: 1 events without a usable eventTime \(skipped\)$/m);
    expect(run.stderr).toMatch(/^warning: 1 events without an event id \(kept, id derived from content\)$/m);
    expect(run.stderr).toContain('not-events.json: record 4: not a CloudTrail or ActionTrail event');
    expect(run.stderr).toMatch(/… and 3 more \(--strict stops at the first\)/);
  });

  it('unknown fields and an unknown event name keep working, in both modes, with no warning', async () => {
    for (const strict of [[], ['--strict']]) {
      const r = runCli(['events', `${BAD}/unknown-fields.json`, '--format', 'jsonl', '--keep-raw', ...strict]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const [e] = jsonl<Record<string, any>>(r.stdout);
      expect(e).toMatchObject({ id: 'future-1', service: 'widgets', name: 'CreateWidget', readOnly: false, actor: { userName: 'alice', sourceIp: '198.51.100.7' } });
      expect(e!.raw.futureField).toEqual({ nested: [1, { deeper: true }] });
    }
  });

  it('an empty file', async () => {
    await both(`${BAD}/empty.json`, {
      events: [],
      warning: /^warning: 1 empty files$/m,
      where: `${BAD}/empty.json: empty file`,
      strictLine: /^trailback: \S+empty\.json: empty file \(--strict\)$/,
    });
  });

  it('a broken pretty-printed document: named with its line, no quoted input', async () => {
    await both(`${BAD}/broken-pretty.json`, {
      events: [],
      warning: /^warning: 1 records that are not JSON$/m,
      where: `${BAD}/broken-pretty.json: line 13: not valid JSON: Expected ',' or '}' after property value`,
      strictLine: /^trailback: \S+broken-pretty\.json: line 13: not valid JSON: .* \(--strict\)$/,
    });
  });

  it('embedded events (SLS `event`, lookup-events `CloudTrailEvent`) that are not JSON', async () => {
    const run = await both(`${BAD}/embedded-bad.jsonl`, {
      events: ['sls-1'],
      warning: /^warning: 2 records that are not trail events$/m,
      where: `${BAD}/embedded-bad.jsonl: line 2: embedded event is not valid JSON`,
      strictLine: /^trailback: \S+embedded-bad\.jsonl: line 2: embedded event is not valid JSON \(--strict\)$/,
    });
    expect(run.stderr).toContain('embedded-bad.jsonl: line 3: embedded event is not valid JSON');
  });

  it('a truncated gzip file', async () => {
    await both(generated.truncated, {
      events: [],
      warning: /^warning: 1 corrupt gzip files$/m,
      where: `${generated.truncated}: corrupt gzip: unexpected end of file`,
      strictLine: /^trailback: \S+truncated\.json\.gz: corrupt gzip: unexpected end of file \(--strict\)$/,
      process: true,
    });
  });

  it('a corrupt gzip file', async () => {
    await both(generated.corrupt, {
      events: [],
      warning: /^warning: 1 corrupt gzip files$/m,
      where: `${generated.corrupt}: corrupt gzip:`,
      strictLine: /^trailback: \S+corrupt\.json\.gz: corrupt gzip: .+ \(--strict\)$/,
    });
  });

  it('a binary file', async () => {
    await both(generated.binary, {
      events: [],
      warning: /^warning: 1 binary files$/m,
      where: `${generated.binary}: binary file`,
      strictLine: /^trailback: \S+image\.json: binary file \(not JSON text, not gzip\) \(--strict\)$/,
    });
  });

  it('a missing path: exit 1 with one line in both modes, nothing read', async () => {
    const r = runCli(['events', `${BAD}/non-json-lines.jsonl`, 'no/such/trail.json']);
    noStack(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('trailback: no such file or folder: no/such/trail.json\n');
    const strict = await runEvents([`${BAD}/non-json-lines.jsonl`, 'no/such/trail.json', '--strict']);
    expect(strict).toEqual({ stdout: '', stderr: '', error: 'no such file or folder: no/such/trail.json' });
  });

  it('everything bad at once next to a good file: the good events come out, every problem counted', async () => {
    const r = runCli(['events', BAD, generated.truncated, generated.corrupt, generated.binary, '--format', 'jsonl']);
    noStack(r.stderr);
    expect(r.status).toBe(0);
    expect(ids(r.stdout).filter((id) => !id.startsWith('derived-')).sort()).toEqual(
      ['bad-1', 'bad-2', 'bad-3', 'first-2', 'first-3', 'future-1', 'ok-1', 'sls-1'].sort(),
    );
    for (const w of [
      /^warning: 4 records that are not JSON$/m,
      /^warning: 8 records that are not trail events$/m,
      /^warning: 1 empty files$/m,
      /^warning: 2 corrupt gzip files$/m,
      /^warning: 1 binary files$/m,
    ]) expect(r.stderr).toMatch(w);
    const strict = runCli(['events', BAD, generated.truncated, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr.trimEnd().split('\n')).toHaveLength(1);
    // folders are walked in path order: broken-pretty.json is the first bad file
    expect(strict.stderr).toMatch(/^trailback: \S+broken-pretty\.json: line 13: /);
  });

  it('CLI usage errors are one line too: bad CIDR, bad time, --since after --until, no trail', async () => {
    const file = `${BAD}/unknown-fields.json`;
    const cases: [string[], string][] = [
      [['--ip', '10.0.0.0/33'], '--ip 10.0.0.0/33: bad prefix length'],
      [['--ip', 'not-an-ip/8'], '--ip not-an-ip/8: not a CIDR block (e.g. 203.0.113.0/24)'],
      [['--since', 'last tuesday'], '--since last tuesday: not an ISO 8601 time (e.g. 2023-07-10T12:05:00Z or 2023-07-10; no zone means UTC)'],
      [['--since', '2024-02-01', '--until', '2024-01-01'], '--since 2024-02-01 is after --until 2024-01-01'],
    ];
    for (const [args, message] of cases) expect((await runEvents([file, ...args])).error).toBe(message);
    // as the user sees it: one line, exit 1
    const r = runCli(['events', file, '--ip', '10.0.0.0/33']);
    noStack(r.stderr);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('trailback: --ip 10.0.0.0/33: bad prefix length\n');
    const none = runCli(['events']);
    expect(none.status).toBe(1);
    noStack(none.stderr);
    expect(none.stderr).toMatch(/missing required argument/);
  });
});
