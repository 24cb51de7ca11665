/**
 * Builders for delivery formats. The events come from the shared third-party samples at test
 * time and are wrapped, in a temporary folder, the way each delivery path writes them; only
 * the wrapping is ours.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TrailEvent } from '../../../src/events/model.js';

type Rec = Record<string, unknown>;

export function tempDir(prefix = 'trailback-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function write(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A normalized event without where it was read from: what must not depend on the delivery format. */
export function content(e: TrailEvent): Omit<TrailEvent, 'origin'> {
  const { origin: _origin, ...rest } = e;
  return rest;
}

// ---- CloudTrail ----

export const cloudTrail = {
  records: (events: Rec[]): string => JSON.stringify({ Records: events }) + '\n',
  array: (events: Rec[]): string => JSON.stringify(events, null, 3) + '\n',
  jsonl: (events: Rec[]): string => events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  /** Kinesis Firehose: records written back to back with no separator, several per line. */
  firehose: (events: Rec[], perLine = 7): string => {
    const lines: string[] = [];
    for (let i = 0; i < events.length; i += perLine) lines.push(events.slice(i, i + perLine).map((e) => JSON.stringify(e)).join(''));
    return lines.join('\n');
  },
  /** `aws cloudtrail lookup-events` output: the event is a JSON string in CloudTrailEvent. */
  lookupEvents: (events: Rec[]): string =>
    JSON.stringify(
      {
        Events: events.map((e) => ({
          EventId: e.eventID,
          EventName: e.eventName,
          ReadOnly: String(e.readOnly ?? ''),
          EventTime: e.eventTime,
          EventSource: e.eventSource,
          Resources: [],
          CloudTrailEvent: JSON.stringify(e),
        })),
        NextToken: 'eyJOZXh0VG9rZW4iOiBudWxsfQ==',
      },
      null,
      4,
    ) + '\n',
  /** EventBridge rule target (e.g. Firehose to S3, one envelope per line). */
  eventBridge: (events: Rec[]): string =>
    events
      .map((e) =>
        JSON.stringify({
          version: '0',
          id: randomUUID(),
          'detail-type': 'AWS API Call via CloudTrail',
          source: `aws.${String(e.eventSource ?? 'unknown').split('.')[0]}`,
          account: e.recipientAccountId ?? '123456789012',
          time: e.eventTime,
          region: e.awsRegion,
          resources: [],
          detail: e,
        }),
      )
      .join('\n') + '\n',
  /** S3 key of a CloudTrail delivery. */
  s3Key: (account: string, region: string, day: string, stamp: string): string =>
    `AWSLogs/${account}/CloudTrail/${region}/${day.replace(/-/g, '/')}/${account}_CloudTrail_${region}_${stamp}_${randomUUID().slice(0, 16).replace(/-/g, 'x')}.json.gz`,
};

// ---- ActionTrail ----

export const actionTrail = {
  array: (events: Rec[]): string => JSON.stringify(events),
  records: (events: Rec[]): string => JSON.stringify({ Records: events }, null, 2),
  /** LookupEvents API (2020-07-06) response: the events are objects. */
  lookupEvents: (events: Rec[]): string =>
    JSON.stringify({ RequestId: randomUUID().toUpperCase(), StartTime: '2019-01-01T00:00:00Z', EndTime: '2026-01-01T00:00:00Z', Events: events }, null, 2),
  jsonl: (events: Rec[]): string => events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  /** One Log Service log: the event is a JSON string in `event`. */
  slsLog: (e: Rec): Rec => ({
    __topic__: 'actiontrail_audit_event',
    __source__: 'actiontrail',
    __time__: String(Math.floor(Date.parse(String(e.eventTime ?? e.EventTime ?? '2021-01-01T00:00:00Z')) / 1000)),
    event: JSON.stringify(e),
  }),
  slsArray: (events: Rec[]): string => JSON.stringify(events.map(actionTrail.slsLog), null, 2),
  slsJsonl: (events: Rec[]): string => events.map((e) => JSON.stringify(actionTrail.slsLog(e))).join('\n') + '\n',
  /** Alibaba Cloud EventBridge (CloudEvents 1.0): the event is `data`, one envelope per line. */
  eventBridge: (events: Rec[]): string =>
    events
      .map((e) =>
        JSON.stringify({
          specversion: '1.0',
          id: randomUUID(),
          source: 'acs.actiontrail',
          type: `actiontrail:ActionTrail:${String(e.eventType ?? e.EventType ?? 'ApiCall')}`,
          subject: 'acs:actiontrail:cn-hangzhou:1234567812345678:actiontrail/',
          datacontenttype: 'application/json;charset=utf-8',
          time: e.eventTime ?? e.EventTime,
          aliyunaccountid: '1234567812345678',
          aliyunregionid: 'cn-hangzhou',
          data: e,
        }),
      )
      .join('\n') + '\n',
  /** OSS delivery: gzip of a one-line JSON array, under AliyunLogs/Actiontrail/<region>/YYYY/MM/DD/. */
  oss: (events: Rec[], region: string, stamp: string): { path: string; bytes: Buffer } => {
    const text = JSON.stringify(events);
    const bytes = gzipSync(Buffer.from(text));
    const md5 = createHash('md5').update(text).digest('hex');
    const day = `${stamp.slice(0, 4)}/${stamp.slice(4, 6)}/${stamp.slice(6, 8)}`;
    return {
      path: `AliyunLogs/Actiontrail/${region}/${day}/Actiontrail_${region}_${stamp}_1002_${events.length}_${text.length}_${md5}.gz`,
      bytes,
    };
  },
};
