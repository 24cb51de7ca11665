import jsonpatch from 'fast-json-patch';
import type { Catalog } from '../catalog/index.js';
import type { TrailEvent } from '../events/model.js';
import type { Effect } from '../replay/effect.js';
import { targetKey } from '../replay/replay.js';
import { resourceKey, type EventRef, type ResourceState, type State } from '../state/model.js';
import { GLOBAL } from '../catalog/kit.js';
import { stableStringify } from '../util/json.js';
import type { Cause, Conflict, PatchOperation, Risk, Step, StepAction, StepResource } from './model.js';
import { replaceOn } from './replace.js';

/**
 * The pure heart of `diff` and `plan`: compare the desired state with the current one, resource
 * by resource and input by input, and turn every difference into an ordered, explained step.
 *
 * Three states take part:
 * - `end`: the replay of the whole trail. Its provenance says which event last wrote each input,
 *   which is how we know what the trail changed after the moment (or by the key) being undone.
 * - `desired`: the replay up to the moment, or without the undone writes.
 * - `current`: `end`, or `end` overlaid with a state file / Pulumi export (`--current`).
 */
export interface BuildInput {
  end: State;
  desired: State;
  current: State;
  catalog: Catalog;
  /** Undo mode: the events being undone (their writes are left out of `desired`). */
  undone?: (eventId: string) => boolean;
  /** Undo mode: the write events, to tell which inputs an undone and a later write both changed. */
  writes?: readonly TrailEvent[];
  /** Undo mode: access keys the undone writes were made with, to be deactivated. */
  contain?: KeyToContain[];
}

/** A long-term access key that made undone writes: the plan deactivates it (containment). */
export interface KeyToContain {
  provider: 'aws' | 'alicloud';
  accessKeyId: string;
  userName?: string;
  account: string;
  /** The undone writes made with it. */
  uses: EventRef[];
}

const ACCESS_KEY_TYPE = { aws: 'aws:iam/accessKey:AccessKey', alicloud: 'alicloud:ram/accessKey:AccessKey' } as const;
const ACCESS_KEY_USER = { aws: 'user', alicloud: 'userName' } as const;

export interface BuildResult {
  steps: Step[];
  conflicts: Conflict[];
  warnings: string[];
}

const conflictKey = (c: Conflict): string => resourceKey(c.resource.provider, c.resource.type, c.resource.region, c.resource.id);

/** What is known of one input: a value (undefined = known to be absent) or nothing. */
type Known = { known: true; value: unknown } | { known: false };

export function inputAt(r: ResourceState, path: string): Known {
  if (r.unknown.includes(path)) return { known: false };
  if (path in r.inputs) return { known: true, value: r.inputs[path] };
  // A resource seen from its creation (or a full export) has no other inputs; one that
  // predates the trail has inputs nobody wrote in it, which we cannot know.
  if (!r.preexisting || path in r.provenance) return { known: true, value: undefined };
  return { known: false };
}

const same = (a: unknown, b: unknown): boolean => stableStringify(a) === stableStringify(b);

/**
 * Whether the trail's first write on a resource created it. When the first write changed or
 * deleted it instead, it existed before the trail, even if it was re-created later
 * (`preexisting` only says whether the trail ever created it).
 */
function bornInTrail(r: ResourceState, catalog: Catalog): boolean {
  if (r.preexisting) return false;
  const first = r.history[0];
  if (!first || first.eventId === r.createdBy?.eventId) return true;
  return catalog.entries.some((e) => e.provider === r.provider && e.names.includes(first.name) && e.types.includes(r.type) && (e.action === 'create' || e.action === 'mixed'));
}

/** A placeholder for a resource the desired replay never reached (all its writes undone or later). */
function notReached(end: ResourceState, catalog: Catalog): ResourceState | undefined {
  // Created within the trail: in the desired state it was never created.
  if (bornInTrail(end, catalog)) return undefined;
  // It existed before the trail: it exists, and nothing of it is known.
  return { ...end, exists: true, inputs: {}, unknown: [], provenance: {}, history: [], preexisting: true, createdBy: undefined, deletedBy: undefined };
}

