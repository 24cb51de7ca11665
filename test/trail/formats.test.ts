/**
 * Every delivery format is detected and read to the same normalized events. The events are
 * the real ones (invictus CloudTrail, the ActionTrail samples), wrapped at test time in a
 * temporary folder the way each delivery path writes them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../src/events/model.js';
import { Diagnostics } from '../../src/trail/diagnostics.js';
import { readTrail, type ReadResult } from '../../src/trail/read.js';
import { ACTIONTRAIL_SAMPLES, available, DATASETS, listFiles, rawEventsOfFile } from './support/datasets.js';
import { actionTrail, cloudTrail, content, tempDir, write } from './support/fixtures.js';

type Rec = Record<string, unknown>;

function byId(events: TrailEvent[]): [string, unknown][] {
  return events.map((e): [string, unknown] => [e.id, content(e)]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

async function read(inputs: string[], stdin?: string): Promise<ReadResult & { diagnostics: Diagnostics }> {
  const diagnostics = new Diagnostics(false, 50);
  const result = await readTrail(inputs, { diagnostics, ...(stdin !== undefined && { stdin: Readable.from([Buffer.from(stdin)]) }) });
  return { ...result, diagnostics };
}

describe.skipIf(!available(DATASETS.invictus, 'CloudTrail delivery formats (built from invictus)'))('CloudTrail delivery formats', () => {
  let dir: string;
  let cleanup: () => void;
  let events: Rec[];
  let reference: ReadResult;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    // a quarter of the files (every 4th): ~700 real events, service events and same-second ties included
    events = listFiles(DATASETS.invictus)
      .filter((_, i) => i % 4 === 3)
      .flatMap((f) => rawEventsOfFile(f).map((r) => r.record));
    expect(events.length).toBeGreaterThan(500);
    expect(events.some((e) => e.eventType === 'AwsServiceEvent')).toBe(true);
    reference = await read([write(join(dir, 'reference', 'records.json'), cloudTrail.records(events))]);
    expect(reference.events.length).toBe(events.length);
  });
  afterAll(() => cleanup());

  const cases: [string, string, () => string | Buffer, string][] = [
    ['{"Records":[…]} in .json.gz', 'records.json.gz', () => gzipSync(cloudTrail.records(events)), 'cloudtrail/records'],
    ['gzip content whatever the file name', 'gzipped-but-named.json', () => gzipSync(cloudTrail.records(events)), 'cloudtrail/records'],
    ['bare JSON array, pretty-printed', 'array.json', () => cloudTrail.array(events), 'cloudtrail/array'],
    ['one event per line (JSONL)', 'events.jsonl', () => cloudTrail.jsonl(events), 'cloudtrail/lines'],
    ['JSONL with CRLF line ends and a byte-order mark', 'crlf.jsonl', () => '\ufeff' + cloudTrail.jsonl(events).replace(/\n/g, '\r\n'), 'cloudtrail/lines'],
    ['concatenated objects on a line (Firehose {..}{..})', 'firehose.json', () => cloudTrail.firehose(events), 'cloudtrail/lines'],
    ['one long Firehose line', 'firehose-one-line', () => cloudTrail.firehose(events, events.length), 'cloudtrail/lines'],
    ['aws cloudtrail lookup-events output (CloudTrailEvent strings)', 'lookup-events.json', () => cloudTrail.lookupEvents(events), 'cloudtrail/lookup-events'],
    ['EventBridge envelopes, one per line', 'eventbridge.jsonl', () => cloudTrail.eventBridge(events), 'cloudtrail/eventbridge'],
    ['zcat of several deliveries: {"Records":…} per line', 'zcat.txt', () => cloudTrail.records(events.slice(0, 300)) + cloudTrail.records(events.slice(300)), 'cloudtrail/records'],
  ];
  for (const [title, file, make, format] of cases) {
    it(`${title} → the same events as {"Records":[…]}`, async () => {
      const path = write(join(dir, 'formats', file), make());
      const got = await read([path]);
      expect(got.diagnostics.total).toBe(0);
      expect(got.files.map((f) => f.formats)).toEqual([[format]]);
      expect(got.events.map(content)).toEqual(reference.events.map(content));
    });
  }

  it('one event per file (bare objects, as TrailDiscover stores them) → the same events', async () => {
    const sub = join(dir, 'singles');
    events.slice(0, 100).forEach((e, i) => write(join(sub, `e${String(i).padStart(4, '0')}.json.cloudtrail`), JSON.stringify(e, null, 4)));
    const got = await read([sub]);
    expect(got.files.length).toBe(100);
    expect(new Set(got.files.flatMap((f) => f.formats))).toEqual(new Set(['cloudtrail/single']));
    const want = new Map(reference.events.map((e) => [e.id, content(e)]));
    expect(got.events.length).toBe(100);
    for (const e of got.events) expect(content(e)).toEqual(want.get(e.id));
  });

  it('AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/ layout of .json.gz deliveries, read from the top folder', async () => {
    const root = join(dir, 's3');
    // deliveries of ~100 events, in the S3 layout, shuffled over days and files
    for (let i = 0; i < events.length; i += 97) {
      const chunk = events.slice(i, i + 97);
      const day = i % 2 === 0 ? '2023-07-10' : '2023-07-11';
      write(join(root, cloudTrail.s3Key('218007301253', 'us-east-1', day, `20230710T${String(1100 + i).slice(-4)}Z`)), gzipSync(cloudTrail.records(chunk)));
    }
    write(join(root, 'AWSLogs', '218007301253', 'CloudTrail-Digest', 'README.md'), 'not a trail file\n');
    const got = await read([join(root, 'AWSLogs')]);
    expect(got.diagnostics.total).toBe(0);
    expect(got.stats.ignoredFiles.map((f) => f.endsWith('README.md'))).toEqual([true]);
    // Same events; within one second the order follows the files now (path, then position).
    expect(byId(got.events)).toEqual(byId(reference.events));
    expect(got.events.every((e, i, all) => i === 0 || all[i - 1]!.epochMs <= e.epochMs)).toBe(true);
  });

  it('every format at once, read together: each event once (copies from all formats collapse)', async () => {
    const got = await read([join(dir, 'formats'), join(dir, 'reference')]);
    // A folder walk takes trail-like names, and extension-less objects (the Firehose one) that
    // start like JSON or gzip: nothing here is ignored.
    expect(got.stats.ignoredFiles).toEqual([]);
    const n = events.length;
    // Every format's copy, plus the reference folder's.
    expect(got.stats.kept).toBe(n * (cases.length + 1));
    expect(got.events.length).toBe(n);
    expect(got.stats.duplicates).toBe(n * cases.length);
  });

  it('stdin (-) reads the same as the file', async () => {
    const got = await read(['-'], cloudTrail.jsonl(events));
    expect(got.files.map((f) => f.file)).toEqual(['<stdin>']);
    expect(got.events.every((e) => e.origin.file === '<stdin>')).toBe(true);
    expect(got.events.map(content)).toEqual(reference.events.map(content));
  });
});

describe.skipIf(!available(ACTIONTRAIL_SAMPLES, 'ActionTrail delivery formats (built from the samples)'))('ActionTrail delivery formats', () => {
  let dir: string;
  let cleanup: () => void;
  let samples: Rec[];
  let reference: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    const files = readdirSync(ACTIONTRAIL_SAMPLES).filter((f) => f.endsWith('.json') && !f.includes('LookupEvents-response'));
    samples = files.sort().map((f) => JSON.parse(readFileSync(join(ACTIONTRAIL_SAMPLES, f), 'utf8')) as Rec);
    expect(samples.length).toBe(11);
    // each sample as published, one file each: the reference
    const sub = join(dir, 'reference');
    files.forEach((f, i) => write(join(sub, f), JSON.stringify(samples[i], null, 2)));
    reference = await read([sub]);
    expect(reference.diagnostics.total).toBe(0);
    expect(reference.events.length).toBe(11);
    expect(new Set(reference.files.flatMap((f) => f.formats))).toEqual(new Set(['actiontrail/single']));
  });
  afterAll(() => cleanup());

  const cases: [string, string, () => string | Buffer, string][] = [
    ['JSON array', 'array.json', () => actionTrail.array(samples), 'actiontrail/array'],
    ['{"Records":[…]}', 'records.json', () => actionTrail.records(samples), 'actiontrail/records'],
    ['{"Events":[…]} (LookupEvents shape)', 'lookup.json', () => actionTrail.lookupEvents(samples), 'actiontrail/lookup-events'],
    ['one event per line', 'events.jsonl', () => actionTrail.jsonl(samples), 'actiontrail/lines'],
    ['SLS export as a JSON array of logs (event = JSON string)', 'sls.json', () => actionTrail.slsArray(samples), 'actiontrail/sls'],
    ['SLS export as JSON lines', 'sls.jsonl', () => actionTrail.slsJsonl(samples), 'actiontrail/sls'],
    ['EventBridge (CloudEvents, event in `data`), one per line', 'eventbridge.jsonl', () => actionTrail.eventBridge(samples), 'actiontrail/eventbridge'],
  ];
  for (const [title, file, make, format] of cases) {
    it(`${title} → the same events as the published samples`, async () => {
      const path = write(join(dir, 'formats', file), make());
      const got = await read([path]);
      expect(got.diagnostics.total).toBe(0);
      expect(got.files.map((f) => f.formats)).toEqual([[format]]);
      expect(got.events.map(content)).toEqual(reference.events.map(content));
    });
  }

  it('OSS delivery: Actiontrail_<region>_<stamp>_1002_<count>_<size>_<md5>.gz under AliyunLogs/Actiontrail/<region>/YYYY/MM/DD/', async () => {
    const root = join(dir, 'oss');
    const byRegion = new Map<string, Rec[]>();
    for (const s of samples) {
      const region = String(s.acsRegion ?? s.AcsRegion);
      byRegion.set(region, [...(byRegion.get(region) ?? []), s]);
    }
    for (const [region, list] of byRegion) {
      const { path, bytes } = actionTrail.oss(list, region, '20250707013000');
      expect(path).toMatch(/\/Actiontrail_[a-z0-9-]+_\d{14}_1002_\d+_\d+_[0-9a-f]{32}\.gz$/);
      expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
      write(join(root, path), bytes);
    }
    const got = await read([join(root, 'AliyunLogs')]);
    expect(got.diagnostics.total).toBe(0);
    expect(got.files.length).toBe(byRegion.size);
    expect(new Set(got.files.flatMap((f) => f.formats))).toEqual(new Set(['actiontrail/array']));
    expect(got.events.map(content)).toEqual(reference.events.map(content));
  });

  it('the real LookupEvents API response sample gives its one event', async () => {
    const got = await read([join(ACTIONTRAIL_SAMPLES, 'actiontrail-LookupEvents-response.json')]);
    expect(got.diagnostics.total).toBe(0);
    expect(got.files[0]!.formats).toEqual(['actiontrail/lookup-events']);
    expect(got.events.map((e) => [e.provider, e.id, e.name, e.time, e.readOnly, e.actor.type, e.actor.accessKeyId])).toEqual([
      ['alicloud', '68D4BC64B29A8D36369698D9', 'ListUserRegions', '2025-09-25T03:52:04Z', true, 'assumed-role', 'STS.NTxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ]);
  });

  it('stdin (-) reads the same as the files', async () => {
    const got = await read(['-'], actionTrail.slsJsonl(samples));
    expect(got.events.every((e) => e.origin.file === '<stdin>')).toBe(true);
    expect(got.events.map(content)).toEqual(reference.events.map(content));
  });

  it('every format together collapses to the eleven events', async () => {
    const got = await read([join(dir, 'formats'), join(dir, 'reference'), join(dir, 'oss')]);
    expect(got.events.map(content)).toEqual(reference.events.map(content));
    expect(got.stats.duplicates).toBe(got.stats.kept - 11);
  });

  it('CloudTrail and ActionTrail files mixed in one folder: each detected per record', async () => {
    const mixed = join(dir, 'mixed');
    write(join(mixed, 'at.json'), actionTrail.array(samples));
    write(
      join(mixed, 'ct.jsonl'),
      cloudTrail.jsonl([{ eventVersion: '1.08', eventID: 'ct-1', eventName: 'RunInstances', eventTime: '2021-08-04T06:11:36Z', eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', readOnly: false }]),
    );
    const got = await read([mixed]);
    expect(got.events.filter((e) => e.provider === 'alicloud').length).toBe(11);
    expect(got.events.filter((e) => e.provider === 'aws').map((e) => e.id)).toEqual(['ct-1']);
    // same second as the ECS StopInstance sample: time ties break by file path, then position
    const tie = got.events.filter((e) => e.time === '2021-08-04T06:11:36Z').map((e) => e.origin.file.split('/').pop());
    expect(tie).toEqual(['at.json', 'ct.jsonl']);
  });
});

describe('format detection without the samples', () => {
  it('a {"Events":[…]} document that is itself an event named "Events" is not unwrapped', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const e = { eventId: 'x1', eventName: 'PutEvents', eventTime: '2024-01-01T00:00:00Z', acsRegion: 'cn-hangzhou', Events: [{ a: 1 }] };
      const got = await read([write(join(dir, 'e.json'), JSON.stringify(e))]);
      expect(got.events.map((x) => x.name)).toEqual(['PutEvents']);
    } finally {
      cleanup();
    }
  });
});

