/**
 * Runs the `trailback …` commands of a README's ```sh blocks through the BUILT command line,
 * exactly as a reader types them, and compares each command's stdout with a reviewed golden
 * file. Used by examples.test.ts (examples/<x>/README.md) and readme.test.ts (the quick start).
 *
 * Conventions a README follows:
 * - a command is a line of a ```sh block that starts with `trailback ` (a trailing `\` continues
 *   it on the next line); other lines (npm ci, alias, cd) are for the reader only;
 * - a command the tests cannot run (interactive, needs Pulumi or a cloud) ends with
 *   `# not run by the tests: <reason>`;
 * - arguments use plain words and '…' / "…" quoting; anything else a shell would expand
 *   ($VAR, globs, pipes, redirections) is refused, since the tests run the bin without a shell;
 * - a command with --detailed-exitcode is expected to exit 2 (changes found), any other 0.
 *
 * Golden files: <dir>/<NN>-<slug>.txt, NN the command's position among the commands run, slug
 * derived from the command (subcommand and flags). UPDATE_GOLDEN=1 rewrites them (review the
 * diff before committing); the default compares and never writes into the repository.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { CLI } from '../../cli/support/run.js';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** The environment every command runs in: reproducible times, no colour, no prompts. */
export const WALKTHROUGH_ENV = { SOURCE_DATE_EPOCH: '1790000000', NO_COLOR: '1', CI: 'true', TZ: 'UTC' };

const SKIP_MARK = /#\s*not run by the tests:\s*(.*?)\s*$/;

export interface ReadmeCommand {
  /** 1-based line of the README where the command starts. */
  line: number;
  /** The command as written (continuations joined), without its comment. */
  text: string;
  /** Arguments after `trailback`. */
  args: string[];
  /** Set when the README marks the command `# not run by the tests: <reason>`. */
  skip?: string;
}

/** The ```sh blocks of a Markdown text, each with the README line of its first line. */
export function shBlocks(markdown: string): { line: number; lines: string[] }[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | undefined;
  lines.forEach((l, i) => {
    if (!current && /^\s*```sh\s*$/.test(l)) current = { line: i + 2, lines: [] };
    else if (current && /^\s*```\s*$/.test(l)) {
      blocks.push(current);
      current = undefined;
    } else if (current) current.lines.push(l);
  });
  if (current) throw new Error(`unclosed \`\`\`sh block starting at line ${current.line - 1}`);
  return blocks;
}

/** The first ```sh block under a `## <title>` heading (before the next heading of level ≤ 2). */
export function shBlockUnder(markdown: string, title: string): { line: number; lines: string[] } | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) return undefined;
  let end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
  if (end < 0) end = lines.length;
  const section = lines.slice(start + 1, end);
  const block = shBlocks(section.join('\n'))[0];
  return block && { line: block.line + start + 1, lines: block.lines };
}

/** The `trailback …` commands of sh blocks, in order. */
export function commandsOf(blocks: { line: number; lines: string[] }[]): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  for (const b of blocks) {
    for (let i = 0; i < b.lines.length; i++) {
      const first = b.lines[i]!.trim();
      if (!/^trailback(\s|$)/.test(first)) continue;
      const line = b.line + i;
      let raw = first;
      while (raw.endsWith('\\') && i + 1 < b.lines.length) raw = `${raw.slice(0, -1)} ${b.lines[++i]!.trim()}`;
      const skip = SKIP_MARK.exec(raw)?.[1];
      const words = shellWords(raw, line);
      out.push({ line, text: words.text, args: words.args.slice(1), ...(skip !== undefined && { skip: skip || 'no reason given' }) });
    }
  }
  return out;
}

/**
 * Splits a command line the way a POSIX shell would for simple commands: blanks separate words,
 * '…' is literal, "…" allows \" \\ \$ \` escapes, \x outside quotes is x, an unquoted # starting
 * a word begins a comment. Expansions and operators are refused rather than passed on literally.
 */
export function shellWords(line: string, at = 0): { args: string[]; text: string } {
  const args: string[] = [];
  let word: string | undefined;
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`README line ${at}: ${what} in \`${line}\`: the tests run the bin without a shell; quote it or write it out`);
  };
  for (; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (word !== undefined) args.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) fail('unclosed single quote');
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let s = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        const d = line[i]!;
        if (d === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) s += line[++i];
        else if (d === '$' || d === '`') fail(`an expansion (${d})`);
        else s += d;
      }
      if (i >= line.length) fail('unclosed double quote');
      word = (word ?? '') + s;
    } else if (c === '\\') {
      if (i + 1 >= line.length) fail('a trailing backslash');
      word = (word ?? '') + line[++i];
    } else if ('$`|&;<>(){}*?[~'.includes(c)) {
      fail(`the shell character ${c}`);
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) args.push(word);
  return { args, text: line.slice(0, i).trim() };
}

/** Golden file name of the n-th (1-based) command run: 03-plan-undo-key-since.txt. */
export function goldenName(n: number, args: string[]): string {
  const parts = [args[0] ?? 'trailback'];
  const quiet = new Set(['out', 'reviewer', 'force', 'o']);
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('-') || a === '-') continue;
    const name = a.replace(/^-+/, '').replace(/=.*$/, '');
    if (name === 'format') {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
      if (v && v !== 'table' && v !== 'text') parts.push(v);
    } else if (!quiet.has(name)) parts.push(name);
  }
  const slug = [...new Set(parts)].join('-').replace(/[^a-z0-9-]+/gi, '-').toLowerCase().slice(0, 48).replace(/-+$/, '');
  return `${String(n).padStart(2, '0')}-${slug}.txt`;
}

