import type { Catalog } from '../catalog/index.js';
import type { Reference } from '../catalog/types.js';
import type { TrailEvent } from '../events/model.js';
import { resourceKey, type EventRef, type ResourceState, type State } from '../state/model.js';
import { stableStringify } from '../util/json.js';
import type { Effect, PatchOp, Target } from './effect.js';

export interface ReplayOptions {
  catalog: Catalog;
  /** State before the first event (from `--baseline`); never modified. */
  baseline?: State;
  /** Replay only events at or before this time (epoch ms). */
  until?: number;
  /** Stop just before this event id. */
  beforeEventId?: string;
  /** Events to leave out (selective undo); they are counted, not applied. */
  exclude?: (event: TrailEvent) => boolean;
}

export interface SkippedEvent {
  ref: EventRef;
  service: string;
  reason: string;
}

export interface ReplayReport {
  /** Write events considered (successful or not). */
  writes: number;
  failed: number;
  applied: number;
  nonState: number;
  excluded: number;
  /** Successful write events no catalog entry knows: `service:name` → count. */
  unknown: Map<string, number>;
  /** Catalog entries that could not find what they needed in the event. */
  skipped: SkippedEvent[];
  /** Updates that arrived for a resource already deleted in the replay. */
  anomalies: string[];
  lastEventTime?: string;
}

export interface ReplayResult {
  state: State;
  report: ReplayReport;
}

export function eventRef(e: TrailEvent): EventRef {
  return {
    eventId: e.id,
    time: e.time,
    name: e.name,
    actor: e.actor.userName ?? e.actor.principal,
    principal: e.actor.principal,
    ...(e.actor.accessKeyId !== undefined && { accessKeyId: e.actor.accessKeyId }),
    ...(e.actor.sourceIp !== undefined && { sourceIp: e.actor.sourceIp }),
  };
}

/** The state key of an effect's target: the event's provider, and its region unless the target names one. */
export function targetKey(t: Target, e: Pick<TrailEvent, 'provider' | 'region'>): string {
  return resourceKey(e.provider, t.type, t.region ?? e.region, t.id);
}

const ACTION_RANK = { create: 0, update: 1, mixed: 1, delete: 2 } as const;

/**
 * Replay order: time, then — among events of the same second — creates before changes
 * before deletes (trails list same-second events in any order, e.g. AttachUserPolicy before
 * the CreateUser it needs), then trail order. Sorting is stable, so trail order is kept.
 */
export function replayOrder(events: TrailEvent[], catalog: Catalog): TrailEvent[] {
  const rank = (e: TrailEvent): number => {
    const found = catalog.lookup(e);
    return found.kind === 'entry' ? ACTION_RANK[found.entry.action] : 1;
  };
  const second = (e: TrailEvent): number => Math.floor(e.epochMs / 1000);
  return events
    .map((e, i) => ({ e, i, s: second(e), r: rank(e) }))
    .sort((a, b) => a.s - b.s || a.r - b.r || a.i - b.i)
    .map((x) => x.e);
}

/** Deep copy of a state, so a replay never changes its baseline. */
export function cloneState(state: State): State {
  return new Map([...state].map(([k, r]) => [k, structuredClone(r)]));
}

/**
 * The replay fold: `state = writes.reduce(evolve, baseline)`. Read-only and failed events
 * change nothing. Pure: the inputs are not modified.
 */
export function replay(events: TrailEvent[], options: ReplayOptions): ReplayResult {
  const state = options.baseline ? cloneState(options.baseline) : new Map<string, ResourceState>();
  const report: ReplayReport = { writes: 0, failed: 0, applied: 0, nonState: 0, excluded: 0, unknown: new Map(), skipped: [], anomalies: [] };
  const engine = new Evolver(state, options.catalog, report);
  for (const e of replayOrder(events.filter((x) => !x.readOnly), options.catalog)) {
    if (options.beforeEventId !== undefined && e.id === options.beforeEventId) break;
    if (options.until !== undefined && e.epochMs > options.until) break;
    engine.evolve(e, options.exclude?.(e) ?? false);
  }
  return { state, report };
}

class Evolver {
  private readonly childrenOf = new Map<string, Reference[]>();
  /** Resources per type: cascades and tuple matches look at one type, not the whole state. */
  private readonly byType = new Map<string, ResourceState[]>();

  constructor(
    private readonly state: State,
    private readonly catalog: Catalog,
    private readonly report: ReplayReport,
  ) {
    for (const ref of catalog.references) {
      if (!ref.cascade) continue;
      const list = this.childrenOf.get(ref.to) ?? [];
      list.push(ref);
      this.childrenOf.set(ref.to, list);
    }
    for (const r of state.values()) this.index(r);
  }

  private index(r: ResourceState): void {
    const list = this.byType.get(r.type);
    if (list) list.push(r);
    else this.byType.set(r.type, [r]);
  }

