/**
 * Exact counts on the six real CloudTrail datasets (third-party, read in place from
 * <repo>/../shared/data, never copied). Every expected number is computed here from the raw
 * JSON by the test's own small reader (support/datasets.ts), then checked against the reader
 * (readTrail) and, where the definition is the same, against the numbers published in each
 * dataset's SOURCE.md.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../src/events/model.js';
import { Diagnostics } from '../../src/trail/diagnostics.js';
import { readTrail, type ReadResult } from '../../src/trail/read.js';
import {
  available,
  canonical,
  count,
  DATASETS,
  type DatasetName,
  isWriteByReaderRule,
  isWriteBySourceMd,
  rawEvents,
  type RawEvent,
  uniqueByContent,
  usableTime,
} from './support/datasets.js';

type Rec = Record<string, unknown>;

/** What SOURCE.md publishes, per dataset: over all records, and after removing identical copies. */
const PUBLISHED: Record<DatasetName, { all: [number, number, number]; distinct?: [number, number, number] }> = {
  invictus: { all: [2900, 574, 480], distinct: [2900, 574, 480] },
  stratus: { all: [310, 49, 46], distinct: [310, 49, 46] },
  panther: { all: [459, 358, 306] },
  sans504: { all: [30477, 15121, 5425], distinct: [23981, 15105, 5412] },
  traildiscover: { all: [315, 158, 18], distinct: [314, 158, 18] },
  // SOURCE.md publishes 8,170 distinct events; 359/342 are our count of their writes (2 write pairs are copies)
  cartographer: { all: [8226, 361, 344], distinct: [8170, 359, 342] },
};

function readerCounts(events: TrailEvent[]): [number, number, number] {
  const writes = events.filter((e) => !e.readOnly);
  return [events.length, writes.length, writes.filter((e) => e.error === undefined).length];
}

function triple(c: { events: number; writes: number; successfulWrites: number }): [number, number, number] {
  return [c.events, c.writes, c.successfulWrites];
}

/** Each dataset is read once per test file (sans504 takes seconds), raw and through the reader. */
const reads = new Map<string, Promise<{ result: ReadResult; diagnostics: Diagnostics }>>();
function read(path: string): Promise<{ result: ReadResult; diagnostics: Diagnostics }> {
  let p = reads.get(path);
  if (!p) {
    const diagnostics = new Diagnostics(false, 100);
    p = readTrail([path], { diagnostics }).then((result) => ({ result, diagnostics }));
    reads.set(path, p);
  }
  return p;
}
const raws = new Map<string, RawEvent[]>();
function rawOf(path: string): RawEvent[] {
  let r = raws.get(path);
  if (!r) raws.set(path, (r = rawEvents(path)));
  return r;
}

for (const name of Object.keys(DATASETS) as DatasetName[]) {
  const path = DATASETS[name];
  describe.skipIf(!available(path, `dataset ${name}`))(`dataset ${name}: exact counts`, () => {
    let raw: Rec[];
    let distinct: Rec[];
    let result: ReadResult;
    let diagnostics: Diagnostics;
    beforeAll(async () => {
      raw = rawOf(path).map((r) => r.record);
      distinct = uniqueByContent(raw);
      ({ result, diagnostics } = await read(path));
    });

    it('the independent count agrees with the numbers published in SOURCE.md', () => {
      const published = PUBLISHED[name];
      expect(triple(count(raw, isWriteBySourceMd))).toEqual(published.all);
      if (published.distinct) expect(triple(count(distinct, isWriteBySourceMd))).toEqual(published.distinct);
    });

    if (name !== 'panther') {
      // panther: fixtures, not a trail; its dedupe and bad times have their own tests below.
      it('reader: unique events, writes and successful writes equal the independent count', () => {
        expect(readerCounts(result.events)).toEqual(triple(count(distinct, isWriteByReaderRule)));
        expect(result.stats.records).toBe(raw.length);
        expect(result.stats.duplicates).toBe(raw.length - distinct.length);
        expect(diagnostics.total).toBe(0);
      });
    }
  });
}