export function causeOf(ref: EventRef): Cause {
  return {
    eventId: ref.eventId,
    time: ref.time,
    name: ref.name,
    actor: ref.actor,
    ...(ref.accessKeyId !== undefined && { accessKeyId: ref.accessKeyId }),
    ...(ref.sourceIp !== undefined && { sourceIp: ref.sourceIp }),
  };
}

interface Draft {
  key: string;
  action: StepAction;
  resource: StepResource;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  unknown: string[];
  unknownBefore?: string[];
  replaceOn?: string[];
  causes: EventRef[];
  /** The whole resource is contested (created by an undone write, changed later by someone else). */
  contested?: Conflict;
  preexisting: boolean;
  knownInputs: number;
  /** Why a step not derived from the trail's diff is there (key containment). */
  containment?: string;
}

export function buildPlanSteps(input: BuildInput): BuildResult {
  const { end, desired, current } = input;
  const warnings: string[] = [];
  const conflicts = input.undone && input.writes ? findConflicts(input.end, input.undone, input.writes, input.catalog) : [];
  const contested = new Map<string, Conflict>();
  for (const c of conflicts) if (c.paths.length === 0) contested.set(conflictKey(c), c);

  const drafts: Draft[] = [];
  const keys = new Set([...end.keys(), ...desired.keys()]);
  for (const key of [...keys].sort()) {
    const endR = end.get(key);
    let des = desired.get(key) ?? (endR ? notReached(endR, input.catalog) : undefined);
    // Created by an undone write and changed later by someone else: the later write made
    // the desired replay invent the resource as pre-existing. It did not exist.
    if (des && endR && des.preexisting && input.undone && endR.createdBy && input.undone(endR.createdBy.eventId) && bornInTrail(endR, input.catalog)) {
      des = undefined;
    }
    const cur = current.get(key);
    const draft = diffResource(key, des, cur, endR);
    if (!draft) continue;
    const c = contested.get(key);
    if (c) draft.contested = c;
    drafts.push(draft);
  }
  for (const k of input.contain ?? []) {
    const draft = containDraft(k, current, drafts);
    if (draft) drafts.push(draft);
  }
  foldFacetDeletes(drafts, input.catalog);
  // A contested resource that needs no step (gone by now): say so instead of promising a removal.
  const drafted = new Set(drafts.map((d) => d.key));
  for (const [key, c] of contested) if (!drafted.has(key)) c.resolution = `created by the undone write and later changed by ${c.later.actor}; it does not exist now: nothing to do`;
  const steps = orderSteps(drafts, input.catalog, warnings).map(({ draft, step }) => {
    const undone = input.undone && !draft.containment ? draft.causes.filter((c) => input.undone!(c.eventId)) : [];
    if (undone.length > 0) step.risks.push({ kind: 'external-actor', detail: `undoes ${describeActors(undone)}` });
    const partial = conflicts.filter((c) => c.paths.length > 0 && conflictKey(c) === draft.key);
    for (const c of partial) step.risks.push({ kind: 'conflict', detail: c.resolution });
    return step;
  });
  return { steps, conflicts, warnings };

  function diffResource(key: string, des: ResourceState | undefined, cur: ResourceState | undefined, endR: ResourceState | undefined): Draft | undefined {
    const wantExists = des?.exists ?? false;
    const isExists = cur?.exists ?? false;
    const base = (des ?? cur ?? endR)!;
    const resource: StepResource = { provider: base.provider, type: base.type, id: base.id, region: base.region, account: cur?.account || des?.account || endR?.account || '' };
    const desHistory = new Set((des?.history ?? []).map((r) => r.eventId));
    const causes = (endR?.history ?? []).filter((r) => !desHistory.has(r.eventId));
    const common = { key, resource, causes, preexisting: des?.preexisting ?? false, knownInputs: 0 };
    if (!wantExists && !isExists) return undefined;
    const unknownBefore = cur ? [...cur.unknown].filter((p) => !(p in cur.inputs)).sort() : [];
    const withUnknownBefore = unknownBefore.length > 0 ? { unknownBefore } : {};
    if (!wantExists) {
      return { ...common, action: 'delete', before: { ...cur!.inputs }, after: null, unknown: [], ...withUnknownBefore };
    }
    if (!isExists) {
      // Re-create: what the desired state knows, and every input the trail ever saw that it does not.
      const after: Record<string, unknown> = {};
      const unknown = new Set<string>();
      const paths = new Set([...Object.keys(des!.inputs), ...des!.unknown, ...Object.keys(endR?.inputs ?? {}), ...(endR?.unknown ?? []), ...Object.keys(endR?.provenance ?? {})]);
      for (const p of [...paths].sort()) {
        const d = inputAt(des!, p);
        if (d.known) {
          if (d.value !== undefined) after[p] = structuredClone(d.value);
        } else unknown.add(p);
      }
      return { ...common, action: 'create', before: null, after, unknown: [...unknown], knownInputs: Object.keys(after).length };
    }
    // Both exist: the inputs that differ, and those the trail changed to something we cannot know.
    const after: Record<string, unknown> = structuredClone(cur!.inputs);
    const unknown: string[] = [];
    let changed = false;
    const paths = new Set([
      ...Object.keys(des!.inputs),
      ...Object.keys(cur!.inputs),
      ...des!.unknown,
      ...cur!.unknown,
      ...Object.keys(des!.provenance),
      ...Object.keys(endR?.provenance ?? {}),
    ]);
    for (const p of [...paths].sort()) {
      const d = inputAt(des!, p);
      const c = inputAt(cur!, p);
      const writtenSince = endR !== undefined && endR.provenance[p]?.eventId !== des!.provenance[p]?.eventId;
      if (d.known) {
        if (c.known && same(d.value, c.value)) continue;
        if (d.value === undefined) delete after[p];
        else after[p] = structuredClone(d.value);
        changed = true;
      } else if (writtenSince) {
        // Changed by the writes being undone, from a value the trail never showed.
        delete after[p];
        unknown.push(p);
        changed = true;
      }
    }
    if (!changed) return undefined;
    const forced = replaceOn(resource.type).filter((p) => unknown.includes(p) || !same(after[p], cur!.inputs[p]));
    return {
      ...common,
      action: forced.length > 0 ? 'replace' : 'update',
      before: { ...cur!.inputs },
      after,
      unknown,
      ...withUnknownBefore,
      ...(forced.length > 0 && { replaceOn: forced }),
    };
  }
}

