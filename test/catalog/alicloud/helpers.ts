/**
 * Test helpers for the Alibaba Cloud catalog: raw ActionTrail records shaped like the published
 * samples (envelope, gateway noise keys, flattened RPC parameters), normalized by the real
 * normalizer, and applied through the real catalog.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alicloudCatalog } from '../../../src/catalog/alicloud/index.js';
import { Catalog, type Lookup } from '../../../src/catalog/index.js';
import type { Outcome } from '../../../src/catalog/types.js';
import type { TrailEvent } from '../../../src/events/model.js';
import { normalizeActionTrail } from '../../../src/trail/actiontrail.js';

export const catalog = new Catalog(alicloudCatalog);

/** Published ActionTrail samples (third-party: read in place, never copied into the repo). */
export const SAMPLES = process.env.TRAILBACK_ACTIONTRAIL_SAMPLES ?? '/work/shared/data/actiontrail/samples';
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/alicloud');

type Raw = Record<string, unknown>;

export function normalize(raw: Raw, file = 'fixture.json', index = 0): TrailEvent {
  const r = normalizeActionTrail(raw, false);
  if (!r.ok) throw new Error(`not an event: ${r.message}`);
  return { ...r.event, origin: { file, index } };
}

/** A published sample, normalized; undefined (and a printed reason) when the folder is absent. */
export function sample(file: string): TrailEvent | undefined {
  const path = join(SAMPLES, file);
  if (!existsSync(path)) {
    console.warn(`skipping tests on ${file}: ${path} is not available on this machine`);
    return undefined;
  }
  return normalize(JSON.parse(readFileSync(path, 'utf8')) as Raw, path);
}

/** A fixture file of ours (test/fixtures/alicloud), normalized. */
export function fixture(file: string): TrailEvent {
  return normalize(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Raw, file);
}

export function lookup(e: Pick<TrailEvent, 'provider' | 'service' | 'name'>): Lookup {
  return catalog.lookup(e);
}

/** The catalog's outcome for an event; fails the test when no entry knows it. */
export function effectsOf(e: TrailEvent): Outcome {
  const found = catalog.lookup(e);
  if (found.kind !== 'entry') throw new Error(`${e.service}:${e.name} is ${found.kind}, not a catalog entry`);
  return found.entry.apply(e);
}

// ---------------------------------------------------------------- format-faithful records

const HOST: Record<string, string> = {
  Ecs: 'ecs-cn-hangzhou-share.aliyuncs.com',
  Vpc: 'vpc.aliyuncs.com',
  Slb: 'slb-pop.aliyuncs.com',
  Rds: 'rds-inc-share.aliyuncs.com',
  Ram: 'ram.aliyuncs.com',
  Ims: 'ims-share.aliyuncs.com',
  ResourceManager: 'resourcemanager-share.aliyuncs.com',
  Actiontrail: 'actiontrail-share.cn-hangzhou.aliyuncs.com',
  // OSS names the bucket in the host; the fixtures' bucket is prod-backups.
  Oss: 'prod-backups.oss-cn-hangzhou-internal.aliyuncs.com',
};
const API_VERSION: Record<string, string> = {
  Ecs: '2014-05-26',
  Vpc: '2016-04-28',
  Slb: '2014-05-15',
  Rds: '2014-08-15',
  Oss: '2019-05-17',
  Ram: '2015-05-01',
  Ims: '2019-08-15',
  ResourceManager: '2020-03-31',
  Actiontrail: '2020-07-06',
};
const GLOBAL_SERVICES = new Set(['Ram', 'Ims', 'ResourceManager']);

export const ACCOUNT = '1234567890123456';

const IDENTITY: Record<string, Raw> = {
  root: {
    sessionContext: { attributes: { mfaAuthenticated: 'false', creationDate: '2026-03-02T10:00:00Z' } },
    accountId: ACCOUNT,
    principalId: ACCOUNT,
    type: 'root-account',
    userName: 'root',
  },
  'ram-user': {
    accessKeyId: 'LTAI5tExampleKey0000001',
    accountId: ACCOUNT,
    principalId: '287654321098765432',
    type: 'ram-user',
    userName: 'ops-alice',
  },
  system: { type: 'system', userName: 'ecs.aliyuncs.com' },
};

function uuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface RecordSpec {
  /** serviceName as ActionTrail logs it: `Ecs`, `Vpc`, `Ims`, `ResourceManager` … */
  service: string;
  name: string;
  /** requestParameters as logged, RPC-flattened (`InstanceId.1`); gateway noise keys are added. `null`: none logged. */
  params?: Raw | null;
  response?: Raw;
  refs?: Record<string, string[]>;
  identity?: 'root' | 'ram-user' | 'system';
  eventType?: string;
  region?: string;
  time?: string;
}

/** A raw ActionTrail record laid out like the docs' samples (see ecs-StopInstance.json). */
export function record(spec: RecordSpec): Raw {
  const id = uuid(`${spec.service}:${spec.name}:${JSON.stringify(spec.params ?? null)}:${JSON.stringify(spec.response ?? null)}`);
  const host = HOST[spec.service] ?? `${spec.service.toLowerCase()}.aliyuncs.com`;
  const raw: Raw = {
    eventId: id,
    eventVersion: 1,
    eventSource: host,
  };
  if (spec.response) raw.responseElements = { RequestId: id, ...spec.response };
  if (spec.params !== null) {
    raw.requestParameters = {
      charset: 'UTF-8',
      AcsHost: host,
      AcsProduct: spec.service,
      RequestId: id,
      ...(spec.params ?? {}),
      AcceptLanguage: 'zh-CN',
      HostId: host,
    };
  }
  Object.assign(raw, {
    sourceIpAddress: '203.0.113.7',
    userAgent: 'AlibabaCloud (linux; amd64) Go/1.22 Core/1.63.0 TeaDSL/1',
    eventRW: 'Write',
    eventType: spec.eventType ?? 'ApiCall',
  });
  if (spec.refs) raw.referencedResources = spec.refs;
  Object.assign(raw, {
    userIdentity: IDENTITY[spec.identity ?? 'ram-user'],
    serviceName: spec.service,
    additionalEventData: { Scheme: 'https', CallerBid: '26842' },
    apiVersion: API_VERSION[spec.service] ?? '*',
    requestId: id,
    eventTime: spec.time ?? '2026-03-02T10:00:00Z',
    isGlobal: GLOBAL_SERVICES.has(spec.service),
    acsRegion: spec.region ?? 'cn-hangzhou',
    eventName: spec.name,
  });
  if (spec.identity === 'system') raw.recipientAccountId = ACCOUNT;
  return raw;
}

/** record() normalized into a TrailEvent. */
export function ev(spec: RecordSpec): TrailEvent {
  return normalize(record(spec));
}
