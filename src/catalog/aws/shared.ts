/**
 * Helpers for the AWS catalog files: CloudTrail's shapes (EC2 `items` lists, XML-style
 * PascalCase wrappers, tag lists, hidden values) turned into Pulumi input shapes.
 */
import type { TrailEvent } from '../../events/model.js';
import type { Effect, PatchOp } from '../../replay/effect.js';
import { isPlainObject } from '../../util/json.js';
import { REDACTED } from '../../util/redact.js';
import { at, setOps, target } from '../kit.js';
import type { CatalogEntry, NonStateEvent, Outcome } from '../types.js';

type Rec = Record<string, unknown>;

/** Entries of one service, written without repeating provider and service. */
export function entriesOf(service: string) {
  return (spec: Omit<CatalogEntry, 'provider' | 'service'>): CatalogEntry => ({ provider: 'aws', service, ...spec });
}

export function nonState(service: string, names: string[], reason: string): NonStateEvent {
  return { provider: 'aws', service, names, reason };
}

export { GLOBAL } from '../kit.js';

export function create(type: string, id: string, inputs: Rec, opts: { region?: string; unknown?: string[] } = {}): Effect {
  const effect: Effect = { kind: 'create', target: target(type, id, opts.region), inputs: compact(inputs) };
  if (opts.unknown && opts.unknown.length > 0) effect.unknown = opts.unknown;
  return effect;
}

export function update(type: string, id: string, ops: PatchOp[], region?: string): Effect {
  return { kind: 'update', target: target(type, id, region), ops };
}

/** `set` ops for the defined values only. */
export function sets(values: Rec): PatchOp[] {
  return setOps(compact(values));
}

export function touch(type: string, id: string, paths: string[], region?: string): Effect {
  return { kind: 'touch', target: target(type, id, region), paths };
}

export function remove(type: string, id: string, region?: string): Effect {
  return { kind: 'delete', target: target(type, id, region) };
}

export function removeMatching(type: string, match: Rec, region?: string): Effect {
  const effect: Effect = { kind: 'delete-match', type, match: compact(match) };
  if (region !== undefined) effect.region = region;
  return effect;
}

/** Update with the given values, or a skip when the event carries none of them. */
export function setOrSkip(type: string, id: string, values: Rec, what: string, region?: string): Outcome {
  const ops = sets(values);
  return ops.length > 0 ? [update(type, id, ops, region)] : { skip: `no ${what} in the event` };
}

/** Drops undefined values (absent fields), keeps everything else. */
export function compact(values: Rec): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * Values CloudTrail or the reader hid: the reader's marker and CloudTrail's own placeholders
 * (`HIDDEN_DUE_TO_SECURITY_REASONS`, `<sensitiveDataRemoved>`, `***`). A single `*` is a
 * real value (the public principal).
 */
export function isHidden(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    (v === REDACTED || v === 'HIDDEN_DUE_TO_SECURITY_REASONS' || v === '<sensitiveDataRemoved>' || /^\*{3,}$/.test(v) || /hidden due to security/i.test(v))
  );
}

/**
 * The fields of an XML-style EC2 request or response, which CloudTrail wraps in
 * `<Action>Request` / `<Action>Response`; an unwrapped object is returned as it is.
 */
export function unwrapXml(value: unknown, wrapper: string): Rec {
  if (isPlainObject(value) && isPlainObject(value[wrapper])) return value[wrapper];
  return isPlainObject(value) ? value : {};
}

