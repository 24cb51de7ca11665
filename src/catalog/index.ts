import type { Provider, TrailEvent } from '../events/model.js';
import { alicloudCatalog } from './alicloud/index.js';
import { awsCatalog } from './aws/index.js';
import type { CatalogEntry, NonStateEvent, Reference, ServiceCatalog } from './types.js';

export type Lookup =
  | { kind: 'entry'; entry: CatalogEntry }
  | { kind: 'non-state'; info: NonStateEvent }
  | { kind: 'unknown' };

function key(provider: Provider, service: string, name: string): string {
  return `${provider}:${service}:${name}`;
}

/** Everything trailback knows about write events, indexed for lookup by provider, service and name. */
export class Catalog {
  readonly entries: CatalogEntry[] = [];
  readonly nonState: NonStateEvent[] = [];
  readonly references: Reference[] = [];
  readonly dataHolding = new Set<string>();
  private readonly index = new Map<string, Lookup>();

  constructor(services: ServiceCatalog[]) {
    for (const s of services) {
      for (const entry of s.entries) {
        this.entries.push(entry);
        for (const name of entry.names) this.add(key(entry.provider, entry.service, name), { kind: 'entry', entry });
      }
      for (const info of s.nonState ?? []) {
        this.nonState.push(info);
        for (const name of info.names) this.add(key(info.provider, info.service, name), { kind: 'non-state', info });
      }
      this.references.push(...(s.references ?? []));
      for (const t of s.dataHolding ?? []) this.dataHolding.add(t);
    }
  }

  private add(k: string, value: Lookup): void {
    if (this.index.has(k)) throw new Error(`catalog: ${k} is declared twice`);
    this.index.set(k, value);
  }

  lookup(event: Pick<TrailEvent, 'provider' | 'service' | 'name'>): Lookup {
    return this.index.get(key(event.provider, event.service, event.name)) ?? { kind: 'unknown' };
  }
}

let defaultCatalog: Catalog | undefined;
export function builtinCatalog(): Catalog {
  defaultCatalog ??= new Catalog([...awsCatalog, ...alicloudCatalog]);
  return defaultCatalog;
}
