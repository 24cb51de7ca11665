import type { TrailEvent } from '../events/model.js';
import { sortAndDedupe } from '../events/order.js';
import { actionTrailReadOnly, camelCaseActionTrail, isActionTrailRecord, normalizeActionTrail } from './actiontrail.js';
import { cloudTrailReadOnly, isCloudTrailRecord, normalizeCloudTrail } from './cloudtrail.js';
import type { Diagnostics, Problem } from './diagnostics.js';
import { parseRecords } from './parse.js';
import { decodeText, displayName, expandInputs, readBytes } from './source.js';

export const INPUT_FORMATS = ['auto', 'cloudtrail', 'actiontrail'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ReadOptions {
  diagnostics: Diagnostics;
  /** Force every record to be read as CloudTrail or ActionTrail instead of detecting it. */
  inputFormat?: InputFormat;
  /** Drop read-only events before normalizing them (they are most of a trail). */
  writesOnly?: boolean;
  /** Keep only events this accepts; applied while streaming, so memory follows what is kept. */
  keep?: (event: TrailEvent) => boolean;
  keepRaw?: boolean;
  stdin?: NodeJS.ReadableStream;
}

export interface FileSummary {
  file: string;
  records: number;
  events: number;
  /** e.g. `cloudtrail/records`, `actiontrail/sls`. */
  formats: string[];
}

export interface ReadStats {
  files: number;
  /** Files in folders that were passed over because their names do not look like trails. */
  ignoredFiles: string[];
  records: number;
  /** Read-only events dropped by `writesOnly`. */
  readsDropped: number;
  /** Events that passed `keep`, before deduplication. */
  kept: number;
  duplicates: number;
}

export interface ReadResult {
  /** Sorted by time (stable tie-break: file, then position), each event once. */
  events: TrailEvent[];
  files: FileSummary[];
  stats: ReadStats;
}

/**
 * Files read (and gunzipped) ahead of the parse: each needs several event-loop turns (open, stat,
 * read, close, gunzip) and gets one per file parsed, so fewer than ~8 leave the parse waiting.
 * Reading ahead stops while the bytes read but not yet parsed exceed PREFETCH_BYTES (huge files).
 */
const PREFETCH = 8;
const PREFETCH_BYTES = 64 * 1024 * 1024;

/** Reads every input, normalizes, filters, then sorts and deduplicates. */
export async function readTrail(inputs: string[], options: ReadOptions): Promise<ReadResult> {
  const { files, ignored } = await expandInputs(inputs);
  const stats: ReadStats = { files: files.length, ignoredFiles: ignored, records: 0, readsDropped: 0, kept: 0, duplicates: 0 };
  const summaries: FileSummary[] = [];
  const kept: TrailEvent[] = [];

  // Reading and gunzip run ahead in the thread pool while this thread parses. Their problems are
  // held back and reported when the file's turn comes: in file order, and in --strict mode the
  // throw happens here, not in a prefetch nobody awaits (an unhandled rejection).
  const pending = new Map<number, Promise<{ bytes: Buffer | undefined; problems: Problem[] }>>();
  const start = (i: number): void => {
    const file = files[i];
    if (file === undefined || pending.has(i)) return;
    const problems: Problem[] = [];
    const read = readBytes(file, { report: (p) => void problems.push(p) }, options.stdin).then((bytes) => {
      buffered += bytes?.length ?? 0;
      return { bytes, problems };
    });
    pending.set(i, read);
  };
  let buffered = 0;
  for (let i = 0; i < files.length; i++) {
    start(i);
    for (let j = i + 1; j < Math.min(files.length, i + PREFETCH) && buffered < PREFETCH_BYTES; j++) start(j);
    // A turn of the event loop for the prefetches: each takes several I/O callbacks, and awaiting
    // an already settled promise never reaches the loop, so without this they stall while we parse.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const { bytes, problems } = await pending.get(i)!;
    pending.delete(i);
    buffered -= bytes?.length ?? 0;
    for (const p of problems) options.diagnostics.report(p);
    // Decoded only now (see readBytes), so that the text dies young.
    const text = bytes === undefined ? undefined : decodeText(bytes, files[i]!, options.diagnostics);
    const file = displayName(files[i]!);
    const summary: FileSummary = { file, records: 0, events: 0, formats: [] };
    summaries.push(summary);
    if (text === undefined) continue;
    const formats = new Set<string>();
    eventsOfText(text, file, options, summary, formats, stats, (event) => {
      summary.events++;
      if (options.keep && !options.keep(event)) return;
      kept.push(event);
    });
    summary.formats = [...formats].sort();
  }
  stats.kept = kept.length;
  const { events, duplicates } = sortAndDedupe(kept);
  stats.duplicates = duplicates;
  return { events, files: summaries, stats };
}

/** Normalizes one file's records, handing each event to `emit` (a callback: one generator level less per record). */
function eventsOfText(
  text: string,
  file: string,
  options: ReadOptions,
  summary: FileSummary,
  formats: Set<string>,
  stats: ReadStats,
  emit: (event: TrailEvent) => void,
): void {
  const forced = options.inputFormat ?? 'auto';
  const keepRaw = options.keepRaw ?? false;
  let lastFormat: { provider: string; container: string } | undefined;
  for (const raw of parseRecords(text, file, options.diagnostics)) {
    summary.records++;
    stats.records++;
    const provider = forced === 'auto' ? detectProvider(raw.record) : forced;
    if (provider === undefined) {
      options.diagnostics.report({
        kind: 'not-an-event',
        file,
        index: raw.index,
        ...(raw.line && { line: raw.line }),
        message: 'not a CloudTrail or ActionTrail event (no eventID/eventId, awsRegion/acsRegion)',
      });
      continue;
    }
    if (lastFormat?.provider !== provider || lastFormat.container !== raw.container) {
      formats.add(`${provider}/${raw.container}`);
      lastFormat = { provider, container: raw.container };
    }
    const record = provider === 'actiontrail' ? camelCaseActionTrail(raw.record) : raw.record;
    if (options.writesOnly) {
      const readOnly = provider === 'cloudtrail' ? cloudTrailReadOnly(record) : actionTrailReadOnly(record);
      if (readOnly) {
        stats.readsDropped++;
        continue;
      }
    }
    const result = provider === 'cloudtrail' ? normalizeCloudTrail(record, keepRaw) : normalizeActionTrail(record, keepRaw);
    if (!result.ok) {
      options.diagnostics.report({ kind: result.kind, file, index: raw.index, ...(raw.line && { line: raw.line }), message: result.message });
      continue;
    }
    if (result.derivedId) {
      options.diagnostics.report({ kind: 'missing-id', file, index: raw.index, ...(raw.line && { line: raw.line }), message: `${result.event.name}: no event id` });
    }
    // The normalized event is new and ours: give it its origin in place rather than copy it.
    const event = result.event as TrailEvent;
    event.origin = { file, index: raw.index };
    emit(event);
  }
}

function detectProvider(r: Record<string, unknown>): 'cloudtrail' | 'actiontrail' | undefined {
  if (isCloudTrailRecord(r)) return 'cloudtrail';
  if (isActionTrailRecord(r)) return 'actiontrail';
  return undefined;
}
