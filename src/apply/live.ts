/**
 * The live check: what Pulumi read of each resource against the plan's `before`. A difference
 * means someone changed the resource after the plan was made, so the plan no longer says what
 * will happen. Only attributes the plan knows are compared; values are shown redacted.
 */
import type { Step } from '../plan/model.js';
import { redactSecrets, REDACTED } from '../util/redact.js';
import type { ResourceOutcome } from './events.js';
import type { LiveRead } from './spec.js';

/** How Pulumi shows a secret in engine events. */
export const SECRET_PLACEHOLDER = '[secret]';
const SECRET_SIG = '4dabf18193072939515e22adb298388d';

export interface Difference {
  attribute: string;
  planned: string;
  live: string;
}

export type LiveStatus = 'same' | 'changed' | 'missing' | 'unreadable';

export interface LiveCheck {
  step: Step;
  status: LiveStatus;
  differences: Difference[];
  /** Why it could not be read. */
  message?: string;
}

function isSecret(v: unknown): boolean {
  return v === SECRET_PLACEHOLDER || (v !== null && typeof v === 'object' && SECRET_SIG in v);
}

/** Live inputs as Pulumi read them; secrets it would not show are set aside (their value is not known here). */
export function liveRead(outcome: ResourceOutcome): LiveRead | undefined {
  const source = outcome.inputs && Object.keys(outcome.inputs).length > 0 ? outcome.inputs : undefined;
  if (!source) return undefined;
  const inputs: Record<string, unknown> = {};
  const secretKeys: string[] = [];
  for (const [k, v] of Object.entries(source)) {
    if (k.startsWith('__')) continue; // engine bookkeeping such as __defaults
    if (isSecret(v)) secretKeys.push(k);
    else inputs[k] = v;
  }
  return { inputs, secretKeys };
}

/**
 * Equal for the purpose of the check: providers read numbers and booleans back as strings,
 * leave empty values out, return lists of ids in any order and reformat JSON documents.
 */
export function normalize(v: unknown): unknown {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') {
    if (/^\s*[[{]/.test(v)) {
      try {
        return normalize(JSON.parse(v));
      } catch {
        return v;
      }
    }
    return v;
  }
  if (Array.isArray(v)) {
    const items = v.map(normalize).filter((x) => x !== undefined);
    if (items.length === 0) return undefined;
    return items.every((x) => typeof x === 'string') ? [...(items as string[])].sort() : items;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v)
      .map(([k, x]) => [k, normalize(x)] as const)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return v;
}

/** A value for a message: secrets redacted, long values cut. */
export function show(key: string, value: unknown): string {
  if (value === undefined) return '(absent)';
  if (isSecret(value)) return SECRET_PLACEHOLDER;
  const redacted = (redactSecrets({ [key]: value }) as Record<string, unknown>)[key];
  const text = typeof redacted === 'string' ? JSON.stringify(redacted) : JSON.stringify(redacted);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function liveDifferences(before: Record<string, unknown>, live: LiveRead): Difference[] {
  const out: Difference[] = [];
  for (const [k, planned] of Object.entries(before)) {
    // A value the plan does not know (redacted) or Pulumi does not show cannot be compared.
    if (planned === REDACTED || live.secretKeys.includes(k)) continue;
    const current = live.inputs[k];
    if (JSON.stringify(normalize(planned)) !== JSON.stringify(normalize(current))) {
      out.push({ attribute: k, planned: show(k, planned), live: show(k, current) });
    }
  }
  return out;
}

const NOT_FOUND = /does not exist|not ?found|no longer exists|InvalidInstanceID\.NotFound|NoSuchEntity|\bNotFound\b/i;

export function checkLive(step: Step, outcome: ResourceOutcome | undefined): LiveCheck {
  const read = outcome ? liveRead(outcome) : undefined;
  if (!read) {
    const message = outcome?.errors.join('; ') || 'Pulumi did not read it';
    return { step, status: NOT_FOUND.test(message) ? 'missing' : 'unreadable', differences: [], message };
  }
  const differences = liveDifferences(step.before ?? {}, read);
  return { step, status: differences.length > 0 ? 'changed' : 'same', differences };
}

/** The report of a failed check: per resource, per attribute. */
export function renderLiveChecks(checks: readonly LiveCheck[], label: (s: Step) => string): string[] {
  const lines: string[] = [];
  for (const c of checks) {
    if (c.status === 'same') continue;
    if (c.status === 'missing') lines.push(`  ${label(c.step)}: no longer exists (${c.message})`);
    else if (c.status === 'unreadable') lines.push(`  ${label(c.step)}: could not be read (${c.message})`);
    else {
      lines.push(`  ${label(c.step)}: changed after the plan was made`);
      for (const d of c.differences) lines.push(`      ${d.attribute}: plan says ${d.planned}, live is ${d.live}`);
    }
  }
  return lines;
}
