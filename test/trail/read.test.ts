/** readTrail in process: sources, bad-input bookkeeping, options. */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Diagnostics, formatProblem } from '../../src/trail/diagnostics.js';
import { parseRecords } from '../../src/trail/parse.js';
import { readTrail } from '../../src/trail/read.js';
import { expandInputs } from '../../src/trail/source.js';
import { UserError } from '../../src/util/errors.js';
import { REPO_ROOT } from './support/datasets.js';
import { tempDir, write } from './support/fixtures.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'trail');
const tmp = tempDir();
afterAll(tmp.cleanup);

const ct = (id: string, name: string, second: number, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ eventID: id, eventName: name, eventTime: `2024-01-01T00:00:${String(second).padStart(2, '0')}Z`, awsRegion: 'us-east-1', eventSource: 'ec2.amazonaws.com', ...extra });

describe('bad input bookkeeping', () => {
  let dir: string;
  beforeAll(() => {
    dir = join(tmp.dir, 'mixed');
    // problems found while reading (empty, gzip, binary) and while parsing (lines), interleaved over files
    write(join(dir, 'a-lines.jsonl'), `${ct('a1', 'RunInstances', 1)}\nnope\n`);
    write(join(dir, 'b-empty.json'), '');
    write(join(dir, 'c-lines.jsonl'), `${ct('c1', 'RunInstances', 2)}\n{"x":\n`);
    write(join(dir, 'd-corrupt.json.gz'), gzipSync('{"Records":[]}').subarray(0, 12));
    write(join(dir, 'e-binary.json'), Buffer.from([0x7b, 0, 0, 0]));
    write(join(dir, 'f-good.json'), `{"Records":[${ct('f1', 'TerminateInstances', 3)}]}`);
  });

  it('problems are reported in file order, whatever finishes reading first', async () => {
    for (let round = 0; round < 5; round++) {
      const diagnostics = new Diagnostics(false, 10);
      const { events, files } = await readTrail([dir], { diagnostics });
      expect(events.map((e) => e.id)).toEqual(['a1', 'c1', 'f1']);
      expect(diagnostics.first.map((p) => [p.file.split('/').pop(), p.kind])).toEqual([
        ['a-lines.jsonl', 'invalid-json'],
        ['b-empty.json', 'empty'],
        ['c-lines.jsonl', 'invalid-json'],
        ['d-corrupt.json.gz', 'corrupt-gzip'],
        ['e-binary.json', 'binary'],
      ]);
      expect(files.map((f) => [f.records, f.events])).toEqual([
        [1, 1],
        [0, 0],
        [1, 1],
        [0, 0],
        [0, 0],
        [1, 1],
      ]);
    }
  });

  it('--strict: the first problem in file order is thrown as a one-line UserError, nothing left unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // b-empty.json is found while a-lines.jsonl is still being read ahead
      await expect(readTrail([join(dir, 'b-empty.json'), join(dir, 'd-corrupt.json.gz'), join(dir, 'e-binary.json')], { diagnostics: new Diagnostics(true) })).rejects.toThrow(
        /b-empty\.json: empty file \(--strict\)$/,
      );
      await expect(readTrail([dir], { diagnostics: new Diagnostics(true) })).rejects.toThrow(UserError);
      await expect(readTrail([dir], { diagnostics: new Diagnostics(true) })).rejects.toThrow(/a-lines\.jsonl: line 2: not valid JSON \(--strict\)$/);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('summary lines: one per kind with its count, then the first few, then how many more', () => {
    const d = new Diagnostics(false, 2);
    for (let i = 0; i < 4; i++) d.report({ kind: 'invalid-json', file: 'f.jsonl', line: i + 1, index: i, message: 'not valid JSON' });
    d.report({ kind: 'bad-time', file: 'g.json', index: 7, message: 'X: eventTime "x" is not a time' });
    expect(d.summaryLines()).toEqual([
      'warning: 4 records that are not JSON',
      'warning: 1 events without a usable eventTime (skipped)',
      '  f.jsonl: line 1: not valid JSON',
      '  f.jsonl: line 2: not valid JSON',
      '  … and 3 more (--strict stops at the first)',
    ]);
    expect(formatProblem({ kind: 'bad-time', file: 'g.json', index: 7, message: 'm' })).toBe('g.json: record 7: m');
    expect(new Diagnostics().summaryLines()).toEqual([]);
  });

  it('JSON.parse messages never quote the input, and stay on one line', () => {
    const d = new Diagnostics(false, 10);
    const records = [...parseRecords('[{"eventID":"a"},\n  "hunter2",oops]', 'x.json', d)];
    expect(records).toEqual([]);
    expect(d.first.map(formatProblem)).toEqual(["x.json: not valid JSON: Unexpected token 'o'"]);
  });
});

describe('options', () => {
  let file: string;
  beforeAll(() => {
    file = write(
      join(tmp.dir, 'opts', 'trail.jsonl'),
      [
        ct('r1', 'DescribeInstances', 1),
        ct('w1', 'RunInstances', 2, { readOnly: false }),
        ct('r2', 'ListBuckets', 3, { eventTime: 'bad' }),
        ct('w2', 'CreateVpc', 4, { userIdentity: { accessKeyId: 'AKIA1' } }),
        ct('r3', 'CreateVpc', 5, { readOnly: true }),
      ].join('\n'),
    );
  });

  it('writesOnly drops reads before normalizing them (a read with a bad time is not even reported)', async () => {
    const diagnostics = new Diagnostics();
    const { events, stats } = await readTrail([file], { diagnostics, writesOnly: true });
    expect(events.map((e) => e.id)).toEqual(['w1', 'w2']);
    expect(stats.readsDropped).toBe(3);
    expect(diagnostics.total).toBe(0);
  });

  it('keep filters while streaming; stats say what was read and kept', async () => {
    const diagnostics = new Diagnostics();
    const { events, stats } = await readTrail([file, file], { diagnostics, keep: (e) => e.actor.accessKeyId === 'AKIA1' });
    expect(events.map((e) => e.id)).toEqual(['w2']);
    expect(stats).toMatchObject({ files: 1, records: 5, kept: 1, duplicates: 0 });
    expect(diagnostics.counts.get('bad-time')).toBe(1);
  });

  it('--keep-raw keeps the record as read (without changing which events are duplicates)', async () => {
    const { events } = await readTrail([file], { diagnostics: new Diagnostics(), keepRaw: true });
    expect(events[0]!.raw).toMatchObject({ eventID: 'r1', eventSource: 'ec2.amazonaws.com' });
  });

  it('--input-format forces the provider for records that are not recognisable', async () => {
    const bare = write(join(tmp.dir, 'opts', 'bare.json'), JSON.stringify([{ eventName: 'CreateUser', eventTime: '2024-01-01T00:00:00Z', requestId: 'q-1', serviceName: undefined }]));
    const auto = new Diagnostics();
    expect((await readTrail([bare], { diagnostics: auto })).events).toEqual([]);
    expect(auto.counts.get('not-an-event')).toBe(1);
    const forced = await readTrail([bare], { diagnostics: new Diagnostics(), inputFormat: 'actiontrail' });
    expect(forced.events.map((e) => [e.provider, e.id, e.name])).toEqual([['alicloud', 'q-1', 'CreateUser']]);
    const aws = await readTrail([bare], { diagnostics: new Diagnostics(), inputFormat: 'cloudtrail' });
    expect(aws.events.map((e) => [e.provider, e.name])).toEqual([['aws', 'CreateUser']]);
  });
});

describe('sources', () => {
  it('a missing path is a UserError naming it', async () => {
    await expect(expandInputs(['definitely/not/here'])).rejects.toThrow(new UserError('no such file or folder: definitely/not/here'));
  });

  it('folders are walked in name order, recursively; dot files and non-trail names skipped; explicit files always read', async () => {
    const root = join(tmp.dir, 'walk');
    for (const f of ['b/2.json', 'b/10.json', 'a.jsonl', 'c.json.gz', 'd.ndjson', 'e.log', 'f.txt', 'g.cloudtrail', '.hidden.json', 'notes.md', 'x/.git/y.json'])
      write(join(root, f), '[]');
    write(join(root, 'LICENSE'), 'Apache License\n');
    // Extension-less objects (Firehose, SLS shipping) are read when they start like JSON or gzip.
    write(join(root, 'firehose', 'stream-1-2026-10-14-03-00-00-abc'), '  {"Records": []}');
    write(join(root, 'firehose', 'stream-1-2026-10-14-04-00-00-def'), gzipSync('{"Records": []}'));
    const { files, ignored } = await expandInputs([root, join(root, 'LICENSE'), join(root, 'a.jsonl')]);
    const rel = (p: string): string => p.slice(root.length + 1);
    expect(files.map(rel)).toEqual([
      'a.jsonl',
      'b/10.json',
      'b/2.json',
      'c.json.gz',
      'd.ndjson',
      'e.log',
      'f.txt',
      'firehose/stream-1-2026-10-14-03-00-00-abc',
      'firehose/stream-1-2026-10-14-04-00-00-def',
      'g.cloudtrail',
      'LICENSE',
    ]);
    expect(ignored.map(rel)).toEqual(['LICENSE', 'notes.md']);
  });

  it('our committed fixtures read without surprises', async () => {
    const diagnostics = new Diagnostics();
    const { events } = await readTrail([join(FIXTURES, 'normalize'), join(FIXTURES, 'secrets', 'cloudtrail-secrets.json')], { diagnostics });
    expect(events.length).toBe(18);
    expect(diagnostics.total).toBe(0);
  });
});
