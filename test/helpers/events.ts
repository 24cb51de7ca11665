import type { TrailEvent } from '../../src/events/model.js';
import { isoTime } from '../../src/util/time.js';

/** A normalized event for unit tests; only what a test names differs from the defaults. */
export function makeEvent(over: Partial<TrailEvent> & { name: string; epochMs: number }): TrailEvent {
  return {
    id: `${over.name}-${over.epochMs}`,
    time: isoTime(over.epochMs),
    provider: 'aws',
    service: 'test',
    region: 'us-east-1',
    account: '111122223333',
    readOnly: false,
    actor: { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', accessKeyId: 'AKIAEXAMPLEALICE0001', sourceIp: '203.0.113.5' },
    request: {},
    resources: [],
    origin: { file: 'test.json', index: 0 },
    ...over,
  };
}

/** A plain RunInstances by alice at 2024-01-01T00:00:00Z; `over` and `actor` change what a test needs. */
export function baseEvent(over: Partial<TrailEvent> = {}, actor: Partial<TrailEvent['actor']> = {}): TrailEvent {
  return {
    id: 'e',
    time: '2024-01-01T00:00:00Z',
    epochMs: Date.UTC(2024, 0, 1),
    provider: 'aws',
    service: 'ec2',
    name: 'RunInstances',
    region: 'us-east-1',
    account: '111122223333',
    readOnly: false,
    actor: { type: 'IAMUser', principal: 'arn:aws:iam::111122223333:user/alice', userName: 'alice', ...actor },
    request: null,
    resources: [],
    origin: { file: 'f', index: 0 },
    ...over,
  };
}
