/** Selection predicates: globs, actors, IP/CIDR matching, and how the flags combine. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorMatcher, buildPredicate, globMatcher, ipMatcher, primaryResource } from '../../src/events/select.js';
import { UserError } from '../../src/util/errors.js';
import { baseEvent } from '../helpers/events.js';

const event = baseEvent;

describe('globMatcher', () => {
  it('* matches any run, case-insensitively; everything else is literal', () => {
    expect(globMatcher('Create*')('CreateVpc')).toBe(true);
    expect(globMatcher('create*')('CreateVpc')).toBe(true);
    expect(globMatcher('*Vpc')('DeleteVpc')).toBe(true);
    expect(globMatcher('Create*')('RecreateVpc')).toBe(false);
    expect(globMatcher('Put.Bucket')('PutXBucket')).toBe(false);
    expect(globMatcher('a+b')('a+b')).toBe(true);
    expect(globMatcher('CreateVpc')('CreateVpcs')).toBe(false);
  });

  it('property: a pattern made of the text itself, or with * at any cut, matches', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.nat(), fc.nat(), (text, i, j) => {
        const [a, b] = [i % (text.length + 1), j % (text.length + 1)].sort((x, y) => x - y);
        expect(globMatcher(text.replace(/\*/g, ''))(text.replace(/\*/g, ''))).toBe(true);
        expect(globMatcher(`${text.slice(0, a)}*${text.slice(b)}`)(text)).toBe(true);
      }),
    );
  });
});

describe('actorMatcher', () => {
  const role = event({}, { type: 'AssumedRole', principal: 'arn:aws:sts::111122223333:assumed-role/OpsRole/session-1', userName: 'OpsRole' });
  const ali = event({ provider: 'alicloud' }, { type: 'ram-user', principal: '200000000000000002', userName: 'carol' });
  it('user name, principal, the ARN path or its last part, with globs', () => {
    expect(actorMatcher('alice')(event())).toBe(true);
    expect(actorMatcher('arn:aws:iam::111122223333:user/alice')(event())).toBe(true);
    expect(actorMatcher('OpsRole')(role)).toBe(true);
    expect(actorMatcher('OpsRole/session-1')(role)).toBe(true);
    expect(actorMatcher('session-1')(role)).toBe(true);
    expect(actorMatcher('Ops*')(role)).toBe(true);
    expect(actorMatcher('200000000000000002')(ali)).toBe(true);
    expect(actorMatcher('carol')(ali)).toBe(true);
    expect(actorMatcher('bob')(event())).toBe(false);
    expect(actorMatcher('ali')(event())).toBe(false);
  });
});

