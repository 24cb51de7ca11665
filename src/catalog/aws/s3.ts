/**
 * S3 buckets and their configuration. Each bucket sub-configuration is its own Pulumi type
 * (BucketPolicy, BucketAcl, …), keyed by the bucket name as Pulumi imports them. S3 request
 * bodies are XML turned into JSON by CloudTrail (`PascalCase`, `xmlns`, one-element lists
 * as objects).
 */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { camelize, compact, create, entriesOf, flag, list, nonState, number, policyText, records, remove, sets, tagMap, text, update } from './shared.js';

const BUCKET = 'aws:s3/bucket:Bucket';
const POLICY = 'aws:s3/bucketPolicy:BucketPolicy';
const ACL = 'aws:s3/bucketAcl:BucketAcl';
const PUBLIC_ACCESS_BLOCK = 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock';
const VERSIONING = 'aws:s3/bucketVersioning:BucketVersioning';
const ENCRYPTION = 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration';
const LIFECYCLE = 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration';
const LOGGING = 'aws:s3/bucketLogging:BucketLogging';
const REPLICATION = 'aws:s3/bucketReplicationConfig:BucketReplicationConfig';

const entry = entriesOf('s3');

/** The bucket: `bucketName` in the request, else the event's AWS::S3::Bucket resource. */
function bucketOf(event: TrailEvent): string | undefined {
  const named = text(event.request, 'bucketName');
  if (named) return named;
  const ref = event.resources.find((r) => r.type === 'AWS::S3::Bucket');
  return ref?.id.replace(/^arn:aws[a-z-]*:s3:::/, '');
}

/** Request headers come as a string or, in some deliveries, a one-element list. */
function header(event: TrailEvent, name: string): string | undefined {
  const v = at(event.request, name);
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

function onBucket(make: (bucket: string, event: TrailEvent) => Outcome) {
  return (event: TrailEvent): Outcome => {
    const bucket = bucketOf(event);
    return bucket ? make(bucket, event) : skip('no bucket name in the event');
  };
}

/** `<AccessControlPolicy>` → Pulumi's `accessControlPolicy` (grants, owner). */
function accessControlPolicy(v: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(v)) return undefined;
  const grantee = (g: unknown) =>
    isPlainObject(g)
      ? compact({ type: g['xsi:type'], id: g.ID, uri: g.URI, emailAddress: g.EmailAddress, displayName: g.DisplayName })
      : undefined;
  const grants = records(at(v, 'AccessControlList.Grant')).map((g) => compact({ grantee: grantee(g.Grantee), permission: g.Permission }));
  const owner = isPlainObject(v.Owner) ? compact({ id: v.Owner.ID, displayName: v.Owner.DisplayName }) : undefined;
  return compact({ grants, owner });
}

function putAcl(bucket: string, event: TrailEvent): Outcome {
  const canned = header(event, 'x-amz-acl');
  const policy = accessControlPolicy(at(event.request, 'AccessControlPolicy'));
  if (canned) return [create(ACL, bucket, { bucket, acl: canned })];
  if (policy) return [create(ACL, bucket, { bucket, accessControlPolicy: policy })];
  // Grants sent as x-amz-grant-* headers are not in the event.
  return [create(ACL, bucket, { bucket }, { unknown: ['accessControlPolicy'] })];
}

function encryptionRules(v: unknown): unknown[] {
  return records(at(v, 'Rule')).map((r) => {
    const d = isPlainObject(r.ApplyServerSideEncryptionByDefault) ? r.ApplyServerSideEncryptionByDefault : undefined;
    return compact({
      applyServerSideEncryptionByDefault: d ? compact({ sseAlgorithm: d.SSEAlgorithm, kmsMasterKeyId: d.KMSMasterKeyID }) : undefined,
      bucketKeyEnabled: flag(r.BucketKeyEnabled),
    });
  });
}

/** Lifecycle rules in Pulumi's shape: transitions are lists, `And` tags a map, counts numbers. */
function lifecycleRules(v: unknown): unknown[] {
  const rules = camelize(list(at(v, 'Rule')), { Transition: 'transitions', NoncurrentVersionTransition: 'noncurrentVersionTransitions' });
  return list(rules).map((rule) => {
    if (!isPlainObject(rule)) return rule;
    const filter = isPlainObject(rule.filter) ? { ...rule.filter } : undefined;
    if (filter && isPlainObject(filter.and)) {
      const { tag, ...rest } = filter.and;
      filter.and = compact({ ...rest, tags: tag === undefined ? undefined : tagMap(list(tag)) });
    }
    return compact({ ...numbersIn(rule), filter });
  });
}

