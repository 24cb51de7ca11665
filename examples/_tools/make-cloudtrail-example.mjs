#!/usr/bin/env node
/**
 * Generates the synthetic AWS CloudTrail trail of one example scenario:
 *
 *   examples/aws-leaked-iam-key/trail/   S3 delivery:
 *     AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHMMZ_<16 alnum>.json.gz
 *     each file a gzipped `{"Records":[…]}`; IAM, STS and sign-in events are delivered in us-east-1.
 *
 * Every record here was written by us: account 111122223333, users, keys, ids and IPs are
 * placeholders (access key ids end in EXAMPLE, as in the AWS docs; IPs come from the documentation
 * ranges: 198.51.100.0/24 is the office, 203.0.113.0/24 the CI runners, 192.0.2.0/24 the attacker).
 * The *shape* of each record follows the published CloudTrail records in /work/shared/data/cloudtrail
 * (invictus-aws_dataset, stratus-red-team, traildiscover, panther-analysis): field names, value types,
 * requestParameters/responseElements layouts (RunInstances `instancesSet.items`, AuthorizeSecurityGroupIngress
 * `ipPermissions.items` and `securityGroupRuleSet`), error codes and messages. None of their data is copied.
 *
 * Deterministic: no clock, no Math.random. Every id, delay and shuffle is derived from a sha256 of a
 * fixed label, so adding an event does not change the ids of the others.
 *
 *   node examples/_tools/make-cloudtrail-example.mjs          # (re)write the trail, print counts
 *   node examples/_tools/make-cloudtrail-example.mjs --check  # exit 1 if the files on disk differ
 *
 * Plain Node ESM (>= 20), no dependencies.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { epoch, hex, iso, num, scenarioCounts, sha, shuffled, writeOrCheck } from './lib.mjs';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..');

// ─── deterministic helpers ──────────────────────────────────────────────────────────────

const chars = (alphabet) => (label, n) => [...sha(`chars:${label}`).subarray(0, n)].map((b) => alphabet[b % alphabet.length]).join('');
const B32 = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567');
const ALNUM = chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const UPPER_ALNUM = chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
/** Lower-case v4-layout UUID: CloudTrail's eventID and most requestIDs. */
function uuid(label) {
  const h = hex(`uuid:${label}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}


// ─── account, ids, identities ───────────────────────────────────────────────────────────

const ACCOUNT = '111122223333';
const E1 = 'us-east-1';
const W2 = 'us-west-2';
const EU = 'eu-west-1';

const id = {
  /** AKIA/ASIA + 9 base-32 characters + EXAMPLE: the length and alphabet of a real key id, visibly a placeholder. */
  akid: (label) => `AKIA${B32(`akid:${label}`, 9)}EXAMPLE`,
  asia: (label) => `ASIA${B32(`asia:${label}`, 9)}EXAMPLE`,
  userId: (label) => `AIDA${B32(`aida:${label}`, 17)}`,
  roleId: (label) => `AROA${B32(`aroa:${label}`, 17)}`,
  instance: (label) => `i-0${hex(`i:${label}`, 16)}`,
  sg: (label) => `sg-0${hex(`sg:${label}`, 16)}`,
  sgr: (label) => `sgr-0${hex(`sgr:${label}`, 16)}`,
  vpc: (label) => `vpc-0${hex(`vpc:${label}`, 16)}`,
  subnet: (label) => `subnet-0${hex(`subnet:${label}`, 16)}`,
  eni: (label) => `eni-0${hex(`eni:${label}`, 16)}`,
  attach: (label) => `eni-attach-0${hex(`eni-attach:${label}`, 16)}`,
  reservation: (label) => `r-0${hex(`r:${label}`, 16)}`,
  ami: (label) => `ami-0${hex(`ami:${label}`, 16)}`,
};

/** An IAM user calling with a long-term key (`key`) or through the console (`console`, ASIA session key). */
function iamUser(name) {
  return { type: 'IAMUser', principalId: id.userId(name), arn: `arn:aws:iam::${ACCOUNT}:user/${name}`, accountId: ACCOUNT, userName: name };
}
const keyActor = (user, key, ip, ua) => ({ user, key, ip, ua });
const consoleActor = (user, ip, ua, mfa) => ({ user, key: id.asia(`console:${user.userName}`), ip, ua, console: true, mfa });

/** The AWS CLI v2 user agent, as it names the command it ran. */
const cli = (os, exec) => (command) =>
  `aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/${os} md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython${exec ? ` exec-env/${exec}` : ''} cfg/retry-mode#standard md/installer#exe md/distrib#${os.startsWith('linux') ? 'ubuntu.22' : 'macos'} md/prompt#off md/command#${command}`;
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

// ─── one record ─────────────────────────────────────────────────────────────────────────

const SOURCES = { ec2: 'ec2.amazonaws.com', iam: 'iam.amazonaws.com', sts: 'sts.amazonaws.com', s3: 's3.amazonaws.com', signin: 'signin.amazonaws.com' };
const READ = /^(Describe|Get|List|Head|Lookup)/;

function tls(label, host) {
  return num(`tls:${label}`, 4) === 0
    ? { tlsVersion: 'TLSv1.2', cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256', clientProvidedHostHeader: host }
    : { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: host };
}

function identity(actor, time) {
  const base = { ...actor.user, accessKeyId: actor.key };
  // Reorder: type, principalId, arn, accountId, accessKeyId, userName (as in the samples).
  const u = { type: base.type, principalId: base.principalId, arn: base.arn, accountId: base.accountId, accessKeyId: base.accessKeyId };
  if (base.userName) u.userName = base.userName;
  if (actor.console) {
    u.sessionContext = { sessionIssuer: {}, webIdFederationData: {}, attributes: { creationDate: actor.since ?? time, mfaAuthenticated: actor.mfa ? 'true' : 'false' } };
  }
  if (actor.role) u.sessionContext = actor.role.sessionContext(time);
  if (actor.invokedBy) u.invokedBy = actor.invokedBy;
  return u;
}

/**
 * One CloudTrail API-call record. `s`:
 *   label     unique, stable (ids, TLS, delivery delay derive from it)
 *   time      ISO UTC, whole seconds
 *   source    ec2 | iam | sts | s3
 *   name      eventName; region: awsRegion (IAM/STS: us-east-1)
 *   actor     from the constructors above
 *   request   requestParameters (null when none); response: responseElements (null when none)
 *   error     {code, message}
 *   extra     additionalEventData
 */
function record(s) {
  const host =
    s.source === 'ec2' ? `ec2.${s.region}.amazonaws.com` : s.source === 's3' ? s.host ?? 's3.amazonaws.com' : SOURCES[s.source];
  const requestID = s.source === 's3' ? UPPER_ALNUM(`rid:${s.label}`, 16) : uuid(`rid:${s.label}`);
  const r = {
    eventVersion: s.version ?? (s.source === 's3' ? '1.10' : '1.11'),
    userIdentity: identity(s.actor, s.time),
    eventTime: s.time,
    eventSource: SOURCES[s.source],
    eventName: s.name,
    awsRegion: s.region,
    sourceIPAddress: s.actor.ip,
    userAgent: typeof s.actor.ua === 'function' ? s.actor.ua(s.command ?? `${s.source}.${s.name}`) : s.actor.ua,
  };
  if (s.error) {
    r.errorCode = s.error.code;
    r.errorMessage = s.error.message;
  }
  r.requestParameters = s.request ?? null;
  r.responseElements = s.error ? null : (s.response ?? null);
  if (s.extra) r.additionalEventData = s.extra;
  if (s.source !== 'signin') r.requestID = requestID;
  r.eventID = uuid(`eid:${s.label}`);
  r.readOnly = READ.test(s.name);
  r.eventType = s.source === 'signin' ? 'AwsConsoleSignIn' : 'AwsApiCall';
  r.managementEvent = true;
  r.recipientAccountId = ACCOUNT;
  r.eventCategory = 'Management';
  if (s.source !== 'signin' && !s.actor.invokedBy) r.tlsDetails = tls(s.label, host);
  if (s.actor.console) r.sessionCredentialFromConsole = 'true';
  return r;
}

/** S3 request bookkeeping that every S3 record carries. */
function s3Extra(label, bytesOut = 0) {
  return {
    SignatureVersion: 'SigV4',
    CipherSuite: 'TLS_AES_128_GCM_SHA256',
    bytesTransferredIn: 0,
    AuthenticationMethod: 'AuthHeader',
    'x-amz-id-2': Buffer.from(sha(`amzid:${label}`)).toString('base64') + Buffer.from(sha(`amzid2:${label}`)).toString('base64').slice(0, 32),
    bytesTransferredOut: bytesOut,
  };
}

const at = (hms) => `2026-11-10T${hms}Z`;
const pad = (n) => String(n).padStart(2, '0');
const hms = (h, m, s) => `${pad(h)}:${pad(m)}:${pad(s)}`;

// ─── RunInstances: request and response in the shape of the samples ─────────────────────

function runInstances({ label, time, region, ami, type, count, subnet, defaultSubnet, vpc, groups, zone, tags, cidrBase }) {
  const ids = Array.from({ length: count }, (_, i) => id.instance(`${label}:${i}`));
  const token = uuid(`token:${label}`);
  const launchTime = epoch(time);
  const request = {
    instancesSet: { items: [{ imageId: ami, minCount: count, maxCount: count }] },
    userData: '<sensitiveDataRemoved>',
    instanceType: type,
    blockDeviceMapping: {},
    monitoring: { enabled: false },
    ...(subnet ? { subnetId: subnet } : {}),
    disableApiTermination: false,
    disableApiStop: false,
    clientToken: token,
    ...(groups && subnet ? { groupSet: { items: groups.map((g) => ({ groupId: g.id })) } } : {}),
    tagSpecificationSet: { items: [{ resourceType: 'instance', tags: Object.entries(tags).map(([key, value]) => ({ key, value })) }] },
  };
  const items = ids.map((instanceId, i) => {
    const ip = `${cidrBase}.${10 + num(`ip:${label}:${i}`, 200)}`;
    const dns = region === E1 ? `ip-${ip.replaceAll('.', '-')}.ec2.internal` : `ip-${ip.replaceAll('.', '-')}.${region}.compute.internal`;
    const eni = id.eni(`${label}:${i}`);
    const groupSet = { items: groups.map((g) => ({ groupId: g.id, groupName: g.name })) };
    return {
      instanceId,
      imageId: ami,
      currentInstanceBootMode: 'legacy-bios',
      instanceState: { code: 0, name: 'pending' },
      privateDnsName: dns,
      amiLaunchIndex: i,
      productCodes: {},
      instanceType: type,
      launchTime,
      placement: { availabilityZone: zone, tenancy: 'default' },
      monitoring: { state: 'disabled' },
      subnetId: subnet ?? defaultSubnet,
      vpcId: vpc,
      privateIpAddress: ip,
      stateReason: { code: 'pending', message: 'pending' },
      architecture: 'x86_64',
      rootDeviceType: 'ebs',
      rootDeviceName: '/dev/sda1',
      blockDeviceMapping: {},
      virtualizationType: 'hvm',
      hypervisor: 'xen',
      tagSet: { items: Object.entries(tags).map(([key, value]) => ({ key, value })) },
      clientToken: token,
      groupSet,
      sourceDestCheck: true,
      networkInterfaceSet: {
        items: [
          {
            networkInterfaceId: eni,
            subnetId: subnet ?? defaultSubnet,
            vpcId: vpc,
            ownerId: ACCOUNT,
            status: 'in-use',
            macAddress: `0e:${hex(`mac:${eni}`, 10).match(/../g).join(':')}`,
            privateIpAddress: ip,
            privateDnsName: dns,
            sourceDestCheck: true,
            interfaceType: 'interface',
            groupSet,
            attachment: { attachmentId: id.attach(`${label}:${i}`), deviceIndex: 0, networkCardIndex: 0, status: 'attaching', attachTime: launchTime, deleteOnTermination: true },
            privateIpAddressesSet: { item: [{ privateIpAddress: ip, privateDnsName: dns, primary: true }] },
            ipv6AddressesSet: {},
            tagSet: {},
          },
        ],
      },
      ebsOptimized: false,
      enaSupport: true,
      cpuOptions: { coreCount: 8, threadsPerCore: 2 },
      capacityReservationSpecification: { capacityReservationPreference: 'open' },
      hibernationOptions: { configured: false },
      enclaveOptions: { enabled: false },
      metadataOptions: { state: 'pending', httpTokens: 'required', httpPutResponseHopLimit: 2, httpEndpoint: 'enabled', httpProtocolIpv4: 'enabled', httpProtocolIpv6: 'disabled', instanceMetadataTags: 'disabled' },
      maintenanceOptions: { autoRecovery: 'default' },
      privateDnsNameOptions: { hostnameType: 'ip-name', enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
    };
  });
  const requestId = uuid(`rid:${label}`);
  const response = { requestId, reservationId: id.reservation(label), ownerId: ACCOUNT, groupSet: {}, instancesSet: { items } };
  return { ids, request, response };
}

// ═════════════════════════════════════════════════════════════════════════════════════════
// Scenario 4: aws-leaked-iam-key
// ═════════════════════════════════════════════════════════════════════════════════════════

function leakedIamKeyScenario() {
  const ciUser = iamUser('ci-deployer');
  const mariaUser = iamUser('ops-maria');
  const danaUser = iamUser('dana-data');

  const LEAKED = id.akid('ci-deployer:1'); // ci-deployer's key, used by CI and leaked
  const NEWKEY = id.akid('ci-deployer:2'); // created by the attacker
  const DANA_KEY = id.akid('dana-data:1');

  const CI = keyActor(ciUser, LEAKED, '203.0.113.25', cli('linux#6.5.0-1025-azure', 'GitHub-Actions'));
  const EVIL = keyActor(ciUser, LEAKED, '192.0.2.44', cli('linux#6.8.11-amd64', null));
  const EVIL_NEWKEY = keyActor(ciUser, NEWKEY, '192.0.2.44', cli('linux#6.8.11-amd64', null));
  const DANA = keyActor(danaUser, DANA_KEY, '198.51.100.40', cli('darwin#23.6.0', null));
  const MARIA = consoleActor(mariaUser, '198.51.100.20', CHROME, true);
  MARIA.since = at('07:48:12');
  const MARIA_IAM = { ...MARIA, ua: 'AWS Internal' };
  const configRoleId = id.roleId('AWSServiceRoleForConfig');
  const CONFIG = {
    user: {
      type: 'AssumedRole',
      principalId: `${configRoleId}:AWSConfig-Describe`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/AWSServiceRoleForConfig/AWSConfig-Describe`,
      accountId: ACCOUNT,
    },
    key: id.asia('config'),
    ip: 'config.amazonaws.com',
    ua: 'config.amazonaws.com',
    invokedBy: 'config.amazonaws.com',
    role: {
      sessionContext: (time) => ({
        sessionIssuer: {
          type: 'Role',
          principalId: configRoleId,
          arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
          accountId: ACCOUNT,
          userName: 'AWSServiceRoleForConfig',
        },
        webIdFederationData: {},
        attributes: { creationDate: `${time.slice(0, 14)}00:00Z`, mfaAuthenticated: 'false' },
      }),
    },
  };

  // Predate the trail.
  const VPC = id.vpc('prod');
  const SUBNET_A = id.subnet('prod-a');
  const SG_WEB = id.sg('web-prod');
  const WEB1 = id.instance('web-1');
  const WEB2 = id.instance('web-2');
  const BATCH_DEV = id.instance('batch-dev');
  const LEGACY = id.instance('legacy-reporting');
  const W2_VPC = id.vpc('default-usw2');
  const W2_SUBNET = id.subnet('default-usw2-b');
  const W2_SG = id.sg('default-usw2');
  const UBUNTU_E1 = id.ami('ubuntu-2404-use1');
  const UBUNTU_W2 = id.ami('ubuntu-2404-usw2');
  const BUCKET = `acme-analytics-staging-${ACCOUNT}`;

  const ev = [];
  const add = (s) => ev.push({ label: s.label, time: s.time, region: s.region, record: record(s) });

  // ── CI polls production every 30 minutes with ci-deployer's key ──
  for (let h = 7; h <= 12; h++) {
    for (const m of [5, 35]) {
      const label = `ci-poll-${h}-${m}`;
      add({ label, time: at(hms(h, m, 10 + num(label, 20))), source: 'ec2', name: 'DescribeInstances', region: E1, actor: CI,
        request: { instancesSet: {}, filterSet: { items: [{ name: 'tag:env', valueSet: { items: [{ value: 'prod' }] } }] } } });
    }
  }
  // ── AWS Config records security groups every hour ──
  for (let h = 7; h <= 12; h++) {
    add({ label: `config-${h}`, time: at(hms(h, 20, 44)), source: 'ec2', name: 'DescribeSecurityGroups', region: E1, actor: CONFIG,
      request: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} }, version: '1.10' });
  }

  // ── ops-maria: console, MFA, from the office ──
  add({ label: 'maria-login', time: at('07:48:12'), source: 'signin', name: 'ConsoleLogin', region: E1, version: '1.09',
    actor: { user: { type: mariaUser.type, principalId: mariaUser.principalId, arn: mariaUser.arn, accountId: ACCOUNT, userName: 'ops-maria' }, ip: MARIA.ip, ua: CHROME },
    response: { ConsoleLogin: 'Success' },
    extra: { LoginTo: 'https://console.aws.amazon.com/console/home?region=us-east-1', MobileVersion: 'No', MFAIdentifier: `arn:aws:iam::${ACCOUNT}:mfa/ops-maria`, MFAUsed: 'Yes' } });
  add({ label: 'maria-list-1', time: at('07:50:30'), source: 'ec2', name: 'DescribeInstances', region: E1, actor: MARIA,
    request: { instancesSet: {}, filterSet: {}, maxResults: 50 } });
  add({ label: 'maria-stop-batch', time: at('08:12:44'), source: 'ec2', name: 'StopInstances', region: E1, actor: MARIA,
    request: { instancesSet: { items: [{ instanceId: BATCH_DEV }] }, force: false },
    response: { requestId: uuid('rid:maria-stop-batch'), instancesSet: { items: [{ instanceId: BATCH_DEV, currentState: { code: 64, name: 'stopping' }, previousState: { code: 16, name: 'running' } }] } } });
  add({ label: 'maria-terminate-legacy', time: at('08:20:05'), source: 'ec2', name: 'TerminateInstances', region: E1, actor: MARIA,
    request: { instancesSet: { items: [{ instanceId: LEGACY }] } },
    error: { code: 'Client.OperationNotPermitted', message: `The instance '${LEGACY}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.` } });

  // ── dana-data: a new staging bucket for the analytics team ──
  const bucketHost = `${BUCKET}.s3.amazonaws.com`;
  add({ label: 'dana-create-bucket', time: at('08:30:00'), source: 's3', name: 'CreateBucket', region: E1, actor: DANA, host: bucketHost,
    command: 's3api.create-bucket', request: { bucketName: BUCKET, Host: bucketHost }, extra: s3Extra('dana-create-bucket') });
  add({ label: 'dana-pab', time: at('08:30:02'), source: 's3', name: 'PutBucketPublicAccessBlock', region: E1, actor: DANA, host: bucketHost,
    command: 's3api.put-public-access-block',
    request: { publicAccessBlock: '', bucketName: BUCKET, Host: bucketHost,
      PublicAccessBlockConfiguration: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/', RestrictPublicBuckets: true, BlockPublicPolicy: true, BlockPublicAcls: true, IgnorePublicAcls: true } },
    extra: s3Extra('dana-pab') });
  add({ label: 'dana-versioning', time: at('08:30:03'), source: 's3', name: 'PutBucketVersioning', region: E1, actor: DANA, host: bucketHost,
    command: 's3api.put-bucket-versioning',
    request: { bucketName: BUCKET, Host: bucketHost, versioning: '', VersioningConfiguration: { Status: 'Enabled', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' } },
    extra: s3Extra('dana-versioning') });
  add({ label: 'dana-policy-denied', time: at('08:31:10'), source: 's3', name: 'PutBucketPolicy', region: E1, actor: DANA, host: bucketHost,
    command: 's3api.put-bucket-policy',
    request: { bucketName: BUCKET, Host: bucketHost, policy: '',
      bucketPolicy: { Version: '2012-10-17', Statement: [{ Sid: 'AnalyticsRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/analytics-reader` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] } },
    error: { code: 'AccessDenied', message: 'Access Denied' }, extra: s3Extra('dana-policy-denied', 243) });
  add({ label: 'dana-list', time: at('08:32:41'), source: 's3', name: 'ListBuckets', region: E1, actor: DANA, command: 's3api.list-buckets',
    request: { Host: 's3.amazonaws.com' }, extra: s3Extra('dana-list', 1873) });

  // ── The leaked key, from a foreign address: recon ──
  const x = EVIL;
  add({ label: 'evil-whoami', time: at('10:21:03'), source: 'sts', name: 'GetCallerIdentity', region: E1, actor: x, command: 'sts.get-caller-identity' });
  add({ label: 'evil-buckets', time: at('10:21:20'), source: 's3', name: 'ListBuckets', region: E1, actor: x, command: 's3.ls',
    request: { Host: 's3.amazonaws.com' }, extra: s3Extra('evil-buckets', 1873) });
  add({ label: 'evil-instances-e1', time: at('10:21:41'), source: 'ec2', name: 'DescribeInstances', region: E1, actor: x, command: 'ec2.describe-instances',
    request: { instancesSet: {}, filterSet: {} } });
  add({ label: 'evil-regions', time: at('10:21:58'), source: 'ec2', name: 'DescribeRegions', region: E1, actor: x, command: 'ec2.describe-regions',
    request: { regionSet: {} } });
  add({ label: 'evil-instances-w2', time: at('10:22:09'), source: 'ec2', name: 'DescribeInstances', region: W2, actor: x, command: 'ec2.describe-instances',
    request: { instancesSet: {}, filterSet: {} } });
  add({ label: 'evil-instances-eu', time: at('10:22:14'), source: 'ec2', name: 'DescribeInstances', region: EU, actor: x, command: 'ec2.describe-instances',
    request: { instancesSet: {}, filterSet: {} } });
  add({ label: 'evil-users-denied', time: at('10:22:35'), source: 'iam', name: 'ListUsers', region: E1, actor: x, command: 'iam.list-users',
    error: { code: 'AccessDenied', message: `User: arn:aws:iam::${ACCOUNT}:user/ci-deployer is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::${ACCOUNT}:user/ because no identity-based policy allows the iam:ListUsers action` } });
  add({ label: 'evil-attached', time: at('10:22:51'), source: 'iam', name: 'ListAttachedUserPolicies', region: E1, actor: x, command: 'iam.list-attached-user-policies',
    request: { userName: 'ci-deployer' } });
  add({ label: 'evil-inline', time: at('10:22:58'), source: 'iam', name: 'ListUserPolicies', region: E1, actor: x, command: 'iam.list-user-policies',
    request: { userName: 'ci-deployer' } });
  add({ label: 'evil-inline-get', time: at('10:23:04'), source: 'iam', name: 'GetUserPolicy', region: E1, actor: x, command: 'iam.get-user-policy',
    request: { userName: 'ci-deployer', policyName: 'ci-deployer-self-manage' } });
  add({ label: 'evil-run-denied', time: at('10:23:30'), source: 'ec2', name: 'RunInstances', region: E1, actor: x, command: 'ec2.run-instances',
    request: { instancesSet: { items: [{ imageId: UBUNTU_E1, minCount: 3, maxCount: 3 }] }, userData: '<sensitiveDataRemoved>', instanceType: 'c5.4xlarge',
      blockDeviceMapping: {}, monitoring: { enabled: false }, subnetId: SUBNET_A, disableApiTermination: false, disableApiStop: false,
      clientToken: uuid('token:evil-run-denied'), groupSet: { items: [{ groupId: SG_WEB }] } },
    error: { code: 'Client.UnauthorizedOperation',
      message: `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:user/ci-deployer is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:${ACCOUNT}:instance/* because no identity-based policy allows the ec2:RunInstances action. Encoded authorization failure message: ${ALNUM('encoded', 96)}` } });

  // ── Privilege escalation: the CI policy lets the user manage its own inline policies ──
  const ADMIN_DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  add({ label: 'evil-put-policy', time: at('10:24:10'), source: 'iam', name: 'PutUserPolicy', region: E1, actor: x, command: 'iam.put-user-policy',
    request: { userName: 'ci-deployer', policyName: 'ops-break-glass', policyDocument: ADMIN_DOC } });
  add({ label: 'evil-users', time: at('10:24:42'), source: 'iam', name: 'ListUsers', region: E1, actor: x, command: 'iam.list-users' });
  add({ label: 'evil-create-key', time: at('10:25:05'), source: 'iam', name: 'CreateAccessKey', region: E1, actor: x, command: 'iam.create-access-key',
    request: { userName: 'ci-deployer' },
    response: { accessKey: { accessKeyId: NEWKEY, status: 'Active', userName: 'ci-deployer', createDate: 'Nov 10, 2026, 10:25:05 AM' } } });

  // ── Network recon, SSH open to the world, machines in two regions ──
  add({ label: 'evil-sgs', time: at('10:26:12'), source: 'ec2', name: 'DescribeSecurityGroups', region: E1, actor: x, command: 'ec2.describe-security-groups',
    request: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} } });
  add({ label: 'evil-subnets', time: at('10:26:40'), source: 'ec2', name: 'DescribeSubnets', region: E1, actor: x, command: 'ec2.describe-subnets',
    request: { subnetSet: {}, filterSet: {} } });
  add({ label: 'evil-images', time: at('10:27:15'), source: 'ec2', name: 'DescribeImages', region: E1, actor: x, command: 'ec2.describe-images',
    request: { executableBySet: {}, imagesSet: {}, ownersSet: { items: [{ owner: 'amazon' }] },
      filterSet: { items: [{ name: 'name', valueSet: { items: [{ value: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*' }] } }] } } });
  const SGR_22 = id.sgr('evil-22');
  add({ label: 'evil-open-22', time: at('10:28:30'), source: 'ec2', name: 'AuthorizeSecurityGroupIngress', region: E1, actor: x,
    command: 'ec2.authorize-security-group-ingress',
    request: { groupId: SG_WEB, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 22, toPort: 22, groups: {}, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] }, ipv6Ranges: {}, prefixListIds: {} }] } },
    response: { requestId: uuid('rid:evil-open-22'), _return: true,
      securityGroupRuleSet: { items: [{ groupOwnerId: ACCOUNT, groupId: SG_WEB, securityGroupRuleId: SGR_22, isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' }] } } });

  const runE1 = runInstances({
    label: 'evil-run-e1', time: at('10:29:04'), region: E1, ami: UBUNTU_E1, type: 'c5.4xlarge', count: 3, subnet: SUBNET_A, vpc: VPC,
    groups: [{ id: SG_WEB, name: 'web-prod' }], zone: 'us-east-1a', tags: { Name: 'build-runner' }, cidrBase: '10.20.1',
  });
  add({ label: 'evil-run-e1', time: at('10:29:04'), source: 'ec2', name: 'RunInstances', region: E1, actor: x, command: 'ec2.run-instances',
    request: runE1.request, response: runE1.response });
  add({ label: 'evil-check-e1', time: at('10:31:40'), source: 'ec2', name: 'DescribeInstances', region: E1, actor: x, command: 'ec2.describe-instances',
    request: { instancesSet: { items: runE1.ids.map((instanceId) => ({ instanceId })) }, filterSet: {} } });
  const runW2 = runInstances({
    label: 'evil-run-w2', time: at('10:33:15'), defaultSubnet: W2_SUBNET, region: W2, ami: UBUNTU_W2, type: 'c5.4xlarge', count: 2, vpc: W2_VPC,
    groups: [{ id: W2_SG, name: 'default' }], zone: 'us-west-2b', tags: { Name: 'build-runner' }, cidrBase: '172.31.22',
  });
  add({ label: 'evil-run-w2', time: at('10:33:15'), source: 'ec2', name: 'RunInstances', region: W2, actor: x, command: 'ec2.run-instances',
    request: runW2.request, response: runW2.response });

  // ── The new key is tried once ──
  add({ label: 'evil-newkey-whoami', time: at('10:36:02'), source: 'sts', name: 'GetCallerIdentity', region: E1, actor: EVIL_NEWKEY, command: 'sts.get-caller-identity' });
  add({ label: 'evil-newkey-w2', time: at('10:36:19'), source: 'ec2', name: 'DescribeInstances', region: W2, actor: EVIL_NEWKEY, command: 'ec2.describe-instances',
    request: { instancesSet: { items: runW2.ids.map((instanceId) => ({ instanceId })) }, filterSet: {} } });

  // ── ops-maria, unaware, opens HTTPS from the office on the same security group ──
  const SGR_443 = id.sgr('maria-443');
  add({ label: 'maria-sg', time: at('11:04:51'), source: 'ec2', name: 'DescribeSecurityGroupRules', region: E1, actor: MARIA,
    request: { DescribeSecurityGroupRulesRequest: { Filter: { Name: 'group-id', Value: SG_WEB }, MaxResults: 1000 } } });
  add({ label: 'maria-open-443', time: at('11:05:20'), source: 'ec2', name: 'AuthorizeSecurityGroupIngress', region: E1, actor: MARIA,
    request: { groupId: SG_WEB, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 443, toPort: 443, groups: {}, ipRanges: { items: [{ cidrIp: '198.51.100.0/24', description: 'office https' }] }, ipv6Ranges: {}, prefixListIds: {} }] } },
    response: { requestId: uuid('rid:maria-open-443'), _return: true,
      securityGroupRuleSet: { items: [{ groupOwnerId: ACCOUNT, groupId: SG_WEB, securityGroupRuleId: SGR_443, isEgress: false, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '198.51.100.0/24', description: 'office https' }] } } });
  add({ label: 'maria-keys', time: at('11:52:07'), source: 'iam', name: 'ListAccessKeys', region: E1, actor: MARIA_IAM, request: { userName: 'ops-maria' } });

  // ── Delivery to S3 ──
  const files = deliverS3(ev, { duplicateLabel: 'evil-run-e1' });
  const facts = {
    account: ACCOUNT, leakedKey: LEAKED, newKey: NEWKEY, danaKey: DANA_KEY, mariaConsoleKey: MARIA.key,
    vpc: VPC, subnetA: SUBNET_A, sgWeb: SG_WEB, web1: WEB1, web2: WEB2, batchDev: BATCH_DEV, legacy: LEGACY,
    sgr22: SGR_22, sgr443: SGR_443, instancesUsEast1: runE1.ids, instancesUsWest2: runW2.ids, usw2Vpc: W2_VPC, usw2Subnet: W2_SUBNET, usw2Sg: W2_SG,
    bucket: BUCKET, inlinePolicy: 'ci-deployer:ops-break-glass',
  };
  return { name: 'aws-leaked-iam-key', events: ev, files, facts, keys: [LEAKED, NEWKEY, DANA_KEY, MARIA.key] };
}

/**
 * S3 delivery, as CloudTrail writes it:
 *  - one folder per awsRegion (IAM, STS and sign-in events carry us-east-1);
 *  - each event is delivered 2 to 11 minutes after it happened, into the file of its 5-minute
 *    delivery window, named by the window's start (`YYYYMMDDTHHMMZ`) plus 16 random characters;
 *    a window with more than 12 events is split into several files (same timestamp, as in real trails);
 *  - inside a file the records are in no particular order;
 *  - one event (`duplicateLabel`) is delivered a second time, in the next window's file.
 */
function deliverS3(events, { duplicateLabel }) {
  const WINDOW = 5 * 60_000;
  const windows = new Map(); // `${region}|${windowIndex}` → [event]
  const put = (region, w, e) => {
    const k = `${region}|${String(w).padStart(10, '0')}`;
    if (!windows.has(k)) windows.set(k, []);
    windows.get(k).push(e);
  };
  for (const e of events) {
    const delay = 2 * 60_000 + num(`delay:${e.label}`, 9 * 60_000);
    const w = Math.floor((epoch(e.time) + delay) / WINDOW);
    put(e.region, w, e);
    if (e.label === duplicateLabel) put(e.region, w + 1, e);
  }
  const files = [];
  for (const [k, list] of [...windows].sort()) {
    const [region, wText] = k.split('|');
    const stamp = iso(Number(wText) * WINDOW); // YYYY-MM-DDTHH:MM:00Z
    const day = stamp.slice(0, 10).replace(/-/g, '/');
    const name = stamp.slice(0, 16).replace(/[-:]/g, '') + 'Z';
    const inside = shuffled(list, `file:${k}`, (e) => e.label);
    const parts = Math.ceil(inside.length / 12);
    for (let p = 0; p < parts; p++) {
      const chunk = inside.slice(p * 12, (p + 1) * 12).map((e) => e.record);
      const gz = stableGzip(Buffer.from(JSON.stringify({ Records: chunk })));
      const file = `${ACCOUNT}_CloudTrail_${region}_${name}_${ALNUM(`file:${k}:${p}`, 16)}.json.gz`;
      files.push({ path: `trail/AWSLogs/${ACCOUNT}/CloudTrail/${region}/${day}/${file}`, bytes: gz, records: chunk.length });
    }
  }
  return files;
}

/** gzip with a fixed header: mtime 0 (Node's default) and OS byte 3 (Unix) on every platform. */
function stableGzip(buf) {
  const gz = gzipSync(buf, { level: 9 });
  gz[9] = 3;
  return gz;
}

// ─── counts, writing, checking ───────────────────────────────────────────────────────────

function counts(scenario) {
  const all = scenario.events.map((e) => e.record);
  return {
    ...scenarioCounts(scenario, (r) => r.readOnly === false),
    byRegion: Object.fromEntries([...new Set(all.map((r) => r.awsRegion))].sort().map((reg) => [reg, all.filter((r) => r.awsRegion === reg).length])),
  };
}

writeOrCheck(EXAMPLES, [leakedIamKeyScenario()], counts);
