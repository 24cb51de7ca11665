import { z } from 'zod';
import { Provider } from '../events/model.js';

/** Who did a thing: enough to blame, undo by key/actor/IP, and show in a plan. */
export const EventRef = z.object({
  eventId: z.string(),
  time: z.string(),
  name: z.string(),
  actor: z.string(),
  principal: z.string(),
  accessKeyId: z.string().optional(),
  sourceIp: z.string().optional(),
});
export type EventRef = z.infer<typeof EventRef>;

export const ResourceState = z.object({
  provider: Provider,
  /** Pulumi type token. */
  type: z.string(),
  id: z.string(),
  /** `global` for account-wide services (IAM, RAM). */
  region: z.string(),
  account: z.string(),
  exists: z.boolean(),
  /** Pulumi inputs, as far as known. */
  inputs: z.record(z.string(), z.unknown()),
  /** Inputs that changed in ways the trail does not show. */
  unknown: z.array(z.string()),
  /** Input → the event that last set it. */
  provenance: z.record(z.string(), EventRef),
  /** True when the resource existed before the trail (or the baseline) began: inputs it never set are unknown. */
  preexisting: z.boolean(),
  createdBy: EventRef.optional(),
  deletedBy: EventRef.optional(),
  /** Every event that changed it, in replay order. */
  history: z.array(EventRef),
});
export type ResourceState = z.infer<typeof ResourceState>;

export const StateFile = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('trailback-state'),
  /** The moment the state describes (last replayed event time when not given). */
  at: z.string().optional(),
  resources: z.record(z.string(), ResourceState),
});
export type StateFile = z.infer<typeof StateFile>;

export type State = Map<string, ResourceState>;

export function resourceKey(provider: string, type: string, region: string, id: string): string {
  return `${provider}/${type}/${region}/${id}`;
}

/** Account-wide services whose resources have no region. */
export function isGlobalType(type: string): boolean {
  return /^aws:iam\//.test(type) || /^alicloud:ram\//.test(type);
}
