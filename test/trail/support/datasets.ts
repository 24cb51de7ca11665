/**
 * Test-side access to the third-party trail datasets in `<repo>/../shared/data` and an
 * INDEPENDENT reader for them: its own gunzip / JSON.parse / walk of `Records`, arrays and
 * lines, sharing no code with src/, so counts computed here can check the reader's output.
 * The datasets are never copied into the repository; tests skip (with a printed reason)
 * when they are absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DATA_ROOT = process.env.TRAILBACK_TEST_DATA ?? resolve(REPO_ROOT, '..', 'shared', 'data');
export const CLOUDTRAIL = join(DATA_ROOT, 'cloudtrail');
export const ACTIONTRAIL = join(DATA_ROOT, 'actiontrail');

/** The trail files of each CloudTrail dataset (sidecars such as SOURCE.md, LICENSE, indexes excluded). */
export const DATASETS = {
  invictus: join(CLOUDTRAIL, 'invictus-aws_dataset', 'CloudTrail'),
  stratus: join(CLOUDTRAIL, 'stratus-red-team', 'detonation-logs'),
  panther: join(CLOUDTRAIL, 'panther-analysis', 'panther_cloudtrail_test_events.jsonl'),
  sans504: join(CLOUDTRAIL, 'sans504-s3-ransomware-lab', 'SANS-504-S3-ransomware-lab'),
  traildiscover: join(CLOUDTRAIL, 'traildiscover', 'events'),
  cartographer: join(CLOUDTRAIL, 'cloudconsolecartographer', 'sessions'),
} as const;
export type DatasetName = keyof typeof DATASETS;

export const ACTIONTRAIL_SAMPLES = join(ACTIONTRAIL, 'samples');

/** True when present; otherwise prints why the tests that need it are skipped. */
export function available(path: string, what: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`SKIP ${what}: third-party test data not found at ${path} (expected <repo>/../shared/data; set TRAILBACK_TEST_DATA to override)`);
  return false;
}

export function listFiles(path: string, accept: (file: string) => boolean = () => true): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const p = join(path, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, accept));
    else if (accept(p)) out.push(p);
  }
  return out;
}

export interface RawEvent {
  file: string;
  record: Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own, minimal container walk: `{"Records":[…]}`, a bare array, a bare object, or one JSON value per line. */
export function rawEventsOfFile(file: string): RawEvent[] {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const text = bytes.toString('utf8');
  let docs: unknown[];
  try {
    docs = [JSON.parse(text)];
  } catch {
    docs = text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
  }
  const out: RawEvent[] = [];
  const take = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(take);
    else if (isObject(v) && Array.isArray(v.Records)) v.Records.forEach(take);
    else if (isObject(v)) out.push({ file, record: v });
    else throw new Error(`${file}: unexpected JSON value in test data`);
  };
  docs.forEach(take);
  return out;
}

export function rawEvents(path: string): RawEvent[] {
  return listFiles(path, (f) => /\.(json|jsonl|gz|cloudtrail)$/.test(f)).flatMap(rawEventsOfFile);
}

const canonicalCache = new WeakMap<object, string>();

/** Key-order independent text of a JSON value: two records are "identical copies" when these agree. */
export function canonical(value: unknown): string {
  const cached = isObject(value) ? canonicalCache.get(value) : undefined;
  if (cached !== undefined) return cached;
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  const text = JSON.stringify(sort(value));
  if (isObject(value)) canonicalCache.set(value, text);
  return text;
}

/**
 * The rule of every SOURCE.md: readOnly false, or readOnly missing and a name not starting with
 * Describe/Get/List. A readOnly that is not a boolean (panther's one `"True"` string) counts as
 * missing there: that is how panther's published 358 writes come out.
 */
export function isWriteBySourceMd(r: Record<string, unknown>): boolean {
  if (r.readOnly === false) return true;
  if (r.readOnly === true) return false;
  return !/^(Describe|Get|List)/.test(String(r.eventName ?? ''));
}

/**
 * The reader's rule (src/trail/common.ts): readOnly as a boolean or a "true"/"false" string wins;
 * when it is missing the reader infers from a LONGER verb list than SOURCE.md's Describe/Get/List
 * (Lookup, Search, Query, Check, Decrypt, GenerateDataKey, Assume, …), so on datasets with missing
 * readOnly its write counts are lower than the published ones. Written out here on purpose, not imported.
 */
const READER_READ_VERBS =
  /^(Describe|Get|List|Lookup|Search|Query|Check|Head|BatchGet|Scan|Select|Simulate|Validate|Estimate|Preview|Decrypt|Encrypt|GenerateDataKey|Verify|Assume)/;
export function isWriteByReaderRule(r: Record<string, unknown>): boolean {
  if (typeof r.readOnly === 'boolean') return !r.readOnly;
  if (typeof r.readOnly === 'string' && /^(true|false)$/i.test(r.readOnly.trim())) return r.readOnly.trim().toLowerCase() === 'false';
  return !READER_READ_VERBS.test(String(r.eventName ?? ''));
}

export function failedCall(r: Record<string, unknown>): boolean {
  return typeof r.errorCode === 'string' ? r.errorCode !== '' : r.errorCode !== undefined && r.errorCode !== null;
}

/** An ISO-8601-ish eventTime the test accepts as a time: date, optional time, fraction and zone. */
export function usableTime(t: unknown): boolean {
  return typeof t === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/.test(t.trim());
}

export interface Counts {
  events: number;
  writes: number;
  successfulWrites: number;
}

export function count(records: Record<string, unknown>[], isWrite: (r: Record<string, unknown>) => boolean): Counts {
  let writes = 0;
  let successfulWrites = 0;
  for (const r of records) {
    if (!isWrite(r)) continue;
    writes++;
    if (!failedCall(r)) successfulWrites++;
  }
  return { events: records.length, writes, successfulWrites };
}

/** Identical copies (same content, whatever the key order) collapse to the first; everything else stays. */
export function uniqueByContent(records: Record<string, unknown>[]): Record<string, unknown>[] {
  // Records with different eventIDs differ; only those sharing one (or without one) are compared.
  const idCount = new Map<unknown, number>();
  for (const r of records) idCount.set(r.eventID, (idCount.get(r.eventID) ?? 0) + 1);
  const seen = new Set<string>();
  return records.filter((r) => {
    if (r.eventID !== undefined && idCount.get(r.eventID) === 1) return true;
    const k = canonical(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
