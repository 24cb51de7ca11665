import { z } from 'zod';
import { Provider } from '../events/model.js';
import { sha256, stableStringify } from '../util/json.js';

/** The plan file of DESIGN.md (`plans/<name>.plan.json`), validated whenever it is read. */

export const PLAN_SCHEMA_VERSION = 1;

export const RISK_KINDS = ['destructive', 'data-loss', 'new-identity', 'unknown-prior', 'replace', 'conflict', 'external-actor'] as const;
export const RiskKind = z.enum(RISK_KINDS);
export type RiskKind = z.infer<typeof RiskKind>;

export const Risk = z.object({ kind: RiskKind, detail: z.string() });
export type Risk = z.infer<typeof Risk>;

export const STEP_ACTIONS = ['create', 'update', 'delete', 'replace'] as const;
export const StepAction = z.enum(STEP_ACTIONS);
export type StepAction = z.infer<typeof StepAction>;

export const DECISIONS = ['pending', 'approved', 'skipped'] as const;
export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;

/** An event that caused a step (or takes part in a conflict). */
export const Cause = z.object({
  eventId: z.string(),
  time: z.string(),
  name: z.string(),
  actor: z.string(),
  accessKeyId: z.string().optional(),
  sourceIp: z.string().optional(),
});
export type Cause = z.infer<typeof Cause>;

/** RFC 6902 operation (as produced by fast-json-patch). */
export const PatchOperation = z.object({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  path: z.string(),
  value: z.unknown().optional(),
  from: z.string().optional(),
});
export type PatchOperation = z.infer<typeof PatchOperation>;

export const StepResource = z.object({
  provider: Provider,
  /** Pulumi type token. */
  type: z.string(),
  id: z.string(),
  region: z.string(),
  account: z.string(),
});
export type StepResource = z.infer<typeof StepResource>;

export const Step = z.object({
  id: z.string(),
  action: StepAction,
  resource: StepResource,
  /** Current inputs (null: the resource does not exist now). */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** Desired inputs (null: the resource must not exist). Unknown values are absent here and listed in `unknown`. */
  after: z.record(z.string(), z.unknown()).nullable(),
  /** before → after. */
  patch: z.array(PatchOperation),
  /** Inputs of `after` whose desired value the trail does not show: fill from a baseline or in review. */
  unknown: z.array(z.string()),
  /** Inputs of `before` the trail shows changed without their value (so `before` is not complete). */
  unknownBefore: z.array(z.string()).optional(),
  /** Inputs that can only change by replacing the resource. */
  replaceOn: z.array(z.string()).optional(),
  dependsOn: z.array(z.string()),
  risks: z.array(Risk),
  causedBy: z.array(Cause),
  decision: Decision,
  /** Values a reviewer filled in for unknown inputs (kept apart so the plan shows what came from a person). */
  edited: z.record(z.string(), z.unknown()).optional(),
});
export type Step = z.infer<typeof Step>;

export const Mode = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('point-in-time'),
    /** The moment restored (the time of the event before which the plan stops, with `beforeEvent`). */
    at: z.string(),
    beforeEvent: z.string().optional(),
  }),
  z.object({
    kind: z.literal('undo'),
    /** Writes matching any of these are undone. */
    match: z.object({
      keys: z.array(z.string()).optional(),
      actors: z.array(z.string()).optional(),
      ips: z.array(z.string()).optional(),
    }),
    since: z.string().optional(),
    until: z.string().optional(),
  }),
]);
export type Mode = z.infer<typeof Mode>;

/** A later write by someone else to what an undone write changed: the later write is kept. */
export const Conflict = z.object({
  resource: StepResource.pick({ provider: true, type: true, id: true, region: true }),
  /** The inputs both wrote; empty when the conflict is on the whole resource (created or deleted by one of them). */
  paths: z.array(z.string()),
  undone: Cause,
  later: Cause,
  resolution: z.string(),
});
export type Conflict = z.infer<typeof Conflict>;

export const Approval = z.object({ by: z.string(), at: z.string(), stepsDigest: z.string() });
export type Approval = z.infer<typeof Approval>;

export const Plan = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  tool: z.string(),
  createdAt: z.string(),
  mode: Mode,
  trail: z.object({
    sources: z.array(z.string()),
    /** `--input-format` when it was forced, so a staleness check reads the trail the same way. */
    inputFormat: z.string().optional(),
    /** Write events read (successful or not, duplicates dropped). */
    events: z.number().int(),
    /** Write events the replay used (changed state). */
    writes: z.number().int(),
    /** sha256 over the write events read (id, name, time, outcome): a changed trail makes the plan stale. */
    digest: z.string(),
  }),
  current: z.object({
    /** `trail` (the state at the end of the trail) or the file given with --current. */
    source: z.string(),
    digest: z.string(),
  }),
  baseline: z.object({ source: z.string(), digest: z.string() }).optional(),
  steps: z.array(Step),
  conflicts: z.array(Conflict),
  warnings: z.array(z.string()),
  approval: Approval.nullable(),
});
export type Plan = z.infer<typeof Plan>;

/**
 * Digest of what a reviewer approved: every step as written (identity, action, before, after,
 * patch, unknowns, risks, causes, decision, edits) and what the plan was made from (mode, trail,
 * current state, baseline). Any later change to any of these invalidates the approval, so an
 * edited file cannot slip past it (nor a stale plan with its digests rewritten).
 */
export function stepsDigest(plan: Pick<Plan, 'steps' | 'mode' | 'trail' | 'current'> & { baseline?: Plan['baseline'] }): string {
  return sha256(stableStringify({ mode: plan.mode, trail: plan.trail, current: plan.current, baseline: plan.baseline, steps: plan.steps }));
}

/** True when the plan carries an approval that still matches its steps. */
export function approvalIsValid(plan: Plan): boolean {
  return plan.approval !== null && plan.approval.stepsDigest === stepsDigest(plan);
}

/** RFC 6901 pointer of a top-level input name. */
export function pointer(path: string): string {
  return '/' + path.replace(/~/g, '~0').replace(/\//g, '~1');
}