/** "3 writes by LTAI… (alice) from 192.0.2.7": who the undone writes came from. */
function describeActors(refs: EventRef[]): string {
  const who = [...new Set(refs.map((r) => `${r.actor}${r.accessKeyId ? ` with key ${r.accessKeyId}` : ''}${r.sourceIp ? ` from ${r.sourceIp}` : ''}`))];
  return `${refs.length} write${refs.length === 1 ? '' : 's'} by ${who.slice(0, 3).join('; ')}${who.length > 3 ? `; and ${who.length - 3} more` : ''}`;
}

/**
 * Deactivate a key that made the undone writes, unless it is already gone, inactive, or another
 * step deletes it. Deactivated, not deleted: it can be turned back on once its users have a new one.
 */
function containDraft(k: KeyToContain, current: State, drafts: Draft[]): Draft | undefined {
  const type = ACCESS_KEY_TYPE[k.provider];
  const key = resourceKey(k.provider, type, GLOBAL, k.accessKeyId);
  if (drafts.some((d) => d.key === key)) return undefined;
  const cur = current.get(key);
  if (cur && (!cur.exists || cur.inputs.status === 'Inactive')) return undefined;
  const before: Record<string, unknown> = cur ? { ...cur.inputs } : k.userName ? { [ACCESS_KEY_USER[k.provider]]: k.userName } : {};
  const first = k.uses.slice(0, 10);
  return {
    key,
    action: 'update',
    resource: { provider: k.provider, type, id: k.accessKeyId, region: GLOBAL, account: cur?.account || k.account },
    before,
    after: { ...before, status: 'Inactive' },
    unknown: [],
    causes: first,
    preexisting: true,
    knownInputs: 0,
    containment: `containment: this key made ${k.uses.length} of the undone writes; deactivating it stops further use (anyone else using it needs a new key; delete it once rotated)${k.uses.length > first.length ? `; the first ${first.length} are listed` : ''}`,
  };
}

