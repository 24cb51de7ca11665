/**
 * Shared pieces of the plan tests: hand-built states, a pure stand-in for loadPlanInputs (the
 * same replay calls, no I/O), and an in-memory "cloud" that carries out a plan's steps.
 */
import type { Catalog } from '../../src/catalog/index.js';
import type { TrailEvent } from '../../src/events/model.js';
import { sortAndDedupe } from '../../src/events/order.js';
import { buildPlanSteps, type BuildResult, type KeyToContain } from '../../src/plan/build.js';
import type { Mode, Step } from '../../src/plan/model.js';
import { keysToContain, undoPredicate } from '../../src/cli/plan-inputs.js';
import { replay } from '../../src/replay/replay.js';
import { resourceKey, type EventRef, type ResourceState, type State } from '../../src/state/model.js';
import { stableStringify } from '../../src/util/json.js';

export const stable = (v: unknown): string => (v === undefined ? 'undefined' : stableStringify(v));

export function ref(eventId: string, over: Partial<EventRef> = {}): EventRef {
  return { eventId, time: '2026-10-14T03:00:00Z', name: 'Test', actor: 'alice', principal: 'alice', ...over };
}

/** A resource as the replay would leave it; `inputs` known, created in the trail unless said otherwise. */
export function res(
  provider: 'aws' | 'alicloud',
  type: string,
  id: string,
  inputs: Record<string, unknown>,
  over: Partial<ResourceState> = {},
): ResourceState {
  const region = over.region ?? (/^(aws:iam|alicloud:ram)\//.test(type) ? 'global' : provider === 'aws' ? 'us-east-1' : 'cn-hangzhou');
  return {
    provider,
    type,
    id,
    region,
    account: provider === 'aws' ? '111122223333' : '1234567890123456',
    exists: true,
    inputs,
    unknown: [],
    provenance: {},
    preexisting: false,
    history: [],
    ...over,
  };
}

export function keyOf(r: Pick<ResourceState, 'provider' | 'type' | 'region' | 'id'>): string {
  return resourceKey(r.provider, r.type, r.region, r.id);
}

export function stateOf(...resources: ResourceState[]): State {
  return new Map(resources.map((r) => [keyOf(r), r]));
}

export interface PureInputs {
  writes: TrailEvent[];
  end: State;
  desired: State;
  current: State;
  undone?: Set<string>;
  contain?: KeyToContain[];
}

/**
 * What loadPlanInputs computes, from events already read: the end of the trail, the desired
 * state of `mode` and (undo) the undone event ids. `contain: true` adds key containment.
 */
export function pureInputs(events: TrailEvent[], mode: Mode, catalog: Catalog, opts: { baseline?: State; contain?: boolean; current?: State } = {}): PureInputs {
  const writes = sortAndDedupe(events.filter((e) => !e.readOnly)).events;
  const base = opts.baseline ? { baseline: opts.baseline } : {};
  const end = replay(writes, { catalog, ...base }).state;
  if (mode.kind === 'point-in-time') {
    const desired = replay(writes, { catalog, ...base, ...(mode.beforeEvent ? { beforeEventId: mode.beforeEvent } : { until: Date.parse(mode.at) }) }).state;
    return { writes, end, desired, current: opts.current ?? end };
  }
  const match = undoPredicate(mode);
  const undone = new Set(writes.filter((e) => !e.error && match(e)).map((e) => e.id));
  const desired = replay(writes, { catalog, ...base, exclude: (e) => undone.has(e.id) }).state;
  return { writes, end, desired, current: opts.current ?? end, undone, ...(opts.contain && { contain: keysToContain(writes, undone, catalog) }) };
}

export function build(p: PureInputs, catalog: Catalog): BuildResult {
  return buildPlanSteps({
    end: p.end,
    desired: p.desired,
    current: p.current,
    catalog,
    ...(p.undone && { undone: (id: string) => p.undone!.has(id), writes: p.writes }),
    ...(p.contain && { contain: p.contain }),
  });
}

export const stepKey = (s: Step): string => resourceKey(s.resource.provider, s.resource.type, s.resource.region, s.resource.id);

/** Carries the steps out on a copy of `current`: create → inputs = after, update/replace → after, delete → gone. */
export function simulate(current: State, steps: Step[]): State {
  const out: State = new Map([...current].map(([k, r]) => [k, structuredClone(r)]));
  for (const s of steps) {
    const key = stepKey(s);
    const r = out.get(key);
    if (s.action === 'delete') {
      if (!r || !r.exists) throw new Error(`step ${s.id} deletes ${key}, which does not exist`);
      r.exists = false;
      continue;
    }
    if (s.action === 'create') {
      if (r?.exists) throw new Error(`step ${s.id} creates ${key}, which exists`);
    } else if (!r?.exists) throw new Error(`step ${s.id} ${s.action}s ${key}, which does not exist`);
    out.set(key, { ...(r ?? { ...s.resource, unknown: [], provenance: {}, preexisting: false, history: [] }), exists: true, inputs: structuredClone(s.after!) } as ResourceState);
  }
  return out;
}

/** Is `path` of `r` known (a value, or known to be absent)? Written from DESIGN.md, not taken from build.ts. */
export function knows(r: ResourceState, path: string): boolean {
  if (r.unknown.includes(path)) return false;
  if (Object.prototype.hasOwnProperty.call(r.inputs, path)) return true;
  return !r.preexisting || Object.prototype.hasOwnProperty.call(r.provenance, path);
}