describe('ipMatcher', () => {
  it('IPv4 and IPv6 CIDR blocks and single addresses', () => {
    expect(ipMatcher('192.168.10.0/24')('192.168.10.20')).toBe(true);
    expect(ipMatcher('192.168.10.0/24')('192.168.11.20')).toBe(false);
    expect(ipMatcher('0.0.0.0/0')('8.8.8.8')).toBe(true);
    expect(ipMatcher('0.0.0.0/0')('2001:db8::1')).toBe(false);
    expect(ipMatcher('203.0.113.7')('203.0.113.7')).toBe(true);
    expect(ipMatcher('203.0.113.7')('203.0.113.70')).toBe(false);
    expect(ipMatcher('2001:db8:10::/48')('2001:db8:10::5')).toBe(true);
    expect(ipMatcher('2001:db8:10::/48')('2001:db8:11::5')).toBe(false);
    expect(ipMatcher('2001:db8::1')('2001:0db8:0000::0001')).toBe(true);
  });

  it('literals (AWS Internal, service hosts, masked IPs) compare as text, case-insensitively; never match a CIDR', () => {
    expect(ipMatcher('AWS Internal')('AWS Internal')).toBe(true);
    expect(ipMatcher('aws internal')('AWS Internal')).toBe(true);
    expect(ipMatcher('ecs.aliyuncs.com')('ecs.aliyuncs.com')).toBe(true);
    expect(ipMatcher('192.168.XX.XX')('192.168.XX.XX')).toBe(true);
    expect(ipMatcher('10.0.0.0/8')('AWS Internal')).toBe(false);
    expect(ipMatcher('10.0.0.0/8')('10.1.2.07')).toBe(false); // malformed octet (stratus): not an address
    expect(ipMatcher('10.0.0.0/8')(undefined)).toBe(false);
  });

  it('bad CIDR blocks are user errors', () => {
    for (const bad of ['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/x', '2001:db8::/129', 'host/8', '10.0.0.0/8/8']) expect(() => ipMatcher(bad), bad).toThrow(UserError);
  });

  it('property: an IPv4 address is inside its own /n block for every n, and outside a block that differs in the first bit', () => {
    const ip = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(ip, fc.integer({ min: 1, max: 32 }), (octets, n) => {
        const text = octets.join('.');
        const num = octets.reduce((a, o) => a * 256 + o, 0);
        const net = n === 32 ? num : Math.floor(num / 2 ** (32 - n)) * 2 ** (32 - n);
        const netText = [24, 16, 8, 0].map((s) => Math.floor(net / 2 ** s) % 256).join('.');
        expect(ipMatcher(`${netText}/${n}`)(text)).toBe(true);
        const other = (num + 2 ** 31) % 2 ** 32;
        const otherText = [24, 16, 8, 0].map((s) => Math.floor(other / 2 ** s) % 256).join('.');
        expect(ipMatcher(`${netText}/${n}`)(otherText)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('buildPredicate', () => {
  const t = (s: number): number => Date.UTC(2024, 0, 1, 0, 0, s);
  const events = [
    event({ id: '1', epochMs: t(0), name: 'CreateVpc', service: 'ec2', region: 'us-east-1' }, { accessKeyId: 'AKIA1', sourceIp: '10.0.0.1' }),
    event({ id: '2', epochMs: t(1), name: 'DescribeVpcs', readOnly: true, region: 'eu-west-1' }, { accessKeyId: 'AKIA2', sourceIp: '10.0.0.2' }),
    event({ id: '3', epochMs: t(2), name: 'PutBucketPolicy', service: 's3', error: { code: 'AccessDenied' } }, { userName: 'bob', principal: 'arn:aws:iam::1:user/bob', sourceIp: 'AWS Internal' }),
    event({ id: '4', epochMs: t(3), name: 'DeleteVpc' }, { accessKeyId: 'AKIA1', sourceIp: '2001:db8::9' }),
  ];
  const ids = (f: Parameters<typeof buildPredicate>[0]): string[] => events.filter(buildPredicate(f)).map((e) => e.id);

  it('each flag', () => {
    expect(ids({})).toEqual(['1', '2', '3', '4']);
    expect(ids({ since: t(1), until: t(2) })).toEqual(['2', '3']); // both bounds inclusive
    expect(ids({ writes: true })).toEqual(['1', '3', '4']);
    expect(ids({ failed: true })).toEqual(['3']);
    expect(ids({ keys: ['AKIA1'] })).toEqual(['1', '4']);
    expect(ids({ actors: ['bob'] })).toEqual(['3']);
    expect(ids({ ips: ['10.0.0.0/31'] })).toEqual(['1']);
    expect(ids({ ips: ['2001:db8::/32', 'AWS Internal'] })).toEqual(['3', '4']);
    expect(ids({ services: ['s3.amazonaws.com'] })).toEqual(['3']);
    expect(ids({ services: ['EC2'] })).toEqual(['1', '2', '4']);
    expect(ids({ events: ['*Vpc'] })).toEqual(['1', '4']);
    expect(ids({ events: ['createvpc', 'DeleteVpc'] })).toEqual(['1', '4']);
    expect(ids({ regions: ['eu-west-1'] })).toEqual(['2']);
  });

  it('different flags AND together, repeated values OR', () => {
    expect(ids({ keys: ['AKIA1', 'AKIA2'], writes: true })).toEqual(['1', '4']);
    expect(ids({ keys: ['AKIA1'], events: ['Delete*'], since: t(0) })).toEqual(['4']);
    expect(ids({ writes: true, failed: true, services: ['ec2'] })).toEqual([]);
  });

  it('primaryResource: referenced resources first, else an id-like request field', () => {
    expect(primaryResource(event({ resources: [{ type: 'T', id: 'r-1' }], request: { instanceId: 'i-1' } }))).toBe('r-1');
    expect(primaryResource(event({ request: { regionId: 'x', InstanceId: 'i-1' } }))).toBe('i-1');
    expect(primaryResource(event({ request: { InstanceId: ['i-1', 'i-2'] } }))).toBe('i-1,i-2');
    expect(primaryResource(event({ request: null }))).toBe('');
  });
});
