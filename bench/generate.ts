/**
 * Synthetic CloudTrail corpus for the bench, laid out as CloudTrail delivers to S3:
 *
 *   <out>/AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/
 *     <account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<16 chars>.json.gz   ← {"Records":[…]}
 *
 * Records are real ones used as templates, read at run time from the shared samples
 * (invictus-aws_dataset by default; third-party data, read in place, never copied into the
 * repository — only this derived, git-ignored corpus under bench/out/ is written), each
 * copy with a new eventID/requestID and eventTime. About 8% are writes. Writes walk the
 * template timeline in its own order, one pass per "episode"; every episode after the first
 * renames the resources (EC2-style ids, `stratus-red-team-` names), access keys and IPs it
 * touches, so the corpus has many distinct resources and each episode's create → modify →
 * delete still reads in time order. Reads are drawn at random, with the current episode's names.
 * Files cover ~5-minute windows (one or two per window, a few hundred to ~1000 records,
 * mostly us-east-1), spread over days; records inside a file are nearly, not strictly, in
 * time order, as in real deliveries.
 *
 * Deterministic for a given N, seed and template set; cached under bench/out/ by those, so
 * reruns reuse it. When the shared samples are absent, built-in templates (bench/templates.ts,
 * written for this project) are used instead and the manifest says so.
 *
 * Standalone: node --import tsx bench/generate.ts [--events N] [--seed S] [--out DIR]
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BUILTIN_TEMPLATES } from './templates.js';

const gzipAsync = promisify(gzip);

/** Bump when the generated corpus would change for the same N, seed and templates. */
const GENERATOR_VERSION = 1;

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const OUT_DIR = join(BENCH_DIR, 'out');
/** Shared samples: TRAILBACK_BENCH_TEMPLATES (a folder of CloudTrail JSON files) or ../shared/data. */
export const DEFAULT_TEMPLATE_DIR =
  process.env.TRAILBACK_BENCH_TEMPLATES ?? resolve(REPO_ROOT, '..', 'shared', 'data', 'cloudtrail', 'invictus-aws_dataset', 'CloudTrail');

const WRITE_SHARE = 0.08;
const WINDOW_MS = 5 * 60_000;
const START_MS = Date.UTC(2024, 2, 4, 0, 0, 0);
const REGIONS: [string, number][] = [
  ['us-east-1', 0.7],
  ['us-west-2', 0.15],
  ['eu-west-1', 0.1],
  ['ap-southeast-2', 0.05],
];
const KEY_VARIANTS = 8;
const IP_VARIANTS = 16;

export interface CorpusOptions {
  events: number;
  seed: number;
  /** Folder holding the corpus folders (default bench/out). */
  outDir?: string;
  templateDir?: string;
  /** Rebuild even when a cached corpus exists. */
  fresh?: boolean;
  log?: (line: string) => void;
}

export interface Manifest {
  generator: number;
  events: number;
  seed: number;
  /** Events with readOnly: false. */
  writes: number;
  files: number;
  rawBytes: number;
  gzBytes: number;
  account: string;
  first: string;
  last: string;
  episodes: number;
  templates: { source: string; builtin: boolean; records: number; reads: number; writes: number; fingerprint: string };
}

export interface Corpus {
  /** The corpus folder: AWSLogs/ and manifest.json. */
  dir: string;
  /** The folder to give trailback and the floor: `<dir>/AWSLogs`. */
  trail: string;
  manifest: Manifest;
  cached: boolean;
  /** The access key of the most write templates, as it appears unrenamed (episode 0): an undo target. */
  busiestKey?: string;
}

