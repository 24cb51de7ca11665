/** CloudTrail trails: logging on/off, selectors, settings. */
import type { Case } from '../helpers.js';
import { ds } from '../helpers.js';
import { CCC, INVICTUS, SANS, STRATUS, invictus, session, stratus } from './datasets.js';

export const cloudtrailCases: Case[] = [
  {
    title: 'CreateTrail: not logging until StartLogging',
    source: ds(INVICTUS, invictus('20230710T1205Z_SjF3IkuNXJkoHyar'), 2, 'cloudtrail', 'CreateTrail'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'stratus-red-team-ctlr-trail-zqfsvooxqj' },
        inputs: {
          name: 'stratus-red-team-ctlr-trail-zqfsvooxqj',
          s3BucketName: 'stratus-red-team-ctlr-bucket-zqfsvooxqj',
          includeGlobalServiceEvents: true,
          tags: { StratusRedTeam: 'true' },
          enableLogging: false,
        },
      },
    ],
  },
  {
    title: 'CreateTrail (console, multi-region, KMS)',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 54, 'cloudtrail', 'CreateTrail'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'myTrailName' },
        inputs: {
          name: 'myTrailName',
          s3BucketName: 'randomBucket01',
          includeGlobalServiceEvents: true,
          isMultiRegionTrail: true,
          isOrganizationTrail: false,
          enableLogFileValidation: true,
          kmsKeyId: 'arn:aws:kms:us-east-2:200802171337:key/2f94fc0e-8fd3-42e3-9b0e-a5fd6de1d92e',
          enableLogging: false,
        },
      },
    ],
  },
  {
    title: 'StartLogging',
    source: ds(INVICTUS, invictus('20230710T1205Z_SjF3IkuNXJkoHyar'), 1, 'cloudtrail', 'StartLogging'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'stratus-red-team-ctlr-trail-zqfsvooxqj' },
        ops: [{ op: 'set', path: 'enableLogging', value: true }],
      },
    ],
  },
  {
    title: 'StopLogging (trail named by ARN)',
    source: ds(STRATUS, stratus('aws.defense-evasion.cloudtrail-stop'), 0, 'cloudtrail', 'StopLogging'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'stratus-red-team-ct-stop-trail-buykxbqejv' },
        ops: [{ op: 'set', path: 'enableLogging', value: false }],
      },
    ],
  },
  {
    title: 'DeleteTrail',
    source: ds(STRATUS, stratus('aws.defense-evasion.cloudtrail-delete'), 0, 'cloudtrail', 'DeleteTrail'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'stratus-red-team-cloudtraild-trail-kvrwohmiai' },
      },
    ],
  },
  {
    title: 'UpdateTrail sends logs to CloudWatch Logs',
    source: ds(SANS, 'SANS-504-S3-ransomware-lab/us-west-1/2021/07/29/342082656213_CloudTrail_us-west-1_20210729T2355Z_ZfiiRC0kNC9QM7Sw.json.gz', 20, 'cloudtrail', 'UpdateTrail'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'management-events' },
        ops: [
          {
            op: 'set',
            path: 'cloudWatchLogsGroupArn',
            value: 'arn:aws:logs:us-west-1:342082656213:log-group:aws-cloudtrail-logs-342082656213-238d380d:*',
          },
          {
            op: 'set',
            path: 'cloudWatchLogsRoleArn',
            value: 'arn:aws:iam::342082656213:role/service-role/CloudTrailRoleForCloudWatchLogs',
          },
        ],
      },
    ],
  },
  {
    title: 'PutEventSelectors turns management events off',
    source: ds(STRATUS, stratus('aws.defense-evasion.cloudtrail-event-selectors'), 0, 'cloudtrail', 'PutEventSelectors'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'stratus-red-team-ctes-trail-khlvciwdor' },
        ops: [
          {
            op: 'set',
            path: 'eventSelectors',
            value: [
              {
                readWriteType: 'ReadOnly',
                includeManagementEvents: false,
                dataResources: [{ type: 'AWS::S3::Object', values: [] }, { type: 'AWS::Lambda::Function', values: [] }],
                excludeManagementEventSources: [],
              },
            ],
          },
          { op: 'unset', path: 'advancedEventSelectors' },
        ],
      },
    ],
  },
  {
    title: 'PutEventSelectors with advanced selectors',
    source: ds(CCC, session('36183de174d0f85bf7790212e14a1b45fb1dbe0ea347fb9d33c112bc01b70ce8'), 51, 'cloudtrail', 'PutEventSelectors'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'myTrailName' },
        ops: [
          {
            op: 'set',
            path: 'advancedEventSelectors',
            value: [
              {
                fieldSelectors: [{ equals: ['Management'], field: 'eventCategory' }],
                name: 'Management events selector',
              },
            ],
          },
          { op: 'unset', path: 'eventSelectors' },
        ],
      },
    ],
  },
  {
    title: 'PutInsightSelectors',
    source: ds(SANS, 'SANS-504-S3-ransomware-lab/us-west-1/2021/07/29/342082656213_CloudTrail_us-west-1_20210729T2355Z_ZfiiRC0kNC9QM7Sw.json.gz', 18, 'cloudtrail', 'PutInsightSelectors'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:cloudtrail/trail:Trail', id: 'management-events' },
        ops: [{ op: 'set', path: 'insightSelectors', value: [] }],
      },
    ],
  },
];
