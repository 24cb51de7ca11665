import type { Plan, Step } from '../plan/model.js';
import { isPlainObject } from '../util/json.js';
import { containsRedacted, REDACTED } from '../util/redact.js';

/**
 * What a reviewer types for an unknown input: JSON, or a bare string. Checked against the
 * input's type (from the provider SDK when it is installed, else from the values the plan
 * shows for that input) so `apply` does not find out at the cloud.
 */

/** Coarse JSON shape of an input; `array` may say what its items are. */
export type ValueKind =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'object' }
  | { kind: 'array'; items?: ValueKind };

/** Where the expected kind came from, for the prompt (`string, from the Pulumi SDK`). */
export interface Expected {
  type: ValueKind;
  source: string;
}

export function describeKind(k: ValueKind): string {
  return k.kind === 'array' ? (k.items ? `list of ${describeKind(k.items)}` : 'list') : k.kind;
}

export function kindOf(value: unknown): ValueKind | undefined {
  if (typeof value === 'string') return { kind: 'string' };
  if (typeof value === 'number') return { kind: 'number' };
  if (typeof value === 'boolean') return { kind: 'boolean' };
  if (isPlainObject(value)) return { kind: 'object' };
  if (Array.isArray(value)) {
    const items = value.length > 0 ? kindOf(value[0]) : undefined;
    return items ? { kind: 'array', items } : { kind: 'array' };
  }
  return undefined;
}

/**
 * The kind the plan itself shows for an input: the step's current value, else the same input
 * of another resource of the same type in the plan.
 */
export function kindFromPlan(plan: Plan, step: Step, path: string): Expected | undefined {
  const own = kindOf(step.before?.[path]);
  if (own) return { type: own, source: 'the current value' };
  for (const s of plan.steps) {
    if (s.resource.type !== step.resource.type) continue;
    for (const inputs of [s.before, s.after]) {
      const k = kindOf(inputs?.[path]);
      if (k) return { type: k, source: `${path} of ${s.resource.id}` };
    }
  }
  return undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** Checks a value against a kind; may convert (a number typed for a string input becomes its text). */
function conform(value: unknown, raw: string, k: ValueKind): Parsed {
  const bad = (): Parsed => ({ ok: false, message: `expected ${describeKind(k)}, got ${JSON.stringify(value)}` });
  switch (k.kind) {
    case 'string':
      // `80` or `true` typed for a string input mean the text: the JSON reading is not what was meant.
      if (typeof value === 'string') return { ok: true, value };
      if (typeof value === 'number' || typeof value === 'boolean') return { ok: true, value: raw };
      return bad();
    case 'number':
      return typeof value === 'number' ? { ok: true, value } : bad();
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : bad();
    case 'object':
      return isPlainObject(value) ? { ok: true, value } : bad();
    case 'array': {
      if (!Array.isArray(value)) return bad();
      if (!k.items) return { ok: true, value };
      const out: unknown[] = [];
      for (const [i, item] of value.entries()) {
        const r = conform(item, typeof item === 'string' ? item : JSON.stringify(item), k.items);
        if (!r.ok) return { ok: false, message: `item ${i + 1}: ${r.message}` };
        out.push(r.value);
      }
      return { ok: true, value: out };
    }
  }
}

/**
 * Reads an answer: JSON when it parses, else the text as a string. Refuses empty answers,
 * null, and the redaction marker (it stands for a secret nobody has seen, not a value).
 */
export function parseValue(answer: string, expected?: ValueKind): Parsed {
  const raw = answer.trim();
  if (raw === '') return { ok: false, message: 'a value is required' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  if (value === null) return { ok: false, message: 'null is not a value: type the value the input had' };
  if (value === '') return { ok: false, message: 'a value is required (not an empty string)' };
  if (containsRedacted(value)) return { ok: false, message: `${REDACTED} marks a secret the trail hid, it is not a value: type the real value` };
  return expected ? conform(value, raw, expected) : { ok: true, value };
}
