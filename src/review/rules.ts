import { patchOf } from '../plan/build.js';
import { approvalIsValid, stepsDigest, type Decision, type Plan, type Step } from '../plan/model.js';

/**
 * The decision rules of a review, shared by the interactive loop and the scripted flags.
 * Pure: a plan in, a new plan (or an explanation) out; the caller prompts, saves and prints.
 */

export function stepIndex(plan: Plan, id: string): number {
  return plan.steps.findIndex((s) => s.id === id);
}

export function firstPending(plan: Plan): number | undefined {
  const i = plan.steps.findIndex((s) => s.decision === 'pending');
  return i < 0 ? undefined : i;
}

/** The next undecided step after `from`, wrapping around; undefined when every step is decided. */
export function nextPending(plan: Plan, from: number): number | undefined {
  const n = plan.steps.length;
  for (let k = 1; k <= n; k++) {
    const i = (from + k) % n;
    if (plan.steps[i]!.decision === 'pending') return i;
  }
  return undefined;
}

export function hasDataLoss(step: Step): boolean {
  return step.risks.some((r) => r.kind === 'data-loss');
}

/** Same kind = same action on the same resource type (e.g. every `delete alicloud:ecs/instance:Instance`). */
export function sameKind(a: Step, b: Step): boolean {
  return a.action === b.action && a.resource.type === b.resource.type;
}

/** Every step `id` needs, directly or through other steps, in plan order. */
export function dependenciesOf(plan: Plan, id: string): Step[] {
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const walk = (sid: string): void => {
    for (const d of byId.get(sid)?.dependsOn ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      walk(d);
    }
  };
  walk(id);
  return plan.steps.filter((s) => seen.has(s.id));
}

/** Every step that needs `id`, directly or through other steps, in plan order. */
export function dependentsOf(plan: Plan, id: string): Step[] {
  return plan.steps.filter((s) => s.id !== id && dependenciesOf(plan, s.id).some((d) => d.id === id));
}

/** Approving this step would leave it without a dependency that was skipped. */
export function skippedDependencies(plan: Plan, id: string): Step[] {
  return dependenciesOf(plan, id).filter((d) => d.decision === 'skipped');
}

/** Skipping this step would strand these approved steps. */
export function approvedDependents(plan: Plan, id: string): Step[] {
  return dependentsOf(plan, id).filter((d) => d.decision === 'approved');
}

/** A short name of a step for explanations: `s7 (delete alicloud:ecs/securityGroup:SecurityGroup sg-1)`. */
export function stepLabel(step: Step): string {
  return `${step.id} (${step.action} ${step.resource.type} ${step.resource.id})`;
}

export function ids(steps: readonly Step[]): string {
  return steps.map((s) => s.id).join(', ');
}

/** Why a step cannot be approved, or undefined when it can (data loss is a confirmation, not a refusal). */
export function approvalBlocker(plan: Plan, step: Step): string | undefined {
  if (step.unknown.length > 0) {
    return `${step.id} cannot be approved yet: the desired value of ${step.unknown.join(', ')} is unknown; fill ${step.unknown.length === 1 ? 'it' : 'them'} first (edit)`;
  }
  const skipped = skippedDependencies(plan, step.id);
  if (skipped.length > 0) {
    return `${step.id} depends on ${skipped.map(stepLabel).join(', ')}, which ${skipped.length === 1 ? 'is' : 'are'} skipped: applying ${step.id} without ${skipped.length === 1 ? 'it' : 'them'} would fail or leave a broken resource`;
  }
  return undefined;
}

export function skipExplanation(plan: Plan, step: Step): string | undefined {
  const approved = approvedDependents(plan, step.id);
  if (approved.length === 0) return undefined;
  return `${approved.map(stepLabel).join(', ')} ${approved.length === 1 ? 'is' : 'are'} approved and need${approved.length === 1 ? 's' : ''} ${step.id}: skipping ${step.id} alone would leave ${approved.length === 1 ? 'it' : 'them'} unappliable`;
}

