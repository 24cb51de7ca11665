import { approvalIsValid, type Plan, type Step } from '../plan/model.js';
import { diffLines, renderStepText, renderSummaryText } from '../plan/render.js';
import { isSecretKey } from '../util/redact.js';
import { paint } from '../util/style.js';
import type { Choice, Prompts } from './prompts.js';
import {
  approvalBlocker,
  approvalProblems,
  decide,
  dependentsOf,
  fillUnknown,
  firstPending,
  hasDataLoss,
  ids,
  nextPending,
  sameKind,
  settle,
  skippedDependencies,
  skipExplanation,
  skipWithDependents,
  stepIndex,
  tally,
  withRequiredInputs,
} from './rules.js';
import { sdkInputKind, sdkRequiredInputs } from './sdk-types.js';
import { describeKind, kindFromPlan, parseValue, type Expected, type ValueKind } from './value.js';

/**
 * The interactive review loop. Everything it touches comes in through `ReviewEnv` (prompts,
 * output, clock, saving), so tests drive every path with scripted answers. Each answer that
 * changes the plan is saved before the next question: an interrupted review loses nothing.
 */

export interface ReviewEnv {
  prompts: Prompts;
  write: (text: string) => void;
  now: () => Date;
  /** Persists the plan (atomically, in the CLI). Called after every change. */
  save: (plan: Plan) => Promise<void>;
  reviewer: string;
  /** For messages: `trailback review <planPath>` resumes. */
  planPath: string;
  color?: boolean;
  /** Fold diffs longer than this (a menu entry shows the whole diff). */
  maxDiffLines?: number;
  /** Type of a resource input from the provider SDK; default reads the installed SDK's declarations. */
  inputKind?: (type: string, path: string) => ValueKind | undefined;
  /** Inputs a create of this type must give; default reads the installed SDK's declarations. */
  requiredInputs?: (type: string) => readonly string[] | undefined;
}

export type MenuAction = 'approve' | 'skip' | 'edit' | 'events' | 'diff' | 'back' | 'next' | 'kind' | 'quit';

export type ReviewOutcome = 'finished' | 'quit' | 'empty';

export const DEFAULT_MAX_DIFF_LINES = 40;

/** The per-step menu: only what makes sense for this step right now. */
export function menuChoices(plan: Plan, index: number, folded: boolean): Choice<MenuAction>[] {
  const step = plan.steps[index]!;
  const kin = plan.steps.filter((s) => s.decision === 'pending' && sameKind(s, step));
  const choices: Choice<MenuAction>[] = [
    {
      value: 'approve',
      name: step.decision === 'approved' ? 'approve (it is approved)' : 'approve',
      description: step.unknown.length > 0 ? `fill ${step.unknown.join(', ')} first` : hasDataLoss(step) ? 'loses data: asks again' : undefined,
    },
    { value: 'skip', name: step.decision === 'skipped' ? 'skip (it is skipped)' : 'skip', description: 'leave this change out of the apply' },
  ];
  if (step.unknown.length > 0) choices.push({ value: 'edit', name: 'edit an unknown value', description: `give the desired value of ${step.unknown.join(', ')}` });
  choices.push({ value: 'events', name: 'events: show the raw causing events', description: 'the trail events behind this step, as JSON' });
  if (folded) choices.push({ value: 'diff', name: 'diff: show the full diff' });
  if (index > 0) choices.push({ value: 'back', name: 'back to the previous step' });
  if (step.decision !== 'pending' && index < plan.steps.length - 1) choices.push({ value: 'next', name: 'next step (keep this decision)' });
  if (step.decision === 'pending' && kin.length > 1) {
    choices.push({ value: 'kind', name: `kind: approve all ${kin.length} pending ${step.action} ${step.resource.type}…`, description: `asks before approving ${ids(kin)}` });
  }
  choices.push({ value: 'quit', name: 'quit: save and quit', description: 'decisions are already saved; `trailback review` resumes here' });
  return choices;
}

