/**
 * OSS (serviceName `Oss`, API 2019-05-17, ROA). The bucket travels in the host, so its name
 * comes from referencedResources (the normalizer falls back to the `eventSource` host).
 * ACLs travel in headers and policies/lifecycles in bodies, which ActionTrail may not log:
 * when the value is absent the attribute is touched, never guessed.
 */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, forEachId, ids, pick, target } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { asBool, create, del, entry, modify, req } from './common.js';

export const BUCKET = 'alicloud:oss/bucket:Bucket';
export const BUCKET_ACL = 'alicloud:oss/bucketAcl:BucketAcl';
export const BUCKET_POLICY = 'alicloud:oss/bucketPolicy:BucketPolicy';
const REF_BUCKET = 'ACS::OSS::Bucket';

const bucketIds = (e: TrailEvent): string[] => ids(e, { refType: REF_BUCKET });

/** First value found under any of the keys (headers may be logged in either case). */
function first(request: unknown, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = at(request, k);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

const aclOf = (r: unknown): unknown => first(r, 'x-oss-acl', 'X-Oss-Acl', 'Acl', 'acl');

function putBucket(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = pick(r, {
    'x-oss-resource-group-id': 'resourceGroupId',
    'CreateBucketConfiguration.StorageClass': 'storageClass',
    'CreateBucketConfiguration.DataRedundancyType': 'redundancyType',
    StorageClass: 'storageClass',
    DataRedundancyType: 'redundancyType',
  });
  // The documented PutBucket record has no parameters at all: the bucket's settings are not shown.
  const unknown = Object.keys(r).length === 0 ? ['storageClass', 'redundancyType'] : [];
  const acl = aclOf(r);
  return forEachId(bucketIds(e), 'bucket', (id) => [
    create(target(BUCKET, id), { bucket: id, ...inputs }, unknown),
    // A new bucket always has an ACL: the header's, else OSS's default, private. A record
    // without any parameters does not say whether the header was sent.
    unknown.length > 0 && acl === undefined
      ? create(target(BUCKET_ACL, id), { bucket: id }, ['acl'])
      : create(target(BUCKET_ACL, id), { bucket: id, acl: acl ?? 'private' }),
  ]);
}

function putBucketAcl(e: TrailEvent): Outcome {
  const acl = aclOf(req(e));
  return forEachId(bucketIds(e), 'bucket', (id) => modify(target(BUCKET_ACL, id), acl === undefined ? { bucket: id } : { bucket: id, acl }, acl === undefined ? ['acl'] : []));
}

function putBucketPolicy(e: TrailEvent): Outcome {
  const raw = first(req(e), 'Policy', 'policy');
  // The provider holds the policy as JSON text.
  const policy = isPlainObject(raw) || Array.isArray(raw) ? JSON.stringify(raw) : raw;
  return forEachId(bucketIds(e), 'bucket', (id) =>
    modify(target(BUCKET_POLICY, id), policy === undefined ? { bucket: id } : { bucket: id, policy }, policy === undefined ? ['policy'] : []),
  );
}

/** The lifecycle body (XML rules) has no faithful mapping onto the provider's nested rule shape: always touched. */
function putBucketLifecycle(e: TrailEvent): Outcome {
  const flags = pick(req(e), { 'x-oss-allow-same-action-overlap': asBool('lifecycleRuleAllowSameActionOverlap') });
  return forEachId(bucketIds(e), 'bucket', (id) => modify(target(BUCKET, id), flags, ['lifecycleRules']));
}

const oss = (spec: Parameters<typeof entry>[1]) => entry('oss', spec);

export const ossCatalog: ServiceCatalog = {
  entries: [
    oss({ names: ['PutBucket'], types: [BUCKET, BUCKET_ACL], action: 'create', summary: 'create a bucket and its bucketAcl (the x-oss-acl header, else private)', apply: putBucket }),
    oss({ names: ['DeleteBucket'], types: [BUCKET], action: 'delete', summary: 'delete a bucket', apply: (e) => forEachId(bucketIds(e), 'bucket', (id) => del(target(BUCKET, id))) }),
    oss({ names: ['PutBucketAcl'], types: [BUCKET_ACL], action: 'update', summary: 'bucket ACL (touched when the header is not logged)', apply: putBucketAcl }),
    oss({ names: ['PutBucketPolicy'], types: [BUCKET_POLICY], action: 'update', summary: 'bucket policy (touched when the body is not logged)', apply: putBucketPolicy }),
    oss({ names: ['DeleteBucketPolicy'], types: [BUCKET_POLICY], action: 'delete', summary: 'remove the bucket policy', apply: (e) => forEachId(bucketIds(e), 'bucket', (id) => del(target(BUCKET_POLICY, id))) }),
    oss({ names: ['PutBucketLifecycle'], types: [BUCKET], action: 'update', summary: 'lifecycle rules (touched)', apply: putBucketLifecycle }),
    oss({
      names: ['DeleteBucketLifecycle'],
      types: [BUCKET],
      action: 'update',
      summary: 'clear lifecycle rules',
      apply: (e) => forEachId(bucketIds(e), 'bucket', (id) => ({ kind: 'update', target: target(BUCKET, id), ops: [{ op: 'unset', path: 'lifecycleRules' }] })),
    }),
  ],
  references: [
    { from: BUCKET_ACL, input: 'bucket', to: BUCKET, cascade: true },
    { from: BUCKET_POLICY, input: 'bucket', to: BUCKET, cascade: true },
  ],
  dataHolding: [BUCKET],
};
