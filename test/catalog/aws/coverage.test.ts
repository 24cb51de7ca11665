/**
 * Every write event name that succeeds somewhere in the shared CloudTrail datasets is known
 * to the AWS catalog, as an entry or as a declared non-state event. The datasets are read
 * raw (every record, duplicates included) with the dataset's own definition of a write:
 * `readOnly: false`, or no `readOnly` and a name not starting with Describe/Get/List.
 * Every such event is also run through its entry: no throw, effects valid for the SDK.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../../src/events/model.js';
import type { Effect } from '../../../src/replay/effect.js';
import { normalizeCloudTrail } from '../../../src/trail/cloudtrail.js';
import { Diagnostics } from '../../../src/trail/diagnostics.js';
import { parseRecords } from '../../../src/trail/parse.js';
import { expandInputs, readText } from '../../../src/trail/source.js';
import { catalog, DATA, haveDataset } from './helpers.js';
import { CCC, INVICTUS, PANTHER, SANS, STRATUS, TRAILDISCOVER } from './cases/datasets.js';
import { sdkProblems } from './sdk.js';

function isWrite(r: Record<string, unknown>, name: string): boolean {
  const ro = r.readOnly;
  const readOnly = typeof ro === 'boolean' ? ro : typeof ro === 'string' ? ro.toLowerCase() === 'true' : undefined;
  return readOnly === false || (readOnly === undefined && !/^(Describe|Get|List)/.test(name));
}

interface Writes {
  /** `service:name` of every successful write. */
  names: Set<string>;
  records: Record<string, unknown>[];
}

async function successfulWrites(folder: string): Promise<Writes> {
  const out = new Set<string>();
  const records: Record<string, unknown>[] = [];
  const diagnostics = new Diagnostics();
  const { files } = await expandInputs([join(DATA, folder)]);
  for (const file of files) {
    const text = await readText(file, diagnostics);
    if (text === undefined) continue;
    for (const { record } of parseRecords(text, file, diagnostics)) {
      const name = record.eventName;
      if (typeof name !== 'string' || !isWrite(record, name) || record.errorCode) continue;
      if (typeof record.eventSource !== 'string') continue;
      const service = String(record.eventSource).replace(/\.amazonaws\.com$/, '').toLowerCase();
      out.add(`${service}:${name}`);
      records.push(record);
    }
  }
  return { names: out, records };
}

const FOLDERS = [CCC, INVICTUS, PANTHER, SANS, STRATUS, TRAILDISCOVER];

describe('every successful write in the shared datasets is an entry or a declared non-state event', () => {
  for (const folder of FOLDERS) {
    const absent = !haveDataset(folder);
    if (absent) console.log(`skipping coverage of ${folder}: ${join(DATA, folder)} is absent`);
    it.skipIf(absent)(folder, async () => {
      const writes = await successfulWrites(folder);
      expect(writes.names.size).toBeGreaterThan(0);
      const unknown = [...writes.names].filter((key) => {
        const [service, name] = key.split(':') as [string, string];
        return catalog.lookup({ provider: 'aws', service, name }).kind === 'unknown';
      });
      expect(unknown).toEqual([]);

      const problems: string[] = [];
      for (const record of writes.records) {
        const normalized = normalizeCloudTrail(record, false);
        if (!normalized.ok) continue; // e.g. hand-made fixtures without a usable eventTime
        const event: TrailEvent = { ...normalized.event, origin: { file: folder, index: 0 } };
        const found = catalog.lookup(event);
        if (found.kind !== 'entry') continue;
        const outcome = found.entry.apply(event);
        if (!Array.isArray(outcome)) continue;
        for (const effect of outcome as Effect[]) problems.push(...sdkProblems(effect).map((p) => `${event.service}:${event.name}: ${p}`));
      }
      expect([...new Set(problems)]).toEqual([]);
    });
  }
});
