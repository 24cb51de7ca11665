/**
 * Fallback templates for the synthetic corpus, written for this project (no third-party
 * data). Used only when the shared CloudTrail samples are not on this machine; the bench
 * says so when it happens. Shapes follow CloudTrail's record format (eventVersion 1.08).
 */
type Rec = Record<string, unknown>;

const ACCOUNT = '111122223333';
const KEY = 'AKIAEXAMPLEBENCH0001';

function user(name: string): Rec {
  return {
    type: 'IAMUser',
    principalId: 'AIDAEXAMPLEBENCHUSER1',
    arn: `arn:aws:iam::${ACCOUNT}:user/${name}`,
    accountId: ACCOUNT,
    accessKeyId: KEY,
    userName: name,
  };
}

function base(source: string, name: string, readOnly: boolean, extra: Rec): Rec {
  return {
    eventVersion: '1.08',
    userIdentity: user('bench-operator'),
    eventTime: '2024-01-01T00:00:00Z',
    eventSource: `${source}.amazonaws.com`,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.23',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64.ubuntu.22 prompt/off command/' + name,
    requestParameters: null,
    responseElements: null,
    requestID: '00000000-0000-4000-8000-000000000000',
    eventID: '00000000-0000-4000-8000-000000000001',
    readOnly,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${source}.us-east-1.amazonaws.com` },
    ...extra,
  };
}

export const BUILTIN_TEMPLATES: Rec[] = [
  base('ec2', 'DescribeInstances', true, {
    requestParameters: { instancesSet: {}, filterSet: { items: [{ name: 'instance-state-name', valueSet: { items: [{ value: 'running' }] } }] } },
  }),
  base('ec2', 'DescribeSecurityGroups', true, { requestParameters: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} } }),
  base('s3', 'ListBuckets', true, { requestParameters: { Host: 's3.amazonaws.com' } }),
  base('s3', 'GetBucketAcl', true, { requestParameters: { bucketName: 'bench-logs-bucket', Host: 'bench-logs-bucket.s3.amazonaws.com', acl: '' } }),
  base('sts', 'GetCallerIdentity', true, {}),
  base('iam', 'ListUsers', true, { requestParameters: { maxItems: 100 } }),
  base('kms', 'Decrypt', true, {
    requestParameters: { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' },
    resources: [{ accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: `arn:aws:kms:us-east-1:${ACCOUNT}:key/0b6f1c7e-8f5a-4a57-9d2e-3c1f2a9b7e10` }],
  }),
  base('ssm', 'GetParameter', true, { requestParameters: { name: '/bench/app/db-host', withDecryption: false } }),
  base('ec2', 'RunInstances', false, {
    requestParameters: {
      instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }] },
      instanceType: 't3.micro',
      subnetId: 'subnet-0123456789abcdef0',
      groupSet: { items: [{ groupId: 'sg-0123456789abcdef0' }] },
    },
    responseElements: {
      requestId: '00000000-0000-4000-8000-000000000002',
      reservationId: 'r-0123456789abcdef0',
      ownerId: ACCOUNT,
      instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0', imageId: 'ami-0abcdef1234567890', instanceState: { code: 0, name: 'pending' }, instanceType: 't3.micro', subnetId: 'subnet-0123456789abcdef0', vpcId: 'vpc-0123456789abcdef0' }] },
    },
  }),
  base('ec2', 'TerminateInstances', false, {
    requestParameters: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] } },
    responseElements: { instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0', currentState: { code: 32, name: 'shutting-down' }, previousState: { code: 16, name: 'running' } }] } },
  }),
  base('ec2', 'AuthorizeSecurityGroupIngress', false, {
    requestParameters: { groupId: 'sg-0123456789abcdef0', ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] } }] } },
    responseElements: { _return: true, securityGroupRuleSet: { items: [{ groupId: 'sg-0123456789abcdef0', securityGroupRuleId: 'sgr-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' }] } },
  }),
  base('s3', 'CreateBucket', false, { requestParameters: { bucketName: 'bench-data-bucket', Host: 'bench-data-bucket.s3.amazonaws.com' } }),
  base('s3', 'PutBucketPolicy', false, {
    requestParameters: {
      bucketName: 'bench-data-bucket',
      policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bench-data-bucket/*' }] },
    },
  }),
  base('iam', 'CreateUser', false, {
    requestParameters: { userName: 'bench-new-user' },
    responseElements: { user: { path: '/', userName: 'bench-new-user', userId: 'AIDAEXAMPLEBENCHUSER2', arn: `arn:aws:iam::${ACCOUNT}:user/bench-new-user`, createDate: 'Jan 1, 2024 12:00:00 AM' } },
  }),
  base('iam', 'AttachUserPolicy', false, { requestParameters: { userName: 'bench-new-user', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' } }),
  base('ec2', 'DeleteSecurityGroup', false, {
    requestParameters: { groupId: 'sg-0123456789abcdef0' },
    errorCode: 'Client.DependencyViolation',
    errorMessage: 'resource sg-0123456789abcdef0 has a dependent object',
  }),
];