/**
 * Replaces steps and keeps the approval only while it still matches them: any change to an
 * approved plan (a decision, an edit) drops the approval, and finishing the review stamps it again.
 */
export function withSteps(plan: Plan, steps: Step[]): Plan {
  const keep = plan.approval !== null && plan.approval.stepsDigest === stepsDigest({ ...plan, steps });
  return { ...plan, steps, approval: keep ? plan.approval : null };
}

export function decide(plan: Plan, stepIds: readonly string[], decision: Decision): Plan {
  const set = new Set(stepIds);
  return withSteps(
    plan,
    plan.steps.map((s) => (set.has(s.id) && s.decision !== decision ? { ...s, decision } : s)),
  );
}

/** Skip a step and every step that needs it (the resolution offered when skipping strands approved steps). */
export function skipWithDependents(plan: Plan, id: string): Plan {
  return decide(plan, [id, ...dependentsOf(plan, id).map((s) => s.id)], 'skipped');
}

/**
 * Fills an unknown input: recorded apart in `edited` (what came from a person), set in `after`,
 * no longer unknown, and the patch recomputed from before → after.
 */
export function fillUnknown(plan: Plan, id: string, path: string, value: unknown): Plan {
  return withSteps(
    plan,
    plan.steps.map((s) => {
      if (s.id !== id) return s;
      const after = { ...(s.after ?? {}), [path]: value };
      return {
        ...s,
        after,
        unknown: s.unknown.filter((p) => p !== path),
        edited: { ...(s.edited ?? {}), [path]: value },
        patch: patchOf(s.before, after),
      };
    }),
  );
}

/** Problems that keep a fully decided plan from being approved (hand-edited files can have them). */
export function approvalProblems(plan: Plan): string[] {
  const problems: string[] = [];
  for (const s of plan.steps) {
    if (s.decision !== 'approved') continue;
    const blocker = approvalBlocker(plan, s);
    if (blocker) problems.push(blocker);
  }
  return problems;
}

export interface Tally {
  approved: number;
  skipped: number;
  pending: number;
}

export function tally(plan: Plan): Tally {
  const n = (d: Decision): number => plan.steps.filter((s) => s.decision === d).length;
  return { approved: n('approved'), skipped: n('skipped'), pending: n('pending') };
}

/**
 * Finishing: with no step pending and at least one approved, the plan gets an approval over
 * its steps' digest (kept as it is when it is still valid, so a review that changed nothing
 * does not re-sign). Otherwise the plan is returned as it is.
 */
export function settle(plan: Plan, by: string, at: string): Plan {
  const t = tally(plan);
  if (t.pending > 0 || t.approved === 0 || approvalIsValid(plan) || approvalProblems(plan).length > 0) return plan;
  return { ...plan, approval: { by, at, stepsDigest: stepsDigest(plan) } };
}

/**
 * A pending create must give the inputs its Pulumi type requires. Those the plan has no value
 * for (a resource that predates the trail, re-created without a baseline) become unknown
 * values to fill, so the step cannot be approved with them missing.
 */
export function withRequiredInputs(plan: Plan, required: (type: string) => readonly string[] | undefined): { plan: Plan; added: { id: string; paths: string[] }[] } {
  const added: { id: string; paths: string[] }[] = [];
  const steps = plan.steps.map((s) => {
    if (s.action !== 'create' || s.decision !== 'pending') return s;
    const missing = (required(s.resource.type) ?? []).filter((p) => !(p in (s.after ?? {})) && !s.unknown.includes(p));
    if (missing.length === 0) return s;
    added.push({ id: s.id, paths: missing });
    return { ...s, unknown: [...s.unknown, ...missing] };
  });
  return { plan: added.length > 0 ? withSteps(plan, steps) : plan, added };
}