const COUNT_KEYS = new Set(['days', 'noncurrentDays', 'newerNoncurrentVersions', 'daysAfterInitiation', 'objectSizeGreaterThan', 'objectSizeLessThan', 'priority']);

/** CloudTrail may render counts as strings; Pulumi wants numbers. */
function numbersIn(v: unknown): Record<string, unknown> {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (!isPlainObject(x)) return x;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(x)) out[k] = COUNT_KEYS.has(k) ? (number(val) ?? val) : walk(val);
    return out;
  };
  return walk(v) as Record<string, unknown>;
}

function putReplication(bucket: string, event: TrailEvent): Outcome {
  const config = at(event.request, 'ReplicationConfiguration');
  if (!isPlainObject(config)) return [create(REPLICATION, bucket, { bucket }, { unknown: ['role', 'rules'] })];
  const converted = numbersIn(camelize(config, { Rule: 'rules' }));
  return [create(REPLICATION, bucket, { bucket, role: converted.role, rules: converted.rules })];
}

export const s3: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateBucket'],
      types: [BUCKET],
      action: 'create',
      summary: 'creates a bucket',
      apply: onBucket((bucket, e) => {
        const lock = header(e, 'x-amz-bucket-object-lock-enabled');
        return [create(BUCKET, bucket, { bucket, objectLockEnabled: lock === undefined ? undefined : flag(lock) })];
      }),
    }),
    entry({
      names: ['DeleteBucket'],
      types: [BUCKET],
      action: 'delete',
      summary: 'deletes a bucket (S3 requires it empty)',
      apply: onBucket((bucket) => [remove(BUCKET, bucket)]),
    }),
    entry({
      names: ['PutBucketPolicy'],
      types: [POLICY],
      action: 'create',
      summary: 'sets the bucket policy',
      apply: onBucket((bucket, e) => {
        const policy = policyText(at(e.request, 'bucketPolicy'));
        return [create(POLICY, bucket, { bucket, policy }, { unknown: policy === undefined ? ['policy'] : [] })];
      }),
    }),
    entry({
      names: ['DeleteBucketPolicy'],
      types: [POLICY],
      action: 'delete',
      summary: 'removes the bucket policy',
      apply: onBucket((bucket) => [remove(POLICY, bucket)]),
    }),
    entry({
      names: ['PutBucketAcl'],
      types: [ACL],
      action: 'create',
      summary: 'sets the bucket ACL (canned ACL or grants)',
      apply: onBucket(putAcl),
    }),
    entry({
      names: ['PutBucketPublicAccessBlock'],
      types: [PUBLIC_ACCESS_BLOCK],
      action: 'create',
      summary: 'sets the bucket public access block',
      apply: onBucket((bucket, e) => {
        const c = at(e.request, 'PublicAccessBlockConfiguration');
        return [
          create(PUBLIC_ACCESS_BLOCK, bucket, {
            bucket,
            blockPublicAcls: flag(at(c, 'BlockPublicAcls')),
            blockPublicPolicy: flag(at(c, 'BlockPublicPolicy')),
            ignorePublicAcls: flag(at(c, 'IgnorePublicAcls')),
            restrictPublicBuckets: flag(at(c, 'RestrictPublicBuckets')),
          }),
        ];
      }),
    }),
    entry({
      // The API is DeletePublicAccessBlock; CloudTrail records DeleteBucketPublicAccessBlock.
      names: ['DeleteBucketPublicAccessBlock', 'DeletePublicAccessBlock'],
      types: [PUBLIC_ACCESS_BLOCK],
      action: 'delete',
      summary: 'removes the bucket public access block',
      apply: onBucket((bucket) => [remove(PUBLIC_ACCESS_BLOCK, bucket)]),
    }),
    entry({
      names: ['PutBucketVersioning'],
      types: [VERSIONING],
      action: 'create',
      summary: 'enables or suspends versioning (and MFA delete)',
      apply: onBucket((bucket, e) => {
        const c = at(e.request, 'VersioningConfiguration');
        if (!isPlainObject(c)) return [create(VERSIONING, bucket, { bucket }, { unknown: ['versioningConfiguration'] })];
        return [create(VERSIONING, bucket, { bucket, versioningConfiguration: compact({ status: text(c, 'Status'), mfaDelete: text(c, 'MfaDelete') }) })];
      }),
    }),
    entry({
      names: ['PutBucketEncryption'],
      types: [ENCRYPTION],
      action: 'create',
      summary: 'sets default encryption',
      apply: onBucket((bucket, e) => {
        const c = at(e.request, 'ServerSideEncryptionConfiguration');
        if (!isPlainObject(c)) return [create(ENCRYPTION, bucket, { bucket }, { unknown: ['rules'] })];
        return [create(ENCRYPTION, bucket, { bucket, rules: encryptionRules(c) })];
      }),
    }),
    entry({
      names: ['DeleteBucketEncryption'],
      types: [ENCRYPTION],
      action: 'delete',
      summary: 'removes the default encryption configuration',
      apply: onBucket((bucket) => [remove(ENCRYPTION, bucket)]),
    }),
    entry({
      names: ['PutBucketLifecycle', 'PutBucketLifecycleConfiguration'],
      types: [LIFECYCLE],
      action: 'create',
      summary: 'sets lifecycle rules (expiration, transitions)',
      apply: onBucket((bucket, e) => {
        const c = at(e.request, 'LifecycleConfiguration');
        if (!isPlainObject(c)) return [create(LIFECYCLE, bucket, { bucket }, { unknown: ['rules'] })];
        return [create(LIFECYCLE, bucket, { bucket, rules: lifecycleRules(c) })];
      }),
    }),
    entry({
      names: ['DeleteBucketLifecycle'],
      types: [LIFECYCLE],
      action: 'delete',
      summary: 'removes lifecycle rules',
      apply: onBucket((bucket) => [remove(LIFECYCLE, bucket)]),
    }),
    entry({
      names: ['PutBucketLogging'],
      types: [LOGGING],
      action: 'mixed',
      summary: 'turns server access logging on (target bucket) or off (empty status)',
      apply: onBucket((bucket, e) => {
        const status = at(e.request, 'BucketLoggingStatus');
        const enabled = at(status, 'LoggingEnabled');
        if (isPlainObject(enabled)) {
          return [create(LOGGING, bucket, { bucket, targetBucket: text(enabled, 'TargetBucket'), targetPrefix: at(enabled, 'TargetPrefix') })];
        }
        return isPlainObject(status) ? [remove(LOGGING, bucket)] : skip('no BucketLoggingStatus in the event');
      }),
    }),
    entry({
      names: ['PutBucketReplication'],
      types: [REPLICATION],
      action: 'create',
      summary: 'sets replication rules',
      apply: onBucket(putReplication),
    }),
    entry({
      names: ['DeleteBucketReplication'],
      types: [REPLICATION],
      action: 'delete',
      summary: 'removes replication',
      apply: onBucket((bucket) => [remove(REPLICATION, bucket)]),
    }),
    entry({
      names: ['PutBucketTagging'],
      types: [BUCKET],
      action: 'update',
      summary: 'replaces the bucket tags',
      apply: onBucket((bucket, e) => {
        const tags = tagMap(at(e.request, 'Tagging'));
        return tags ? [update(BUCKET, bucket, sets({ tags }))] : skip('no tag set in the event');
      }),
    }),
    entry({
      names: ['DeleteBucketTagging'],
      types: [BUCKET],
      action: 'update',
      summary: 'removes all bucket tags',
      apply: onBucket((bucket) => [update(BUCKET, bucket, [{ op: 'unset', path: 'tags' }])]),
    }),
  ],
  nonState: [
    nonState(
      's3',
      ['PutObject', 'CopyObject', 'DeleteObject', 'DeleteObjects'],
      'object data events: contents of a bucket, not infrastructure (a bucket delete still counts as data loss)',
    ),
    nonState(
      's3',
      ['CreateServiceLinkedRole', 'SetQueueAttributes'],
      'IAM/SQS actions filed under eventSource s3 (seen only in hand-made detection fixtures); real ones come from iam/sqs',
    ),
  ],
  references: [POLICY, ACL, PUBLIC_ACCESS_BLOCK, VERSIONING, ENCRYPTION, LIFECYCLE, LOGGING, REPLICATION].map((from) => ({
    from,
    input: 'bucket',
    to: BUCKET,
  })),
  dataHolding: [BUCKET],
};
