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
    const at = whole.position === undefined ? {} : { line: lineAt(text, whole.position) };
    diagnostics.report({ kind: 'invalid-json', file, ...at, message: `not valid JSON: ${whole.message}` });
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

type Whole = { ok: true; value: unknown } | { ok: false; message: string; position?: number };

function parseWhole(text: string): Whole {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    return { ok: false, message: jsonErrorMessage(message), ...(position !== undefined && { position: Number(position) }) };
  }
}

/**
 * V8 quotes up to ~20 characters of the input in some JSON.parse messages
 * (`Unexpected token 'o', ..."["S3CR…",oops]" is not valid JSON`): that text may hold a secret
 * and may contain a newline, so only the token is kept.
 */
function jsonErrorMessage(message: string): string {
  if (/ is not valid JSON$/.test(message)) {
    const token = /^Unexpected token '(.)'/u.exec(message)?.[1];
    return token !== undefined && token !== '\n' ? `Unexpected token '${token}'` : 'unexpected input';
  }
  return message.split('\n', 1)[0]!;
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** How many non-empty lines are looked at to tell a line-oriented file from one broken document. */
const SNIFF_LINES = 5;

/**
 * A file is line-oriented when its first non-empty line is a complete JSON value, or when one of
 * the next few lines is a complete JSON object or array on its own (a pretty-printed document has
 * none), so that one bad first line does not cost the rest of a JSON Lines file.
 */
function looksLineOriented(text: string): boolean {
  let start = 0;
  for (let seen = 0; seen < SNIFF_LINES && start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    seen++;
    if (seen === 1 ? parseLine(line) !== undefined : /^[[{]/.test(line) && line.length > 2 && parseLine(line) !== undefined) return true;
  }
  return false;
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

/**
 * The records of one parsed document. Not a generator itself: the list is picked up front and
 * unwrapItems walks it, so each record passes through one generator level, not two (a trail has
 * millions of records).
 */
function unwrapDocument(value: unknown, ctx: Ctx, container: Container, line?: number): Iterable<RawRecord> {
  if (Array.isArray(value)) return unwrapItems(value, ctx, container === 'lines' ? 'lines' : 'array', line);
  if (isPlainObject(value)) {
    if (Array.isArray(value.Records)) return unwrapItems(value.Records, ctx, 'records', line);
    if (Array.isArray(value.Events) && !('eventName' in value)) return unwrapItems(value.Events, ctx, 'lookup-events', line);
  }
  return unwrapItems([value], ctx, container, line);
}

function* unwrapItems(items: unknown[], ctx: Ctx, container: Container, line?: number): Generator<RawRecord> {
  for (const item of items) {
    const raw = unwrapRecord(item, ctx, container, line);
    if (raw === NESTED) {
      // A delivery document nested in a line or array (e.g. `zcat *.json.gz` output).
      yield* unwrapItems((item as { Records: unknown[] }).Records, ctx, 'records', line);
    } else if (raw !== undefined) {
      yield raw;
    }
  }
}

/** unwrapRecord's answer for an item that is itself a `{"Records":[…]}` document. */
const NESTED = Symbol('nested');

/** One item: its event record, NESTED, or undefined when it is not an event (reported). */
function unwrapRecord(item: unknown, ctx: Ctx, container: Container, line?: number): RawRecord | typeof NESTED | undefined {
  if (!isPlainObject(item)) {
    notAnEvent(ctx, ctx.next++, line, `not an event (a JSON ${item === null ? 'null' : Array.isArray(item) ? 'array' : typeof item})`);
    return undefined;
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
    return NESTED;
  }
  const index = ctx.next++;
  if (!isPlainObject(record)) {
    notAnEvent(ctx, index, line, how === 'sls' || how === 'lookup-events' ? 'embedded event is not valid JSON' : 'not an event');
    return undefined;
  }
  return line ? { record, index, line, container: how } : { record, index, container: how };
}

function notAnEvent(ctx: Ctx, index: number, line: number | undefined, message: string): void {
  ctx.diagnostics.report({ kind: 'not-an-event', file: ctx.file, index, ...(line ? { line } : {}), message });
}

function parseEmbedded(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
