#!/usr/bin/env node
import { Command } from 'commander';
import { UserError } from '../util/errors.js';
import { applyCommand } from './apply.js';
import { exportCommand } from './export.js';
import { VERSION } from '../version.js';
import { blameCommand } from './blame.js';
import { catalogCommand } from './catalog.js';
import { eventsCommand } from './events.js';
import { diffCommand } from './diff.js';
import { takeRequestedExitCode } from './output.js';
import { planCommand } from './plan.js';
import { reviewCommand } from './review.js';
import { showCommand } from './show.js';
import { stateCommand } from './state.js';


export function buildProgram(): Command {
  const program = new Command('trailback')
    .description('Replay cloud audit trails (CloudTrail, ActionTrail) into resource state and plan reviewable rollbacks.')
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run with --help for usage)');
  program.addCommand(eventsCommand());
  program.addCommand(stateCommand());
  program.addCommand(blameCommand());
  program.addCommand(diffCommand());
  program.addCommand(planCommand());
  program.addCommand(showCommand());
  program.addCommand(reviewCommand());
  program.addCommand(catalogCommand());
  program.addCommand(applyCommand());
  program.addCommand(exportCommand());
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return takeRequestedExitCode();
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
