/** KMS keys and aliases. */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { CCC, PANTHER, PANTHER_FILE, session } from './datasets.js';

const KEY = 'aws:kms/key:Key';
const ALIAS = 'aws:kms/alias:Alias';
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;

export const kmsCases: Case[] = [
  {
    title: 'CreateKey keyed by the key id of the response',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 55, 'kms', 'CreateKey'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:kms/key:Key', id: '2f94fc0e-8fd3-42e3-9b0e-a5fd6de1d92e' },
        inputs: {
          description: 'The key created by CloudTrail to encrypt log files. Created Fri Dec 22 02:14:39 UTC 2023',
          keyUsage: 'ENCRYPT_DECRYPT',
          customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
          bypassPolicyLockoutSafetyCheck: false,
          policy: '{\n  "Version": "2012-10-17",\n  "Id": "Key policy created by CloudTrail",\n  "Statement": [\n    {\n      "Sid": "Enable IAM User Permissions",\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": ["arn:aws:iam::200802171337:root", "AROA3F7FXDQ3ZBXZAOKJY:krileva@demo.io"]\n      },\n      "Action": "kms:*",\n      "Resource": "*"\n    },\n    {\n      "Sid": "Allow CloudTrail to encrypt logs",\n      "Effect": "Allow",\n      "Principal": {"Service":"cloudtrail.amazonaws.com"},\n      "Action": "kms:GenerateDataKey*",\n      "Resource": "*",\n      "Condition": {\n        "StringLike": {\n          "kms:EncryptionContext:aws:cloudtrail:arn": [\n            "arn:aws:cloudtrail:*:200802171337:trail/*"\n          ]\n        },\n        "StringEquals": {\n          "AWS:SourceArn": "arn:aws:cloudtrail:us-east-2:200802171337:trail/myTrailName"\n        }\n      }\n    },\n    {\n      "Sid": "Allow CloudTrail to describe key",\n      "Effect": "Allow",\n      "Principal": {"Service":"cloudtrail.amazonaws.com"},\n      "Action": "kms:DescribeKey",\n      "Resource": "*"\n    },\n    {\n      "Sid": "Allow principals in the account to decrypt log files",\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": "*"\n      },\n      "Action": [\n        "kms:Decrypt",\n        "kms:ReEncryptFrom"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "kms:CallerAccount": "200802171337"\n        },\n        "StringLike": {\n          "kms:EncryptionContext:aws:cloudtrail:arn": [\n            "arn:aws:cloudtrail:*:200802171337:trail/*"\n          ]\n        }\n      }\n    },\n    {\n      "Sid": "Allow alias creation during setup",\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": "*"\n      },\n      "Action": [\n        "kms:CreateAlias"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "kms:CallerAccount": "200802171337",\n          "kms:ViaService": "ec2.us-east-2.amazonaws.com"\n        }\n      }\n    },\n    {\n      "Sid": "Enable cross account log decryption",\n      "Effect": "Allow",\n      "Principal": {\n        "AWS": "*"\n      },\n      "Action": [\n        "kms:Decrypt",\n        "kms:ReEncryptFrom"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "kms:CallerAccount": "200802171337"\n        },\n        "StringLike": {\n          "kms:EncryptionContext:aws:cloudtrail:arn": [\n            "arn:aws:cloudtrail:*:200802171337:trail/*"\n          ]\n        }\n      }\n    }\n  ]\n}\n',
        },
      },
    ],
  },
  {
    title: 'CreateAlias',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 49, 'kms', 'CreateAlias'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:kms/alias:Alias', id: 'alias/myKmsAlias' },
        inputs: { name: 'alias/myKmsAlias', targetKeyId: '2f94fc0e-8fd3-42e3-9b0e-a5fd6de1d92e' },
      },
    ],
  },
  {
    title: 'DisableKey',
    source: ds(PANTHER, PANTHER_FILE, 204, 'kms', 'DisableKey'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:kms/key:Key', id: '1' },
        ops: [{ op: 'set', path: 'isEnabled', value: false }],
      },
    ],
  },
  {
    title: 'ScheduleKeyDeletion deletes the key',
    source: ds(PANTHER, PANTHER_FILE, 205, 'kms', 'ScheduleKeyDeletion'),
    expect: [{ kind: 'delete', target: { type: 'aws:kms/key:Key', id: '1' } }],
  },
  {
    title: 'CancelKeyDeletion brings the key back disabled',
    source: ev('kms', 'CancelKeyDeletion', { keyId: KEY_ID }, { keyId: KEY_ARN }),
    expect: [{ kind: 'create', target: { type: KEY, id: KEY_ID }, inputs: { isEnabled: false }, unknown: ['description', 'policy', 'keyUsage', 'customerMasterKeySpec'] }],
  },
  {
    title: 'EnableKey (key named by ARN)',
    source: ev('kms', 'EnableKey', { keyId: KEY_ARN }),
    expect: [{ kind: 'update', target: { type: KEY, id: KEY_ID }, ops: [{ op: 'set', path: 'isEnabled', value: true }] }],
  },
  {
    title: 'EnableKeyRotation',
    source: ev('kms', 'EnableKeyRotation', { keyId: KEY_ID }),
    expect: [{ kind: 'update', target: { type: KEY, id: KEY_ID }, ops: [{ op: 'set', path: 'enableKeyRotation', value: true }] }],
  },
  {
    title: 'DisableKeyRotation',
    source: ev('kms', 'DisableKeyRotation', { keyId: KEY_ID }),
    expect: [{ kind: 'update', target: { type: KEY, id: KEY_ID }, ops: [{ op: 'set', path: 'enableKeyRotation', value: false }] }],
  },
  {
    title: 'PutKeyPolicy replaces the policy (sent as a string)',
    source: ev('kms', 'PutKeyPolicy', {
      keyId: KEY_ID,
      policyName: 'default',
      policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*"}]}',
      bypassPolicyLockoutSafetyCheck: false,
    }),
    expect: [
      {
        kind: 'update',
        target: { type: KEY, id: KEY_ID },
        ops: [{ op: 'set', path: 'policy', value: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*"}]}' }],
      },
    ],
  },
  {
    title: 'PutKeyPolicy naming only an alias cannot be placed',
    source: ev('kms', 'PutKeyPolicy', { keyId: 'alias/logs', policyName: 'default', policy: '{}' }),
    expect: { skip: 'no key id in the event (or only an alias)' },
  },
  {
    title: 'UpdateAlias',
    source: ev('kms', 'UpdateAlias', { aliasName: 'alias/logs', targetKeyId: KEY_ID }),
    expect: [{ kind: 'update', target: { type: ALIAS, id: 'alias/logs' }, ops: [{ op: 'set', path: 'targetKeyId', value: KEY_ID }] }],
  },
  {
    title: 'DeleteAlias',
    source: ev('kms', 'DeleteAlias', { aliasName: 'alias/logs' }),
    expect: [{ kind: 'delete', target: { type: ALIAS, id: 'alias/logs' } }],
  },
];
