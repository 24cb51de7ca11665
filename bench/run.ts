/**
 * `npm run bench` — reading throughput and memory against the raw floor.
 *
 *   npm run bench -- [--events N] [--seed S] [--runs K] [--keep] [--fresh] [--verify] [--profile]
 *
 * 1. Builds (or reuses) the synthetic corpus of bench/generate.ts: N events (default 1M,
 *    ~8% writes) as CloudTrail `.json.gz` deliveries under bench/out/corpus-…/AWSLogs/.
 * 2. Times the floor: bench/floor.mjs, gunzip + JSON.parse of the same files, sequential,
 *    one thread, in its own process.
 * 3. Times every entry of MEASURED, each `node dist/cli/main.js …` with stdout to /dev/null,
 *    in its own process (dist is built first when missing or older than src/).
 *
 * Every number is for one child process: wall time from spawn to exit as seen by this
 * process, events/s = corpus events / wall time, ratio = that / the floor's events/s, CPU =
 * user + system, peak RSS = the child's maximum resident set (getrusage ru_maxrss), taken
 * with GNU time (`/usr/bin/time -f`) when it is installed, else by loading bench/rss-hook.mjs
 * into the child with `node --import`. With --runs K each is run K times and the fastest run
 * is shown (its RSS with it).
 *
 * --keep     keep the other cached corpora in bench/out (by default only this N/seed's stays)
 * --fresh    rebuild the corpus even if cached
 * --verify   one more, untimed run of each command counting its output lines against the corpus
 * --profile  one more run of each command under --cpu-prof; prints the top functions by
 *            self time and leaves the .cpuprofile in bench/out/profiles/
 *
 * TRAILBACK_BENCH_CLI=<path to main.js> measures another build instead of dist/ (not rebuilt),
 * e.g. a checkout of the previous commit, for before/after numbers. TRAILBACK_BENCH_RSS=hook
 * uses bench/rss-hook.mjs even where GNU time is installed.
 *
 * Results are also written to bench/out/last-run.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCorpus, BENCH_DIR, OUT_DIR, REPO_ROOT, type Corpus, type Manifest } from './generate.js';

// ---------------------------------------------------------------------------------------
// What is measured. Another command is one more entry.

interface Measured {
  /** Shown in the table. */
  label: string;
  /** Arguments after `node dist/cli/main.js`. */
  args: (corpus: Corpus) => string[];
  goal: { minRatio?: number; maxRssMb?: number };
  /** Lines the command prints for this corpus, for --verify. */
  expectedLines?: (m: Manifest) => number;
}

const MEASURED: Measured[] = [
  {
    label: 'events --writes --format jsonl',
    args: (c) => ['events', c.trail, '--writes', '--format', 'jsonl'],
    goal: { minRatio: 0.6, maxRssMb: 400 },
    expectedLines: (m) => m.writes,
  },
  {
    label: 'state --format json',
    args: (c) => ['state', c.trail, '--format', 'json'],
    goal: { minRatio: 0.5, maxRssMb: 500 },
  },
  {
    // The key that made the most writes: the biggest undo the corpus allows.
    label: 'plan --undo-key <busiest key>',
    args: (c) => ['plan', c.trail, '--undo-key', c.busiestKey ?? 'AKIA0000000000000000', '-o', join(OUT_DIR, 'bench.plan.json'), '--force'],
    goal: { minRatio: 0.5, maxRssMb: 600 },
  },
];

// ---------------------------------------------------------------------------------------

/** TRAILBACK_BENCH_CLI: another build's main.js, e.g. to compare before and after a change. */
const CLI = process.env.TRAILBACK_BENCH_CLI ? resolve(process.env.TRAILBACK_BENCH_CLI) : join(REPO_ROOT, 'dist', 'cli', 'main.js');
const FLOOR = join(BENCH_DIR, 'floor.mjs');
const HOOK = join(BENCH_DIR, 'rss-hook.mjs');
const TIME = '/usr/bin/time';

