/**
 * Ordering and deduplication: sorted by time with a stable tie-break (file path, then position
 * in the file), the same whatever order the inputs come in; a second delivery of an event counts
 * once. Unit and property tests on synthetic events, then the real trails.
 */
import { cpSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../src/events/model.js';
import { compareEvents, sortAndDedupe } from '../../src/events/order.js';
import { Diagnostics } from '../../src/trail/diagnostics.js';
import { readTrail, type ReadResult } from '../../src/trail/read.js';
import { available, DATASETS, listFiles, rawEventsOfFile } from '../trail/support/datasets.js';
import { tempDir } from '../trail/support/fixtures.js';

function event(over: Partial<TrailEvent> & { file?: string; index?: number }): TrailEvent {
  const { file = 'a.json', index = 0, ...rest } = over;
  return {
    id: 'id-1',
    time: '2024-01-01T00:00:00Z',
    epochMs: Date.UTC(2024, 0, 1),
    provider: 'aws',
    service: 'ec2',
    name: 'RunInstances',
    region: 'us-east-1',
    account: '111122223333',
    readOnly: false,
    actor: { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/alice' },
    request: { a: 1 },
    resources: [],
    origin: { file, index },
    ...rest,
  };
}

const where = (e: TrailEvent): string => `${e.origin.file}#${e.origin.index}`;

describe('sortAndDedupe', () => {
  it('sorts by time, then file path, then position', () => {
    const t = (s: number): number => Date.UTC(2024, 0, 1, 0, 0, s);
    const input = [
      event({ id: '1', epochMs: t(2), file: 'a.json', index: 0 }),
      event({ id: '2', epochMs: t(1), file: 'b.json', index: 5 }),
      event({ id: '3', epochMs: t(1), file: 'b.json', index: 1 }),
      event({ id: '4', epochMs: t(1), file: 'a.json', index: 9 }),
    ];
    expect(sortAndDedupe(input).events.map((e) => e.id)).toEqual(['4', '3', '2', '1']);
    expect(compareEvents(input[1]!, input[2]!)).toBeGreaterThan(0);
  });

  it('a second delivery (same provider, id, name, time and content) counts once; the first in order is kept', () => {
    const first = event({ file: 'a.json', index: 3 });
    const again = event({ file: 'b.json', index: 0 });
    const { events, duplicates } = sortAndDedupe([again, first]);
    expect(events.map(where)).toEqual(['a.json#3']);
    expect(duplicates).toBe(1);
  });

  it('same id but different content, name, time or provider: all kept', () => {
    const base = event({});
    const variants = [
      event({ file: 'b.json', request: { a: 2 } }),
      event({ file: 'c.json', name: 'TerminateInstances' }),
      event({ file: 'd.json', epochMs: base.epochMs + 1000 }),
      event({ file: 'e.json', provider: 'alicloud' }),
      event({ file: 'f.json', error: { code: 'AccessDenied' } }),
    ];
    const { events, duplicates } = sortAndDedupe([base, ...variants]);
    expect(events.length).toBe(6);
    expect(duplicates).toBe(0);
  });

  it('raw (--keep-raw) and origin are not content', () => {
    const { events } = sortAndDedupe([event({ raw: { x: 1 } }), event({ file: 'z.json', raw: { x: 2 } })]);
    expect(events.length).toBe(1);
  });

  /** Base events with distinct origins, plus copies delivered again from other files or read twice. */
  const trail = fc
    .array(
      fc.record({
        id: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
        second: fc.integer({ min: 0, max: 3 }),
        name: fc.constantFrom('CreateVpc', 'DeleteVpc'),
        req: fc.integer({ min: 0, max: 2 }),
        copies: fc.array(fc.constantFrom('x.json', 'y.json', 'same'), { maxLength: 2 }),
      }),
      { maxLength: 40 },
    )
    .map((specs) =>
      specs.flatMap((s, i) => {
        const e = event({ id: s.id, name: s.name, epochMs: Date.UTC(2024, 0, 1, 0, 0, s.second), request: { v: s.req }, file: i % 2 ? 'p.json' : 'q.json', index: i });
        return [e, ...s.copies.map((c) => (c === 'same' ? { ...e } : { ...e, origin: { file: c, index: i } }))];
      }),
    );

  it('property: the result does not depend on the order events come in', () => {
    fc.assert(
      fc.property(trail, fc.func(fc.integer()), (events, key) => {
        const shuffled = events.map((e, i) => [key(i), i, e] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , e]) => e);
        expect(sortAndDedupe(shuffled)).toEqual(sortAndDedupe(events));
      }),
      { numRuns: 300 },
    );
  });

  it('property: idempotent, sorted, and each distinct event exactly once', () => {
    fc.assert(
      fc.property(trail, (events) => {
        const once = sortAndDedupe(events);
        const twice = sortAndDedupe(once.events);
        expect(twice.events).toEqual(once.events);
        expect(twice.duplicates).toBe(0);
        expect(once.events.length + once.duplicates).toBe(events.length);
        for (let i = 1; i < once.events.length; i++) expect(compareEvents(once.events[i - 1]!, once.events[i]!)).toBeLessThanOrEqual(0);
        const distinct = new Set(events.map((e) => JSON.stringify([e.id, e.name, e.epochMs, e.request])));
        expect(once.events.length).toBe(distinct.size);
      }),
      { numRuns: 300 },
    );
  });
});

