import { isPlainObject } from '../util/json.js';
import type { Diagnostics } from './diagnostics.js';

/**
 * How a record was delivered. One file may mix several (e.g. a JSONL file of
 * EventBridge envelopes); the reader reports what it saw per file.
 */
export type Container =
  | 'records' // {"Records":[…]} — CloudTrail S3 delivery (also accepted for ActionTrail)
  | 'array' // a JSON array of events — ActionTrail OSS delivery, stratus/traildiscover files
  | 'lines' // one JSON document per line (or concatenated objects, as Firehose writes them)
  | 'single' // a file holding one event object
  | 'lookup-events' // {"Events":[…]}: AWS lookup-events (CloudTrailEvent strings) or ActionTrail LookupEvents
  | 'eventbridge' // envelope whose `detail` (or CloudEvents `data`) is the event
  | 'sls'; // Log Service export: the event is a JSON string in an `event` field

export interface RawRecord {
  record: Record<string, unknown>;
  index: number;
  line?: number;
  container: Container;
}

/**
 * Splits a file's text into candidate event records, unwrapping every known delivery
 * envelope. Records that are not JSON objects are reported and skipped.
 */
export function* parseRecords(text: string, file: string, diagnostics: Diagnostics): Generator<RawRecord> {
  const ctx = { file, diagnostics, next: 0 };
  const whole = parseWhole(text);
  if (whole.ok) {
    yield* unwrapDocument(whole.value, ctx, whole.value && Array.isArray(whole.value) ? 'array' : 'single');
    return;
  }
  if (!looksLineOriented(text)) {
    diagnostics.report({ kind: 'invalid-json', file, message: `not valid JSON: ${whole.message}` });
    return;
  }
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const values = parseLine(line);
    if (values === undefined) {
      diagnostics.report({ kind: 'invalid-json', file, line: lineNo, index: ctx.next++, message: 'not valid JSON' });
      continue;
    }
    for (const v of values) yield* unwrapDocument(v, ctx, 'lines', lineNo);
  }
}

type Whole = { ok: true; value: unknown } | { ok: false; message: string };

function parseWhole(text: string): Whole {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/** A file is line-oriented when its first non-empty line is a complete JSON value. */
function looksLineOriented(text: string): boolean {
  const m = /^\s*(.*)$/m.exec(text);
  const first = m?.[1]?.trim() ?? '';
  return parseLine(first) !== undefined;
}

/** One line: a JSON value, or several objects written back to back (`{…}{…}`, Firehose). */
function parseLine(line: string): unknown[] | undefined {
  try {
    return [JSON.parse(line)];
  } catch {
    const parts = splitConcatenated(line);
    if (parts.length < 2) return undefined;
    try {
      return parts.map((p) => JSON.parse(p) as unknown);
    } catch {
      return undefined;
    }
  }
}

function splitConcatenated(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0 && start >= 0) parts.push(text.slice(start, i + 1));
      if (depth < 0) return [];
    }
  }
  return depth === 0 ? parts : [];
}

interface Ctx {
  file: string;
  diagnostics: Diagnostics;
  next: number;
}

function* unwrapDocument(value: unknown, ctx: Ctx, container: Container, line?: number): Generator<RawRecord> {
  if (Array.isArray(value)) {
    for (const item of value) yield* unwrapRecord(item, ctx, container === 'lines' ? 'lines' : 'array', line);
    return;
  }
  if (isPlainObject(value)) {
    if (Array.isArray(value.Records)) {
      for (const item of value.Records) yield* unwrapRecord(item, ctx, 'records', line);
      return;
    }
    if (Array.isArray(value.Events) && !('eventName' in value)) {
      for (const item of value.Events) yield* unwrapRecord(item, ctx, 'lookup-events', line);
      return;
    }
  }
  yield* unwrapRecord(value, ctx, container, line);
}

function* unwrapRecord(item: unknown, ctx: Ctx, container: Container, line?: number): Generator<RawRecord> {
  const index = ctx.next++;
  const problem = (message: string): void =>
    ctx.diagnostics.report({ kind: 'not-an-event', file: ctx.file, index, ...(line ? { line } : {}), message });
  if (!isPlainObject(item)) {
    problem(`not an event (a JSON ${item === null ? 'null' : Array.isArray(item) ? 'array' : typeof item})`);
    return;
  }
  let record: unknown = item;
  let how = container;
  if (typeof item.CloudTrailEvent === 'string') {
    record = parseEmbedded(item.CloudTrailEvent);
    how = 'lookup-events';
  } else if (isPlainObject(item.detail) && ('detail-type' in item || 'source' in item)) {
    record = item.detail;
    how = 'eventbridge';
  } else if (isPlainObject(item.data) && 'specversion' in item) {
    record = item.data;
    how = 'eventbridge';
  } else if ('event' in item && ('__topic__' in item || '__time__' in item || '__source__' in item)) {
    record = typeof item.event === 'string' ? parseEmbedded(item.event) : item.event;
    how = 'sls';
  } else if (Array.isArray(item.Records)) {
    // A delivery document nested in a line or array (e.g. `zcat *.json.gz` output).
    ctx.next--;
    for (const inner of item.Records) yield* unwrapRecord(inner, ctx, 'records', line);
    return;
  }
  if (!isPlainObject(record)) {
    problem(how === 'sls' || how === 'lookup-events' ? 'embedded event is not valid JSON' : 'not an event');
    return;
  }
  yield { record, index, ...(line ? { line } : {}), container: how };
}

function parseEmbedded(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
