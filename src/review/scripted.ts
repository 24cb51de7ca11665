import type { Decision, Plan } from '../plan/model.js';
import { UserError } from '../util/errors.js';
import { approvalBlocker, decide, hasDataLoss, settle, stepLabel, tally } from './rules.js';

/**
 * `trailback review PLAN --approve all|<ids> [--skip <ids>|rest] --reviewer R`: the same rules
 * as the interactive review, decided from flags. Nothing is written unless every rule holds.
 */

export interface ScriptedFlags {
  /** Step ids, or `all` (every step not named in `skip`). */
  approve: string[] | 'all';
  /** Step ids, or `rest` (every step not named in `approve`). */
  skip: string[] | 'rest';
  /** Lets `--approve all` include steps with a data-loss risk (naming them in --approve does too). */
  yesDataLoss: boolean;
  reviewer: string;
}

export const SCRIPTED_HELP = `
Scripted review (no prompts; for CI):
  --approve all|<ids>   approve these steps (comma-separated or repeated), or every step not in --skip
  --skip <ids>|rest     skip these steps, or every step not in --approve
  --reviewer <name>     who approves; required with --approve/--skip, recorded in the plan
  --yes-data-loss       with --approve all: also approve steps with a data-loss risk
Steps named in neither list keep the decision they have. The same rules as the interactive review
apply, and nothing is saved unless they all hold:
  - a step with an unknown value cannot be approved (fill it in the interactive review, or skip it);
  - an approved step cannot depend on a skipped one (skip its dependents too, or approve the dependency);
  - a step that deletes, replaces or re-creates data (data-loss risk) is approved only when named
    in --approve by its id, or with --approve all --yes-data-loss: "all" alone never loses data;
  - every step must end up approved or skipped.
The approval {by, at, stepsDigest} is stamped when at least one step is approved.`;

function checkIds(plan: Plan, flag: string, wanted: string[]): void {
  const known = new Set(plan.steps.map((s) => s.id));
  const missing = wanted.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const range = plan.steps.length === 0 ? 'the plan has no steps' : `its steps are ${plan.steps[0]!.id}…${plan.steps.at(-1)!.id}`;
    throw new UserError(`${flag}: no step ${missing.join(', ')} in the plan (${range})`);
  }
}

export function decideScripted(plan: Plan, flags: ScriptedFlags, at: string): Plan {
  const approveIds = flags.approve === 'all' ? [] : flags.approve;
  const skipIds = flags.skip === 'rest' ? [] : flags.skip;
  checkIds(plan, '--approve', approveIds);
  checkIds(plan, '--skip', skipIds);
  const both = approveIds.filter((id) => skipIds.includes(id));
  if (both.length > 0) throw new UserError(`${both.join(', ')} named in both --approve and --skip`);

  const target = (id: string, current: Decision): Decision => {
    if (skipIds.includes(id)) return 'skipped';
    if (flags.approve === 'all' || approveIds.includes(id)) return 'approved';
    if (flags.skip === 'rest') return 'skipped';
    return current;
  };
  let next = plan;
  for (const d of ['skipped', 'approved'] as const) {
    next = decide(next, next.steps.filter((s) => target(s.id, s.decision) === d).map((s) => s.id), d);
  }

  const newlyApproved = next.steps.filter((s) => s.decision === 'approved' && plan.steps.find((p) => p.id === s.id)?.decision !== 'approved');
  const unknown = newlyApproved.filter((s) => s.unknown.length > 0);
  if (unknown.length > 0) {
    throw new UserError(
      `cannot approve steps with unknown values: ${unknown.map((s) => `${s.id} (${s.unknown.join(', ')})`).join('; ')}; fill them in \`trailback review\` (interactive) or --skip them`,
    );
  }
  const lossy = newlyApproved.filter((s) => hasDataLoss(s) && !approveIds.includes(s.id));
  if (lossy.length > 0 && !flags.yesDataLoss) {
    throw new UserError(
      `--approve all would approve steps that lose data: ${lossy.map(stepLabel).join(', ')}; name them in --approve, --skip them, or add --yes-data-loss`,
    );
  }
  for (const s of next.steps) {
    if (s.decision !== 'approved') continue;
    const blocker = approvalBlocker(next, s);
    if (blocker) throw new UserError(`${blocker}; skip ${s.id} too, or approve what it depends on`);
  }
  const pending = next.steps.filter((s) => s.decision === 'pending');
  if (pending.length > 0) {
    throw new UserError(`${pending.map((s) => s.id).join(', ')} would stay undecided: name ${pending.length === 1 ? 'it' : 'them'} in --approve or --skip (or --skip rest)`);
  }
  if (tally(next).approved === 0) return next;
  return settle(next, flags.reviewer, at);
}
