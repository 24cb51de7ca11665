import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { UserError } from '../util/errors.js';
import type { Diagnostics } from './diagnostics.js';

const gunzipAsync = promisify(gunzip);

/** Largest output buffer sized up front from a gzip trailer (a bad trailer must not allocate GBs). */
const MAX_GUNZIP_CHUNK = 128 << 20;

/**
 * Gunzips in the thread pool in (nearly always) one step: the output buffer is sized from the
 * gzip trailer's ISIZE (length mod 2^32 of the last member). zlib's default 16 KB chunks need
 * a main-thread callback per chunk, so while this thread parses one file the next ones barely
 * progress. A wrong ISIZE (several members, corrupt file) only means more chunks.
 *
 * One gunzip at a time: the parse on the main thread is the bottleneck and gunzip is several
 * times faster, so one more core keeps up; gunzips in parallel only take CPU from the parse.
 */
function gunzipWhole(bytes: Buffer): Promise<Buffer> {
  const hint = bytes.length >= 18 ? bytes.readUInt32LE(bytes.length - 4) : 0;
  const chunkSize = Math.min(Math.max(hint + 1024, 16 * 1024), MAX_GUNZIP_CHUNK);
  const run = gunzipQueue.then(() => gunzipAsync(bytes, { chunkSize }));
  gunzipQueue = run.catch(() => undefined);
  return run;
}
let gunzipQueue: Promise<unknown> = Promise.resolve();

export const STDIN = '-';

/** File names taken when a folder is walked (plus extensionless gzip/JSON objects); files named explicitly are always read. */
const TRAIL_FILE = /\.(json|jsonl|ndjson|gz|cloudtrail|log|txt)$/i;

export interface Expanded {
  files: string[];
  /** Files found in folders whose names do not look like trail files. */
  ignored: string[];
}

/** Turns the inputs (files, folders, `-`) into the list of files to read, folders walked in path order. */
export async function expandInputs(inputs: string[]): Promise<Expanded> {
  const files: string[] = [];
  const ignored: string[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      files.push(STDIN);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch {
      throw new UserError(`no such file or folder: ${input}`);
    }
    if (info.isDirectory()) {
      const found = await walk(input);
      for (const f of found) (TRAIL_FILE.test(f) || (await looksLikeTrail(f)) ? files : ignored).push(f);
    } else {
      files.push(input);
    }
  }
  return { files: [...new Set(files)], ignored };
}

/**
 * Objects written without an extension (Firehose deliveries to S3, SLS shipping) are read
 * when their first bytes are gzip or JSON; anything else in the folder stays ignored.
 */
async function looksLikeTrail(path: string): Promise<boolean> {
  if (basename(path).includes('.')) return false;
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    if (bytesRead >= 2 && buffer[0] === 0x1f && buffer[1] === 0x8b) return true;
    const first = buffer.subarray(0, bytesRead).toString('utf8').trimStart()[0];
    return first === '{' || first === '[';
  } finally {
    await handle.close();
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if (e.isFile()) out.push(path);
  }
  return out;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Reads one input and returns its text: gunzipped when it starts with the gzip magic
 * (whatever its name), undefined when it is unreadable, corrupt, binary or empty (reported).
 */
export async function readText(
  file: string,
  diagnostics: Pick<Diagnostics, 'report'>,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string | undefined> {
  const bytes = await readBytes(file, diagnostics, stdin);
  return bytes === undefined ? undefined : decodeText(bytes, file, diagnostics);
}

/**
 * The first half of readText: the input's bytes, gunzipped when they start with the gzip magic;
 * undefined when unreadable or corrupt (reported). Reading ahead keeps bytes, not text: a text
 * made early outlives a few young-generation collections, and at tens of MB a second that is
 * what fills the old generation.
 */
export async function readBytes(
  file: string,
  diagnostics: Pick<Diagnostics, 'report'>,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<Buffer | undefined> {
  const name = displayName(file);
  let bytes: Buffer;
  try {
    bytes = file === STDIN ? await readStdin(stdin) : await readFile(file);
  } catch (err) {
    diagnostics.report({ kind: 'unreadable', file: name, message: `cannot read: ${(err as Error).message}` });
    return undefined;
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await gunzipWhole(bytes);
    } catch (err) {
      diagnostics.report({ kind: 'corrupt-gzip', file: name, message: `corrupt gzip: ${(err as Error).message}` });
      return undefined;
    }
  }
  return bytes;
}

/** The second half of readText: UTF-8 text without BOM; undefined when binary or empty (reported). */
export function decodeText(bytes: Buffer, file: string, diagnostics: Pick<Diagnostics, 'report'>): string | undefined {
  const name = displayName(file);
  if (bytes.subarray(0, 8192).includes(0)) {
    diagnostics.report({ kind: 'binary', file: name, message: 'binary file (not JSON text, not gzip)' });
    return undefined;
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/\S/.test(text)) {
    diagnostics.report({ kind: 'empty', file: name, message: 'empty file' });
    return undefined;
  }
  return text;
}

export function displayName(file: string): string {
  if (file === STDIN) return '<stdin>';
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
