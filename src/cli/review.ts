import { userInfo } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { readPlan, writePlan } from '../plan/io.js';
import { approvalIsValid } from '../plan/model.js';
import { decideScripted, SCRIPTED_HELP } from '../review/scripted.js';
import { tally, withRequiredInputs } from '../review/rules.js';
import { sdkRequiredInputs } from '../review/sdk-types.js';
import { UserError } from '../util/errors.js';
import { useColor } from '../util/style.js';
import { clockNow } from '../util/time.js';
import { collect } from './common.js';
import { requestExitCode, warn } from './output.js';

interface ReviewFlags {
  reviewer?: string;
  approve?: string[];
  skip?: string[];
  yesDataLoss?: boolean;
  maxDiffLines: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of lines, at least 1');
  return n;
}

/** The OS user, for `approval.by` when --reviewer is not given (userInfo throws for uids without a passwd entry). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** `--approve all` / `--skip rest`: the word alone, or step ids. */
function idsOr<W extends string>(flag: string, values: string[] | undefined, word: W): string[] | W | undefined {
  if (values === undefined) return undefined;
  if (!values.includes(word)) return values;
  if (values.length > 1) throw new UserError(`${flag} ${word} cannot be combined with step ids`);
  return word;
}

export function reviewCommand(): Command {
  return new Command('review')
    .description('review a plan step by step (approve, skip, fill unknown values); every answer is saved into the plan file')
    .argument('<plan>', 'plan file (plans/*.plan.json)')
    .option('--reviewer <name>', 'who reviews, recorded in the approval (default: the OS user; required with --approve/--skip)')
    .option('--approve <ids|all>', 'scripted: approve these steps, or all (see below)', collect)
    .option('--skip <ids|rest>', 'scripted: skip these steps, or the rest (see below)', collect)
    .option('--yes-data-loss', 'scripted: let --approve all approve steps that lose data')
    .option('--max-diff-lines <n>', 'fold longer diffs (the menu shows them in full)', positiveInt, 40)
    .addHelpText('after', SCRIPTED_HELP)
    .action(async (path: string, flags: ReviewFlags) => {
      const approve = idsOr('--approve', flags.approve, 'all');
      const skip = idsOr('--skip', flags.skip, 'rest');
      if (approve === undefined && skip === undefined) {
        if (flags.yesDataLoss) throw new UserError('--yes-data-loss only applies with --approve');
        return interactive(path, flags);
      }
      if (!flags.reviewer) throw new UserError('a scripted review needs --reviewer <name>: it is recorded in the approval');
      // Creates missing what their type requires cannot be approved by flags either.
      const { plan } = withRequiredInputs(await readPlan(path), sdkRequiredInputs);
      const decided = decideScripted(plan, { approve: approve ?? [], skip: skip ?? [], yesDataLoss: flags.yesDataLoss ?? false, reviewer: flags.reviewer }, new Date(clockNow()).toISOString());
      await writePlan(path, decided);
      const t = tally(decided);
      warn(
        `${path}: ${t.approved} approved, ${t.skipped} skipped; ` +
          (decided.approval && approvalIsValid(decided) ? `approved by ${decided.approval.by} at ${decided.approval.at}` : 'no step approved: nothing to apply, not approved'),
      );
    });
}

async function interactive(path: string, flags: ReviewFlags): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new UserError(
      `review asks questions and stdin is not a terminal: decide with flags instead, e.g. \`trailback review ${path} --approve all|<ids> [--skip <ids>|rest] [--yes-data-loss] --reviewer <name>\` (see --help)`,
    );
  }
  const plan = await readPlan(path);
  // Loaded here so that other commands never load inquirer.
  const { runReview } = await import('../review/session.js');
  const { realPrompts, isPromptExit } = await import('../review/prompts.js');
  try {
    await runReview(plan, {
      prompts: realPrompts(),
      write: (text) => void process.stdout.write(text),
      now: () => new Date(clockNow()),
      save: (p) => writePlan(path, p),
      reviewer: flags.reviewer ?? osUser(),
      planPath: path,
      color: useColor(process.stdout),
      maxDiffLines: flags.maxDiffLines,
    });
  } catch (err) {
    if (!isPromptExit(err)) throw err;
    // Every answer was saved when it was given: nothing to do but say so.
    warn(`\nreview interrupted: every decision so far is saved in ${path}; run \`trailback review ${path}\` to continue`);
    requestExitCode(130);
  }
}
