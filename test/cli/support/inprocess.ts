/**
 * Runs the `events` command in this process: the same commander wiring, flag parsing, reading,
 * filtering and output code as the built CLI, minus the process start (~0.4 s each), so the
 * filter matrix stays fast. Exit codes, stderr contracts and stack traces are checked through
 * the built CLI (run.ts).
 */
import { Command } from 'commander';
import { eventsCommand } from '../../../src/cli/events.js';
import { UserError } from '../../../src/util/errors.js';

export interface InProcessResult {
  stdout: string;
  stderr: string;
  /** The one-line message of a UserError, as main.ts would print it. */
  error?: string;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs one command at a time: stdout/stderr are process-wide. */
export function runEvents(args: string[]): Promise<InProcessResult> {
  const run = queue.then(() => runNow(args));
  queue = run.catch(() => undefined);
  return run;
}

async function runNow(args: string[]): Promise<InProcessResult> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const stderrWrite = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write;
  const program = new Command('trailback').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  program.addCommand(eventsCommand().exitOverride());
  try {
    await program.parseAsync(['node', 'trailback', 'events', ...args]);
    return { stdout: out.join(''), stderr: err.join('') };
  } catch (e) {
    if (e instanceof UserError) return { stdout: out.join(''), stderr: err.join(''), error: e.message };
    throw e;
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
}
