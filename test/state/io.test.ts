import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState, parseState, stateToJson } from '../../src/state/io.js';
import { UserError } from '../../src/util/errors.js';

// Shape of `pulumi stack export` (version 3 deployment), written by us.
const deployment = {
  manifest: { time: '2024-01-01T00:00:00Z', magic: 'x', version: 'v3.248.0' },
  resources: [
    { urn: 'urn:pulumi:prod::infra::pulumi:pulumi:Stack::infra-prod', custom: false, type: 'pulumi:pulumi:Stack' },
    { urn: 'urn:pulumi:prod::infra::pulumi:providers:aws::default', custom: true, id: 'p1', type: 'pulumi:providers:aws', inputs: { region: 'eu-west-1' } },
    {
      urn: 'urn:pulumi:prod::infra::aws:ec2/securityGroup:SecurityGroup::web', custom: true, id: 'sg-0abc', type: 'aws:ec2/securityGroup:SecurityGroup',
      inputs: { __defaults: ['revokeRulesOnDelete'], description: 'web', name: 'web', vpcId: 'vpc-1' }, outputs: { ownerId: '111122223333' },
      provider: 'urn:pulumi:prod::infra::pulumi:providers:aws::default::p1',
    },
    { urn: 'urn:pulumi:prod::infra::aws:iam/user:User::bob', custom: true, id: 'bob', type: 'aws:iam/user:User', inputs: { name: 'bob', path: '/' }, outputs: { arn: 'arn:aws:iam::111122223333:user/bob' } },
  ],
};

describe('state files', () => {
  it('imports a Pulumi stack export, plain deployment or checkpoint.latest, alike', () => {
    const a = parseState({ version: 3, deployment }, 'a.json');
    const b = parseState({ version: 3, checkpoint: { stack: 'prod', latest: deployment } }, 'b.json');
    expect(stateToJson(a)).toBe(stateToJson(b));
    expect([...a.keys()]).toEqual(['aws/aws:ec2/securityGroup:SecurityGroup/eu-west-1/sg-0abc', 'aws/aws:iam/user:User/global/bob']);
    const sg = a.get('aws/aws:ec2/securityGroup:SecurityGroup/eu-west-1/sg-0abc')!;
    expect(sg.inputs).toEqual({ description: 'web', name: 'web', vpcId: 'vpc-1' });
    expect(sg.account).toBe('111122223333');
    expect(sg.preexisting).toBe(false);
    expect(a.get('aws/aws:iam/user:User/global/bob')!.account).toBe('111122223333');
  });

  it('round-trips its own state file byte for byte', async () => {
    const state = parseState({ version: 3, deployment }, 'a.json');
    const dir = mkdtempSync(join(tmpdir(), 'tb-state-'));
    const file = join(dir, 'state.json');
    writeFileSync(file, stateToJson(state, '2024-01-01T00:00:00Z'));
    const { state: again } = await loadState(file);
    expect(stateToJson(again, '2024-01-01T00:00:00Z')).toBe(stateToJson(state, '2024-01-01T00:00:00Z'));
  });

  it('rejects other files with a one-line reason', async () => {
    expect(() => parseState({ hello: 1 }, 'x.json')).toThrow(/neither a trailback state file nor a Pulumi stack export/);
    expect(() => parseState({ kind: 'trailback-state', schemaVersion: 2, resources: {} }, 'x.json')).toThrow(UserError);
    await expect(loadState('/nonexistent/state.json')).rejects.toThrow(/cannot read state file/);
  });
});