/**
 * A facet of a resource (an OSS bucket's ACL or policy: same id, cannot outlive it) goes with
 * it: when both are deleted, one step deletes the resource and lists both causes.
 */
function foldFacetDeletes(drafts: Draft[], catalog: Catalog): void {
  const deletes = new Map(drafts.filter((d) => d.action === 'delete').map((d) => [`${d.resource.provider}|${d.resource.type}|${d.resource.id}`, d]));
  const folded = new Set<Draft>();
  for (const ref of catalog.references) {
    if (!ref.cascade) continue;
    for (const d of drafts) {
      if (d.action !== 'delete' || d.resource.type !== ref.from || !idsIn(d.before?.[ref.input]).includes(d.resource.id)) continue;
      const parent = deletes.get(`${d.resource.provider}|${ref.to}|${d.resource.id}`);
      if (!parent || parent === d) continue;
      const seen = new Set(parent.causes.map((c) => c.eventId));
      parent.causes.push(...d.causes.filter((c) => !seen.has(c.eventId)));
      parent.causes.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
      folded.add(d);
    }
  }
  for (let i = drafts.length - 1; i >= 0; i--) if (folded.has(drafts[i]!)) drafts.splice(i, 1);
}

// ─── conflicts ──────────────────────────────────────────────────────────────────────────

/** Which inputs of which resources one event writes; `*` (and `*create`/`*delete`) for the whole resource. */
function touches(e: TrailEvent, catalog: Catalog): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const found = catalog.lookup(e);
  if (found.kind !== 'entry' || e.error) return out;
  const effects = found.entry.apply(e);
  if (!Array.isArray(effects)) return out;
  const add = (key: string, paths: string[]): void => {
    const set = out.get(key) ?? new Set<string>();
    for (const p of paths) set.add(p);
    out.set(key, set);
  };
  for (const effect of effects as Effect[]) {
    if (effect.kind === 'delete-match') continue; // resolved against state; seen through history
    const key = targetKey(effect.target, e);
    if (effect.kind === 'update') add(key, effect.ops.map((o) => o.path));
    else if (effect.kind === 'touch') add(key, effect.paths);
    else add(key, ['*', `*${effect.kind}`]);
  }
  return out;
}

/**
 * Undo mode: an undone write followed, on the same resource, by a kept write that changes the
 * same inputs (or the resource as a whole). The later write wins; the plan says so.
 */
function findConflicts(end: State, undone: (id: string) => boolean, writes: readonly TrailEvent[], catalog: Catalog): Conflict[] {
  const byId = new Map(writes.map((e) => [e.id, e]));
  const touchCache = new Map<string, Map<string, Set<string>>>();
  const touchesOf = (id: string): Map<string, Set<string>> => {
    let t = touchCache.get(id);
    if (!t) {
      const e = byId.get(id);
      t = e ? touches(e, catalog) : new Map();
      touchCache.set(id, t);
    }
    return t;
  };
  const conflicts: Conflict[] = [];
  for (const [key, r] of [...end].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const h = r.history;
    for (let i = 0; i < h.length; i++) {
      if (!undone(h[i]!.eventId)) continue;
      const mine = touchesOf(h[i]!.eventId).get(key) ?? new Set(['*']);
      for (let j = i + 1; j < h.length; j++) {
        const later = h[j]!;
        if (undone(later.eventId) || later.eventId === h[i]!.eventId) continue;
        const theirs = touchesOf(later.eventId).get(key) ?? new Set(['*']);
        // A resource the undone write created and a later write deleted: both agree it should not exist.
        const laterDeletes = theirs.has('*delete') || (later.eventId === r.deletedBy?.eventId && !r.exists);
        if (mine.has('*create') && laterDeletes) break;
        const whole = mine.has('*') || theirs.has('*');
        const paths = whole ? [] : [...mine].filter((p) => theirs.has(p)).sort();
        if (!whole && paths.length === 0) continue;
        conflicts.push({
          resource: { provider: r.provider, type: r.type, id: r.id, region: r.region },
          paths,
          undone: causeOf(h[i]!),
          later: causeOf(later),
          resolution: whole
            ? r.createdBy?.eventId === h[i]!.eventId
              ? `created by the undone write and later changed by ${later.actor}: the plan still removes it; skip that step in review to keep it`
              : `the undone write and a later write by ${later.actor} both act on the whole resource: the later one is kept`
            : `${paths.join(', ')} set later by ${later.actor} (${later.name} at ${later.time}): the later value is kept`,
        });
        break;
      }
    }
  }
  return conflicts;
}

