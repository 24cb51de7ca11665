/** Logging and detection: CloudWatch Logs and dashboards, Config, GuardDuty, Security Hub, Macie, DNS query logs. */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { INVICTUS, PANTHER, PANTHER_FILE, SANS, invictus } from './datasets.js';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const LOG_STREAM = 'aws:cloudwatch/logStream:LogStream';
const DASHBOARD = 'aws:cloudwatch/dashboard:Dashboard';
const DELIVERY_CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';
const RECORDER = 'aws:cfg/recorder:Recorder';
const RECORDER_STATUS = 'aws:cfg/recorderStatus:RecorderStatus';
const DETECTOR = 'aws:guardduty/detector:Detector';
const HUB = 'aws:securityhub/account:Account';
const INSIGHT = 'aws:securityhub/insight:Insight';
const MACIE = 'aws:macie2/account:Account';
const QUERY_LOG_CONFIG = 'aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig';
const DETECTOR_ID = '12abc34d567e8fa901bc2d34e56789f0';
const INSIGHT_ARN = 'arn:aws:securityhub:us-east-1:111122223333:insight/111122223333/custom/0c2e1f8a-4c8f-4a5e-9d5b-3f1e2d3c4b5a';

export const monitoringCases: Case[] = [
  {
    title: 'CreateLogGroup',
    source: ds(INVICTUS, invictus('20230710T1205Z_zs3JGxETHr59VpkX'), 186, 'logs', 'CreateLogGroup'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:cloudwatch/logGroup:LogGroup', id: '/stratus-red-team/vpc-flow-logs' },
        inputs: { name: '/stratus-red-team/vpc-flow-logs', tags: { StratusRedTeam: 'true' } },
      },
    ],
  },
  {
    title: 'DeleteLogGroup',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 240, 'logs', 'DeleteLogGroup'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:cloudwatch/logGroup:LogGroup', id: '/stratus-red-team/vpc-flow-logs' },
      },
    ],
  },
  {
    title: 'CreateLogStream keyed group:stream',
    source: ds(PANTHER, PANTHER_FILE, 425, 'logs', 'CreateLogStream'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:cloudwatch/logStream:LogStream',
          id: '/aws/lambda/panther-analysis-api:2021/10/21/[$LATEST]1111',
        },
        inputs: { logGroupName: '/aws/lambda/panther-analysis-api', name: '2021/10/21/[$LATEST]1111' },
      },
    ],
  },
  {
    title: 'PutDashboard',
    source: ds(SANS, 'SANS-504-S3-ransomware-lab/us-west-1/2021/07/29/342082656213_CloudTrail_us-west-1_20210729T2350Z_9zOwwQ3KZkD3a1pv.json.gz', 21, 'monitoring', 'PutDashboard'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:cloudwatch/dashboard:Dashboard', id: 'Falsimentis' },
        inputs: { dashboardName: 'Falsimentis', dashboardBody: '{"widgets":[]}' },
      },
    ],
  },
  {
    title: 'UpdateMacieSession (macie2)',
    source: ds(PANTHER, PANTHER_FILE, 213, 'macie2', 'UpdateMacieSession'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:macie2/account:Account', id: '123456789012' },
        ops: [{ op: 'set', path: 'findingPublishingFrequency', value: 'SIX_HOURS' }],
      },
    ],
  },
  {
    title: 'UpdateMacieSession (eventSource macie)',
    source: ds(PANTHER, PANTHER_FILE, 214, 'macie', 'UpdateMacieSession'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:macie2/account:Account', id: '123456789012' },
        ops: [{ op: 'set', path: 'findingPublishingFrequency', value: 'SIX_HOURS' }],
      },
    ],
  },
  {
    title: 'DeleteResolverQueryLogConfig',
    source: ds(PANTHER, PANTHER_FILE, 87, 'route53resolver', 'DeleteResolverQueryLogConfig'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig', id: 'rqlc-5aa596fe3bd84ec6' },
      },
    ],
  },
  {
    title: 'CreateInsight with no filters',
    source: ds(PANTHER, PANTHER_FILE, 394, 'securityhub', 'CreateInsight'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:securityhub/insight:Insight',
          id: 'arn:aws:securityhub:us-west-2:0123456789010:insight/custom/f4c4890b-ac6b-4c26-95f9-e62cc46f3055',
        },
        inputs: { name: 'Test Insight', filters: {} },
      },
    ],
  },
  {
    title: 'DeleteInsight: the ARN is in the response',
    source: ds(PANTHER, PANTHER_FILE, 395, 'securityhub', 'DeleteInsight'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:securityhub/insight:Insight',
          id: 'arn:aws:securityhub:us-west-2:0123456789010:insight/custom/f4c4890b-ac6b-4c26-95f9-e62cc46f3055',
        },
      },
    ],
  },
  {
    title: 'PutRetentionPolicy',
    source: ev('logs', 'PutRetentionPolicy', { logGroupName: '/aws/lambda/resize', retentionInDays: 1 }),
    expect: [{ kind: 'update', target: { type: LOG_GROUP, id: '/aws/lambda/resize' }, ops: [{ op: 'set', path: 'retentionInDays', value: 1 }] }],
  },
  {
    title: 'DeleteRetentionPolicy',
    source: ev('logs', 'DeleteRetentionPolicy', { logGroupName: '/aws/lambda/resize' }),
    expect: [{ kind: 'update', target: { type: LOG_GROUP, id: '/aws/lambda/resize' }, ops: [{ op: 'unset', path: 'retentionInDays' }] }],
  },
  {
    title: 'DeleteLogStream',
    source: ev('logs', 'DeleteLogStream', { logGroupName: '/aws/lambda/resize', logStreamName: '2024/05/01/[$LATEST]abc' }),
    expect: [{ kind: 'delete', target: { type: LOG_STREAM, id: '/aws/lambda/resize:2024/05/01/[$LATEST]abc' } }],
  },
  {
    title: 'DeleteDashboards',
    source: ev('monitoring', 'DeleteDashboards', { dashboardNames: ['ops', 'billing'] }),
    expect: [
      { kind: 'delete', target: { type: DASHBOARD, id: 'ops' } },
      { kind: 'delete', target: { type: DASHBOARD, id: 'billing' } },
    ],
  },
  {
    title: 'PutDeliveryChannel',
    source: ev('config', 'PutDeliveryChannel', {
      deliveryChannel: { name: 'default', s3BucketName: 'config-history', configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: DELIVERY_CHANNEL, id: 'default' },
        inputs: { name: 'default', s3BucketName: 'config-history', snapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } },
      },
    ],
  },
  {
    title: 'DeleteDeliveryChannel',
    source: ev('config', 'DeleteDeliveryChannel', { deliveryChannelName: 'default' }),
    expect: [{ kind: 'delete', target: { type: DELIVERY_CHANNEL, id: 'default' } }],
  },
  {
    title: 'PutConfigurationRecorder',
    source: ev('config', 'PutConfigurationRecorder', {
      configurationRecorder: { name: 'default', roleARN: 'arn:aws:iam::111122223333:role/config', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: RECORDER, id: 'default' },
        inputs: { name: 'default', roleArn: 'arn:aws:iam::111122223333:role/config', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
      },
    ],
  },
  {
    title: 'DeleteConfigurationRecorder',
    source: ev('config', 'DeleteConfigurationRecorder', { configurationRecorderName: 'default' }),
    expect: [{ kind: 'delete', target: { type: RECORDER, id: 'default' } }],
  },
  {
    title: 'StopConfigurationRecorder',
    source: ev('config', 'StopConfigurationRecorder', { configurationRecorderName: 'default' }),
    expect: [
      {
        kind: 'update',
        target: { type: RECORDER_STATUS, id: 'default' },
        ops: [
          { op: 'set', path: 'name', value: 'default' },
          { op: 'set', path: 'isEnabled', value: false },
        ],
      },
    ],
  },
  {
    title: 'StartConfigurationRecorder',
    source: ev('config', 'StartConfigurationRecorder', { configurationRecorderName: 'default' }),
    expect: [
      {
        kind: 'update',
        target: { type: RECORDER_STATUS, id: 'default' },
        ops: [
          { op: 'set', path: 'name', value: 'default' },
          { op: 'set', path: 'isEnabled', value: true },
        ],
      },
    ],
  },
  {
    title: 'CreateDetector keyed by the detector id of the response',
    source: ev(
      'guardduty',
      'CreateDetector',
      { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES', dataSources: { s3Logs: { enable: true } }, clientToken: 'c0ffee00-0000-4000-8000-000000000002' },
      { detectorId: DETECTOR_ID },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: DETECTOR, id: DETECTOR_ID },
        inputs: { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES', datasources: { s3Logs: { enable: true } } },
      },
    ],
  },
  {
    title: 'UpdateDetector suspends GuardDuty',
    source: ev('guardduty', 'UpdateDetector', { detectorId: DETECTOR_ID, enable: false }),
    expect: [{ kind: 'update', target: { type: DETECTOR, id: DETECTOR_ID }, ops: [{ op: 'set', path: 'enable', value: false }] }],
  },
  {
    title: 'DeleteDetector',
    source: ev('guardduty', 'DeleteDetector', { detectorId: DETECTOR_ID }),
    expect: [{ kind: 'delete', target: { type: DETECTOR, id: DETECTOR_ID } }],
  },
  {
    title: 'EnableSecurityHub',
    source: ev('securityhub', 'EnableSecurityHub', { EnableDefaultStandards: false }),
    expect: [{ kind: 'create', target: { type: HUB, id: '111122223333' }, inputs: { enableDefaultStandards: false } }],
  },
  {
    title: 'DisableSecurityHub',
    source: ev('securityhub', 'DisableSecurityHub', {}),
    expect: [{ kind: 'delete', target: { type: HUB, id: '111122223333' } }],
  },
  {
    title: 'UpdateInsight with filters: the filters are unknown',
    source: ev('securityhub', 'UpdateInsight', { InsightArn: INSIGHT_ARN, Name: 'critical', Filters: { SeverityLabel: [{ Value: 'CRITICAL', Comparison: 'EQUALS' }] } }),
    expect: [
      { kind: 'update', target: { type: INSIGHT, id: INSIGHT_ARN }, ops: [{ op: 'set', path: 'name', value: 'critical' }] },
      { kind: 'touch', target: { type: INSIGHT, id: INSIGHT_ARN }, paths: ['filters'] },
    ],
  },
  {
    title: 'EnableMacie',
    source: ev('macie2', 'EnableMacie', { status: 'ENABLED', findingPublishingFrequency: 'ONE_HOUR' }),
    expect: [{ kind: 'create', target: { type: MACIE, id: '111122223333' }, inputs: { status: 'ENABLED', findingPublishingFrequency: 'ONE_HOUR' } }],
  },
  {
    title: 'DisableMacie',
    source: ev('macie2', 'DisableMacie', {}),
    expect: [{ kind: 'delete', target: { type: MACIE, id: '111122223333' } }],
  },
  {
    title: 'CreateResolverQueryLogConfig',
    source: ev(
      'route53resolver',
      'CreateResolverQueryLogConfig',
      { name: 'vpc-dns', destinationArn: 'arn:aws:s3:::dns-logs', creatorRequestId: 'c0ffee00-0000-4000-8000-000000000003' },
      { resolverQueryLogConfig: { id: 'rqlc-0a1b2c3d4e5f6071', name: 'vpc-dns', destinationArn: 'arn:aws:s3:::dns-logs', status: 'CREATING' } },
    ),
    expect: [{ kind: 'create', target: { type: QUERY_LOG_CONFIG, id: 'rqlc-0a1b2c3d4e5f6071' }, inputs: { name: 'vpc-dns', destinationArn: 'arn:aws:s3:::dns-logs' } }],
  },
];
