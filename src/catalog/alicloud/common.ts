/**
 * Helpers shared by the Alibaba Cloud catalog files: ActionTrail request shapes (RPC `Tag.N`,
 * comma lists, IMS principal names) and small effect builders, so entries stay data.
 */
import type { TrailEvent } from '../../events/model.js';
import type { Effect, Target } from '../../replay/effect.js';
import { isPlainObject } from '../../util/json.js';
import { REDACTED } from '../../util/redact.js';
import { at, bool, json, num, setOps } from '../kit.js';
import type { CatalogEntry, NonStateEvent, Outcome } from '../types.js';

export { GLOBAL } from '../kit.js';

export type Rec = Record<string, unknown>;
type Mapper = (v: unknown) => [string, unknown] | undefined;

export function entry(service: string, spec: Omit<CatalogEntry, 'provider' | 'service'>): CatalogEntry {
  return { provider: 'alicloud', service, ...spec };
}

export function ignore(service: string, names: string[], reason: string): NonStateEvent {
  return { provider: 'alicloud', service, names, reason };
}

/** The request as an object: OSS and console purchases may log none at all. */
export function req(e: TrailEvent): Rec {
  return isPlainObject(e.request) ? e.request : {};
}

// Value converters for `pick`: the SDK types decide (numbers sent as strings, "true" flags).
export const asNum = (to: string): Mapper => (v) => [to, num(v)];
export const asBool = (to: string): Mapper => (v) => [to, bool(v)];
export const asStr = (to: string): Mapper => (v) => (['string', 'number', 'boolean'].includes(typeof v) ? [to, String(v)] : undefined);
/** Protocols and policies arrive as `TCP`/`Accept` or `tcp`/`accept`; the provider stores lower case. */
export const asLower = (to: string): Mapper => (v) => (typeof v === 'string' ? [to, v.toLowerCase()] : undefined);
/** `"a,b, c"` → `['a','b','c']`; real arrays are kept. */
export const asList = (to: string): Mapper => (v) => {
  const list = commaList(v);
  return list.length > 0 ? [to, list] : undefined;
};

export function commaList(v: unknown): string[] {
  const parsed = json(v);
  const items = Array.isArray(parsed) ? parsed : typeof v === 'string' ? v.split(',') : [];
  return [...new Set(items.filter((s): s is string => typeof s === 'string').map((s) => s.trim()).filter((s) => s !== ''))];
}

/**
 * Tags → Pulumi `tags` map. RPC calls send `Tag.N.Key/Value` (unflattened to `Tag: [{Key, Value}]`);
 * some send a real `Tags` array, or JSON text with `TagKey/TagValue` (SLB). Undefined when none.
 */
export function tagsOf(request: unknown): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const raw of [at(request, 'Tag'), at(request, 'Tags')]) {
    const list = json(raw);
    if (!Array.isArray(list)) continue;
    for (const t of list) {
      if (!isPlainObject(t)) continue;
      const key = t.Key ?? t.TagKey ?? t.key;
      const value = t.Value ?? t.TagValue ?? t.value;
      if (typeof key === 'string' && key !== '') out[key] = typeof value === 'string' ? value : value === undefined ? '' : String(value);
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Adds `tags` to a mapped input set when the event carries any. */
export function withTags(inputs: Rec, request: unknown): Rec {
  const tags = tagsOf(request);
  return tags ? { ...inputs, tags } : inputs;
}

/** Ids of one referencedResources type, in order. */
export function refIds(e: TrailEvent, type: string): string[] {
  return [...new Set(e.resources.filter((r) => r.type === type).map((r) => r.id))];
}

/**
 * RAM user name from a RAM `UserName` or an IMS `UserPrincipalName` (`alice@<uid>.onaliyun.com`):
 * the part before `@` is the RAM UserName, so RAM and IMS events about one user meet.
 */
export function ramUserName(v: string): string {
  const at = v.indexOf('@');
  return at > 0 ? v.slice(0, at) : v;
}

/** Was this request key present (even redacted)? For secrets: they changed, their value is never shown. */
export function has(request: unknown, key: string): boolean {
  return at(request, key) !== undefined;
}

/**
 * Values the normalizer redacted (any key that looks like a secret, e.g. a `"true"` under
 * PasswordResetRequired) are hidden, not values: they move to the unknown paths.
 */
function splitRedacted(values: Rec, hidden: string[]): [Rec, string[]] {
  const known: Rec = {};
  const unknown = [...hidden];
  for (const [k, v] of Object.entries(values)) {
    if (v === REDACTED) {
      if (!unknown.includes(k)) unknown.push(k);
    } else known[k] = v;
  }
  return [known, unknown];
}

export function create(t: Target, inputs: Rec, hidden: string[] = []): Effect {
  const [known, unknown] = splitRedacted(inputs, hidden);
  return unknown.length > 0 ? { kind: 'create', target: t, inputs: known, unknown } : { kind: 'create', target: t, inputs: known };
}

export function del(t: Target): Effect {
  return { kind: 'delete', target: t };
}

/**
 * A modification: `set` for values the event shows, `touch` for attributes it changed without
 * showing them (passwords, bodies not logged). Empty when the event changes nothing modeled.
 */
export function modify(t: Target, shown: Rec, touched: string[] = []): Effect[] {
  const [values, hidden] = splitRedacted(shown, touched);
  const out: Effect[] = [];
  if (Object.keys(values).length > 0) out.push({ kind: 'update', target: t, ops: setOps(values) });
  if (hidden.length > 0) out.push({ kind: 'touch', target: t, paths: hidden });
  return out;
}

/** A skip instead of an empty effect list, so a call that changed nothing we model is reported. */
export function orSkip(outcome: Outcome, e: TrailEvent): Outcome {
  if (Array.isArray(outcome) && outcome.length === 0) {
    const keys = Object.keys(req(e)).join(', ') || 'none';
    return { skip: `${e.name} changes no attribute trailback models (request keys: ${keys})` };
  }
  return outcome;
}