// ─── ordering and risks ─────────────────────────────────────────────────────────────────

const CREDENTIAL_TYPES = new Set([
  'aws:iam/accessKey:AccessKey',
  'aws:iam/userLoginProfile:UserLoginProfile',
  'alicloud:ram/accessKey:AccessKey',
  'alicloud:ram/loginProfile:LoginProfile',
]);

const PHASE: Record<StepAction, number> = { delete: 0, update: 1, replace: 2, create: 3 };

function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * Dependency order: parents are created before their children (VPC → VSwitch → security
 * group → instance → rule), children deleted before their parents, a reference removed before
 * its target is deleted. Ties: credentials (containment, keys deleted), deletes, updates, replaces, creates; then by type and id.
 */
function orderSteps(drafts: Draft[], catalog: Catalog, warnings: string[]): { draft: Draft; step: Step }[] {
  const byTypeId = new Map<string, Draft>();
  for (const d of drafts) byTypeId.set(`${d.resource.provider}|${d.resource.type}|${d.resource.id}`, d);
  const find = (provider: string, type: string, id: string): Draft | undefined => byTypeId.get(`${provider}|${type}|${id}`);
  const deps = new Map<Draft, Set<Draft>>(drafts.map((d) => [d, new Set()]));
  for (const ref of catalog.references) {
    for (const d of drafts) {
      if (d.resource.type !== ref.from) continue;
      // Creating or changing a child that names a parent being (re)created: parent first.
      if (d.after) {
        for (const id of idsIn(d.after[ref.input])) {
          const parent = find(d.resource.provider, ref.to, id);
          if (parent && parent !== d && (parent.action === 'create' || parent.action === 'replace')) deps.get(d)!.add(parent);
        }
      }
      // A parent deleted: its children's deletes, and changes that drop the reference, first.
      if (d.before) {
        const still = new Set(idsIn(d.after?.[ref.input]));
        for (const id of idsIn(d.before[ref.input])) {
          if (d.action !== 'delete' && still.has(id)) continue;
          const parent = find(d.resource.provider, ref.to, id);
          if (parent && parent !== d && parent.action === 'delete') deps.get(parent)!.add(d);
        }
      }
    }
  }
  // Credentials first: a leaked key is switched off, and keys made with it deleted, before anything else.
  const tier = (d: Draft): number => (d.containment !== undefined ? 0 : d.action === 'delete' && CREDENTIAL_TYPES.has(d.resource.type) ? 1 : PHASE[d.action] + 2);
  const rank = (d: Draft): string => `${tier(d)}|${d.resource.type}|${d.resource.region}|${d.resource.id}`;
  const pending = [...drafts].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  const done = new Set<Draft>();
  const ordered: Draft[] = [];
  while (pending.length > 0) {
    let i = pending.findIndex((d) => [...deps.get(d)!].every((x) => done.has(x)));
    if (i < 0) {
      i = 0;
      warnings.push(`dependency cycle around ${pending[0]!.resource.type} ${pending[0]!.resource.id}: steps from there on keep their default order`);
      for (const d of pending) deps.get(d)!.clear();
    }
    const [d] = pending.splice(i, 1);
    done.add(d!);
    ordered.push(d!);
  }
  const idOf = new Map(ordered.map((d, i) => [d, `s${i + 1}`]));
  return ordered.map((d) => ({
    draft: d,
    step: {
      id: idOf.get(d)!,
      action: d.action,
      resource: d.resource,
      before: d.before,
      after: d.after,
      patch: patchOf(d.before, d.after),
      unknown: d.unknown,
      ...(d.unknownBefore && { unknownBefore: d.unknownBefore }),
      ...(d.replaceOn && { replaceOn: d.replaceOn }),
      dependsOn: [...deps.get(d)!].map((x) => idOf.get(x)!).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
      risks: risksOf(d, catalog),
      causedBy: d.causes.map(causeOf),
      decision: 'pending' as const,
    },
  }));
}