/** A non-empty string at `path`, else undefined. */
export function text(source: unknown, path: string): string | undefined {
  const v = at(source, path);
  if (typeof v === 'string' && v !== '' && !isHidden(v)) return v;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** First non-empty string among the paths. */
export function firstText(source: unknown, ...paths: string[]): string | undefined {
  for (const p of paths) {
    const v = text(source, p);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** A boolean, also from `"true"`/`"false"` and EC2's `{value: …}` wrappers. */
export function flag(v: unknown): boolean | undefined {
  if (isPlainObject(v) && 'value' in v) return flag(v.value);
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return undefined;
}

/** A number, also from numeric strings and EC2's `{value: …}` wrappers. */
export function number(v: unknown): number | undefined {
  if (isPlainObject(v) && 'value' in v) return number(v.value);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

/** EC2's `{value: x}` attribute wrapper unwrapped; other values unchanged. */
export function unwrap(v: unknown): unknown {
  return isPlainObject(v) && 'value' in v ? v.value : v;
}

/**
 * A list as CloudTrail renders it: a JSON array, EC2's `{items: […]}`, the XML-style
 * `{item: x | […]}`, or a single object for a one-element list.
 */
export function list(v: unknown): unknown[] {
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v;
  if (isPlainObject(v)) {
    if ('items' in v) return list(v.items);
    if ('item' in v) return list(v.item);
    if (Object.keys(v).length === 0) return [];
  }
  return [v];
}

export function records(v: unknown): Rec[] {
  return list(v).filter(isPlainObject);
}

/** Strings of a list (EC2 `items` of `{field: x}` when `field` is given). */
export function stringList(v: unknown, field?: string): string[] {
  const out: string[] = [];
  for (const item of list(v)) {
    const x = field !== undefined && isPlainObject(item) ? item[field] : item;
    if (typeof x === 'string' && x !== '') out.push(x);
  }
  return out;
}

/**
 * Tags as Pulumi's `{key: value}` map from any CloudTrail tag list: `[{key, value}]`,
 * `[{Key, Value}]`, EC2 `tagSet.items`, XML `TagSet.Tag`, or a map already. Hidden keys drop.
 */
export function tagMap(v: unknown): Record<string, string> | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const out: Record<string, string> = {};
  const add = (t: Rec): void => {
    const key = t.key ?? t.Key;
    const value = t.value ?? t.Value ?? '';
    if (typeof key === 'string' && !isHidden(key)) out[key] = String(value);
  };
  if (Array.isArray(v)) v.filter(isPlainObject).forEach(add);
  else if (isPlainObject(v)) {
    if ('items' in v || 'item' in v) return tagMap(list(v));
    if ('TagSet' in v) return tagMap(v.TagSet);
    if ('Tag' in v) return tagMap(v.Tag);
    if (typeof (v.key ?? v.Key) === 'string') add(v); // a one-tag list rendered as the tag itself
    else for (const [k, val] of Object.entries(v)) if (typeof val === 'string' && !isHidden(k)) out[k] = val;
  } else return undefined;
  return out;
}

/** EC2 tags of a created resource: the response's tagSet, else the request's tag specification. */
export function ec2Tags(event: TrailEvent, created: unknown, resourceType: string): Record<string, string> | undefined {
  const fromResponse = isPlainObject(created) ? tagMap(created.tagSet) : undefined;
  if (fromResponse && Object.keys(fromResponse).length > 0) return fromResponse;
  for (const spec of records(at(event.request, 'tagSpecificationSet'))) {
    if (spec.resourceType === resourceType) return tagMap(spec.tags);
  }
  return undefined;
}

/** Last `/`-separated part of an ARN or path (`arn:…:role/path/name` → `name`); names pass through. */
export function lastPart(v: string): string {
  const i = v.lastIndexOf('/');
  return i < 0 ? v : v.slice(i + 1);
}

/** `arn:aws:lambda:…:function:name[:qualifier]` → `name`; a plain name passes through. */
export function afterColonKind(v: string, kind: string): string {
  const m = new RegExp(`:${kind}[:/]([^:/]+)`).exec(v);
  return m ? m[1]! : v;
}

/**
 * A policy document as Pulumi takes it, a JSON string. IAM gives URL-decoded strings (kept
 * as they are); S3, KMS and others give parsed objects, in which CloudTrail rewrites the
 * policy language version `2012-10-17` as a timestamp — put back, or the policy is invalid.
 */
export function policyText(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' || isHidden(v) ? undefined : v;
  if (!isPlainObject(v)) return undefined;
  const fixed = typeof v.Version === 'string' ? { ...v, Version: v.Version.replace(/^(\d{4}-\d{2}-\d{2})T.*$/, '$1') } : v;
  return JSON.stringify(fixed);
}

/**
 * XML-style request bodies (`PascalCase`, `xmlns`, `tag` counters) turned into Pulumi's
 * camelCase shape. `lists` names keys that are lists in Pulumi (`Rule` → `rules`): they are
 * renamed and always made arrays.
 */
export function camelize(v: unknown, lists: Record<string, string> = {}): unknown {
  if (Array.isArray(v)) return v.map((x) => camelize(x, lists));
  if (!isPlainObject(v)) return v;
  const out: Rec = {};
  for (const [k, val] of Object.entries(v)) {
    if (k === 'xmlns' || k === 'tag') continue;
    const renamed = lists[k];
    if (renamed !== undefined) out[renamed] = list(val).map((x) => camelize(x, lists));
    else out[lowerFirst(k)] = camelize(val, lists);
  }
  return out;
}

function lowerFirst(k: string): string {
  if (k === 'ID') return 'id';
  if (/^[A-Z]+$/.test(k)) return k.toLowerCase();
  return k.charAt(0).toLowerCase() + k.slice(1);
}
