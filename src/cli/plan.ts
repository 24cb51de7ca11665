import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { writePlan } from '../plan/io.js';
import type { Mode } from '../plan/model.js';
import { renderSummaryText } from '../plan/render.js';
import { UserError } from '../util/errors.js';
import { useColor } from '../util/style.js';
import { TOOL } from '../version.js';
import { requestExitCode, warn } from './output.js';
import { addDesiredOptions, loadPlanInputs, planFromInputs, type DesiredFlags } from './plan-inputs.js';

interface PlanFlags extends DesiredFlags {
  out?: string;
  force?: boolean;
  detailedExitcode?: boolean;
}

export function planCommand(): Command {
  const cmd = new Command('plan')
    .description('write a reviewable rollback plan (plans/*.plan.json): steps to bring the current state to the desired one')
    .argument('<trail...>', 'trail files, folders, .gz files, or - for stdin')
    .option('-o, --out <file>', 'plan file to write (default: plans/<mode>-<time>.plan.json)')
    .option('--force', 'replace an existing plan file')
    .option('--detailed-exitcode', 'exit 0 when there is nothing to change, 2 when the plan has steps, 1 on error');
  addDesiredOptions(cmd);
  return cmd.action(async (inputs: string[], flags: PlanFlags) => {
    const loaded = await loadPlanInputs(inputs, flags);
    const plan = planFromInputs(loaded, inputs, flags, TOOL);
    if (inputs.includes('-')) plan.warnings.push('the trail was read from stdin: `apply` cannot read it again to check the plan is not stale; save the trail to a file and plan from it');
    const out = flags.out ?? join('plans', defaultPlanName(plan.mode, plan.createdAt));
    if (!flags.force && (await exists(out))) throw new UserError(`${out} exists: choose another name with -o, or --force to replace it (its review decisions are lost)`);
    await writePlan(out, plan);
    process.stderr.write(renderSummaryText(plan, false, { color: useColor(process.stderr), maxListed: 5 }));
    warn(`wrote ${out}: review it with \`trailback show ${out}\` or \`trailback review ${out}\``);
    process.stdout.write(`${out}\n`);
    if (flags.detailedExitcode && plan.steps.length > 0) requestExitCode(2);
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** `undo-LTAI5t…-20261127T101500Z.plan.json`, `at-20261021T060700Z-….plan.json`: mode first, then when it was made. */
export function defaultPlanName(mode: Mode, createdAt: string): string {
  const compact = (t: string): string => t.replace(/[-:]/g, '').replace(/\.\d+/, '');
  const slug = (s: string): string => s.replace(/[^A-Za-z0-9.]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  const what =
    mode.kind === 'point-in-time'
      ? `at-${compact(mode.at)}`
      : `undo-${slug([...(mode.match.keys ?? []), ...(mode.match.actors ?? []), ...(mode.match.ips ?? [])].join('+'))}`;
  return `${what}-${compact(createdAt)}.plan.json`;
}