/** RFC 6902 patch from before to after; unknown inputs are not in `after`, and not patched. */
export function patchOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null): PatchOperation[] {
  if (before === null && after === null) return [];
  if (before === null) return [{ op: 'add', path: '', value: after }];
  if (after === null) return [{ op: 'remove', path: '' }];
  return jsonpatch.compare(before, after) as PatchOperation[];
}

function risksOf(d: Draft, catalog: Catalog): Risk[] {
  const risks: Risk[] = [];
  const dataHolding = catalog.dataHolding.has(d.resource.type);
  const name = d.resource.type.split(':').pop() ?? d.resource.type;
  if (d.action === 'delete') {
    risks.push({ kind: 'destructive', detail: `deletes ${name} ${d.resource.id}` });
    if (dataHolding) risks.push({ kind: 'data-loss', detail: `${name} ${d.resource.id} holds data; deleting it loses that data unless it is backed up first` });
  }
  if (d.action === 'replace') {
    risks.push({ kind: 'replace', detail: `${d.replaceOn!.join(', ')} can only change by replacing ${name} ${d.resource.id}` });
    risks.push({ kind: 'destructive', detail: `the existing ${name} is deleted and a new one created` });
    if (dataHolding) risks.push({ kind: 'data-loss', detail: `${name} ${d.resource.id} holds data; the replacement starts empty` });
    risks.push({ kind: 'new-identity', detail: `the replacement gets a new id; anything outside this plan that refers to ${d.resource.id} must be updated` });
  }
  if (d.action === 'create') {
    // Resources keyed by their name (users, buckets, policies) come back under the same id, but
    // as a new resource: what bound the old one internally (a unique id in a policy) does not follow.
    const keyedByName = Object.values(d.after ?? {}).includes(d.resource.id);
    risks.push({
      kind: 'new-identity',
      detail: keyedByName
        ? `re-created under the same name ${d.resource.id}, but as a new resource: policies or grants that bound the old one by its internal id must be renewed`
        : `re-created resources get a new id (not ${d.resource.id}); steps that depend on it receive the new one, anything else must be updated by hand`,
    });
    if (dataHolding) risks.push({ kind: 'data-loss', detail: `the re-created ${name} is empty: the data of the deleted one is not restored; restore it from a backup or snapshot` });
  }
  if (d.unknown.length > 0 || (d.action === 'create' && d.preexisting)) {
    const what = d.unknown.length > 0 ? `${d.unknown.join(', ')}: the value before ${d.action === 'create' ? 'the deletion' : 'the change'} is not in the trail` : '';
    const partial = d.action === 'create' && d.preexisting ? `${what ? '; ' : ''}it existed before the trail began, so only the ${d.knownInputs} input(s) the trail shows are known` : '';
    risks.push({ kind: 'unknown-prior', detail: `${what}${partial}; give --baseline (a state file or Pulumi stack export) or fill the values in \`trailback review\`` });
  }
  if (d.containment) risks.push({ kind: 'external-actor', detail: d.containment });
  if (d.contested) risks.push({ kind: 'conflict', detail: `${d.contested.later.actor} changed it later (${d.contested.later.name} at ${d.contested.later.time}); ${d.contested.resolution}` });
  return risks;
}
