import { describe, expect, it } from 'vitest';
import { alicloudCatalog } from '../../../src/catalog/alicloud/index.js';
import { INSTANCE } from '../../../src/catalog/alicloud/ecs.js';
import { sdkInputs } from '../../helpers/pulumi-sdk.js';
import { allEvents } from './events.js';
import { catalog, SAMPLES } from './helpers.js';
import { sdkProblems } from './sdk-check.js';

const entries = alicloudCatalog.flatMap((s) => s.entries);

describe('the Alibaba Cloud catalog against the installed @pulumi/alicloud', () => {
  it('every type an entry declares exists in the SDK', () => {
    const missing = [...new Set(entries.flatMap((e) => e.types))].filter((t) => sdkInputs(t) === null);
    expect(missing).toEqual([]);
  });

  it('every effect of every test event uses an existing type and its input names, with values of the declared kind', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const e of allEvents()) {
      const found = catalog.lookup(e);
      if (found.kind !== 'entry') continue;
      const out = found.entry.apply(e);
      if (!Array.isArray(out)) continue;
      for (const effect of out) {
        checked++;
        const type = effect.kind === 'delete-match' ? effect.type : effect.target.type;
        if (!found.entry.types.includes(type)) problems.push(`${e.service}:${e.name} produced ${type}, not in its entry's types`);
        problems.push(...sdkProblems(effect).map((p) => `${e.service}:${e.name}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('references and data-holding types name real types and inputs', () => {
    const problems: string[] = [];
    for (const s of alicloudCatalog) {
      for (const r of s.references ?? []) {
        if (!sdkInputs(r.from)?.has(r.input)) problems.push(`${r.from}.${r.input} is not an input`);
        if (sdkInputs(r.to) === null) problems.push(`${r.to} does not exist`);
      }
      for (const t of s.dataHolding ?? []) if (sdkInputs(t) === null) problems.push(`${t} does not exist`);
    }
    expect(problems).toEqual([]);
  });

  it('the check fails on a wrong token, a wrong input name and a value of the wrong kind', () => {
    expect(sdkProblems({ kind: 'delete', target: { type: 'alicloud:ecs/instances:Instances', id: 'i-1' } })).toEqual([
      'alicloud:ecs/instances:Instances: no such type token in @pulumi/alicloud',
    ]);
    expect(sdkProblems({ kind: 'create', target: { type: INSTANCE, id: 'i-1' }, inputs: { instance_name: 'x', zoneId: 'cn-hangzhou-h' } })).toEqual([
      `${INSTANCE}: instance_name is not an input`,
      `${INSTANCE}: zoneId is not an input`,
    ]);
    expect(sdkProblems({ kind: 'touch', target: { type: INSTANCE, id: 'i-1' }, paths: ['adminPassword'] })).toEqual([`${INSTANCE}: adminPassword is not an input`]);
    expect(sdkProblems({ kind: 'update', target: { type: INSTANCE, id: 'i-1' }, ops: [{ op: 'set', path: 'systemDiskSize', value: '40' }] })).toEqual([
      `${INSTANCE}.systemDiskSize: string given, the SDK declares number`,
    ]);
    expect(sdkProblems({ kind: 'delete-match', type: 'alicloud:ecs/eipAssociation:EipAssociation', match: { allocation: 'eip-1' } })).toEqual([
      'alicloud:ecs/eipAssociation:EipAssociation: allocation is not an input',
    ]);
  });
});

describe('catalog shape', () => {
  it('registers without duplicate names and only for alicloud', () => {
    expect(entries.length).toBeGreaterThan(50);
    expect(entries.every((e) => e.provider === 'alicloud')).toBe(true);
  });

  it('every event name of every entry has a test event (fixtures, not only the optional samples)', () => {
    const tested = new Set(allEvents().filter((e) => !e.origin.file.startsWith(SAMPLES)).map((e) => e.name));
    const untested = [...new Set(entries.flatMap((e) => e.names))].filter((n) => !tested.has(n));
    expect(untested).toEqual([]);
  });

  it('global services target region global', () => {
    for (const e of allEvents().filter((x) => ['ram', 'ims', 'resourcemanager'].includes(x.service))) {
      const found = catalog.lookup(e);
      if (found.kind !== 'entry') continue;
      const out = found.entry.apply(e);
      if (!Array.isArray(out)) continue;
      for (const effect of out) if (effect.kind !== 'delete-match') expect(effect.target.region, `${e.service}:${e.name}`).toBe('global');
    }
  });
});
