import { createInterface } from 'node:readline/promises';
import { Command } from 'commander';
import { findPulumiCommand, runApply } from '../apply/driver.js';
import { refusedSummary, renderSummaryText, writeSummaryFiles } from '../apply/summary.js';
import { readPlan } from '../plan/io.js';
import { UserError } from '../util/errors.js';
import { clockNow } from '../util/time.js';
import { writeOut, warn } from './output.js';
import { planStaleness } from './plan-inputs.js';

interface ApplyFlags {
  preview?: boolean;
  yes?: boolean;
  stack?: string;
  backend?: string;
  forceStale?: boolean;
  keepManaged?: boolean;
  summaryJson?: string;
  summaryMd?: string;
}

/** y/N on the terminal (stderr, so stdout stays data). */
async function confirmOnTty(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

const HELP = `
What happens (Pulumi Automation API, inline program, one stack per plan):
  1. refuse plans that are unapproved, edited after approval, stale, or whose desired
     values are unknown/redacted (fill them with \`trailback review\`)
  2. read   Pulumi reads every live resource; any difference from the plan's "before"
            stops the apply and lists it per attribute (--force-stale goes on)
  3. import the resources are adopted into the stack as they are (no cloud change)
  4. converge  Pulumi's preview is shown and confirmed (--yes in CI), then applied:
            updates, creates (dependents get the new ids) and deletes
  5. release the resources are dropped from the stack again (not deleted), so Pulumi
            does not silently become their owner; --keep-managed keeps them
Only steps approved in review are applied. Progress goes to stderr, the summary to stdout.
A run that stops part-way is recorded in plans/<name>.apply.json; running the same
command again continues with the steps not yet applied.

Environment:
  PULUMI_BACKEND_URL        state backend when --backend is not given (default: file backend
                            in ./.trailback/pulumi)
  PULUMI_CONFIG_PASSPHRASE  passphrase of the stack's secrets (empty when unset)
  AWS_* / ALICLOUD_*        cloud credentials, read by the Pulumi providers
  GITHUB_STEP_SUMMARY       when set, the markdown summary is appended to it

Needs the Pulumi CLI (https://www.pulumi.com/docs/install/) and the provider SDKs
(npm install @pulumi/pulumi @pulumi/aws and/or @pulumi/alicloud).`;

export function applyCommand(): Command {
  return new Command('apply')
    .description('apply the approved steps of a plan through Pulumi: read, import, converge, release')
    .argument('<plan>', 'approved plan file (plans/<name>.plan.json)')
    .option('--preview', 'only Pulumi\'s preview: read the live resources and show what would change; changes nothing')
    .option('-y, --yes', 'apply without asking (required when not on a terminal, e.g. in CI)')
    .option('--stack <name>', 'Pulumi stack name (default: the plan file\'s name)')
    .option('--backend <url|dir>', 'Pulumi state backend URL, or a folder for the local file backend (default: $PULUMI_BACKEND_URL, else ./.trailback/pulumi)')
    .option('--force-stale', 'go on when live resources differ from the plan\'s "before" (they are imported as they are)')
    .option('--keep-managed', 'leave the resources in the Pulumi stack afterwards instead of releasing them')
    .option('--summary-json <file>', 'write the run summary as JSON')
    .option('--summary-md <file>', 'write the run summary as markdown (e.g. "$GITHUB_STEP_SUMMARY")')
    .addHelpText('after', HELP)
    .action(async (planPath: string, flags: ApplyFlags) => {
      const plan = await readPlan(planPath);
      const files = { json: flags.summaryJson, md: flags.summaryMd };
      let summary;
      try {
        summary = await runApply(
          {
            planPath,
            plan,
            ...(flags.stack && { stack: flags.stack }),
            ...(flags.backend && { backend: flags.backend }),
            preview: flags.preview ?? false,
            yes: flags.yes ?? false,
            forceStale: flags.forceStale ?? false,
            keepManaged: flags.keepManaged ?? false,
          },
          {
            staleness: planStaleness,
            pulumiCommand: findPulumiCommand,
            confirm: confirmOnTty,
            isTTY: Boolean(process.stdin.isTTY && process.stderr.isTTY),
            log: warn,
            env: process.env,
            cwd: process.cwd(),
            now: () => new Date(clockNow()),
          },
        );
      } catch (err) {
        // CI reads the summary exactly when apply refuses: say why there too.
        if (err instanceof UserError && (files.json || files.md || process.env.GITHUB_STEP_SUMMARY)) {
          await writeSummaryFiles(refusedSummary(planPath, plan.steps, err.message, new Date(clockNow()).toISOString()), files, process.env);
        }
        throw err;
      }
      await writeOut(renderSummaryText(summary));
      await writeSummaryFiles(summary, files, process.env);
      if (summary.status === 'failed') {
        const c = summary.counts;
        throw new UserError(`apply stopped part-way (${c.applied} applied, ${c.failed} failed, ${c.notApplied} not applied): see ${summary.record}; run the same command again to continue`);
      }
    });
}