interface Usage {
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  lines: number;
}

type Method = 'gnu-time' | 'rss-hook';

function detectMethod(): Method {
  if (process.env.TRAILBACK_BENCH_RSS === 'hook' || !existsSync(TIME)) return 'rss-hook';
  const probe = spawnSync(TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/m.test(probe.stderr) ? 'gnu-time' : 'rss-hook';
}

/**
 * Runs `node <args>` as a child and measures it. stdout: 'null' sends it to /dev/null,
 * 'capture' keeps it (small outputs), 'count' only counts its lines.
 */
async function runNode(args: string[], method: Method, stdout: 'null' | 'capture' | 'count', nodeFlags: string[] = []): Promise<Usage> {
  const usageFile = join(OUT_DIR, `.usage-${process.pid}-${Date.now()}`);
  const nodeArgs = [...nodeFlags, ...(method === 'rss-hook' ? ['--import', HOOK] : []), ...args];
  const [cmd, argv] =
    method === 'gnu-time'
      ? [TIME, ['-f', '%M %U %S', '-o', usageFile, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
  const devNull = stdout === 'null' ? openSync('/dev/null', 'w') : undefined;
  const started = performance.now();
  const child = spawn(cmd, argv, {
    cwd: REPO_ROOT,
    stdio: ['ignore', devNull ?? 'pipe', 'pipe'],
    env: { ...process.env, TRAILBACK_BENCH_USAGE: usageFile },
  });
  let out = '';
  let lines = 0;
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (stdout === 'capture') out += chunk.toString('utf8');
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (err.length < 100_000) err += chunk.toString('utf8');
  });
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (devNull !== undefined) closeSync(devNull);
  let maxRssKb = NaN;
  let cpuSeconds = NaN;
  try {
    const text = await readFile(usageFile, 'utf8');
    if (method === 'gnu-time') {
      // GNU time puts "Command exited with non-zero status N" before the format line.
      const last = text.trim().split('\n').pop() ?? '';
      const [rss, user, sys] = last.split(/\s+/).map(Number);
      maxRssKb = rss ?? NaN;
      cpuSeconds = (user ?? NaN) + (sys ?? NaN);
    } else {
      const u = JSON.parse(text) as { maxRssKb: number; userSeconds: number; systemSeconds: number };
      maxRssKb = u.maxRssKb;
      cpuSeconds = u.userSeconds + u.systemSeconds;
    }
  } catch {
    // Left NaN: the child died before reporting.
  }
  await rm(usageFile, { force: true });
  return { seconds, cpuSeconds, maxRssKb, exitCode, stdout: out, stderr: err, lines };
}

async function best(k: number, run: () => Promise<Usage>): Promise<Usage> {
  let top: Usage | undefined;
  for (let i = 0; i < k; i++) {
    const u = await run();
    if (u.exitCode !== 0) return u;
    if (!top || u.seconds < top.seconds) top = u;
  }
  return top!;
}

// ---------------------------------------------------------------------------------------

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt(log: (l: string) => void): void {
  if (process.env.TRAILBACK_BENCH_CLI) return;
  const why = !existsSync(CLI) ? 'dist/cli/main.js is missing' : newestMtime(join(REPO_ROOT, 'src')) > statSync(CLI).mtimeMs ? 'src/ is newer than dist/' : undefined;
  if (!why) return;
  log(`${why}: npm run build`);
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('npm run build failed');
}

async function pruneCorpora(keepDir: string): Promise<void> {
  if (!existsSync(OUT_DIR)) return;
  for (const name of await readdir(OUT_DIR)) {
    const path = join(OUT_DIR, name);
    if (name.startsWith('corpus-') && path !== keepDir) await rm(path, { recursive: true, force: true });
  }
}

interface ProfileLine {
  selfMs: number;
  share: number;
  where: string;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function summarizeProfile(profile: CpuProfile, top = 15): ProfileLine[] {
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const f = frameOf.get(profile.samples[i]!);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    if (!f) continue;
    const file = f.url.replace(/^file:\/\//, '').replace(REPO_ROOT + '/', '');
    const where = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
    self.set(where, (self.get(where) ?? 0) + dt);
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ selfMs: us / 1000, share: us / total, where }));
}

