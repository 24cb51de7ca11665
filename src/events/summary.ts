import type { TrailEvent } from './model.js';

export interface Tally {
  value: string;
  events: number;
  writes: number;
  failed: number;
  first: string;
  last: string;
  /** For keys and IPs: who used them; for actors: from where. */
  related: string[];
}

export interface Summary {
  events: number;
  writes: number;
  failed: number;
  first?: string;
  last?: string;
  actors: Tally[];
  keys: Tally[];
  ips: Tally[];
  eventNames: Tally[];
  services: Tally[];
}

class Counter {
  private readonly rows = new Map<string, Tally & { rel: Map<string, number> }>();
  add(value: string | undefined, e: TrailEvent, related?: string): void {
    if (value === undefined || value === '') return;
    let row = this.rows.get(value);
    if (!row) {
      row = { value, events: 0, writes: 0, failed: 0, first: e.time, last: e.time, related: [], rel: new Map() };
      this.rows.set(value, row);
    }
    row.events++;
    if (!e.readOnly) row.writes++;
    if (e.error) row.failed++;
    row.last = e.time; // events arrive sorted by time
    if (related) row.rel.set(related, (row.rel.get(related) ?? 0) + 1);
  }
  /** Most events first, then by value, so the output is stable. */
  list(): Tally[] {
    return [...this.rows.values()]
      .map(({ rel, ...t }) => ({ ...t, related: [...rel].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r]) => r) }))
      .sort((a, b) => b.events - a.events || (a.value < b.value ? -1 : 1));
  }
}

export function actorLabel(e: TrailEvent): string {
  return e.actor.userName ?? e.actor.principal;
}

/** What an incident responder asks first: who, with which key, from where, doing what, when. `events` must be sorted. */
export function summarize(events: TrailEvent[]): Summary {
  const actors = new Counter();
  const keys = new Counter();
  const ips = new Counter();
  const names = new Counter();
  const services = new Counter();
  let writes = 0;
  let failed = 0;
  for (const e of events) {
    if (!e.readOnly) writes++;
    if (e.error) failed++;
    actors.add(actorLabel(e), e, e.actor.sourceIp);
    keys.add(e.actor.accessKeyId, e, actorLabel(e));
    ips.add(e.actor.sourceIp, e, actorLabel(e));
    names.add(`${e.service}:${e.name}`, e);
    services.add(e.service, e);
  }
  return {
    events: events.length,
    writes,
    failed,
    ...(events.length > 0 && { first: events[0]!.time, last: events[events.length - 1]!.time }),
    actors: actors.list(),
    keys: keys.list(),
    ips: ips.list(),
    eventNames: names.list(),
    services: services.list(),
  };
}
