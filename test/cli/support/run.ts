/**
 * Runs the BUILT command line (`node dist/cli/main.js …`) the way a user does. `npm test` builds
 * first; when dist/ is missing or older than the sources (a plain `npx vitest run`), this builds
 * once, under a lock so parallel test files do not run tsc at the same time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../trail/support/datasets.js';

/** TRAILBACK_CLI points the tests at another build (e.g. of an older commit, to see a test fail). */
export const CLI = process.env.TRAILBACK_CLI ?? join(REPO_ROOT, 'dist', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The CLI is built from all of src/: any newer source means dist/ is stale. */
const WATCHED = [join(REPO_ROOT, 'src')];

function stale(): boolean {
  if (!existsSync(CLI)) return true;
  const built = statSync(CLI).mtimeMs;
  return WATCHED.some((d) => existsSync(d) && newestSource(d) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  if (process.env.TRAILBACK_CLI || !stale()) return;
  const lock = join(REPO_ROOT, '.trailback-tmp-build-lock');
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 1200) throw new Error(`build lock ${lock} held for 2 minutes; remove it if no build is running`);
      sleep(100);
    }
  }
  try {
    if (!stale()) return;
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    // tsc emits even with type errors elsewhere (e.g. work in progress in another folder);
    // what matters here is that the CLI got rebuilt.
    if (stale()) throw new Error(`npm run build failed, dist/cli/main.js not rebuilt:\n${r.stdout}${r.stderr}`);
    if (r.status !== 0) console.warn(`build reported errors (dist was still emitted):\n${r.stdout}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** JSON Lines output as objects. */
export function jsonl<T = Record<string, unknown>>(stdout: string): T[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** A stack trace line as Node prints them. */
export const STACK_LINE = /^\s{4}at /m;
