import { describe, expect, it } from 'vitest';
import { BUCKET, BUCKET_ACL, BUCKET_POLICY } from '../../../src/catalog/alicloud/oss.js';
import { DB_INSTANCE } from '../../../src/catalog/alicloud/rds.js';
import { ossEvents, rds, samples } from './events.js';
import { catalog, effectsOf, lookup } from './helpers.js';

const DB = 'rm-bp1imnmcjxdz7otzt';
const BKT = 'prod-backups';

describe('RDS', () => {
  it('CreateDBInstance: id from the response, whitelist as a list', () => {
    expect(effectsOf(rds.createDbInstance)).toEqual([
      {
        kind: 'create',
        target: { type: DB_INSTANCE, id: DB },
        inputs: {
          engine: 'MySQL',
          engineVersion: '8.0',
          instanceType: 'mysql.n2.medium.1',
          instanceStorage: 100,
          dbInstanceStorageType: 'cloud_essd',
          instanceName: 'orders',
          securityIps: ['10.0.0.0/8', '192.168.1.10'],
          instanceChargeType: 'Postpaid',
          zoneId: 'cn-hangzhou-i',
          vpcId: 'vpc-bp1opxu1zkhn00gzv26cf',
          vswitchId: 'vsw-bp1s5fnvk4gn2tws03624',
          deletionProtection: true,
        },
      },
    ]);
  });

  it('DeleteDBInstance, DestroyDBInstance and a system Release all delete', () => {
    expect(effectsOf(rds.deleteDbInstance)).toEqual([{ kind: 'delete', target: { type: DB_INSTANCE, id: DB } }]);
    expect(effectsOf(rds.destroyDbInstance)).toEqual([{ kind: 'delete', target: { type: DB_INSTANCE, id: 'rm-bp1expired000000001' } }]);
    expect(effectsOf(rds.release)).toEqual([{ kind: 'delete', target: { type: DB_INSTANCE, id: 'rm-bp1expired000000002' } }]);
  });

  it('ModifyDBInstanceSpec (Direction/EffectiveTime left out), ModifyDBInstanceDescription, deletion protection', () => {
    expect(effectsOf(rds.modifySpec)).toEqual([
      {
        kind: 'update',
        target: { type: DB_INSTANCE, id: DB },
        ops: [
          { op: 'set', path: 'instanceType', value: 'mysql.n4.large.1' },
          { op: 'set', path: 'instanceStorage', value: 200 },
        ],
      },
    ]);
    expect(effectsOf(rds.modifyDescription)).toEqual([{ kind: 'update', target: { type: DB_INSTANCE, id: DB }, ops: [{ op: 'set', path: 'instanceName', value: 'orders-old' }] }]);
    expect(effectsOf(rds.deletionProtection)).toEqual([{ kind: 'update', target: { type: DB_INSTANCE, id: DB }, ops: [{ op: 'set', path: 'deletionProtection', value: false }] }]);
  });

  it('ModifySecurityIps honours ModifyMode: Append adds, Cover (and no mode) sets, Delete removes', () => {
    const one = (op: object) => [{ kind: 'update', target: { type: DB_INSTANCE, id: DB }, ops: [op] }];
    expect(effectsOf(rds.securityIpsAppend)).toEqual(one({ op: 'add', path: 'securityIps', values: ['0.0.0.0/0', '198.51.100.23'] }));
    expect(effectsOf(rds.securityIpsCover)).toEqual(one({ op: 'set', path: 'securityIps', value: ['10.0.0.0/8'] }));
    expect(effectsOf(rds.securityIpsDefaultMode)).toEqual(one({ op: 'set', path: 'securityIps', value: ['10.1.0.0/16', '10.2.0.0/16'] }));
    expect(effectsOf(rds.securityIpsDelete)).toEqual(one({ op: 'remove', path: 'securityIps', values: ['0.0.0.0/0'] }));
  });

  it('a whitelist group other than default is not modeled and says so', () => {
    expect(effectsOf(rds.securityIpsOtherGroup)).toEqual({ skip: 'whitelist group bastion is not modeled (only the default group is rds/instance.securityIps)' });
  });

  it.skipIf(!samples.restartDb)('RestartDBInstance (published sample) is known not to change state', () => {
    expect(lookup(samples.restartDb!).kind).toBe('non-state');
  });

  it('RDS instances hold data', () => {
    expect(catalog.dataHolding.has(DB_INSTANCE)).toBe(true);
  });
});