describe.skipIf(!available(DATASETS.sans504, 'dataset sans504'))('sans504: duplicate deliveries across files', () => {
  it('6,496 events delivered twice, always in two different files, collapse to 23,981', async () => {
    const raw = rawOf(DATASETS.sans504);
    const byId = new Map<string, { files: Set<string>; copies: Set<string>; n: number }>();
    for (const { file, record } of raw) {
      const id = String(record.eventID);
      const g = byId.get(id) ?? { files: new Set(), copies: new Set(), n: 0 };
      g.files.add(file);
      g.copies.add(canonical(record));
      g.n++;
      byId.set(id, g);
    }
    const twice = [...byId.values()].filter((g) => g.n > 1);
    expect(twice.length).toBe(6496);
    expect(twice.every((g) => g.n === 2 && g.files.size === 2 && g.copies.size === 1)).toBe(true);
    expect(byId.size).toBe(23981);

    const { result } = await read(DATASETS.sans504);
    expect(result.events.length).toBe(23981);
    expect(result.stats.duplicates).toBe(6496);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(23981);
  });
});

describe.skipIf(!available(DATASETS.cartographer, 'dataset cartographer'))('cartographer: records without userIdentity/readOnly', () => {
  it('names alone decide read/write; the reader infers from more verbs than SOURCE.md (361 → 153 writes)', async () => {
    const raw = rawOf(DATASETS.cartographer).map((r) => r.record);
    expect(raw.some((r) => 'readOnly' in r || 'userIdentity' in r)).toBe(false);
    const { result } = await read(DATASETS.cartographer);
    // LookupEvents (172), SearchListings, Decrypt, GenerateDataKey… are reads to the reader.
    const lookups = result.events.filter((e) => e.name === 'LookupEvents');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((e) => e.readOnly)).toBe(true);
    expect(readerCounts(result.events)[1]).toBe(153);
    expect(result.events.every((e) => e.actor.principal === 'unknown' && e.actor.type === 'Unknown')).toBe(true);
  });
});

