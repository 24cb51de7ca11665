/** Lambda functions and permissions (CloudTrail names carry version suffixes). */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { INVICTUS, PANTHER, PANTHER_FILE, STRATUS, invictus, stratus } from './datasets.js';

const FUNCTION = 'aws:lambda/function:Function';
const PERMISSION = 'aws:lambda/permission:Permission';

export const lambdaCases: Case[] = [
  {
    title: 'CreateFunction20150331 with code in S3',
    source: ds(INVICTUS, invictus('20230710T1230Z_ZtUNbBkwAu98FPZb'), 43, 'lambda', 'CreateFunction20150331'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:lambda/function:Function', id: 'stratus-red-team-backdoor-f-func' },
        inputs: {
          name: 'stratus-red-team-backdoor-f-func',
          role: 'arn:aws:iam::123837392027:role/stratus-red-team-backdoor-f-lambda',
          handler: 'index.test',
          runtime: 'nodejs18.x',
          timeout: 3,
          memorySize: 128,
          s3Bucket: 'stratus-red-team-backdoor-f-bucket-ufamgrrnmw',
          s3Key: 'index.zip',
          codeSha256: '6mU00z0AtY615GKqrB2BcmV8gc8FQJReR64GOMZi2pM=',
          packageType: 'Zip',
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteFunction20150331',
    source: ds(INVICTUS, invictus('20230710T1230Z_9SJSsrxJ0ChF5VFb'), 72, 'lambda', 'DeleteFunction20150331'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:lambda/function:Function', id: 'stratus-red-team-backdoor-f-func' },
      },
    ],
  },
  {
    title: 'DeleteFunction (no version suffix)',
    source: ds(PANTHER, PANTHER_FILE, 209, 'lambda', 'DeleteFunction'),
    expect: [{ kind: 'delete', target: { type: 'aws:lambda/function:Function', id: 'basic-node-task' } }],
  },
  {
    title: 'UpdateFunctionCode20150331v2 with a zip upload: hash known, code unknown',
    source: ds(STRATUS, stratus('aws.persistence.lambda-overwrite-code'), 0, 'lambda', 'UpdateFunctionCode20150331v2'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:lambda/function:Function', id: 'stratus-red-team-olc-func-vayhjqkdav' },
        ops: [{ op: 'set', path: 'codeSha256', value: 'Pt1c8vVaBygmNtAeSyjlpdy7r8nHRqJAAL++HEGlQkc=' }],
      },
      {
        kind: 'touch',
        target: { type: 'aws:lambda/function:Function', id: 'stratus-red-team-olc-func-vayhjqkdav' },
        paths: ['code'],
      },
    ],
  },
  {
    title: 'UpdateFunctionCode20150331v2 from S3',
    source: ds(INVICTUS, invictus('20230710T1235Z_YbVFCP9AYzJDhHV9'), 143, 'lambda', 'UpdateFunctionCode20150331v2'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:lambda/function:Function', id: 'stratus-red-team-olc-func-xhfgzaowxc' },
        ops: [
          { op: 'set', path: 's3Bucket', value: 'stratus-red-team-olc-bucket-xhfgzaowxc' },
          { op: 'set', path: 's3Key', value: 'lambda.zip' },
          { op: 'set', path: 'codeSha256', value: '3YIlWyiz6gTvDk01MIlMlJO/NVNlDXCTy7hsM27xthM=' },
        ],
      },
    ],
  },
  {
    title: 'UpdateFunctionConfiguration20150331v2 adds a layer',
    source: ds(STRATUS, stratus('aws.persistence.lambda-layer-extension'), 0, 'lambda', 'UpdateFunctionConfiguration20150331v2'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:lambda/function:Function', id: 'stratus-red-team-lambda-layer-simpleLambda' },
        ops: [
          {
            op: 'set',
            path: 'layers',
            value: [
              'arn:aws:lambda:eugov-eastcentral-1r:712967571683:layer:stratus-red-team-lambda-layer-my-lambda-extension:1',
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'AddPermission20150331v2 makes a function public',
    source: ds(INVICTUS, invictus('20230710T1230Z_KV9LZlfXqBel7nqf'), 1, 'lambda', 'AddPermission20150331v2'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:lambda/permission:Permission', id: 'stratus-red-team-backdoor-f-func/backdoor' },
        inputs: {
          function: 'stratus-red-team-backdoor-f-func',
          statementId: 'backdoor',
          action: 'lambda:InvokeFunction',
          principal: '*',
        },
      },
    ],
  },
  {
    title: 'AddPermission20150331v2 (stratus detonation)',
    source: ds(STRATUS, stratus('aws.persistence.lambda-backdoor-function'), 0, 'lambda', 'AddPermission20150331v2'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:lambda/permission:Permission', id: 'stratus-red-team-backdoor-f-func/backdoor' },
        inputs: {
          function: 'stratus-red-team-backdoor-f-func',
          statementId: 'backdoor',
          action: 'lambda:InvokeFunction',
          principal: '*',
        },
      },
    ],
  },
  {
    title: 'RemovePermission20150331v2',
    source: ds(INVICTUS, invictus('20230710T1235Z_YbVFCP9AYzJDhHV9'), 139, 'lambda', 'RemovePermission20150331v2'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:lambda/permission:Permission', id: 'stratus-red-team-backdoor-f-func/backdoor' },
      },
    ],
  },
  {
    title: 'CreateFunction20150331 with an uploaded zip: code unknown, its hash from the response',
    source: ev(
      'lambda',
      'CreateFunction20150331',
      {
        functionName: 'resize',
        runtime: 'python3.12',
        role: 'arn:aws:iam::111122223333:role/lambda-resize',
        handler: 'app.handler',
        code: {},
        timeout: 30,
        memorySize: 256,
        publish: false,
        architectures: ['arm64'],
        environment: {},
      },
      {
        functionName: 'resize',
        functionArn: 'arn:aws:lambda:us-east-1:111122223333:function:resize',
        runtime: 'python3.12',
        codeSha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
        version: '$LATEST',
        state: 'Pending',
      },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: FUNCTION, id: 'resize' },
        inputs: {
          name: 'resize',
          role: 'arn:aws:iam::111122223333:role/lambda-resize',
          handler: 'app.handler',
          runtime: 'python3.12',
          timeout: 30,
          memorySize: 256,
          codeSha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
          architectures: ['arm64'],
        },
        unknown: ['code'],
      },
    ],
  },
  {
    title: 'DeleteFunction20150331 of one version leaves the function',
    source: ev('lambda', 'DeleteFunction20150331', { functionName: 'resize', qualifier: '3' }),
    expect: [],
  },
  {
    title: 'AddPermission20150331v2 on an alias: keyed function:qualifier/statement',
    source: ev(
      'lambda',
      'AddPermission20150331v2',
      { functionName: 'resize', statementId: 's3-invoke', action: 'lambda:InvokeFunction', principal: 's3.amazonaws.com', sourceArn: 'arn:aws:s3:::uploads', sourceAccount: '111122223333', qualifier: 'live' },
      { statement: '{"Sid":"s3-invoke","Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction"}' },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: PERMISSION, id: 'resize:live/s3-invoke' },
        inputs: {
          function: 'resize',
          statementId: 's3-invoke',
          action: 'lambda:InvokeFunction',
          principal: 's3.amazonaws.com',
          sourceArn: 'arn:aws:s3:::uploads',
          sourceAccount: '111122223333',
          qualifier: 'live',
        },
      },
    ],
  },
  {
    title: 'RemovePermission (function named by ARN)',
    source: ev('lambda', 'RemovePermission', { functionName: 'arn:aws:lambda:us-east-1:111122223333:function:resize', statementId: 's3-invoke' }),
    expect: [{ kind: 'delete', target: { type: PERMISSION, id: 'resize/s3-invoke' } }],
  },
];
