import { z } from 'zod';

/** The two clouds whose audit trails trailback reads. */
export const Provider = z.enum(['aws', 'alicloud']);
export type Provider = z.infer<typeof Provider>;

export const Actor = z.object({
  /** IAMUser, AssumedRole, Root, AWSService / ram-user, assumed-role, root-account, system … */
  type: z.string(),
  /** Stable identity: an ARN (AWS) or a principal id (Alibaba Cloud). */
  principal: z.string(),
  userName: z.string().optional(),
  accessKeyId: z.string().optional(),
  sourceIp: z.string().optional(),
  userAgent: z.string().optional(),
});
export type Actor = z.infer<typeof Actor>;

export const ResourceRef = z.object({ type: z.string(), id: z.string() });
export type ResourceRef = z.infer<typeof ResourceRef>;

export const Origin = z.object({
  file: z.string(),
  /** Position of the record in the file, 0-based, in reading order. */
  index: z.number().int().nonnegative(),
});
export type Origin = z.infer<typeof Origin>;

/**
 * One audit-trail record, provider-neutral. Field names are the same for CloudTrail and
 * ActionTrail; what each came from is documented in trail/cloudtrail.ts and trail/actiontrail.ts.
 */
export const TrailEvent = z.object({
  id: z.string(),
  /** ISO 8601, UTC. */
  time: z.string(),
  /** Milliseconds since the epoch, for ordering and filtering. */
  epochMs: z.number(),
  provider: Provider,
  /** Lower-case service: ec2, iam, s3 / ecs, ram, oss … */
  service: z.string(),
  name: z.string(),
  region: z.string(),
  account: z.string(),
  /** AwsApiCall, AwsServiceEvent, ApiCall, ConsoleOperation, AliyunServiceEvent … */
  eventType: z.string().optional(),
  readOnly: z.boolean(),
  error: z.object({ code: z.string(), message: z.string().optional() }).optional(),
  actor: Actor,
  request: z.unknown(),
  response: z.unknown().optional(),
  resources: z.array(ResourceRef),
  origin: Origin,
  /** The record as read, only with --keep-raw (secrets still redacted). */
  raw: z.unknown().optional(),
});
export type TrailEvent = z.infer<typeof TrailEvent>;

export function succeeded(event: TrailEvent): boolean {
  return event.error === undefined;
}
