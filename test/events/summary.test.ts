/** The --summary tallies: who, with which key, from where, doing what, when. */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/events/summary.js';
import { baseEvent } from '../helpers/events.js';

const event = baseEvent;

describe('summarize', () => {
  it('counts per actor, key, IP, event and service with first/last seen and who used what', () => {
    const t = (s: number): string => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString().replace('.000', '');
    const evs = [
      event({ time: t(0), name: 'CreateVpc' }, { accessKeyId: 'AKIA1', sourceIp: '10.0.0.1' }),
      event({ time: t(5), name: 'DescribeVpcs', readOnly: true }, { accessKeyId: 'AKIA1', sourceIp: '10.0.0.2' }),
      event({ time: t(9), name: 'CreateVpc', error: { code: 'Throttling' } }, { userName: 'bob', principal: 'arn:aws:iam::1:user/bob', accessKeyId: 'AKIA1', sourceIp: '10.0.0.2' }),
    ];
    const s = summarize(evs);
    expect(s).toMatchObject({ events: 3, writes: 2, failed: 1, first: t(0), last: t(9) });
    expect(s.keys).toEqual([{ value: 'AKIA1', events: 3, writes: 2, failed: 1, first: t(0), last: t(9), related: ['alice', 'bob'] }]);
    expect(s.actors.map((a) => [a.value, a.events, a.first, a.last, a.related])).toEqual([
      ['alice', 2, t(0), t(5), ['10.0.0.1', '10.0.0.2']],
      ['bob', 1, t(9), t(9), ['10.0.0.2']],
    ]);
    expect(s.ips.map((a) => [a.value, a.events])).toEqual([
      ['10.0.0.2', 2],
      ['10.0.0.1', 1],
    ]);
    expect(s.eventNames.map((a) => [a.value, a.events, a.writes, a.failed])).toEqual([
      ['ec2:CreateVpc', 2, 2, 1],
      ['ec2:DescribeVpcs', 1, 0, 0],
    ]);
    expect(s.services).toEqual([{ value: 'ec2', events: 3, writes: 2, failed: 1, first: t(0), last: t(9), related: [] }]);
    expect(summarize([])).toEqual({ events: 0, writes: 0, failed: 0, actors: [], keys: [], ips: [], eventNames: [], services: [] });
  });
});
