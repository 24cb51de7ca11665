/** S3 buckets and their configuration sub-resources. */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { CCC, INVICTUS, PANTHER, PANTHER_FILE, session, invictus } from './datasets.js';

const BUCKET = 'aws:s3/bucket:Bucket';
const ACL = 'aws:s3/bucketAcl:BucketAcl';
const LIFECYCLE = 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration';
const REPLICATION = 'aws:s3/bucketReplicationConfig:BucketReplicationConfig';
const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export const s3Cases: Case[] = [
  {
    title: 'CreateBucket',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 50, 's3', 'CreateBucket'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucket:Bucket', id: 'randomBucket01' },
        inputs: { bucket: 'randomBucket01' },
      },
    ],
  },
  {
    title: 'DeleteBucket',
    source: ds(CCC, session('b5ff7b31f75daacfaee79a7408f223aea9bd37c7a62eab70b5dcf01287637849'), 101, 's3', 'DeleteBucket'),
    expect: [{ kind: 'delete', target: { type: 'aws:s3/bucket:Bucket', id: 'randomBucket03' } }],
  },
  {
    title: 'PutBucketPolicy: the policy object becomes a string, the timestamped Version CloudTrail writes is put back',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 56, 's3', 'PutBucketPolicy'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketPolicy:BucketPolicy', id: 'randomBucket01' },
        inputs: {
          bucket: 'randomBucket01',
          policy: '{"Version":"2012-10-17","Statement":[{"Sid":"AWSCloudTrailAclCheck20150319","Principal":{"Service":"cloudtrail.amazonaws.com"},"Resource":"arn:aws:s3:::randomBucket01","Effect":"Allow","Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudtrail:us-east-2:200802171337:trail/myTrailName"}},"Action":"s3:GetBucketAcl"},{"Sid":"AWSCloudTrailWrite20150319","Principal":{"Service":"cloudtrail.amazonaws.com"},"Resource":"arn:aws:s3:::randomBucket01/AWSLogs/200802171337/*","Effect":"Allow","Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control","AWS:SourceArn":"arn:aws:cloudtrail:us-east-2:200802171337:trail/myTrailName"}},"Action":"s3:PutObject"}]}',
        },
      },
    ],
  },
  {
    title: 'PutBucketPolicy (bucket named in the request and in resources)',
    source: ds(INVICTUS, invictus('20230710T1205Z_UljXNp9xLp8nsAGc'), 4, 's3', 'PutBucketPolicy'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketPolicy:BucketPolicy', id: 'stratus-red-team-ctes-bucket-qyxyekjbtk' },
        inputs: {
          bucket: 'stratus-red-team-ctes-bucket-qyxyekjbtk',
          policy: '{"Version":"2012-10-17","Statement":[{"Action":"s3:GetBucketAcl","Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Resource":"arn:aws:s3:::stratus-red-team-ctes-bucket-qyxyekjbtk","Sid":"AWSCloudTrailAclCheck"},{"Action":"s3:PutObject","Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}},"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Resource":"arn:aws:s3:::stratus-red-team-ctes-bucket-qyxyekjbtk/*","Sid":"AWSCloudTrailWrite"}]}',
        },
      },
    ],
  },
  {
    title: 'DeleteBucketPolicy',
    source: ds(INVICTUS, invictus('20230710T1230Z_lHgkh3VeI3XnjZSL'), 29, 's3', 'DeleteBucketPolicy'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:s3/bucketPolicy:BucketPolicy', id: 'stratus-red-team-bdbp-lhfzvgcamn' },
      },
    ],
  },
  {
    title: 'PutBucketAcl with a canned ACL header',
    source: ds(PANTHER, PANTHER_FILE, 325, 's3', 'PutBucketAcl'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketAcl:BucketAcl', id: 'bucket' },
        inputs: { bucket: 'bucket', acl: 'private' },
      },
    ],
  },
  {
    title: 'PutBucketPublicAccessBlock',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 58, 's3', 'PutBucketPublicAccessBlock'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', id: 'randomBucket01' },
        inputs: {
          bucket: 'randomBucket01',
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
        },
      },
    ],
  },
  {
    title: 'DeleteBucketPublicAccessBlock',
    source: ds(PANTHER, PANTHER_FILE, 346, 's3', 'DeleteBucketPublicAccessBlock'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock', id: 'corporate-documents' },
      },
    ],
  },
  {
    title: 'PutBucketVersioning with MFA delete',
    source: ds(PANTHER, PANTHER_FILE, 317, 's3', 'PutBucketVersioning'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketVersioning:BucketVersioning', id: 'bucket' },
        inputs: { bucket: 'bucket', versioningConfiguration: { status: 'Enabled', mfaDelete: 'Enabled' } },
      },
    ],
  },
  {
    title: 'PutBucketEncryption',
    source: ds(CCC, session('6044720ac78d5b458dfce300ca7826a2b84f3a0657885724ea5240e71c8f43f2'), 68, 's3', 'PutBucketEncryption'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
          id: 'randomBucket06',
        },
        inputs: {
          bucket: 'randomBucket06',
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' }, bucketKeyEnabled: true }],
        },
      },
    ],
  },
  {
    title: 'DeleteBucketEncryption',
    source: ds(PANTHER, PANTHER_FILE, 334, 's3', 'DeleteBucketEncryption'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
          id: 'sensitive-data-bucket',
        },
      },
    ],
  },
  {
    title: 'PutBucketLifecycle: expire everything after a day',
    source: ds(INVICTUS, invictus('20230710T1205Z_zs3JGxETHr59VpkX'), 178, 's3', 'PutBucketLifecycle'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
          id: 'stratus-red-team-ctlr-bucket-zqfsvooxqj',
        },
        inputs: {
          bucket: 'stratus-red-team-ctlr-bucket-zqfsvooxqj',
          rules: [
            {
              status: 'Enabled',
              filter: { prefix: '*' },
              expiration: { days: 1 },
              id: 'nuke-cloudtrail-logs-after-1-day',
            },
          ],
        },
      },
    ],
  },
  {
    title: 'DeleteBucketLifecycle',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 74, 's3', 'DeleteBucketLifecycle'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
          id: 'stratus-red-team-ctlr-bucket-zqfsvooxqj',
        },
      },
    ],
  },
  {
    title: 'PutBucketLogging with an empty status turns logging off',
    source: ds(PANTHER, PANTHER_FILE, 350, 's3', 'PutBucketLogging'),
    expect: [{ kind: 'delete', target: { type: 'aws:s3/bucketLogging:BucketLogging', id: 'critical-data-bucket' } }],
  },
  {
    title: 'PutBucketLogging with a target turns it on',
    source: ds(PANTHER, PANTHER_FILE, 352, 's3', 'PutBucketLogging'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketLogging:BucketLogging', id: 'critical-data-bucket' },
        inputs: { bucket: 'critical-data-bucket', targetBucket: 'logging-bucket', targetPrefix: 'logs/' },
      },
    ],
  },
  {
    title: 'PutBucketReplication without its configuration in the event',
    source: ds(PANTHER, PANTHER_FILE, 340, 's3', 'PutBucketReplication'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:s3/bucketReplicationConfig:BucketReplicationConfig', id: 'production-backup-bucket' },
        inputs: { bucket: 'production-backup-bucket' },
        unknown: ['role', 'rules'],
      },
    ],
  },
  {
    title: 'DeleteBucketReplication',
    source: ds(PANTHER, PANTHER_FILE, 338, 's3', 'DeleteBucketReplication'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:s3/bucketReplicationConfig:BucketReplicationConfig', id: 'production-backup-bucket' },
      },
    ],
  },
  {
    title: 'PutBucketTagging replaces the tag map',
    source: ds(CCC, session('6044720ac78d5b458dfce300ca7826a2b84f3a0657885724ea5240e71c8f43f2'), 65, 's3', 'PutBucketTagging'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:s3/bucket:Bucket', id: 'randomBucket06' },
        ops: [
          {
            op: 'set',
            path: 'tags',
            value: {
              tag1namegoeshere: 'tag1valuegoeshere',
              tag2namegoeshere: '',
              tag3namegoeshere: 'tag3valuegoeshere',
            },
          },
        ],
      },
    ],
  },
  {
    title: 'CreateBucket with object lock (header rendered as a list)',
    source: ev('s3', 'CreateBucket', { bucketName: 'audit-archive', Host: 's3.us-east-1.amazonaws.com', 'x-amz-bucket-object-lock-enabled': ['true'] }),
    expect: [{ kind: 'create', target: { type: BUCKET, id: 'audit-archive' }, inputs: { bucket: 'audit-archive', objectLockEnabled: true } }],
  },
  {
    title: 'PutBucketAcl with grants: AllUsers READ becomes accessControlPolicy',
    source: ev('s3', 'PutBucketAcl', {
      bucketName: 'audit-archive',
      Host: 'audit-archive.s3.us-east-1.amazonaws.com',
      acl: '',
      AccessControlPolicy: {
        xmlns: XMLNS,
        Owner: { ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
        AccessControlList: {
          Grant: [
            {
              Grantee: {
                'xsi:type': 'CanonicalUser',
                'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
                ID: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be',
              },
              Permission: 'FULL_CONTROL',
            },
            {
              Grantee: { 'xsi:type': 'Group', 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' },
              Permission: 'READ',
            },
          ],
        },
      },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: ACL, id: 'audit-archive' },
        inputs: {
          bucket: 'audit-archive',
          accessControlPolicy: {
            grants: [
              { grantee: { type: 'CanonicalUser', id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' }, permission: 'FULL_CONTROL' },
              { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
            ],
            owner: { id: '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be' },
          },
        },
      },
    ],
  },
  {
    title: 'PutBucketLifecycleConfiguration: transitions become a list, And tags a map, counts numbers',
    source: ev('s3', 'PutBucketLifecycleConfiguration', {
      bucketName: 'audit-archive',
      lifecycle: '',
      LifecycleConfiguration: {
        xmlns: XMLNS,
        Rule: {
          ID: 'archive',
          Status: 'Enabled',
          Filter: { And: { Prefix: 'logs/', Tag: [{ Key: 'class', Value: 'audit' }] } },
          Transition: { Days: '30', StorageClass: 'GLACIER' },
          NoncurrentVersionExpiration: { NoncurrentDays: '90' },
        },
      },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: LIFECYCLE, id: 'audit-archive' },
        inputs: {
          bucket: 'audit-archive',
          rules: [
            {
              id: 'archive',
              status: 'Enabled',
              filter: { and: { prefix: 'logs/', tags: { class: 'audit' } } },
              transitions: [{ days: 30, storageClass: 'GLACIER' }],
              noncurrentVersionExpiration: { noncurrentDays: 90 },
            },
          ],
        },
      },
    ],
  },
  {
    title: 'PutBucketReplication with its configuration',
    source: ev('s3', 'PutBucketReplication', {
      bucketName: 'audit-archive',
      replication: '',
      ReplicationConfiguration: {
        xmlns: XMLNS,
        Role: 'arn:aws:iam::111122223333:role/s3-replication',
        Rule: {
          ID: 'to-dr',
          Priority: '1',
          Status: 'Enabled',
          Filter: { Prefix: '' },
          DeleteMarkerReplication: { Status: 'Disabled' },
          Destination: { Bucket: 'arn:aws:s3:::audit-archive-dr', StorageClass: 'STANDARD_IA' },
        },
      },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: REPLICATION, id: 'audit-archive' },
        inputs: {
          bucket: 'audit-archive',
          role: 'arn:aws:iam::111122223333:role/s3-replication',
          rules: [
            {
              id: 'to-dr',
              priority: 1,
              status: 'Enabled',
              filter: { prefix: '' },
              deleteMarkerReplication: { status: 'Disabled' },
              destination: { bucket: 'arn:aws:s3:::audit-archive-dr', storageClass: 'STANDARD_IA' },
            },
          ],
        },
      },
    ],
  },
  {
    title: 'DeleteBucketTagging unsets the tags',
    source: ev('s3', 'DeleteBucketTagging', { bucketName: 'audit-archive', tagging: '', Host: 'audit-archive.s3.amazonaws.com' }),
    expect: [{ kind: 'update', target: { type: BUCKET, id: 'audit-archive' }, ops: [{ op: 'unset', path: 'tags' }] }],
  },
];
