import { describe, expect, it } from 'vitest';
import { awsCatalog } from '../../../src/catalog/aws/index.js';
import type { Effect } from '../../../src/replay/effect.js';
import { allCases } from './cases/index.js';
import { applyCatalog, available, catalog, loadEvent } from './helpers.js';
import { inputsOf, sdkProblems } from './sdk.js';

describe('AWS catalog against the installed @pulumi/aws', () => {
  it('the check itself fails on a wrong token or input name', () => {
    expect(sdkProblems({ kind: 'delete', target: { type: 'aws:s3/bucketV3:BucketV3', id: 'b' } })).toEqual(['aws:s3/bucketV3:BucketV3 is not a type token of @pulumi/aws']);
    expect(sdkProblems({ kind: 'create', target: { type: 'aws:ec2/instance:Instance', id: 'i-1' }, inputs: { imageId: 'ami-1' } })).toEqual([
      'imageId is not an input of aws:ec2/instance:Instance',
    ]);
    expect(sdkProblems({ kind: 'touch', target: { type: 'aws:iam/user:User', id: 'u' }, paths: ['userName'] })).toEqual(['userName is not an input of aws:iam/user:User']);
    expect(sdkProblems({ kind: 'delete-match', type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', match: { cidrIp: '0.0.0.0/0' } })).toEqual([
      'cidrIp is not an input of aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
    ]);
    // Inputs with a default value are inputs too (the shared helper's pattern misses them).
    expect(inputsOf('aws:ec2/securityGroup:SecurityGroup')?.has('description')).toBe(true);
  });

  it('every type an entry declares exists', () => {
    const missing = awsCatalog.flatMap((s) => s.entries.flatMap((e) => e.types.filter((t) => inputsOf(t) === null).map((t) => `${e.service}:${e.names[0]} → ${t}`)));
    expect(missing).toEqual([]);
  });

  it('references name existing types and inputs of the referring type; data-holding types exist', () => {
    const problems: string[] = [];
    for (const s of awsCatalog) {
      for (const r of s.references ?? []) {
        if (!inputsOf(r.to)) problems.push(`${r.to} does not exist`);
        const from = inputsOf(r.from);
        if (!from) problems.push(`${r.from} does not exist`);
        else if (!from.has(r.input)) problems.push(`${r.input} is not an input of ${r.from}`);
      }
      for (const t of s.dataHolding ?? []) if (!inputsOf(t)) problems.push(`${t} does not exist`);
    }
    expect(problems).toEqual([]);
  });

  it('every effect of every test event uses existing types and input names, and only types its entry declares', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const c of allCases.filter((x) => available(x.source))) {
      const event = await loadEvent(c.source);
      const outcome = applyCatalog(event);
      if (!Array.isArray(outcome)) continue;
      const found = catalog.lookup(event);
      const declared = found.kind === 'entry' ? found.entry.types : [];
      for (const effect of outcome as Effect[]) {
        checked++;
        problems.push(...sdkProblems(effect).map((p) => `${c.title}: ${p}`));
        const type = effect.kind === 'delete-match' ? effect.type : effect.target.type;
        if (!declared.includes(type)) problems.push(`${c.title}: ${type} is not in its entry's types`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
