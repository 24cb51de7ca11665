/**
 * Secrets (passwords, secretAccessKey, AccessKeySecret, session tokens…) in a trail never reach
 * any output of `trailback events`: no format, not --summary, not --keep-raw, not error messages.
 * The fixtures carry `S3CR3T…` markers in every place a secret can sit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../trail/support/datasets.js';
import { runEvents } from './support/inprocess.js';
import { ensureBuilt, jsonl, runCli, STACK_LINE } from './support/run.js';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'trail', 'secrets');
const CT = join(DIR, 'cloudtrail-secrets.json');
const AT = join(DIR, 'actiontrail-secrets.jsonl');
const BROKEN = join(DIR, 'broken-with-secret.json');
const MARK = 'S3CR3T';

beforeAll(ensureBuilt);

describe('secrets never reach any output', () => {
  const modes: string[][] = [
    ['--format', 'jsonl'],
    ['--format', 'json'],
    ['--format', 'table'],
    ['--summary', '--format', 'json'],
    ['--summary', '--format', 'table'],
    ['--keep-raw', '--format', 'jsonl'],
    ['--keep-raw', '--format', 'json'],
  ];
  for (const mode of modes) {
    it(`events ${mode.join(' ')}`, async () => {
      const r = await runEvents([CT, AT, ...mode]);
      expect(r.error).toBeUndefined();
      expect(r.stdout.length).toBeGreaterThan(200); // the events are there…
      expect(r.stdout).not.toContain(MARK); // …their secrets are not
      expect(r.stderr).not.toContain(MARK);
    });
  }

  it('through the built CLI too (--keep-raw, every format)', () => {
    for (const format of ['jsonl', 'table']) {
      const r = runCli(['events', CT, AT, BROKEN, '--keep-raw', '--format', format]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('mallory');
      expect(r.stdout + r.stderr).not.toContain(MARK);
    }
  });

  it('the redacted events are still complete: 4 CloudTrail + 5 ActionTrail, secrets replaced, flags kept', async () => {
    const events = jsonl<{ id: string; request: Record<string, unknown>; response?: Record<string, unknown>; raw?: Record<string, unknown> }>(
      (await runEvents([CT, AT, '--keep-raw', '--format', 'jsonl'])).stdout,
    );
    expect(events.map((e) => e.id)).toEqual(['sec-ct-1', 'sec-ct-2', 'sec-ct-3', 'sec-ct-4', 'sec-at-1', 'sec-at-2', 'sec-at-3', 'sec-at-4', 'sec-at-5']);
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(byId.get('sec-ct-2')!.request).toEqual({ userName: 'backdoor', password: '[redacted]', passwordResetRequired: false });
    expect(byId.get('sec-ct-1')!.response).toMatchObject({ accessKey: { accessKeyId: 'AKIAEXAMPLENEWKEY001', secretAccessKey: '[redacted]' } });
    expect(byId.get('sec-at-1')!.response).toMatchObject({ AccessKey: { AccessKeyId: 'LTAIEXAMPLENEWKEY001', AccessKeySecret: '[redacted]' } });
    expect(byId.get('sec-at-2')!.request).toEqual({ InstanceId: 'i-example0001', Password: '[redacted]', Tag: [{ Key: 'env', Value: 'prod' }] });
    // requestParameterJson: parsed into the request (noise dropped), and redacted inside the raw text too
    expect(byId.get('sec-at-3')!.request).toEqual({ UserName: 'backdoor', Password: '[redacted]' });
    expect(String(byId.get('sec-at-3')!.raw!.requestParameterJson)).toContain('"Password":"[redacted]"');
    // …also when that text is not valid JSON (it stays text, with the secret masked)
    expect(String((byId.get('sec-at-4')!.request as { requestParameterJson: string }).requestParameterJson)).toContain('"Password":"[redacted]"');
  });

  it('the same events wrapped in SLS envelopes, on stdin: same redaction', () => {
    const logs = readFileSync(AT, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .map((e) => ('__topic__' in e ? e : { __topic__: 'actiontrail_audit_event', __time__: '1714554600', __source__: 'actiontrail', event: JSON.stringify(e) }));
    const input = JSON.stringify(logs);
    expect(input).toContain(MARK);
    const r = runCli(['events', '-', '--keep-raw', '--format', 'json'], { input });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(5);
    expect(r.stdout).not.toContain(MARK);
  });

  it('a broken file that contains a secret: the error message does not quote it, and stays on one line', () => {
    for (const strict of [false, true]) {
      const r = runCli(['events', BROKEN, ...(strict ? ['--strict'] : [])]);
      expect(r.status).toBe(strict ? 1 : 0);
      expect(r.stderr).not.toContain(MARK);
      expect(r.stderr).not.toMatch(STACK_LINE);
      const lines = r.stderr.trimEnd().split('\n');
      const problem = lines.filter((l) => l.includes('broken-with-secret.json'));
      expect(problem).toHaveLength(1);
      expect(problem[0]).toMatch(/broken-with-secret\.json: not valid JSON: Unexpected token 'o'/);
      if (strict) expect(lines).toHaveLength(1);
    }
  });
});
