/**
 * Small helpers the per-service catalog files are written with, so entries read as data:
 * where the id is, which request field is which Pulumi input.
 */
import type { TrailEvent } from '../events/model.js';
import type { Effect, PatchOp, Target } from '../replay/effect.js';
import { isPlainObject } from '../util/json.js';
import type { Outcome } from './types.js';

/** Region of account-wide resources (IAM, RAM); the same key as state's global resources. */
export const GLOBAL = 'global';

/** Value at a dotted path; array segments are walked into every element (`items.instanceId`). */
export function at(value: unknown, path: string): unknown {
  let current: unknown[] = [value];
  for (const part of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (Array.isArray(v)) {
        for (const item of v) if (isPlainObject(item) && part in item) next.push(item[part]);
      } else if (isPlainObject(v) && part in v) next.push(v[part]);
    }
    if (next.length === 0) return undefined;
    current = next;
  }
  return current.length === 1 ? current[0] : current;
}

/** Every non-empty string (or number) found at any of the paths, flattened, in order, without repeats. */
export function strings(value: unknown, ...paths: string[]): string[] {
  const out: string[] = [];
  const push = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(push);
    else if (typeof v === 'string' && v !== '') out.push(v);
    else if (typeof v === 'number') out.push(String(v));
  };
  for (const p of paths) push(at(value, p));
  return [...new Set(out)];
}

/** Ids from the request, then the response, then the event's referenced resources of `refType`. */
export function ids(event: TrailEvent, where: { request?: string[]; response?: string[]; refType?: string }): string[] {
  const found = [
    ...strings(event.request, ...(where.request ?? [])),
    ...strings(event.response, ...(where.response ?? [])),
  ];
  if (found.length === 0 && where.refType) {
    for (const r of event.resources) if (r.type === where.refType) found.push(r.id);
  }
  return [...new Set(found)];
}

/** Maps request fields to Pulumi inputs: `{ InstanceName: 'instanceName' }`; absent fields are left out. */
export function pick(source: unknown, mapping: Record<string, string | ((v: unknown) => [string, unknown] | undefined)>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [from, to] of Object.entries(mapping)) {
    const v = at(source, from);
    if (v === undefined) continue;
    if (typeof to === 'string') out[to] = v;
    else {
      const r = to(v);
      if (r) out[r[0]] = r[1];
    }
  }
  return out;
}

export function setOps(values: Record<string, unknown>): PatchOp[] {
  return Object.entries(values).map(([path, value]) => ({ op: 'set', path, value }));
}

export function skip(reason: string): Outcome {
  return { skip: reason };
}

/** One effect per id, or a skip naming what was missing. */
export function forEachId(list: string[], what: string, make: (id: string) => Effect | Effect[]): Outcome {
  if (list.length === 0) return skip(`no ${what} id in the event`);
  return list.flatMap((id) => make(id));
}

export function target(type: string, id: string, region?: string): Target {
  return region === undefined ? { type, id } : { type, id, region };
}

/** `"true"`/`true` → true, `"false"`/`false` → false, else the value unchanged. */
export function bool(v: unknown): unknown {
  if (v === 'true' || v === 'True') return true;
  if (v === 'false' || v === 'False') return false;
  return v;
}

/** Numbers sent as strings (`"20"`) become numbers; other values are unchanged. */
export function num(v: unknown): unknown {
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** A JSON document sent as a string (policies) parsed, else the value unchanged. */
export function json(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