export async function runReview(initial: Plan, env: ReviewEnv): Promise<{ plan: Plan; outcome: ReviewOutcome }> {
  const { prompts, write } = env;
  const c = paint(env.color ?? false);
  const maxDiffLines = env.maxDiffLines ?? DEFAULT_MAX_DIFF_LINES;
  const inputKind = env.inputKind ?? sdkInputKind;
  let plan = initial;
  const commit = async (next: Plan): Promise<void> => {
    if (next === plan) return;
    plan = next;
    await env.save(plan);
  };

  write(renderSummaryText(plan, approvalIsValid(plan), { color: env.color ?? false }));
  const required = withRequiredInputs(plan, env.requiredInputs ?? sdkRequiredInputs);
  if (required.added.length > 0) {
    await commit(required.plan);
    for (const a of required.added) write(c('yellow', `${a.id}: the Pulumi SDK requires ${a.paths.join(', ')} to create it; the plan has no value for them: fill them (edit) before approving\n`));
  }
  if (plan.steps.length === 0) {
    write('Nothing to review: the plan has no steps.\n');
    return { plan, outcome: 'empty' };
  }
  let index = firstPending(plan);
  if (index === undefined) {
    write('Every step is decided. Change a decision below, or save and quit.\n');
    index = 0;
  } else if (index > 0) {
    write(`Resuming at ${plan.steps[index]!.id}: the ${index} step${index === 1 ? '' : 's'} before it ${index === 1 ? 'is' : 'are'} decided (back to revisit).\n`);
  }
  let show = true;

  /** Writes the approval (when the plan is complete) and says how the review ended. */
  const finish = async (): Promise<ReviewOutcome> => {
    await commit(settle(plan, env.reviewer, env.now().toISOString()));
    const t = tally(plan);
    if (t.pending > 0) {
      write(`Saved ${env.planPath}: ${t.approved} approved, ${t.skipped} skipped, ${t.pending} pending. Run \`trailback review ${env.planPath}\` to continue.\n`);
      return 'quit';
    }
    const problems = approvalProblems(plan);
    if (problems.length > 0) {
      write(c('yellow', `Not approved:\n${problems.map((p) => `  ${p}\n`).join('')}`));
    } else if (plan.approval) {
      write(`${c('green', 'Review complete')}: ${t.approved} approved, ${t.skipped} skipped; approved by ${plan.approval.by} at ${plan.approval.at}. Saved ${env.planPath}.\n`);
    } else {
      write(`Review complete: every step skipped, nothing to apply; the plan is not approved. Saved ${env.planPath}.\n`);
    }
    return 'finished';
  };

  /** After a decision: the next undecided step, or the end of the review. */
  const advance = async (from: number): Promise<ReviewOutcome | undefined> => {
    const next = nextPending(plan, from);
    if (next === undefined) return finish();
    index = next;
    show = true;
    return undefined;
  };

  const edit = async (step: Step): Promise<void> => {
    // Secrets are never written into a plan (it is meant to be shared and committed).
    const editable = step.unknown.filter((p) => !isSecretKey(p));
    const secret = step.unknown.filter((p) => isSecretKey(p));
    if (secret.length > 0) write(c('yellow', `${secret.join(', ')}: a secret, never stored in a plan; apply refuses this step while it is unknown: skip it and set the secret in the console or with the provider's CLI\n`));
    if (editable.length === 0) return;
    let path = editable[0]!;
    if (editable.length > 1) {
      path = await prompts.select({ message: `${step.id}: which input?`, choices: editable.map((p) => ({ value: p, name: p })) });
    }
    const sdk = inputKind(step.resource.type, path);
    const expected: Expected | undefined = sdk ? { type: sdk, source: 'the Pulumi SDK' } : kindFromPlan(plan, step, path);
    const hint = expected ? `${describeKind(expected.type)}, as ${expected.source}` : 'JSON, or text for a string';
    const answer = await prompts.input({
      message: `${step.id} ${path} (${hint}; empty to cancel):`,
      validate: (text) => {
        if (text.trim() === '') return true;
        const r = parseValue(text, expected?.type);
        return r.ok ? true : r.message;
      },
    });
    if (answer.trim() === '') {
      write(`${path} left unknown.\n`);
      return;
    }
    const parsed = parseValue(answer, expected?.type);
    if (!parsed.ok) {
      write(c('red', `${path}: ${parsed.message}; not changed\n`));
      return;
    }
    await commit(fillUnknown(plan, step.id, path, parsed.value));
    write(`${step.id} ${path} = ${JSON.stringify(parsed.value)}\n`);
    show = true;
  };

  const approve = async (step: Step, at: number): Promise<ReviewOutcome | undefined> => {
    if (step.unknown.length > 0) {
      write(c('yellow', approvalBlocker(plan, step)! + '\n'));
      if (await prompts.confirm({ message: `Fill ${step.unknown.length === 1 ? step.unknown[0] : 'them'} now?`, default: true })) await edit(step);
      return undefined;
    }
    const skipped = skippedDependencies(plan, step.id);
    if (skipped.length > 0) {
      write(c('yellow', approvalBlocker(plan, step)! + '\n'));
      const how = await prompts.select<'goto' | 'skip' | 'cancel'>({
        message: 'What now?',
        choices: [
          { value: 'goto', name: `go to ${skipped[0]!.id} to reconsider it` },
          { value: 'skip', name: `skip ${step.id} as well` },
          { value: 'cancel', name: `cancel (${step.id} stays ${step.decision})` },
        ],
      });
      if (how === 'goto') {
        index = stepIndex(plan, skipped[0]!.id);
        show = true;
      } else if (how === 'skip') {
        await commit(decide(plan, [step.id], 'skipped'));
        return advance(at);
      }
      return undefined;
    }
    if (hasDataLoss(step) && step.decision !== 'approved') {
      for (const r of step.risks.filter((x) => x.kind === 'data-loss')) write(c('red', `  data-loss: ${r.detail}\n`));
      const sure = await prompts.confirm({ message: `${step.id} ${step.action}s ${step.resource.id} and its data is lost. Approve anyway?`, default: false });
      if (!sure) {
        write(`${step.id} not approved.\n`);
        return undefined;
      }
    }
    await commit(decide(plan, [step.id], 'approved'));
    return advance(at);
  };

  const skip = async (step: Step, at: number): Promise<ReviewOutcome | undefined> => {
    const why = skipExplanation(plan, step);
    if (why) {
      write(c('yellow', why + '\n'));
      const rest = dependentsOf(plan, step.id).filter((s) => s.decision !== 'skipped');
      const how = await prompts.select<'cascade' | 'cancel'>({
        message: 'What now?',
        choices: [
          { value: 'cascade', name: `skip ${step.id} and the steps that need it (${ids(rest)})` },
          { value: 'cancel', name: `go back (${step.id} stays ${step.decision})` },
        ],
      });
      if (how === 'cancel') return undefined;
      await commit(skipWithDependents(plan, step.id));
      write(`Skipped ${step.id}, ${ids(rest)}.\n`);
      return advance(at);
    }
    await commit(decide(plan, [step.id], 'skipped'));
    return advance(at);
  };

  const approveKind = async (step: Step, at: number): Promise<ReviewOutcome | undefined> => {
    const kin = plan.steps.filter((s) => s.decision === 'pending' && sameKind(s, step));
    const blocked = kin.filter((s) => approvalBlocker(plan, s) !== undefined);
    let ok = kin.filter((s) => !blocked.includes(s));
    write(`${kin.length} pending ${step.action} ${step.resource.type} steps: ${ids(kin)}\n`);
    for (const s of blocked) write(c('yellow', `  left pending: ${approvalBlocker(plan, s)}\n`));
    if (ok.length === 0) return undefined;
    if (!(await prompts.confirm({ message: `Approve ${ok.length === kin.length ? 'all ' : ''}${ok.length} of them (${ids(ok)})?`, default: false }))) return undefined;
    const lossy = ok.filter(hasDataLoss);
    if (lossy.length > 0) {
      for (const s of lossy) write(c('red', `  data-loss ${s.id}: ${s.risks.find((r) => r.kind === 'data-loss')!.detail}\n`));
      const sure = await prompts.confirm({ message: `${ids(lossy)} lose data. Approve ${lossy.length === 1 ? 'it' : 'those'} too?`, default: false });
      if (!sure) ok = ok.filter((s) => !hasDataLoss(s));
    }
    if (ok.length === 0) return undefined;
    await commit(decide(plan, ok.map((s) => s.id), 'approved'));
    write(`Approved ${ids(ok)}.\n`);
    return plan.steps[at]!.decision === 'pending' ? undefined : advance(at);
  };

  for (;;) {
    const step = plan.steps[index]!;
    const folded = diffLines(step).length > maxDiffLines;
    if (show) {
      const t = tally(plan);
      write(c('gray', `\n── step ${index + 1} of ${plan.steps.length} · ${t.approved} approved, ${t.skipped} skipped, ${t.pending} pending ──\n`));
      write(renderStepText(step, { color: env.color ?? false, maxDiffLines }));
      show = false;
    }
    const action = await prompts.select<MenuAction>({
      message: `${step.id}: your decision`,
      choices: menuChoices(plan, index, folded),
      pageSize: 12,
      loop: false,
    });
    let outcome: ReviewOutcome | undefined;
    switch (action) {
      case 'approve':
        outcome = await approve(step, index);
        break;
      case 'skip':
        outcome = await skip(step, index);
        break;
      case 'edit':
        if (step.unknown.length > 0) await edit(step);
        break;
      case 'events':
        write(step.causedBy.length > 0 ? JSON.stringify(step.causedBy, null, 2) + '\n' : 'No event in the trail caused this step (the current state differs from it).\n');
        break;
      case 'diff':
        write(renderStepText(step, { color: env.color ?? false }));
        break;
      case 'back':
        index = Math.max(0, index - 1);
        show = true;
        break;
      case 'next':
        index = Math.min(plan.steps.length - 1, index + 1);
        show = true;
        break;
      case 'kind':
        outcome = await approveKind(step, index);
        break;
      case 'quit':
        outcome = await finish();
        break;
    }
    if (outcome) return { plan, outcome };
  }
}