const warned = new Set<string>();
/** Prints each skip reason once per test file. */
export function warnSkipped(where: string, cmds: ReadmeCommand[]): void {
  for (const c of cmds) {
    if (c.skip === undefined || warned.has(c.skip)) continue;
    warned.add(c.skip);
    console.warn(`${where}: not run by the tests (${c.skip}), e.g. line ${c.line}: ${c.text}`);
  }
}

/** Copies a folder into `dest`, leaving out what a reader's earlier run may have left there. */
export function copyExample(src: string, dest: string, leaveOut: string[]): void {
  const skip = new Set(leaveOut.map((p) => p.replace(/[/\\]+$/, '')));
  cpSync(src, dest, {
    recursive: true,
    filter: (from) => {
      const rel = relative(src, from).split(sep).join('/');
      return rel === '' || ![...skip].some((s) => rel === s || rel.startsWith(`${s}/`));
    },
  });
}

/** Folders the commands write into (plans/, --out DIR): not copied from a reader's working copy. */
export function outputsOf(cmds: ReadmeCommand[]): string[] {
  const outs = new Set(['plans', 'expected']);
  for (const c of cmds) {
    const i = c.args.findIndex((a) => a === '--out' || a === '-o');
    const v = i >= 0 ? c.args[i + 1] : undefined;
    if (v && c.args[i] === '--out') outs.add(v);
  }
  return [...outs];
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `trailback-e2e-${prefix}-`));
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli/main.js <args>` in `cwd`, no shell, stdin closed. */
export function runBin(args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...WALKTHROUGH_ENV };
    delete env.FORCE_COLOR;
    delete env.UPDATE_GOLDEN;
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

export function expectedStatus(c: ReadmeCommand): number {
  return c.args.includes('--detailed-exitcode') ? 2 : 0;
}

/**
 * Runs the commands in order in `cwd` and checks them against the golden files in `goldenDir`.
 * Returns the problems found (empty when all is well), one readable paragraph each.
 */
export async function runWalkthrough(opts: { label: string; readme: string; cmds: ReadmeCommand[]; cwd: string; goldenDir: string }): Promise<string[]> {
  const run = opts.cmds.filter((c) => c.skip === undefined);
  const names = run.map((c, i) => goldenName(i + 1, c.args));
  const problems: string[] = [];
  const outputs: string[] = [];
  for (const [i, c] of run.entries()) {
    const r = await runBin(c.args, opts.cwd);
    outputs.push(r.stdout);
    const want = expectedStatus(c);
    if (r.status !== want) {
      problems.push(`${opts.readme}:${c.line}: \`${c.text}\` exited ${r.status}, expected ${want}\n--- stderr ---\n${r.stderr}--- stdout ---\n${r.stdout}`);
      // later commands usually need this one's output (a plan file): stop here
      return problems;
    }
    if (UPDATE_GOLDEN) continue;
    const file = join(opts.goldenDir, names[i]!);
    if (!existsSync(file)) continue; // reported below with the whole list
    const expected = readFileSync(file, 'utf8');
    if (expected !== r.stdout) {
      const patch = createTwoFilesPatch(`expected/${names[i]}`, `stdout of \`${c.text}\``, expected, r.stdout, undefined, undefined, { context: 3 });
      problems.push(`${opts.readme}:${c.line}: stdout of \`${c.text}\` differs from ${relative(process.cwd(), file)} (UPDATE_GOLDEN=1 rewrites it; review the diff):\n${patch}`);
    }
  }
  if (UPDATE_GOLDEN) {
    mkdirSync(opts.goldenDir, { recursive: true });
    for (const f of readdirSync(opts.goldenDir)) if (f.endsWith('.txt')) rmSync(join(opts.goldenDir, f));
    names.forEach((n, i) => writeFileSync(join(opts.goldenDir, n), outputs[i]!));
    console.warn(`${opts.label}: UPDATE_GOLDEN=1 wrote ${names.length} files to ${relative(process.cwd(), opts.goldenDir)}: review them before committing`);
    return problems;
  }
  const have = existsSync(opts.goldenDir) ? readdirSync(opts.goldenDir).filter((f) => f.endsWith('.txt')).sort() : [];
  if (have.length !== names.length || have.some((f, i) => f !== names[i])) {
    problems.push(
      `${opts.label}: ${opts.readme} has ${names.length} commands the tests run, ${relative(process.cwd(), opts.goldenDir)} has ${have.length} golden files; ` +
        `they must match one to one (a README edit needs its expected output: run UPDATE_GOLDEN=1 npx vitest run test/e2e and review the files)\n` +
        `  commands → expected files:\n${names.map((n, i) => `    ${have.includes(n) ? ' ' : '!'} ${n}  ←  ${run[i]!.text}`).join('\n')}` +
        (have.filter((f) => !names.includes(f)).length ? `\n  files no command produces: ${have.filter((f) => !names.includes(f)).join(', ')}` : ''),
    );
  }
  return problems;
}