  evolve(e: TrailEvent, excluded: boolean): void {
    this.report.writes++;
    this.report.lastEventTime = e.time;
    if (e.error) {
      this.report.failed++;
      return;
    }
    const found = this.catalog.lookup(e);
    if (found.kind === 'non-state') {
      this.report.nonState++;
      return;
    }
    if (found.kind === 'unknown') {
      const k = `${e.service}:${e.name}`;
      this.report.unknown.set(k, (this.report.unknown.get(k) ?? 0) + 1);
      return;
    }
    if (excluded) {
      this.report.excluded++;
      return;
    }
    const outcome = found.entry.apply(e);
    if (!Array.isArray(outcome)) {
      this.report.skipped.push({ ref: eventRef(e), service: e.service, reason: outcome.skip });
      return;
    }
    this.report.applied++;
    const ref = eventRef(e);
    for (const effect of outcome) this.apply(effect, e, ref);
  }

  private keyOf(t: Target, e: TrailEvent): string {
    return targetKey(t, e);
  }

  /** The resource, creating a placeholder for one that predates the trail. */
  private resource(t: Target, e: TrailEvent): ResourceState {
    const key = this.keyOf(t, e);
    let r = this.state.get(key);
    if (!r) {
      r = {
        provider: e.provider,
        type: t.type,
        id: t.id,
        region: t.region ?? e.region,
        account: e.account,
        exists: true,
        inputs: {},
        unknown: [],
        provenance: {},
        preexisting: true,
        history: [],
      };
      this.state.set(key, r);
      this.index(r);
    }
    return r;
  }

  private apply(effect: Effect, e: TrailEvent, ref: EventRef): void {
    switch (effect.kind) {
      case 'create': {
        const r = this.resource(effect.target, e);
        r.exists = true;
        r.preexisting = false;
        r.account = e.account || r.account;
        r.inputs = structuredClone(effect.inputs);
        r.unknown = [...(effect.unknown ?? [])];
        r.provenance = {};
        for (const path of [...Object.keys(effect.inputs), ...r.unknown]) r.provenance[path] = ref;
        r.createdBy = ref;
        delete r.deletedBy;
        r.history.push(ref);
        return;
      }
      case 'update': {
        const r = this.resource(effect.target, e);
        if (!r.exists) this.report.anomalies.push(`${ref.name} ${ref.eventId} changes ${r.id}, deleted earlier in the trail`);
        for (const op of effect.ops) applyOp(r, op, ref);
        r.history.push(ref);
        return;
      }
      case 'touch': {
        const r = this.resource(effect.target, e);
        for (const path of effect.paths) {
          delete r.inputs[path];
          if (!r.unknown.includes(path)) r.unknown.push(path);
          r.provenance[path] = ref;
        }
        r.history.push(ref);
        return;
      }
      case 'delete': {
        const r = this.resource(effect.target, e);
        this.remove(r, ref);
        return;
      }
      case 'delete-match': {
        const region = effect.region ?? e.region;
        const wanted = Object.entries(effect.match).map(([k, v]) => [k, stableStringify(v)] as const);
        for (const r of this.byType.get(effect.type) ?? []) {
          if (!r.exists || r.region !== region || r.provider !== e.provider) continue;
          if (wanted.every(([k, v]) => r.inputs[k] !== undefined && stableStringify(r.inputs[k]) === v)) this.remove(r, ref);
        }
        return;
      }
    }
  }

  /** Marks a resource deleted (keeping its last inputs, to re-create it) and its dependents with it. */
  private remove(r: ResourceState, ref: EventRef): void {
    const wasLive = r.exists;
    r.exists = false;
    r.deletedBy = ref;
    r.history.push(ref);
    if (!wasLive) return;
    for (const link of this.childrenOf.get(r.type) ?? []) {
      for (const child of this.byType.get(link.from) ?? []) {
        if (!child.exists || child.provider !== r.provider) continue;
        const v = child.inputs[link.input];
        if (v === r.id || (Array.isArray(v) && v.includes(r.id))) this.remove(child, ref);
      }
    }
  }
}

function applyOp(r: ResourceState, op: PatchOp, ref: EventRef): void {
  const known = !r.unknown.includes(op.path) && (!r.preexisting || op.path in r.provenance);
  switch (op.op) {
    case 'set':
      r.inputs[op.path] = structuredClone(op.value);
      r.unknown = r.unknown.filter((p) => p !== op.path);
      break;
    case 'unset':
      delete r.inputs[op.path];
      r.unknown = r.unknown.filter((p) => p !== op.path);
      break;
    case 'add':
    case 'remove': {
      const current = Array.isArray(r.inputs[op.path]) ? (r.inputs[op.path] as unknown[]) : [];
      const keys = new Set(op.values.map((v) => stableStringify(v)));
      const next =
        op.op === 'add'
          ? [...current, ...op.values.filter((v) => !current.some((c) => stableStringify(c) === stableStringify(v)))]
          : current.filter((c) => !keys.has(stableStringify(c)));
      r.inputs[op.path] = next;
      // Adding to a list we never saw whole leaves the rest of the list unknown.
      if (!known && !r.unknown.includes(op.path)) r.unknown.push(op.path);
      break;
    }
  }
  r.provenance[op.path] = ref;
}
