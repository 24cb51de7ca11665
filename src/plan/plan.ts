import type { TrailEvent } from '../events/model.js';
import type { ReplayReport } from '../replay/replay.js';
import type { BuildResult } from './build.js';
import { trailDigest } from './digest.js';
import { PLAN_SCHEMA_VERSION, type Mode, type Plan } from './model.js';

export interface PlanParts {
  tool: string;
  createdAt: string;
  mode: Mode;
  sources: string[];
  inputFormat?: string;
  /** Every write event read (deduplicated), in reader order. */
  writes: readonly TrailEvent[];
  /** The replay of the whole trail (what the plan's current state is built on). */
  endReport: ReplayReport;
  /** Undo mode: how many writes matched the undo selection. */
  undoneCount?: number;
  current: { source: string; digest: string };
  baseline?: { source: string; digest: string };
  built: BuildResult;
}

/** Puts a plan together. Pure: the clock comes in as `createdAt`. */
export function makePlan(p: PlanParts): Plan {
  const warnings = [...p.built.warnings];
  const unknown = [...p.endReport.unknown].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (unknown.length > 0) {
    const total = unknown.reduce((n, [, c]) => n + c, 0);
    warnings.push(
      `${total} write event(s) not replayed, unknown to the catalog: ${unknown.map(([n, c]) => `${n} ×${c}`).join(', ')}; what they changed is not in this plan`,
    );
  }
  for (const s of p.endReport.skipped) warnings.push(`${s.ref.name} ${s.ref.eventId} at ${s.ref.time} not replayed: ${s.reason}`);
  for (const a of p.endReport.anomalies) warnings.push(a);
  if (p.mode.kind === 'undo' && p.undoneCount === 0) warnings.push('no write event matches the undo selection: nothing to undo');
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    tool: p.tool,
    createdAt: p.createdAt,
    mode: p.mode,
    trail: {
      sources: p.sources,
      ...(p.inputFormat !== undefined && p.inputFormat !== 'auto' && { inputFormat: p.inputFormat }),
      events: p.writes.length,
      writes: p.endReport.applied,
      digest: trailDigest(p.writes),
    },
    current: p.current,
    ...(p.baseline && { baseline: p.baseline }),
    steps: p.built.steps,
    conflicts: p.built.conflicts,
    warnings,
    approval: null,
  };
}

/** Counts per action and per risk kind, in a fixed order, for summaries. */
export function planCounts(plan: Plan): { actions: [string, number][]; risks: [string, number][] } {
  const actions = new Map<string, number>();
  const risks = new Map<string, number>();
  for (const s of plan.steps) {
    actions.set(s.action, (actions.get(s.action) ?? 0) + 1);
    for (const k of new Set(s.risks.map((r) => r.kind))) risks.set(k, (risks.get(k) ?? 0) + 1);
  }
  const order = (m: Map<string, number>, keys: readonly string[]): [string, number][] => keys.filter((k) => m.has(k)).map((k) => [k, m.get(k)!]);
  return {
    actions: order(actions, ['create', 'update', 'replace', 'delete']),
    risks: order(risks, ['destructive', 'data-loss', 'new-identity', 'unknown-prior', 'replace', 'conflict', 'external-actor']),
  };
}

export function describeMode(mode: Mode): string {
  if (mode.kind === 'point-in-time') return `restore the state at ${mode.at}${mode.beforeEvent ? ` (just before event ${mode.beforeEvent})` : ''}`;
  const or = (xs: string[] | undefined): string => (xs ?? []).join(' or ');
  const parts = [
    ...(mode.match.keys?.length ? [`with key ${or(mode.match.keys)}`] : []),
    ...(mode.match.actors?.length ? [`by ${or(mode.match.actors)}`] : []),
    ...(mode.match.ips?.length ? [`from ${or(mode.match.ips)}`] : []),
  ];
  const window = mode.since || mode.until ? ` between ${mode.since ?? 'the start'} and ${mode.until ?? 'the end'}` : '';
  return `undo the writes ${parts.join(', ')}${window}`;
}
