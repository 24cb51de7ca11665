#!/usr/bin/env node
import { Command } from 'commander';
import { UserError } from '../util/errors.js';
import { blameCommand } from './blame.js';
import { catalogCommand } from './catalog.js';
import { eventsCommand } from './events.js';
import { stateCommand } from './state.js';

const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('trailback')
    .description('Replay cloud audit trails (CloudTrail, ActionTrail) into resource state and plan reviewable rollbacks.')
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(eventsCommand());
  program.addCommand(stateCommand());
  program.addCommand(blameCommand());
  program.addCommand(catalogCommand());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    const debug = argv.includes('--debug');
    if (err instanceof UserError) {
      process.stderr.write(`trailback: ${err.message}\n`);
    } else {
      const e = err as Error;
      process.stderr.write(`trailback: internal error: ${e?.message ?? String(err)}${debug ? '' : ' (run with --debug for details)'}\n`);
    }
    if (debug && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return 1;
  }
}

const code = await main(process.argv);
process.exitCode = code;
