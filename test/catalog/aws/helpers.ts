/**
 * Test cases for the AWS catalog: one event (a record from the shared third-party datasets,
 * read in place, or a format-faithful record written here) and the exact outcome.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { awsCatalog } from '../../../src/catalog/aws/index.js';
import { Catalog } from '../../../src/catalog/index.js';
import type { Outcome } from '../../../src/catalog/types.js';
import type { TrailEvent } from '../../../src/events/model.js';
import { normalizeCloudTrail } from '../../../src/trail/cloudtrail.js';
import { Diagnostics } from '../../../src/trail/diagnostics.js';
import { parseRecords } from '../../../src/trail/parse.js';
import { readText } from '../../../src/trail/source.js';

/** The shared datasets live next to the project (`../shared/data/cloudtrail`). */
export const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/cloudtrail');

export const catalog = new Catalog(awsCatalog);

export function haveDataset(folder: string): boolean {
  return existsSync(join(DATA, folder));
}

type Rec = Record<string, unknown>;

export type Source =
  | { record: Rec }
  /** A record of a shared dataset file, by its position in the file (eventIDs repeat in some sets). */
  | { dataset: string; file: string; index: number; service: string; name: string };

export interface Case {
  title: string;
  source: Source;
  expect: Outcome;
}

let counter = 0;

/**
 * A CloudTrail record as AWS delivers it (eventVersion 1.09 management event by an IAM
 * user's access key), with `fields` on top: at least eventSource, eventName,
 * requestParameters and, when AWS returns one, responseElements.
 */
export function record(fields: Rec): Rec {
  counter++;
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAQEXAMPLE7USERID',
      arn: 'arn:aws:iam::111122223333:user/alice',
      accountId: '111122223333',
      accessKeyId: 'AKIAQEXAMPLEKEY12345',
      userName: 'alice',
    },
    eventTime: '2024-05-01T12:00:00Z',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.7',
    userAgent: 'aws-cli/2.15.40 Python/3.11.8 Linux/6.5 exe/x86_64',
    requestID: `0c8f5a3e-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    eventID: `5b1d7e52-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...fields,
  };
}

/** Shorthand for a written record: service (`ec2`), event name, request, response. */
export function ev(service: string, name: string, requestParameters: unknown, responseElements: unknown = null, extra: Rec = {}): Source {
  return { record: record({ eventSource: `${service}.amazonaws.com`, eventName: name, requestParameters, responseElements, ...extra }) };
}

export function ds(dataset: string, file: string, index: number, service: string, name: string): Source {
  return { dataset, file, index, service, name };
}

export function fromRecord(r: Rec): TrailEvent {
  const res = normalizeCloudTrail(r, false);
  if (!res.ok) throw new Error(res.message);
  return { ...res.event, origin: { file: 'fixture', index: 0 } };
}

const files = new Map<string, Promise<Map<number, Rec>>>();

/** Reads one dataset file with the trail reader's own parsing (no dedupe: eventIDs repeat in some sets). */
function datasetFile(dataset: string, file: string): Promise<Map<number, Rec>> {
  const path = join(DATA, dataset, file);
  let pending = files.get(path);
  if (!pending) {
    pending = (async () => {
      const diagnostics = new Diagnostics();
      const text = await readText(path, diagnostics);
      if (text === undefined) throw new Error(`cannot read ${path}`);
      const out = new Map<number, Rec>();
      for (const r of parseRecords(text, path, diagnostics)) out.set(r.index, r.record);
      return out;
    })();
    files.set(path, pending);
  }
  return pending;
}

export async function loadEvent(source: Source): Promise<TrailEvent> {
  if ('record' in source) return fromRecord(source.record);
  const rec = (await datasetFile(source.dataset, source.file)).get(source.index);
  if (!rec) throw new Error(`no record ${source.index} in ${source.dataset}/${source.file}`);
  const event = fromRecord(rec);
  return { ...event, origin: { file: `${source.dataset}/${source.file}`, index: source.index } };
}

export function serviceAndName(source: Source): { service: string; name: string } {
  if ('record' in source) return { service: String(source.record.eventSource).replace(/\.amazonaws\.com$/, ''), name: String(source.record.eventName) };
  return { service: source.service, name: source.name };
}

export function applyCatalog(event: TrailEvent): Outcome {
  const found = catalog.lookup(event);
  if (found.kind !== 'entry') throw new Error(`${event.service}:${event.name} is ${found.kind}, not an entry`);
  return found.entry.apply(event);
}

export function available(source: Source): boolean {
  return 'record' in source || haveDataset(source.dataset);
}

/** Registers the cases: written records always, dataset records when their folder is there. */
export function runCases(title: string, cases: Case[]): void {
  const written = cases.filter((c) => 'record' in c.source);
  const byDataset = new Map<string, Case[]>();
  for (const c of cases) if (!('record' in c.source)) byDataset.set(c.source.dataset, [...(byDataset.get(c.source.dataset) ?? []), c]);

  if (written.length > 0) {
    describe(`${title}: format-faithful records`, () => {
      for (const c of written) {
        it(c.title, async () => {
          const event = await loadEvent(c.source);
          expect(applyCatalog(event)).toEqual(c.expect);
        });
      }
    });
  }
  for (const [dataset, list] of byDataset) {
    const absent = !haveDataset(dataset);
    if (absent) console.log(`skipping ${list.length} ${title} cases: dataset folder ${join(DATA, dataset)} is absent`);
    describe.skipIf(absent)(`${title}: ${dataset}`, () => {
      for (const c of list) {
        it(c.title, async () => {
          const event = await loadEvent(c.source);
          expect(serviceAndName(c.source)).toEqual({ service: event.service, name: event.name });
          expect(applyCatalog(event)).toEqual(c.expect);
        });
      }
    });
  }
}