async function profileCommand(m: Measured, corpus: Corpus, index: number): Promise<{ file: string; top: ProfileLine[] }> {
  const dir = join(OUT_DIR, 'profiles');
  await mkdir(dir, { recursive: true });
  const name = `${index}-${m.label.split(' ')[0]}-n${corpus.manifest.events}.cpuprofile`;
  const devNull = openSync('/dev/null', 'w');
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-name', name, CLI, ...m.args(corpus)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', devNull, 'inherit'],
  });
  closeSync(devNull);
  if (r.status !== 0) throw new Error(`profiling ${m.label} failed`);
  const file = join(dir, name);
  return { file, top: summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile) };
}

// ---------------------------------------------------------------------------------------

function table(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      verify: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
    },
  });
  const events = Number(values.events.replace(/_/g, ''));
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isInteger(events) || events <= 0) throw new Error(`--events ${values.events}: not a positive integer`);
  if (!Number.isInteger(seed)) throw new Error(`--seed ${values.seed}: not an integer`);
  if (!Number.isInteger(runs) || runs <= 0) throw new Error(`--runs ${values.runs}: not a positive integer`);
  const log = (l: string): void => void process.stderr.write(`bench: ${l}\n`);

  ensureBuilt(log);
  await mkdir(OUT_DIR, { recursive: true });
  const corpus = await ensureCorpus({ events, seed, fresh: values.fresh, log });
  const m = corpus.manifest;
  if (!values.keep) await pruneCorpora(corpus.dir);
  const method = detectMethod();
  log(
    `corpus ${corpus.cached ? '(cached) ' : ''}${corpus.dir.replace(REPO_ROOT + '/', '')}: ${fmtInt(m.events)} events, ${fmtInt(m.writes)} writes, ` +
      `${m.files} files, ${(m.rawBytes / 1e6).toFixed(0)} MB JSON / ${(m.gzBytes / 1e6).toFixed(0)} MB gz, ${m.first} … ${m.last}`,
  );
  log(`templates: ${m.templates.builtin ? 'BUILT-IN (shared CloudTrail samples absent) ' : ''}${m.templates.source} (${m.templates.records} records)`);
  log(`node ${process.version}, peak RSS by ${method === 'gnu-time' ? 'GNU time (/usr/bin/time -f %M)' : 'getrusage in the child (bench/rss-hook.mjs)'}, best of ${runs}`);

  log('floor: gunzip + JSON.parse …');
  const floor = await best(runs, () => runNode([FLOOR, corpus.trail], method, 'capture'));
  if (floor.exitCode !== 0) throw new Error(`floor failed (exit ${floor.exitCode}): ${floor.stderr}`);
  const floorCount = (JSON.parse(floor.stdout) as { events: number }).events;
  if (floorCount !== m.events) throw new Error(`floor read ${floorCount} events, the corpus has ${m.events}`);
  const floorRate = m.events / floor.seconds;

  interface Row {
    label: string;
    usage: Usage;
    rate: number;
    ratio: number;
    ok: boolean;
    goal: string;
    verified?: string;
  }
  const rows: Row[] = [];
  let failed = false;
  for (const cmd of MEASURED) {
    log(`${cmd.label} …`);
    const usage = await best(runs, () => runNode([CLI, ...cmd.args(corpus)], method, 'null'));
    if (usage.exitCode !== 0) {
      failed = true;
      log(`${cmd.label} failed (exit ${usage.exitCode}):\n${usage.stderr}`);
    } else if (usage.stderr.trim() !== '') {
      log(`${cmd.label} wrote to stderr:\n${usage.stderr.trimEnd()}`);
    }
    const rate = m.events / usage.seconds;
    const ratio = rate / floorRate;
    const rssMb = usage.maxRssKb / 1024;
    const goals: string[] = [];
    let ok = usage.exitCode === 0;
    if (cmd.goal.minRatio !== undefined) {
      goals.push(`≥${cmd.goal.minRatio}×`);
      ok &&= ratio >= cmd.goal.minRatio;
    }
    if (cmd.goal.maxRssMb !== undefined) {
      goals.push(`<${cmd.goal.maxRssMb} MB`);
      ok &&= rssMb < cmd.goal.maxRssMb;
    }
    const row: Row = { label: cmd.label, usage, rate, ratio, ok, goal: goals.join(', ') };
    if (values.verify && cmd.expectedLines) {
      const v = await runNode([CLI, ...cmd.args(corpus)], method, 'count');
      const want = cmd.expectedLines(m);
      row.verified = v.exitCode === 0 && v.lines === want ? `ok (${fmtInt(v.lines)} lines)` : `MISMATCH: ${v.lines} lines, expected ${want}`;
      if (!row.verified.startsWith('ok')) failed = true;
    }
    rows.push(row);
  }

  const header = ['command', 'events', 'seconds', 'events/s', 'ratio', 'CPU s', 'peak RSS MB', 'goal', 'met'];
  const right = [false, true, true, true, true, true, true, false, false];
  const body: string[][] = [
    ['floor: gunzip + JSON.parse', fmtInt(m.events), floor.seconds.toFixed(2), fmtInt(floorRate), '1.00', floor.cpuSeconds.toFixed(2), (floor.maxRssKb / 1024).toFixed(0), '', ''],
    ...rows.map((r) => [
      r.label,
      fmtInt(m.events),
      r.usage.seconds.toFixed(2),
      fmtInt(r.rate),
      r.ratio.toFixed(2),
      r.usage.cpuSeconds.toFixed(2),
      (r.usage.maxRssKb / 1024).toFixed(0),
      r.goal,
      r.ok ? 'yes' : 'NO',
    ]),
  ];
  process.stdout.write('\n' + table(header, body, right) + '\n');
  for (const r of rows) if (r.verified) process.stdout.write(`verify ${r.label}: ${r.verified}\n`);

  const profiles: { label: string; file: string; top: ProfileLine[] }[] = [];
  if (values.profile) {
    for (const [i, cmd] of MEASURED.entries()) {
      log(`profiling ${cmd.label} …`);
      const p = await profileCommand(cmd, corpus, i);
      profiles.push({ label: cmd.label, ...p });
      process.stdout.write(`\nprofile of ${cmd.label} (${p.file.replace(REPO_ROOT + '/', '')}), top self time:\n`);
      process.stdout.write(
        table(
          ['self ms', 'share', 'function'],
          p.top.map((t) => [t.selfMs.toFixed(0), `${(t.share * 100).toFixed(1)}%`, t.where]),
          [true, true, false],
        ) + '\n',
      );
    }
  }

  await writeFile(
    join(OUT_DIR, 'last-run.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        method,
        runs,
        corpus: { dir: corpus.dir, ...m },
        floor: { seconds: floor.seconds, eventsPerSecond: floorRate, cpuSeconds: floor.cpuSeconds, maxRssMb: floor.maxRssKb / 1024 },
        commands: rows.map((r) => ({
          label: r.label,
          seconds: r.usage.seconds,
          eventsPerSecond: r.rate,
          ratio: r.ratio,
          cpuSeconds: r.usage.cpuSeconds,
          maxRssMb: r.usage.maxRssKb / 1024,
          goal: r.goal,
          met: r.ok,
          ...(r.verified && { verified: r.verified }),
        })),
        profiles,
      },
      null,
      2,
    ) + '\n',
  );
  const allMet = rows.every((r) => r.ok);
  process.stdout.write(`\n${allMet ? 'all goals met' : 'goals NOT met'}\n`);
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
