/** Shape of the AWS catalog: registration, one test case per entry, purity, IAM is global, no secrets. */
import { describe, expect, it } from 'vitest';
import { awsCatalog } from '../../../src/catalog/aws/index.js';
import { Catalog } from '../../../src/catalog/index.js';
import type { Effect } from '../../../src/replay/effect.js';
import { REDACTED } from '../../../src/util/redact.js';
import { allCases } from './cases/index.js';
import { applyCatalog, available, loadEvent, serviceAndName } from './helpers.js';

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

describe('AWS catalog', () => {
  it('registers without duplicate names, all entries for provider aws with a summary', () => {
    const catalog = new Catalog(awsCatalog);
    expect(catalog.entries.length).toBeGreaterThan(150);
    for (const e of catalog.entries) {
      expect(e.provider).toBe('aws');
      expect(e.names.length).toBeGreaterThan(0);
      expect(e.types.length).toBeGreaterThan(0);
      expect(e.summary.length).toBeGreaterThan(10);
    }
    for (const n of catalog.nonState) {
      expect(n.provider).toBe('aws');
      expect(n.reason.length).toBeGreaterThan(10);
    }
  });

  it('every entry has at least one test case', () => {
    const tested = new Set(allCases.map((c) => {
      const { service, name } = serviceAndName(c.source);
      return `${service}:${name}`;
    }));
    const untested = awsCatalog.flatMap((s) => s.entries.filter((e) => !e.names.some((n) => tested.has(`${e.service}:${n}`))).map((e) => `${e.service}:${e.names.join('/')}`));
    expect(untested).toEqual([]);
  });

  it('apply is pure: same event, same effects, event untouched', async () => {
    for (const c of allCases.filter((x) => available(x.source))) {
      const event = deepFreeze(await loadEvent(c.source));
      expect(applyCatalog(event)).toEqual(applyCatalog(event));
    }
  });

  it('IAM targets are global; no effect carries a hidden or secret value', async () => {
    const hidden = /^(\[redacted\]|HIDDEN_DUE_TO_SECURITY_REASONS|<sensitiveDataRemoved>|\*{3,})$/;
    const leaks: string[] = [];
    for (const c of allCases.filter((x) => available(x.source))) {
      const event = await loadEvent(c.source);
      const outcome = applyCatalog(event);
      if (!Array.isArray(outcome)) continue;
      for (const effect of outcome as Effect[]) {
        if (event.service === 'iam' && effect.kind !== 'delete-match') expect(effect.target.region).toBe('global');
        JSON.stringify(effect, (_k, v: unknown) => {
          if (typeof v === 'string' && (hidden.test(v) || v === REDACTED || v.includes('wJalrXUtnFEMI'))) leaks.push(`${c.title}: ${v}`);
          return v;
        });
      }
    }
    expect(leaks).toEqual([]);
  });
});
