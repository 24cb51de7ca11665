import { stableStringify } from '../util/json.js';
import type { TrailEvent } from './model.js';

/** Time, then file, then position in the file: the same order whatever order the inputs came in. */
export function compareEvents(a: TrailEvent, b: TrailEvent): number {
  if (a.epochMs !== b.epochMs) return a.epochMs - b.epochMs;
  if (a.origin.file !== b.origin.file) return a.origin.file < b.origin.file ? -1 : 1;
  return a.origin.index - b.origin.index;
}

/**
 * Sorts and drops second deliveries of the same event. Two records are the same event when
 * provider, id, name and time agree and their content is equal: real trails deliver an event
 * twice with identical content, while hand-made test fixtures reuse ids for different events.
 */
export function sortAndDedupe(events: TrailEvent[]): { events: TrailEvent[]; duplicates: number } {
  const sorted = [...events].sort(compareEvents);
  // Kept events by id; the other parts of the key are compared in the (nearly always one-long)
  // list, which is cheaper than building a key text per event.
  const seen = new Map<string, TrailEvent[]>();
  const out: TrailEvent[] = [];
  let duplicates = 0;
  for (const e of sorted) {
    const earlier = seen.get(e.id);
    if (
      earlier &&
      earlier.some((x) => x.provider === e.provider && x.name === e.name && x.epochMs === e.epochMs && sameContent(x, e))
    ) {
      duplicates++;
      continue;
    }
    if (earlier) earlier.push(e);
    else seen.set(e.id, [e]);
    out.push(e);
  }
  return { events: out, duplicates };
}

function sameContent(a: TrailEvent, b: TrailEvent): boolean {
  return contentKey(a) === contentKey(b);
}

const contentKeys = new WeakMap<TrailEvent, string>();
function contentKey(e: TrailEvent): string {
  let k = contentKeys.get(e);
  if (k === undefined) {
    const { origin: _origin, raw: _raw, ...content } = e;
    k = stableStringify(content);
    contentKeys.set(e, k);
  }
  return k;
}