describe('OSS', () => {
  it.skipIf(!samples.putBucket)('PutBucket (published sample, no parameters): the bucket from referencedResources, its settings unknown', () => {
    expect(effectsOf(samples.putBucket!)).toEqual([
      { kind: 'create', target: { type: BUCKET, id: 'test-123' }, inputs: { bucket: 'test-123' }, unknown: ['storageClass', 'redundancyType'] },
      // Whether an ACL header was sent is not in the record: the new bucket's ACL is unknown.
      { kind: 'create', target: { type: BUCKET_ACL, id: 'test-123' }, inputs: { bucket: 'test-123' }, unknown: ['acl'] },
    ]);
  });

  it('PutBucket with the ACL header and a body: bucket plus its bucketAcl', () => {
    expect(effectsOf(ossEvents.putBucketWithHeaders)).toEqual([
      { kind: 'create', target: { type: BUCKET, id: BKT }, inputs: { bucket: BKT, storageClass: 'IA' } },
      { kind: 'create', target: { type: BUCKET_ACL, id: BKT }, inputs: { bucket: BKT, acl: 'private' } },
    ]);
  });

  it('DeleteBucket', () => {
    expect(effectsOf(ossEvents.deleteBucket)).toEqual([{ kind: 'delete', target: { type: BUCKET, id: BKT } }]);
  });

  it('PutBucketAcl sets the ACL when logged, touches it when not', () => {
    expect(effectsOf(ossEvents.putBucketAcl)).toEqual([
      {
        kind: 'update',
        target: { type: BUCKET_ACL, id: BKT },
        ops: [
          { op: 'set', path: 'bucket', value: BKT },
          { op: 'set', path: 'acl', value: 'public-read' },
        ],
      },
    ]);
    expect(effectsOf(ossEvents.putBucketAclHidden)).toEqual([
      { kind: 'update', target: { type: BUCKET_ACL, id: BKT }, ops: [{ op: 'set', path: 'bucket', value: BKT }] },
      { kind: 'touch', target: { type: BUCKET_ACL, id: BKT }, paths: ['acl'] },
    ]);
  });

  it('PutBucketPolicy sets or touches the policy; DeleteBucketPolicy deletes it', () => {
    const policy = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Principal":["*"],"Resource":["acs:oss:*:1234567890123456:prod-backups/*"]}]}';
    expect(effectsOf(ossEvents.putBucketPolicy)).toEqual([
      {
        kind: 'update',
        target: { type: BUCKET_POLICY, id: BKT },
        ops: [
          { op: 'set', path: 'bucket', value: BKT },
          { op: 'set', path: 'policy', value: policy },
        ],
      },
    ]);
    expect(effectsOf(ossEvents.putBucketPolicyHidden)).toEqual([
      { kind: 'update', target: { type: BUCKET_POLICY, id: BKT }, ops: [{ op: 'set', path: 'bucket', value: BKT }] },
      { kind: 'touch', target: { type: BUCKET_POLICY, id: BKT }, paths: ['policy'] },
    ]);
    expect(effectsOf(ossEvents.deleteBucketPolicy)).toEqual([{ kind: 'delete', target: { type: BUCKET_POLICY, id: BKT } }]);
  });

  it('PutBucketLifecycle touches the rules; DeleteBucketLifecycle clears them', () => {
    expect(effectsOf(ossEvents.putBucketLifecycle)).toEqual([{ kind: 'touch', target: { type: BUCKET, id: BKT }, paths: ['lifecycleRules'] }]);
    expect(effectsOf(ossEvents.deleteBucketLifecycle)).toEqual([{ kind: 'update', target: { type: BUCKET, id: BKT }, ops: [{ op: 'unset', path: 'lifecycleRules' }] }]);
  });
});
