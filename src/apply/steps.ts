import { approvalIsValid, PLAN_SCHEMA_VERSION, type Plan, type Step } from '../plan/model.js';
import { UserError } from '../util/errors.js';
import { containsRedacted } from '../util/redact.js';

/** Why a step of the plan is not applied in this run. */
export type SkipReason = 'skipped in review' | 'not approved (pending)' | 'already applied';

export interface Selection {
  /** Approved steps still to apply, in plan order. */
  apply: Step[];
  skipped: { step: Step; reason: SkipReason }[];
}

/** Refusals that need no cloud and no Pulumi: schema, approval. Each is one line. */
export function checkApproval(plan: Plan, planPath: string): void {
  if (plan.schemaVersion !== PLAN_SCHEMA_VERSION) {
    throw new UserError(`${planPath}: plan schema version ${String(plan.schemaVersion)} is not supported (expected ${PLAN_SCHEMA_VERSION}); make the plan again`);
  }
  if (plan.approval === null) {
    throw new UserError(`${planPath} is not approved: review it with \`trailback review ${planPath}\` first`);
  }
  if (!approvalIsValid(plan)) {
    throw new UserError(`${planPath}: steps changed after the approval by ${plan.approval.by} at ${plan.approval.at}: review and approve it again`);
  }
}

/** A step's desired inputs with what a reviewer filled in, and what is still unknown. */
export function effectiveAfter(step: Step): { after: Record<string, unknown> | null; unknown: string[] } {
  if (step.after === null) return { after: null, unknown: [] };
  const edited = step.edited ?? {};
  return {
    after: { ...step.after, ...edited },
    unknown: step.unknown.filter((p) => !(p in edited) && !(p.split(/[./[]/)[0]! in edited)),
  };
}

/** Top-level input names whose value (anywhere inside) is the redaction marker. */
export function redactedInputs(inputs: Record<string, unknown> | null): string[] {
  if (!inputs) return [];
  return Object.keys(inputs).filter((k) => containsRedacted(inputs[k]));
}

export function selectSteps(plan: Plan, alreadyApplied: ReadonlySet<string>): Selection {
  const apply: Step[] = [];
  const skipped: Selection['skipped'] = [];
  for (const step of plan.steps) {
    if (step.decision === 'skipped') skipped.push({ step, reason: 'skipped in review' });
    else if (step.decision === 'pending') skipped.push({ step, reason: 'not approved (pending)' });
    else if (alreadyApplied.has(step.id)) skipped.push({ step, reason: 'already applied' });
    else apply.push(step);
  }
  return { apply, skipped };
}

/**
 * Steps whose desired inputs are not fully known cannot be applied: a secret the plan redacted
 * or a value the trail does not show would be sent to the cloud as a guess. Names inputs, never values.
 */
export function checkKnown(steps: readonly Step[], planPath: string): void {
  const problems: string[] = [];
  for (const step of steps) {
    const { after, unknown } = effectiveAfter(step);
    const missing = [...new Set([...unknown, ...redactedInputs(after)])];
    if (missing.length > 0) problems.push(`${step.id} (${missing.join(', ')})`);
  }
  if (problems.length > 0) {
    throw new UserError(
      `${problems.length} approved step${problems.length > 1 ? 's have' : ' has'} inputs whose value the plan does not know (unknown or redacted): ` +
        `${problems.join('; ')}; fill them with \`trailback review ${planPath}\``,
    );
  }
}

/** Steps that, when re-created or replaced, give their resource a new cloud id. */
export function changesIdentity(step: Step): boolean {
  return step.action === 'create' || step.action === 'replace' || step.risks.some((r) => r.kind === 'new-identity');
}
