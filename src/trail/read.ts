import type { TrailEvent } from '../events/model.js';
import { sortAndDedupe } from '../events/order.js';
import { actionTrailReadOnly, camelCaseActionTrail, isActionTrailRecord, normalizeActionTrail } from './actiontrail.js';
import { cloudTrailReadOnly, isCloudTrailRecord, normalizeCloudTrail } from './cloudtrail.js';
import type { Diagnostics } from './diagnostics.js';
import { parseRecords } from './parse.js';
import { displayName, expandInputs, readText } from './source.js';

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

const PREFETCH = 4;

/** Reads every input, normalizes, filters, then sorts and deduplicates. */
export async function readTrail(inputs: string[], options: ReadOptions): Promise<ReadResult> {
  const { files, ignored } = await expandInputs(inputs);
  const stats: ReadStats = { files: files.length, ignoredFiles: ignored, records: 0, readsDropped: 0, kept: 0, duplicates: 0 };
  const summaries: FileSummary[] = [];
  const kept: TrailEvent[] = [];

  // Reading and gunzip run ahead in the thread pool while this thread parses.
  const pending = new Map<number, Promise<string | undefined>>();
  const start = (i: number): void => {
    const file = files[i];
    if (file !== undefined && !pending.has(i)) pending.set(i, readText(file, options.diagnostics, options.stdin));
  };
  for (let i = 0; i < files.length; i++) {
    for (let j = i; j < Math.min(files.length, i + PREFETCH); j++) start(j);
    const text = await pending.get(i)!;
    pending.delete(i);
    const file = displayName(files[i]!);
    const summary: FileSummary = { file, records: 0, events: 0, formats: [] };
    summaries.push(summary);
    if (text === undefined) continue;
    const formats = new Set<string>();
    for (const event of eventsOfText(text, file, options, summary, formats, stats)) {
      summary.events++;
      if (options.keep && !options.keep(event)) continue;
      kept.push(event);
    }
    summary.formats = [...formats].sort();
  }
  stats.kept = kept.length;
  const { events, duplicates } = sortAndDedupe(kept);
  stats.duplicates = duplicates;
  return { events, files: summaries, stats };
}

function* eventsOfText(
  text: string,
  file: string,
  options: ReadOptions,
  summary: FileSummary,
  formats: Set<string>,
  stats: ReadStats,
): Generator<TrailEvent> {
  const forced = options.inputFormat ?? 'auto';
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
    formats.add(`${provider}/${raw.container}`);
    const record = provider === 'actiontrail' ? camelCaseActionTrail(raw.record) : raw.record;
    if (options.writesOnly) {
      const readOnly = provider === 'cloudtrail' ? cloudTrailReadOnly(record) : actionTrailReadOnly(record);
      if (readOnly) {
        stats.readsDropped++;
        continue;
      }
    }
    const keepRaw = options.keepRaw ?? false;
    const result = provider === 'cloudtrail' ? normalizeCloudTrail(record, keepRaw) : normalizeActionTrail(record, keepRaw);
    const where = { file, index: raw.index, ...(raw.line && { line: raw.line }) };
    if (!result.ok) {
      options.diagnostics.report({ kind: result.kind, ...where, message: result.message });
      continue;
    }
    if (result.derivedId) {
      options.diagnostics.report({ kind: 'missing-id', ...where, message: `${result.event.name}: no event id` });
    }
    yield { ...result.event, origin: { file, index: raw.index } } as TrailEvent;
  }
}

function detectProvider(r: Record<string, unknown>): 'cloudtrail' | 'actiontrail' | undefined {
  if (isCloudTrailRecord(r)) return 'cloudtrail';
  if (isActionTrailRecord(r)) return 'actiontrail';
  return undefined;
}