async function read(inputs: string[]): Promise<ReadResult> {
  const diagnostics = new Diagnostics();
  const result = await readTrail(inputs, { diagnostics });
  expect(diagnostics.total).toBe(0);
  return result;
}

/** A seeded shuffle, so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const trace = (r: ReadResult): string[] => r.events.map((e) => `${e.time} ${e.id} ${where(e)}`);

function tiesIn(r: ReadResult): number {
  let ties = 0;
  r.events.forEach((e, i) => {
    const prev = r.events[i - 1];
    if (prev && prev.epochMs === e.epochMs) {
      ties++;
      expect(prev.origin.file < e.origin.file || (prev.origin.file === e.origin.file && prev.origin.index < e.origin.index)).toBe(true);
    }
  });
  return ties;
}

describe.skipIf(!available(DATASETS.invictus, 'dataset invictus'))('invictus: real order', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => void (tmp = tempDir()));
  afterAll(() => tmp.cleanup());

  it('sorted by time, ties by file then position, exactly as an independent sort of the raw records', async () => {
    const files = listFiles(DATASETS.invictus);
    const result = await read([DATASETS.invictus]);
    expect(tiesIn(result)).toBeGreaterThan(1000); // "many events share the same second"
    const expected = files
      .flatMap((file) => rawEventsOfFile(file).map((r, index) => ({ file, index, id: String(r.record.eventID), t: Date.parse(String(r.record.eventTime)) })))
      .sort((a, b) => a.t - b.t || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.index - b.index);
    expect(result.events.map((e) => [e.id, e.origin.index])).toEqual(expected.map((x) => [x.id, x.index]));
  });

  it('files given in any order, several times: the same events in the same order', async () => {
    const files = listFiles(DATASETS.invictus);
    const reference = trace(await read([DATASETS.invictus]));
    for (const seed of [1, 2, 3]) expect(trace(await read(shuffle(files, seed)))).toEqual(reference);
  });

  it('a trail read twice (its files copied to a second folder) gives the same events once each', async () => {
    const a = join(tmp.dir, 'a');
    const b = join(tmp.dir, 'b');
    cpSync(DATASETS.invictus, a, { recursive: true });
    cpSync(DATASETS.invictus, b, { recursive: true });
    const once = await read([a]);
    for (const inputs of [[a, b], [b, a], [b, a, a]]) {
      const twice = await read(inputs);
      expect(twice.stats.duplicates).toBe(2900);
      expect(twice.events.length).toBe(2900);
      // the copy from the first path in order is kept: the same events, same origins
      expect(trace(twice)).toEqual(trace(once));
    }
    expect(once.events.every((e) => !relative(a, e.origin.file).startsWith('..'))).toBe(true);
  });
});

describe.skipIf(!available(DATASETS.sans504, 'dataset sans504'))('sans504: duplicates across files and regions, order', () => {
  it('the day the duplicates start (plus every other region): any input order gives the same result', async () => {
    const root = DATASETS.sans504;
    const files = listFiles(root).filter((f) => !f.includes('/us-west-1/') || f.includes('/us-west-1/2021/07/29/'));
    expect(files.length).toBeGreaterThan(300);
    const reference = await read(files);
    expect(reference.stats.duplicates).toBeGreaterThan(0);
    expect(tiesIn(reference)).toBeGreaterThan(100);
    expect(new Set(reference.events.map((e) => e.id)).size).toBe(reference.events.length);
    expect(trace(await read(shuffle(files, 42)))).toEqual(trace(reference));
    expect(trace(await read([...files].reverse()))).toEqual(trace(reference));
  });
});