describe.skipIf(!available(DATASETS.panther, 'dataset panther'))('panther: reused ids, identical copies, bad eventTime', () => {
  let lines: Rec[];
  let result: ReadResult;
  let diagnostics: Diagnostics;
  beforeAll(async () => {
    lines = rawOf(DATASETS.panther).map((r) => r.record);
    ({ result, diagnostics } = await read(DATASETS.panther));
  });
  /** 1-based line of an event in the JSONL file (origin.index is the 0-based record position). */
  const lineOf = (e: TrailEvent): number => e.origin.index + 1;

  it('records whose eventTime is missing or not a time are skipped and counted, with their line', () => {
    const bad = lines.map((r, i) => [r, i + 1] as const).filter(([r]) => !usableTime(r.eventTime));
    expect(bad.length).toBe(15); // SOURCE.md: missing (13), "redacted" (1), "..." (1)
    expect(diagnostics.counts.get('bad-time')).toBe(bad.length);
    const shown = diagnostics.first.filter((p) => p.kind === 'bad-time').map((p) => p.line);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((l) => bad.some(([, line]) => line === l))).toBe(true);
    const kept = new Set(result.events.map(lineOf));
    expect(bad.some(([, line]) => kept.has(line))).toBe(false);
  });

  it('records without eventID are kept with an id derived from content and counted', () => {
    const noId = lines.filter((r) => r.eventID === undefined && usableTime(r.eventTime));
    expect(diagnostics.counts.get('missing-id')).toBe(noId.length);
    const derived = result.events.filter((e) => e.id.startsWith('derived-'));
    expect(derived.length).toBe(uniqueByContent(noId).length);
  });

  /**
   * KNOWN BUG (reported to the lead): eight raw-distinct fixtures are dropped as "duplicates" of an
   * earlier fixture with the same eventID, name and time, because the dedupe compares NORMALIZED
   * content, which leaves out what the model does not carry and has secrets redacted:
   *   72      ConsoleLogin "1": vs 69, only additionalEventData.LoginTo / SamlProviderArn differ
   *   73      ConsoleLogin "1": vs 69, only additionalEventData.MFAUsed ("No" vs "Yes")
   *   111     CreateImage: vs 108, only requestID (and userIdentity.invokedBy null vs absent)
   *   120     DescribeRouteTables "1": vs 95, only userIdentity.principalId (the arn wins in the model)
   *   170-172 CreateUser "1": vs 169/170, only sessionIssuer.arn / invokedBy
   *   (324, PasswordUpdated "Success" vs "Failure", was dropped too while redaction hid every
   *   value under a password-named key; it is kept since facts about a password are not masked)
   *   454     ConsoleLogin "1": vs 74, only additionalEventData.MFAUsed
   * Expected once fixed: []. Until then this pins the exact set, so any other loss shows up.
   */
  const KNOWN_DROPPED = [72, 73, 111, 120, 170, 171, 172, 454];

  function firstLineOfEachDistinctRecord(): number[] {
    const first = new Map<string, number>();
    lines.forEach((r, i) => {
      const k = canonical(r);
      if (usableTime(r.eventTime) && !first.has(k)) first.set(k, i + 1);
    });
    return [...first.values()];
  }

  it('byte-identical copies collapse: no second copy of any record is kept', () => {
    const groups = new Map<string, number[]>();
    lines.forEach((r, i) => {
      if (usableTime(r.eventTime)) groups.set(canonical(r), [...(groups.get(canonical(r)) ?? []), i + 1]);
    });
    const copies = [...groups.values()].filter((g) => g.length > 1);
    expect(copies.length).toBe(24); // 28 surplus copies in 24 groups
    const kept = new Set(result.events.map(lineOf));
    for (const g of copies) expect(g.slice(1).filter((l) => kept.has(l))).toEqual([]);
  });

  it('different fixtures sharing an eventID are kept (all raw-distinct records but the known eight)', () => {
    const kept = new Set(result.events.map(lineOf));
    const dropped = firstLineOfEachDistinctRecord().filter((l) => !kept.has(l));
    expect(dropped.sort((a, b) => a - b)).toEqual(KNOWN_DROPPED);
    // ids really are reused by different fixtures: "1111" and "1" stand for dozens of events
    const reused = result.events.filter((e) => e.id === '1' || e.id === '1111');
    expect(reused.length).toBeGreaterThan(40);
  });

  it('exact count: distinct records with a usable time (416, independent) minus the known eight', () => {
    const valid = lines.filter((r) => usableTime(r.eventTime));
    const distinct = uniqueByContent(valid);
    expect(distinct.length).toBe(416);
    const expected = distinct.filter((r) => !KNOWN_DROPPED.includes(lines.indexOf(r) + 1));
    expect(readerCounts(result.events)).toEqual(triple(count(expected, isWriteByReaderRule)));
    expect(result.stats.duplicates).toBe(valid.length - expected.length);
  });

  it('times without a zone are UTC; fractions are cut to milliseconds', () => {
    const byLine = new Map(result.events.map((e) => [lineOf(e), e]));
    let checked = 0;
    lines.forEach((r, i) => {
      const t = r.eventTime;
      const e = byLine.get(i + 1);
      if (typeof t !== 'string' || !e || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(t)) return;
      expect(e.epochMs).toBe(utcMillis(t));
      expect(e.time).toBe(t.slice(0, 10) + 'T' + t.slice(11, 19) + 'Z'); // all of them are whole seconds
      checked++;
    });
    expect(checked).toBeGreaterThan(100);
  });
});

/** Own parse of the time shapes in panther: `YYYY-MM-DD[ T]HH:MM:SS[.fff…][Z]`, UTC when there is no zone. */
function utcMillis(t: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z?$/.exec(t.trim());
  if (!m) throw new Error(`unexpected time in test data: ${t}`);
  return Date.parse(`${m[1]}T${m[2]}.${((m[3] ?? '') + '000').slice(0, 3)}Z`);
}
