import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordWriter, type ApplyRecord } from '../../src/apply/record.js';

const dir = mkdtempSync(join(tmpdir(), 'trailback-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('RecordWriter', () => {
  it('a failed write does not poison the later ones', async () => {
    const path = join(dir, 'x.apply.json');
    const record: ApplyRecord = {
      kind: 'trailback-apply',
      schemaVersion: 1,
      plan: 'plans/x.plan.json',
      stepsDigest: 'd'.repeat(64),
      stack: 'x',
      backend: 'file://state',
      startedAt: '2026-11-27T00:00:00.000Z',
      updatedAt: '2026-11-27T00:00:00.000Z',
      status: 'running',
      held: [],
      steps: {},
    };
    const writer = new RecordWriter(path, record, () => new Date('2026-11-27T01:00:00.000Z'));
    mkdirSync(path); // a folder where the file goes: the rename fails
    await expect(writer.save()).rejects.toThrow();
    rmSync(path, { recursive: true });
    record.status = 'succeeded';
    await writer.save();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ status: 'succeeded', updatedAt: '2026-11-27T01:00:00.000Z' });
  });
});
