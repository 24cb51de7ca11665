/**
 * Normalization specifics, on the published ActionTrail samples (read in place), our own
 * fixtures (test/fixtures/trail/normalize) and the real CloudTrail datasets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../src/events/model.js';
import { actionTrailRequest, normalizeActionTrail, unflatten } from '../../src/trail/actiontrail.js';
import { normalizeCloudTrail } from '../../src/trail/cloudtrail.js';
import { Diagnostics } from '../../src/trail/diagnostics.js';
import { readTrail } from '../../src/trail/read.js';
import { isoTime, parseTime } from '../../src/util/time.js';
import { ACTIONTRAIL_SAMPLES, available, DATASETS, REPO_ROOT, rawEvents } from './support/datasets.js';

type Rec = Record<string, unknown>;
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'trail', 'normalize');

async function readAll(inputs: string[]): Promise<Map<string, TrailEvent>> {
  const diagnostics = new Diagnostics();
  const { events } = await readTrail(inputs, { diagnostics });
  expect(diagnostics.total).toBe(0);
  return new Map(events.map((e) => [e.id, e]));
}

function sample(name: string): Rec {
  return JSON.parse(readFileSync(join(ACTIONTRAIL_SAMPLES, name), 'utf8')) as Rec;
}

function at(record: Rec): Omit<TrailEvent, 'origin'> {
  const r = normalizeActionTrail(record, false);
  if (!r.ok) throw new Error(r.message);
  return r.event;
}

function ct(record: Rec): Omit<TrailEvent, 'origin'> {
  const r = normalizeCloudTrail(record, false);
  if (!r.ok) throw new Error(r.message);
  return r.event;
}

describe.skipIf(!available(ACTIONTRAIL_SAMPLES, 'ActionTrail samples'))('ActionTrail samples', () => {
  it('RunInstances: RPC-flattened keys become arrays and objects, gateway noise is dropped, typed values kept', () => {
    const e = at(sample('ecs-RunInstances.json'));
    const req = e.request as Rec;
    expect(req.NetworkInterface).toEqual([
      { SecurityGroupId: 'sg-bp19xclfrq0xuz3xnkob', NetworkInterfaceTrafficMode: 'Standard', InstanceType: 'Primary', VSwitchId: 'vsw-bp1nrd050apxfda654dd7' },
    ]);
    expect(req.SystemDisk).toEqual({ Size: 20, DeleteWithInstance: true, Category: 'cloud_efficiency' });
    expect(req.ImageOptions).toEqual({ LoginAsNonRoot: false });
    expect(req.PrivateDnsNameOptions).toEqual({ HostnameType: 'Custom' });
    expect(req.Tags).toEqual([]);
    for (const noise of ['ClientPort', 'X-Acs-Client-Tls-Cipher-Suite', 'X-Acs-Client-Tls-Version', 'SourceRegionId', 'AcceptLanguage', 'AcsProduct']) {
      expect(req, noise).not.toHaveProperty([noise]);
    }
    expect(Object.keys(req).some((k) => k.includes('.'))).toBe(false);
    expect(e).toMatchObject({
      provider: 'alicloud',
      service: 'ecs',
      region: 'cn-hangzhou',
      account: '1234567890123456',
      readOnly: false,
      eventType: 'ConsoleOperation',
      actor: { type: 'ram-user', principal: '287654321098765432', userName: 'ops-alice', sourceIp: '203.0.113.10', userAgent: 'ecs.console.aliyun.com' },
      response: { InstanceIdSets: { InstanceIdSet: ['i-bp12uqx3r5o21mj0trru'] } },
    });
    expect(e.resources).toEqual([
      { type: 'ACS::ECS::Instance', id: 'i-bp12uqx3r5o21mj0trru' },
      { type: 'ACS::ECS::Image', id: 'aliyun_3_9_x64_20G_uefi_alibase_20231219.vhd' },
    ]);
    expect(e.error).toBeUndefined();
  });

  it('StopInstance: only the call inputs remain; no eventRW, so the verb decides (write)', () => {
    const e = at(sample('ecs-StopInstance.json'));
    expect(e.request).toEqual({ InstanceId: 'i-2zeip56clb391fpf****', ForceStop: false });
    expect(e.readOnly).toBe(false);
    expect(e.actor).toMatchObject({ type: 'root-account', principal: '154735325685****', userName: 'root' });
  });

  it('system events have no userIdentity.accountId: the account comes from recipientAccountId', () => {
    const published = sample('ecs-DeleteDisk.json');
    expect((published.userIdentity as Rec).accountId).toBeUndefined();
    expect(at(published).account).toBe(''); // the sample has no recipientAccountId either
    const e = at({ ...published, recipientAccountId: '1234567812345678' });
    expect(e.account).toBe('1234567812345678');
    expect(e.actor).toEqual({ type: 'system', principal: 'ecs.aliyuncs.com', userName: 'ecs.aliyuncs.com', sourceIp: 'ecs.aliyuncs.com', userAgent: 'ecs.aliyuncs.com' });
    expect(e.resources).toEqual([
      { type: 'ACS::ECS::Instance', id: 'i-8vb0smn1lf6g77md****' },
      { type: 'ACS::ECS::Disk', id: 'd-8vbf8rpv2nn0l1zm****' },
    ]);
    // userIdentity.accountId, when present, wins over recipientAccountId
    const ram = sample('ecs-RunInstances.json');
    expect(at({ ...ram, recipientAccountId: '9999' }).account).toBe('1234567890123456');
  });

  it('Release (AliyunServiceEvent): errorCode "" is success, additionalEventData [] is fine', () => {
    const e = at(sample('ecs-Release.json'));
    expect(e.error).toBeUndefined();
    expect(e).toMatchObject({ name: 'Release', eventType: 'AliyunServiceEvent', readOnly: false, resources: [{ type: 'ACS::ECS::Instance', id: 'i-bp67acfmxazb4p****' }] });
  });

  it('OSS: the bucket comes from the eventSource host when no resource is referenced', () => {
    const published = sample('oss-PutBucket.json');
    expect(at(published).resources).toEqual([{ type: 'ACS::OSS::Bucket', id: 'test-123' }]);
    const { referencedResources: _r, ...bare } = published;
    expect(at(bare).resources).toEqual([{ type: 'ACS::OSS::Bucket', id: 'test-123' }]);
    // an OSS endpoint host without a bucket label names no bucket
    const lookup = (sample('actiontrail-LookupEvents-response.json').Events as Rec[])[0]!;
    expect(lookup.eventSource).toBe('oss-cn-hangzhou-internal.aliyuncs.com');
    expect(at(lookup).resources).toEqual([]);
    // not OSS: the host is not a bucket
    expect(at({ ...bare, serviceName: 'Ecs' }).resources).toEqual([]);
  });

  it('ConsoleSignin: errorCode "" and errorMessage ""/"success" are success; another errorMessage is a failed sign-in', () => {
    const signin = sample('aassub-ConsoleSignin.json');
    expect(at(signin).error).toBeUndefined();
    expect(at({ ...signin, errorMessage: 'success' }).error).toBeUndefined();
    expect(at({ ...signin, errorMessage: 'Success' }).error).toBeUndefined();
    expect(at({ ...signin, errorMessage: 'Password is wrong' }).error).toEqual({ code: 'SigninFailed', message: 'Password is wrong' });
    expect(at(sample('aascustomer-ConsoleSignin.json')).actor).toMatchObject({ type: 'root-account', principal: '151266687691****', userName: 'root' });
  });

  it('PascalCase variant: keys lower-cased, time with +0000 offset and milliseconds, empty ErrorCode = success', () => {
    const e = at(sample('realtimecompute-AppendVSwitchId.json'));
    expect(e).toMatchObject({
      id: '83BB0682-9EBA-402F-8359-26B1676A9EE2',
      name: 'AppendVSwitchId',
      time: '2020-12-01T11:54:59.366Z',
      epochMs: Date.UTC(2020, 11, 1, 11, 54, 59, 366),
      service: 'realtimecompute',
      region: 'cn-hangzhou',
      account: '1187xxxxxxxx4544',
      readOnly: false,
      eventType: 'ApiCall',
      actor: { type: 'root-account', principal: '1187xxxxxxxx4544', userName: 'root', accessKeyId: 'TMP.3Ker6WKYHexxxxxxpRuQaM', sourceIp: '100.xx.xx.76' },
      response: { RequestId: '83BB0682-9EBA-402F-8359-26B1676A9EE2', Result: true, ErrCode: '000000' },
      resources: [],
    });
    expect(e.error).toBeUndefined();
    // doubly escaped JSON in a parameter stays as published; noise keys go
    expect(e.request).toEqual({ ZoneId: 'cn-beijing-f', InstanceId: 'sc_flinkserverless_public_cn-xxxxxxxx', VSwitchIds: '[\\"vsw-xxxxx\\",\\"vsw-xxxxx\\"]', RegionId: 'cn-shanghai' });
  });

  it('every published sample normalizes; the XSIAM-flattened export row is reported, not guessed', async () => {
    const diagnostics = new Diagnostics(false, 50);
    const { events } = await readTrail([ACTIONTRAIL_SAMPLES], { diagnostics });
    expect(events.length).toBe(12); // 11 event files + the one event of the LookupEvents response
    expect([...diagnostics.counts]).toEqual([['not-an-event', 1]]);
    expect(diagnostics.first[0]!.file).toMatch(/derived\/polardb-DescribeDBClusters-xsiam-flattened\.json$/);
    // eventRW "Read" only on ListUserRegions; every other sample is a write (eventRW Write, or a write verb)
    expect(events.filter((e) => e.readOnly).map((e) => e.name)).toEqual(['ListUserRegions']);
    expect(events.every((e) => e.provider === 'alicloud' && e.error === undefined)).toBe(true);
  });
});

describe('ActionTrail rules on our fixtures', () => {
  let events: Map<string, TrailEvent>;
  beforeAll(async () => {
    events = await readAll([join(FIXTURES, 'actiontrail-shapes.json')]);
  });

  it('Permissions.N.* becomes an array ordered by N as a number (1, 2, 10), Tag.N.* too; noise keys dropped', () => {
    expect(events.get('n-at-1')!.request).toEqual({
      SecurityGroupId: 'sg-example01',
      RegionId: 'cn-shanghai',
      Permissions: [
        { IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0' },
        { IpProtocol: 'tcp', PortRange: '3389/3389', SourceCidrIp: '0.0.0.0/0' },
        { IpProtocol: 'icmp', PortRange: '-1/-1', SourceCidrIp: '10.0.0.0/8' },
      ],
      Tag: [{ Key: 'team', Value: 'ops' }],
    });
  });

  it('resourceType/resourceName (flattened copy) give the resources when referencedResources is missing', () => {
    expect(events.get('n-at-1')!.resources).toEqual([{ type: 'ACS::ECS::SecurityGroup', id: 'sg-example01' }]);
    expect(events.get('n-at-2')!.resources.map((r) => r.id)).toEqual(['i-example01', 'd-example01', 'd-example02']);
  });

  it('system identity: account from recipientAccountId, principal from the service host', () => {
    expect(events.get('n-at-2')).toMatchObject({ account: '1234567812345678', actor: { type: 'system', principal: 'ecs.aliyuncs.com' } });
  });

  it('OSS bucket from the host; errorCode null is success', () => {
    const e = events.get('n-at-3')!;
    expect(e.resources).toEqual([{ type: 'ACS::OSS::Bucket', id: 'example-bucket-01' }]);
    expect(e.error).toBeUndefined();
  });

  it('eventRW beats the name both ways; serviceName compared lower-case', () => {
    expect(events.get('n-at-4')).toMatchObject({ name: 'CreateSnapshot', readOnly: true, service: 'ecs' });
    expect(events.get('n-at-5')).toMatchObject({ name: 'DescribeInstances', readOnly: false, error: { code: 'Forbidden.RAM' } });
  });

  it('sign-ins: errorMessage "success" is success, another message a failure', () => {
    expect(events.get('n-at-6')!.error).toBeUndefined();
    expect(events.get('n-at-7')!.error).toEqual({ code: 'SigninFailed', message: 'Password is wrong' });
  });

  it('requestParameterJson (SLS) is parsed, unflattened and cleaned like requestParameters', () => {
    expect(events.get('n-at-8')!.request).toEqual({ InstanceId: 'i-example01', InstanceType: 'ecs.g7.large', SystemDisk: { Category: 'cloud_essd' } });
    expect(actionTrailRequest({ requestParameterJson: 'not json' })).toEqual({ requestParameterJson: 'not json' });
    expect(actionTrailRequest({})).toBeNull();
  });
});

describe('CloudTrail rules', () => {
  let events: Map<string, TrailEvent>;
  beforeAll(async () => {
    events = await readAll([join(FIXTURES, 'cloudtrail-shapes.jsonl')]);
  });

  it('times without a zone are UTC; offsets are applied; fractions kept', () => {
    expect(events.get('n-ct-1')).toMatchObject({ time: '2024-06-01T08:00:00Z', epochMs: Date.UTC(2024, 5, 1, 8, 0, 0) });
    expect(events.get('n-ct-2')).toMatchObject({ time: '2024-06-01T06:00:01.250Z', epochMs: Date.UTC(2024, 5, 1, 6, 0, 1, 250) });
  });

  it('readOnly as the strings "True"/"False" (hand-made files)', () => {
    expect(events.get('n-ct-1')!.readOnly).toBe(false);
    expect(events.get('n-ct-2')!.readOnly).toBe(true);
  });

  it('readOnly missing: inferred from the verb', () => {
    expect(events.get('n-ct-4')!.readOnly).toBe(false); // ConsoleLogin
    expect(events.get('n-ct-6')!.readOnly).toBe(false); // CreateTags
    expect(ct({ eventID: 'x', eventName: 'ListBuckets', eventTime: '2024-01-01T00:00:00Z', awsRegion: 'us-east-1' }).readOnly).toBe(true);
  });

  it('service events (no userIdentity.type): AWSService, principal = invokedBy, account kept', () => {
    expect(events.get('n-ct-3')).toMatchObject({
      service: 'secretsmanager',
      eventType: 'AwsServiceEvent',
      account: '111122223333',
      actor: { type: 'AWSService', principal: 'secretsmanager.amazonaws.com' },
      request: null,
    });
  });

  it('root sign-in; errorCode null / "" are success; an errorCode with its message is a failure', () => {
    expect(events.get('n-ct-4')).toMatchObject({ actor: { type: 'Root', userName: 'root' }, response: { ConsoleLogin: 'Success' } });
    expect(events.get('n-ct-4')!.error).toBeUndefined();
    expect(events.get('n-ct-6')!.error).toBeUndefined();
    expect(events.get('n-ct-5')!.error).toEqual({ code: 'AccessDenied', message: 'Access Denied' });
  });

  it('assumed role: user name from the session issuer, resources from resources[].ARN', () => {
    expect(events.get('n-ct-5')).toMatchObject({
      actor: { type: 'AssumedRole', principal: 'arn:aws:sts::111122223333:assumed-role/OpsRole/ops-session', userName: 'OpsRole', sourceIp: 'AWS Internal' },
      resources: [{ type: 'AWS::S3::Bucket', id: 'arn:aws:s3:::example-bucket' }],
    });
  });

  it('a record without eventName is not an event; a bad eventTime is a bad-time problem', () => {
    expect(normalizeCloudTrail({ eventID: 'x', eventTime: '2024-01-01T00:00:00Z' }, false)).toMatchObject({ ok: false, kind: 'not-an-event' });
    expect(normalizeCloudTrail({ eventID: 'x', eventName: 'A', eventTime: 'redacted' }, false)).toMatchObject({ ok: false, kind: 'bad-time' });
    expect(normalizeCloudTrail({ eventID: 'x', eventName: 'A' }, false)).toMatchObject({ ok: false, kind: 'bad-time' });
  });
});

describe.skipIf(!available(DATASETS.invictus, 'dataset invictus'))('CloudTrail service events in invictus', () => {
  it('the 42 AwsServiceEvent records: AWSService actor from invokedBy, account from the record, no request', async () => {
    const raw = rawEvents(DATASETS.invictus).map((r) => r.record).filter((r) => r.eventType === 'AwsServiceEvent');
    expect(raw.length).toBe(42);
    expect(raw.every((r) => (r.userIdentity as Rec).type === undefined)).toBe(true);
    const events = await readAll([DATASETS.invictus]);
    for (const r of raw) {
      const e = events.get(String(r.eventID))!;
      const ui = r.userIdentity as Rec;
      expect(e.actor).toMatchObject({ type: 'AWSService', principal: ui.invokedBy });
      expect(e.account).toBe(r.recipientAccountId ?? ui.accountId);
      expect(e.request).toBeNull();
    }
  });
});

describe('unflatten (RPC keys) — properties', () => {
  const segment = fc.constantFrom('A', 'B', 'Key', 'Value', '1', '2', '3', '10', '0', '', '__proto__', 'constructor', 'toString');
  const primitive = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean());

  it('never loses a value, whatever the keys (collisions like A and A.1, empty parts, 0 indexes)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join('.')), primitive, { maxKeys: 12 }), (flat) => {
        const leaves = (v: unknown): unknown[] =>
          v !== null && typeof v === 'object' ? Object.values(v as object).flatMap(leaves) : [v];
        const sortVals = (a: unknown[]): string[] => a.map((x) => JSON.stringify(x)).sort();
        expect(sortVals(leaves(unflatten(flat)))).toEqual(sortVals(Object.values(flat)));
      }),
      { numRuns: 400 },
    );
  });

  /** Objects of primitives and arrays (1-based, no holes) of such objects or primitives, flattened RPC style. */
  const shape: fc.Arbitrary<Rec> = fc.letrec<{ obj: Rec; value: unknown }>((tie) => ({
    obj: fc.dictionary(fc.stringMatching(/^[A-Z][a-zA-Z]{0,6}$/), tie('value'), { minKeys: 1, maxKeys: 4 }),
    value: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'shape' },
      primitive,
      tie('obj'),
      fc.array(fc.oneof({ maxDepth: 3, depthIdentifier: 'shape' }, primitive, tie('obj')), { minLength: 1, maxLength: 11 }),
    ),
  })).obj;

  function flatten(value: unknown, prefix: string, out: Rec): Rec {
    if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}.${i + 1}`, out));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    else out[prefix] = value;
    return out;
  }

  it('inverts RPC flattening: X.N.Y → arrays of objects, ordered by N as a number', () => {
    fc.assert(
      fc.property(shape, (nested) => {
        expect(unflatten(flatten(nested, '', {}))).toEqual(nested);
      }),
      { numRuns: 200 },
    );
  });

  it('key order of the record does not matter', () => {
    fc.assert(
      fc.property(shape, fc.integer(), (nested, seed) => {
        const entries = Object.entries(flatten(nested, '', {}));
        const shuffled = entries
          .map((e, i) => [((i + 1) * 2654435761 + seed) >>> 0, e] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, e]) => e);
        expect(unflatten(Object.fromEntries(shuffled))).toEqual(unflatten(Object.fromEntries(entries)));
      }),
      { numRuns: 100 },
    );
  });

  it('examples: a value and its sub-keys both survive; non-numeric siblings keep an object', () => {
    expect(unflatten({ A: 'x', 'A.1': 'y' })).toEqual({ A: 'x', 'A.1': 'y' });
    expect(unflatten({ 'A.1': 'x', 'A.Name': 'y' })).toEqual({ A: { 1: 'x', Name: 'y' } });
    expect(unflatten({ 'A.0': 'x' })).toEqual({ A: { 0: 'x' } });
    expect(unflatten({ 'A..B': 1, '.C': 2 })).toEqual({ 'A..B': 1, '.C': 2 });
    expect(unflatten({ 'A.2': 'b', 'A.10': 'c', 'A.1': 'a' })).toEqual({ A: ['a', 'b', 'c'] });
    // parameter names are the caller's: `__proto__` or `constructor` are kept as data, nothing else changes
    const odd = unflatten(JSON.parse('{"__proto__":{"x":1},"A.constructor":2,"B.toString":3}') as Rec);
    expect(JSON.stringify(odd)).toBe('{"__proto__":{"x":1},"A":{"constructor":2},"B":{"toString":3}}');
    expect(Object.getPrototypeOf(odd)).toBe(Object.prototype);
  });
});

describe('parseTime — properties', () => {
  const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
  const epoch = fc.integer({ min: Date.UTC(1000, 0, 1), max: MAX });
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

  it('round-trips isoTime for every millisecond from year 1000 to 9999', () => {
    fc.assert(
      fc.property(epoch, (ms) => {
        expect(parseTime(isoTime(ms))).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('a local time with its offset (±HH:MM, ±HHMM) is the same instant; no zone means UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(9998, 0, 1) }), fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.boolean(), (ms, offset, colon) => {
        const local = new Date(ms + offset * 60_000);
        const wall = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`;
        const abs = Math.abs(offset);
        const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
        expect(parseTime(wall + zone)).toBe(ms);
        expect(parseTime(wall.replace('T', ' '))).toBe(ms + offset * 60_000);
        expect(parseTime(wall + 'Z')).toBe(ms + offset * 60_000);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', 'redacted', '...', '2024-13-01T00:00:00Z', '2024-02-30', '2023-02-29', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '01/02/2024', '2024-1-1'])
      expect(parseTime(bad), bad).toBeUndefined();
    expect(parseTime('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTime('2021-07-29T13:02:00.123456789Z')).toBe(Date.UTC(2021, 6, 29, 13, 2, 0, 123));
  });
});
