/** Secrets Manager secrets and SSM parameters: values never appear. */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { CCC, INVICTUS, invictus, session } from './datasets.js';

const SECRET = 'aws:secretsmanager/secret:Secret';
const SECRET_POLICY = 'aws:secretsmanager/secretPolicy:SecretPolicy';
const PARAMETER = 'aws:ssm/parameter:Parameter';
const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbC123';

export const secretsCases: Case[] = [
  {
    title: 'CreateSecret keyed by the ARN of the response',
    source: ds(CCC, session('a7845cfbc0019b2952427d23e13029a44689be65c2b0d5d0bb1c2e95a8bca1f6'), 26, 'secretsmanager', 'CreateSecret'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:secretsmanager/secret:Secret',
          id: 'arn:aws:secretsmanager:us-east-1:200802171337:secret:myNewSecretName-UlD74b',
        },
        inputs: { name: 'myNewSecretName', description: 'myOptionalDescription', forceOverwriteReplicaSecret: false },
      },
    ],
  },
  {
    title: 'DeleteSecret: the ARN comes from the response',
    source: ds(CCC, session('a7845cfbc0019b2952427d23e13029a44689be65c2b0d5d0bb1c2e95a8bca1f6'), 66, 'secretsmanager', 'DeleteSecret'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:secretsmanager/secret:Secret',
          id: 'arn:aws:secretsmanager:us-east-1:200802171337:secret:myNewSecretName-UlD74b',
        },
      },
    ],
  },
  {
    title: 'RestoreSecret',
    source: ds(CCC, session('a7845cfbc0019b2952427d23e13029a44689be65c2b0d5d0bb1c2e95a8bca1f6'), 67, 'secretsmanager', 'RestoreSecret'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:secretsmanager/secret:Secret',
          id: 'arn:aws:secretsmanager:us-east-1:200802171337:secret:myNewSecretName-UlD74b',
        },
        inputs: { name: 'myNewSecretName' },
        unknown: ['description', 'kmsKeyId', 'tags'],
      },
    ],
  },
  {
    title: 'PutParameter SecureString: value unknown, never taken',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 219, 'ssm', 'PutParameter'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ssm/parameter:Parameter', id: '/credentials/stratus-red-team/credentials-34' },
        inputs: {
          name: '/credentials/stratus-red-team/credentials-34',
          type: 'SecureString',
          tier: 'Standard',
          tags: { StratusRedTeam: 'true' },
        },
        unknown: ['value'],
      },
    ],
  },
  {
    title: 'DeleteParameter',
    source: ds(INVICTUS, invictus('20230710T1210Z_QY5iPRtGUt0EpVaH'), 61, 'ssm', 'DeleteParameter'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ssm/parameter:Parameter', id: '/credentials/stratus-red-team/credentials-22' },
      },
    ],
  },
  {
    title: 'UpdateSecret changes the description (the new value, if any, is not kept)',
    source: ev('secretsmanager', 'UpdateSecret', { secretId: 'prod/db', description: 'rotated by hand' }, { arn: SECRET_ARN, name: 'prod/db' }),
    expect: [{ kind: 'update', target: { type: SECRET, id: SECRET_ARN }, ops: [{ op: 'set', path: 'description', value: 'rotated by hand' }] }],
  },
  {
    title: 'PutResourcePolicy: the policy object becomes a string',
    source: ev(
      'secretsmanager',
      'PutResourcePolicy',
      {
        secretId: SECRET_ARN,
        resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] },
        blockPublicPolicy: true,
      },
      { aRN: SECRET_ARN, name: 'prod/db' },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: SECRET_POLICY, id: SECRET_ARN },
        inputs: {
          secretArn: SECRET_ARN,
          policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}',
          blockPublicPolicy: true,
        },
      },
    ],
  },
  {
    title: 'DeleteResourcePolicy',
    source: ev('secretsmanager', 'DeleteResourcePolicy', { secretId: SECRET_ARN }, { aRN: SECRET_ARN, name: 'prod/db' }),
    expect: [{ kind: 'delete', target: { type: SECRET_POLICY, id: SECRET_ARN } }],
  },
  {
    title: 'TagResource touches the tags',
    source: ev('secretsmanager', 'TagResource', { secretId: SECRET_ARN, tags: [{ key: 'team', value: 'ops' }] }),
    expect: [{ kind: 'touch', target: { type: SECRET, id: SECRET_ARN }, paths: ['tags'] }],
  },
  {
    title: 'PutParameter with overwrite changes an existing parameter; its hidden value is touched',
    source: ev(
      'ssm',
      'PutParameter',
      { name: '/app/feature-flag', type: 'String', value: 'HIDDEN_DUE_TO_SECURITY_REASONS', overwrite: true, tier: 'Standard' },
      { version: 4, tier: 'Standard' },
    ),
    expect: [
      {
        kind: 'update',
        target: { type: PARAMETER, id: '/app/feature-flag' },
        ops: [
          { op: 'set', path: 'type', value: 'String' },
          { op: 'set', path: 'tier', value: 'Standard' },
        ],
      },
      { kind: 'touch', target: { type: PARAMETER, id: '/app/feature-flag' }, paths: ['value'] },
    ],
  },
  {
    title: 'DeleteParameters deletes each name',
    source: ev('ssm', 'DeleteParameters', { names: ['/app/a', '/app/b'] }, { deletedParameters: ['/app/a', '/app/b'], invalidParameters: [] }),
    expect: [
      { kind: 'delete', target: { type: PARAMETER, id: '/app/a' } },
      { kind: 'delete', target: { type: PARAMETER, id: '/app/b' } },
    ],
  },
];
