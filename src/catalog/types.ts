import type { Provider, TrailEvent } from '../events/model.js';
import type { Effect } from '../replay/effect.js';

/** What the catalog says about one event: its effects, or why it cannot give them. */
export type Outcome = Effect[] | { skip: string };

/**
 * Knowledge of one family of write events (aliases of one action share an entry).
 * `apply` is pure: event in, effects out.
 */
export interface CatalogEntry {
  provider: Provider;
  /** Normalized service of the events (TrailEvent.service): `ec2`, `iam` / `ecs`, `ram`, `ims`. */
  service: string;
  names: string[];
  /** Pulumi type tokens this entry creates, changes or deletes. */
  types: string[];
  /** For `trailback catalog`: create, update, delete, or a mix. */
  action: 'create' | 'update' | 'delete' | 'mixed';
  /** One line a user reads in `trailback catalog`. */
  summary: string;
  apply(event: TrailEvent): Outcome;
}

/** Write events that change no resource state trailback models, with the reason. */
export interface NonStateEvent {
  provider: Provider;
  service: string;
  names: string[];
  reason: string;
}

/**
 * Which input of a type refers to which other type's id: drives cascade deletes in replay
 * (a deleted user takes its keys and attachments along) and step order in plans
 * (parents created first, children deleted first).
 */
export interface Reference {
  from: string;
  /** Input of `from` holding the id (a string, or a list of ids). */
  input: string;
  to: string;
  /**
   * The `from` resource cannot outlive the `to` resource (an access key and its user, a rule
   * and its group): replay deletes it with its parent. Leave false for mere links
   * (an instance and its security groups).
   */
  cascade?: boolean;
}

export interface ServiceCatalog {
  entries: CatalogEntry[];
  nonState?: NonStateEvent[];
  references?: Reference[];
  /** Types whose deletion loses data (disk, database, bucket): `data-loss` risk in plans. */
  dataHolding?: string[];
}