function busiestKey(templates: TemplateSet): string | undefined {
  const counts = new Map<string, number>();
  for (const t of templates.writes) {
    for (const p of t.parts) if (typeof p !== 'string' && p.kind === 'key') counts.set(p.original, (counts.get(p.original) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

// ---------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = () => number;

/** sfc32, seeded through a string hash: fast, good enough, and the same on every machine. */
function makeRng(seed: string): Rng {
  const h = createHash('sha256').update(seed).digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

const HEX = '0123456789abcdef';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomChars(rng: Rng, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

function uuid(rng: Rng): string {
  const h = randomChars(rng, HEX, 32);
  const variant = HEX[8 + Math.floor(rng() * 4)]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

// ---------------------------------------------------------------------------------------
// Templates: each record is serialized once and split into literal text and slots.

type Slot =
  | { kind: 'id' }
  | { kind: 'request'; uuid: boolean; length: number }
  | { kind: 'time' }
  | { kind: 'key'; original: string }
  | { kind: 'ip'; original: string }
  | { kind: 'region' }
  | { kind: 'ec2'; original: string }
  | { kind: 'prefix'; original: string };

interface Template {
  parts: (string | Slot)[];
  readOnly: boolean;
  originalMs: number;
}

const S = (name: string): string => `@@TB${name}@@`;
/** EC2-style ids of resources created in the trail (not AWS-owned ones such as vpce-). */
const EC2_ID = String.raw`\b(?:vpc|subnet|sg|sgr|i|eni|rtb|rtbassoc|igw|eigw|nat|eipalloc|eipassoc|ami|snap|vol|acl|aclassoc|fl|r|lt|tgw|pcx|dopt|key)-[0-9a-f]{8,17}\b`;
const NAME_PREFIX = 'stratus-red-team-';

function compileTemplate(record: Record<string, unknown>): Template | undefined {
  if (typeof record.eventID !== 'string' || typeof record.eventTime !== 'string' || typeof record.eventName !== 'string') return undefined;
  if (typeof record.readOnly !== 'boolean' || typeof record.awsRegion !== 'string') return undefined;
  const originalMs = Date.parse(record.eventTime);
  if (Number.isNaN(originalMs)) return undefined;
  const r = structuredClone(record);
  r.eventID = S('ID');
  r.eventTime = S('TIME');
  const request = typeof r.requestID === 'string' ? r.requestID : undefined;
  if (request !== undefined) r.requestID = S('REQ');
  const ui = r.userIdentity as Record<string, unknown> | undefined;
  const key = ui && typeof ui.accessKeyId === 'string' && ui.accessKeyId !== '' ? ui.accessKeyId : undefined;
  if (key !== undefined) ui!.accessKeyId = S('KEY');
  const ip = typeof r.sourceIPAddress === 'string' && /^\d{1,3}(\.\d{1,3}){3}$/.test(r.sourceIPAddress) ? r.sourceIPAddress : undefined;
  if (ip !== undefined) r.sourceIPAddress = S('IP');
  const text = JSON.stringify(r);
  const region = record.awsRegion.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`@@TB(ID|TIME|REQ|KEY|IP)@@|${region}|${EC2_ID}|${NAME_PREFIX}`, 'g');
  const parts: (string | Slot)[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    at = m.index + m[0].length;
    const sentinel = m[1];
    if (sentinel === 'ID') parts.push({ kind: 'id' });
    else if (sentinel === 'TIME') parts.push({ kind: 'time' });
    else if (sentinel === 'REQ') parts.push({ kind: 'request', uuid: /^[0-9a-f-]{36}$/.test(request!), length: request!.length });
    else if (sentinel === 'KEY') parts.push({ kind: 'key', original: key! });
    else if (sentinel === 'IP') parts.push({ kind: 'ip', original: ip! });
    else if (m[0] === record.awsRegion) parts.push({ kind: 'region' });
    else if (m[0] === NAME_PREFIX) parts.push({ kind: 'prefix', original: m[0] });
    else parts.push({ kind: 'ec2', original: m[0] });
  }
  if (at < text.length) parts.push(text.slice(at));
  // Merge neighbouring literals.
  const merged: (string | Slot)[] = [];
  for (const p of parts) {
    const last = merged[merged.length - 1];
    if (typeof p === 'string' && typeof last === 'string') merged[merged.length - 1] = last + p;
    else merged.push(p);
  }
  return { parts: merged, readOnly: record.readOnly, originalMs };
}

interface TemplateSet {
  source: string;
  builtin: boolean;
  reads: Template[];
  /** In the order of the original timeline. */
  writes: Template[];
  account: string;
  fingerprint: string;
  records: number;
}

async function loadTemplateRecords(dir: string): Promise<Record<string, unknown>[] | undefined> {
  if (!existsSync(dir)) return undefined;
  const names = (await readdir(dir)).filter((n) => /\.json$/i.test(n)).sort();
  const records: Record<string, unknown>[] = [];
  for (const name of names) {
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(join(dir, name), 'utf8'));
    } catch {
      continue;
    }
    const list = Array.isArray(doc) ? doc : (doc as { Records?: unknown })?.Records;
    if (!Array.isArray(list)) continue;
    for (const r of list) if (r !== null && typeof r === 'object' && !Array.isArray(r)) records.push(r as Record<string, unknown>);
  }
  return records.length > 0 ? records : undefined;
}

export async function loadTemplates(dir = DEFAULT_TEMPLATE_DIR): Promise<TemplateSet> {
  const shared = await loadTemplateRecords(dir);
  const builtin = shared === undefined;
  const records = shared ?? BUILTIN_TEMPLATES;
  const reads: Template[] = [];
  const writes: Template[] = [];
  const accounts = new Map<string, number>();
  for (const rec of records) {
    const t = compileTemplate(rec);
    if (!t) continue;
    (t.readOnly ? reads : writes).push(t);
    const acct = typeof rec.recipientAccountId === 'string' ? rec.recipientAccountId : undefined;
    if (acct) accounts.set(acct, (accounts.get(acct) ?? 0) + 1);
  }
  if (reads.length === 0 || writes.length === 0) throw new Error(`templates in ${dir} have no usable reads or writes`);
  writes.sort((a, b) => a.originalMs - b.originalMs);
  const account = [...accounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '111122223333';
  const fingerprint = digest(`${GENERATOR_VERSION}\n${JSON.stringify(records)}`).toString('hex').slice(0, 10);
  return { source: builtin ? 'built-in (bench/templates.ts)' : dir, builtin, reads, writes, account, fingerprint, records: reads.length + writes.length };
}

// ---------------------------------------------------------------------------------------
// Rendering one record

class Renamer {
  private readonly cache = new Map<string, string>();
  constructor(private readonly seed: number) {}

  private memo(key: string, make: () => string): string {
    let v = this.cache.get(key);
    if (v === undefined) {
      v = make();
      this.cache.set(key, v);
    }
    return v;
  }

  /** `vpc-0a1b…` → same prefix and length, other hex digits; episode 0 keeps the original. */
  ec2(original: string, episode: number): string {
    if (episode === 0) return original;
    return this.memo(`e|${original}|${episode}`, () => {
      const dash = original.indexOf('-');
      const hex = digest(`${this.seed}|${original}|${episode}`).toString('hex');
      const n = original.length - dash - 1;
      return original.slice(0, dash + 1) + (n > 8 ? '0' : '') + hex.slice(0, n > 8 ? n - 1 : n);
    });
  }

  prefix(original: string, episode: number): string {
    return episode === 0 ? original : `${original}e${episode}-`;
  }

  key(original: string, episode: number): string {
    const v = episode % KEY_VARIANTS;
    if (v === 0) return original;
    return this.memo(`k|${original}|${v}`, () => {
      const rng = makeRng(`${this.seed}|key|${original}|${v}`);
      return original.slice(0, 4) + randomChars(rng, UPPER_ALNUM, original.length - 4);
    });
  }

  ip(original: string, episode: number): string {
    const v = episode % IP_VARIANTS;
    if (v === 0) return original;
    return this.memo(`i|${original}|${v}`, () => {
      const b = digest(`${this.seed}|ip|${original}|${v}`);
      const o = original.split('.');
      return `${o[0]}.${o[1]}.${b[0]}.${1 + (b[1]! % 254)}`;
    });
  }
}

interface RecordContext {
  rng: Rng;
  renamer: Renamer;
  episode: number;
  region: string;
  time: string;
}

function render(t: Template, c: RecordContext): string {
  let s = '';
  for (const p of t.parts) {
    if (typeof p === 'string') {
      s += p;
      continue;
    }
    switch (p.kind) {
      case 'id':
        s += uuid(c.rng);
        break;
      case 'time':
        s += c.time;
        break;
      case 'request':
        s += p.uuid ? uuid(c.rng) : randomChars(c.rng, UPPER_ALNUM, p.length);
        break;
      case 'region':
        s += c.region;
        break;
      case 'key':
        s += c.renamer.key(p.original, c.episode);
        break;
      case 'ip':
        s += c.renamer.ip(p.original, c.episode);
        break;
      case 'ec2':
        s += c.renamer.ec2(p.original, c.episode);
        break;
      case 'prefix':
        s += c.renamer.prefix(p.original, c.episode);
        break;
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------
// The corpus

function pickRegion(rng: Rng): string {
  let x = rng();
  for (const [region, share] of REGIONS) {
    if (x < share) return region;
    x -= share;
  }
  return REGIONS[0]![0];
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function fileStamp(ms: number): { day: string; stamp: string } {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const mo = pad(d.getUTCMonth() + 1);
  const da = pad(d.getUTCDate());
  return { day: `${y}/${mo}/${da}`, stamp: `${y}${mo}${da}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z` };
}

export function corpusName(events: number, seed: number, fingerprint: string): string {
  return `corpus-n${events}-s${seed}-${fingerprint}`;
}

/** Returns the cached corpus for (N, seed, templates), building it first when needed. */
export async function ensureCorpus(options: CorpusOptions): Promise<Corpus> {
  const log = options.log ?? (() => {});
  const outDir = options.outDir ?? OUT_DIR;
  const templates = await loadTemplates(options.templateDir);
  const dir = join(outDir, corpusName(options.events, options.seed, templates.fingerprint));
  const manifestPath = join(dir, 'manifest.json');
  if (!options.fresh && existsSync(manifestPath)) {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    if (manifest.generator === GENERATOR_VERSION && manifest.events === options.events) {
      return { dir, trail: join(dir, 'AWSLogs'), manifest, cached: true, busiestKey: busiestKey(templates) };
    }
  }
  if (templates.builtin) log(`shared CloudTrail samples not found at ${options.templateDir ?? DEFAULT_TEMPLATE_DIR}: using built-in templates`);
  log(`generating ${options.events} events (seed ${options.seed}) from ${templates.records} templates → ${dir}`);
  const started = performance.now();
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  const manifest = await generate(tmp, options.events, options.seed, templates);
  await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  log(
    `generated ${manifest.files} files, ${(manifest.rawBytes / 1e6).toFixed(0)} MB JSON, ${(manifest.gzBytes / 1e6).toFixed(0)} MB gzipped, ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { dir, trail: join(dir, 'AWSLogs'), manifest, cached: false, busiestKey: busiestKey(templates) };
}

async function generate(root: string, total: number, seed: number, templates: TemplateSet): Promise<Manifest> {
  const rng = makeRng(`trailback-bench|${seed}`);
  const renamer = new Renamer(seed);
  const stats = { writes: 0, files: 0, rawBytes: 0, gzBytes: 0 };
  let first = Infinity;
  let last = -Infinity;
  let writeCursor = 0;
  let made = 0;
  let window = 0;

  // gzip runs in the thread pool; keep a couple of files in flight.
  const inflight = new Set<Promise<void>>();
  const madeDirs = new Set<string>();
  const emit = async (path: string, text: string): Promise<void> => {
    const folder = dirname(path);
    if (!madeDirs.has(folder)) {
      madeDirs.add(folder);
      await mkdir(folder, { recursive: true });
    }
    const p = (async () => {
      const gz = await gzipAsync(Buffer.from(text, 'utf8'));
      stats.gzBytes += gz.length;
      await writeFile(path, gz);
    })();
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    if (inflight.size >= 4) await Promise.race(inflight);
  };

  while (made < total) {
    const windowStart = START_MS + window * WINDOW_MS;
    const filesHere = rng() < 0.35 ? 2 : 1;
    for (let f = 0; f < filesHere && made < total; f++) {
      const region = pickRegion(rng);
      const count = Math.min(total - made, 200 + Math.floor(rng() * 801));
      // Second-resolution times over the window (starting a little before it), ascending.
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(windowStart - 20_000 + Math.floor(rng() * (WINDOW_MS + 20_000)));
      times.sort((a, b) => a - b);
      const lines: string[] = [];
      for (let i = 0; i < count; i++) {
        const ms = Math.floor(times[i]! / 1000) * 1000;
        first = Math.min(first, ms);
        last = Math.max(last, ms);
        const write = rng() < WRITE_SHARE;
        let t: Template;
        let episode: number;
        if (write) {
          t = templates.writes[writeCursor % templates.writes.length]!;
          episode = Math.floor(writeCursor / templates.writes.length);
          writeCursor++;
          stats.writes++;
        } else {
          t = templates.reads[Math.floor(rng() * templates.reads.length)]!;
          episode = Math.floor(writeCursor / templates.writes.length);
        }
        const time = new Date(ms).toISOString().slice(0, 19) + 'Z';
        lines.push(render(t, { rng, renamer, episode, region, time }));
      }
      // Deliveries are nearly in order: swap some neighbours.
      for (let i = 1; i < lines.length; i++) {
        if (rng() < 0.1) [lines[i - 1], lines[i]] = [lines[i]!, lines[i - 1]!];
      }
      const deliveredMs = windowStart + WINDOW_MS;
      const { day, stamp } = fileStamp(deliveredMs);
      const name = `${templates.account}_CloudTrail_${region}_${stamp}_${randomChars(rng, ALNUM, 16)}.json.gz`;
      const path = join(root, 'AWSLogs', templates.account, 'CloudTrail', region, day, name);
      const text = `{"Records":[${lines.join(',')}]}`;
      stats.rawBytes += Buffer.byteLength(text);
      stats.files++;
      made += count;
      await emit(path, text);
    }
    window++;
  }
  await Promise.all(inflight);
  return {
    generator: GENERATOR_VERSION,
    events: total,
    seed,
    writes: stats.writes,
    files: stats.files,
    rawBytes: stats.rawBytes,
    gzBytes: stats.gzBytes,
    account: templates.account,
    first: new Date(first).toISOString(),
    last: new Date(last).toISOString(),
    episodes: Math.ceil(writeCursor / templates.writes.length),
    templates: {
      source: templates.source,
      builtin: templates.builtin,
      records: templates.records,
      reads: templates.reads.length,
      writes: templates.writes.length,
      fingerprint: templates.fingerprint,
    },
  };
}

// ---------------------------------------------------------------------------------------

async function cli(argv: string[]): Promise<void> {
  const get = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const events = Number(get('--events') ?? 1_000_000);
  const seed = Number(get('--seed') ?? 1);
  if (!Number.isInteger(events) || events <= 0 || !Number.isInteger(seed)) throw new Error('usage: generate.ts [--events N] [--seed S] [--out DIR] [--fresh]');
  const out = get('--out');
  const corpus = await ensureCorpus({
    events,
    seed,
    ...(out !== undefined && { outDir: resolve(out) }),
    fresh: argv.includes('--fresh'),
    log: (l) => process.stderr.write(l + '\n'),
  });
  process.stdout.write(`${corpus.trail}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await cli(process.argv.slice(2));
}
