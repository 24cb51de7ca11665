import { createHash } from 'node:crypto';
import type { TrailEvent } from '../events/model.js';
import type { State } from '../state/model.js';
import { stableStringify } from '../util/json.js';

/**
 * Digest of a trail's write events: id, name, time and outcome of each, in trail order (the
 * reader's order is deterministic). A new, missing or changed write makes a plan stale.
 */
export function trailDigest(writes: readonly TrailEvent[]): string {
  const h = createHash('sha256');
  for (const e of writes) h.update(`${e.provider}\t${e.id}\t${e.name}\t${e.time}\t${e.error?.code ?? ''}\n`);
  return h.digest('hex');
}

/** Digest of a state: every resource's existence and inputs (not provenance: who did it does not change what is there). */
export function stateDigest(state: State): string {
  const h = createHash('sha256');
  for (const key of [...state.keys()].sort()) {
    const r = state.get(key)!;
    h.update(`${key}\t${r.exists}\t${stableStringify(r.inputs)}\t${stableStringify([...r.unknown].sort())}\n`);
  }
  return h.digest('hex');
}
