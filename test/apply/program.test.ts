/**
 * Program construction against the real @pulumi/aws and @pulumi/alicloud classes, under
 * `pulumi.runtime.setMocks`: nothing reaches a cloud or a Pulumi engine.
 */
import * as pulumi from '@pulumi/pulumi';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resourceNames } from '../../src/apply/names.js';
import { loadClasses, registerSpec } from '../../src/apply/program.js';
import { resolveResourceClass } from '../../src/apply/sdk.js';
import { buildSpec, type LiveRead, type Phase } from '../../src/apply/spec.js';
import type { Plan } from '../../src/plan/model.js';
import { alicloudPlan, awsPlan } from './helpers.js';

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  importId: string;
  provider: string;
  dependencies: string[];
  ignoreChanges: string[];
  protect: boolean | undefined;
  read: boolean;
}

let registrations: Registration[] = [];

async function setup(): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({ id: args.id || `new-${args.name}`, state: args.inputs }),
      call: (args) => args.inputs,
    },
    'trailback',
    'test',
    true,
  );
  // The mock monitor hands `newResource` only some fields: record the full requests too.
  const monitor = (pulumi.runtime as unknown as { getMonitor(): Record<string, (...a: unknown[]) => unknown> }).getMonitor();
  const register = monitor.registerResource!.bind(monitor);
  monitor.registerResource = (req: any, cb: unknown) => {
    registrations.push({
      type: req.getType(),
      name: req.getName(),
      inputs: req.getObject()?.toJavaScript() ?? {},
      importId: req.getImportid(),
      provider: req.getProvider(),
      dependencies: req.getDependenciesList(),
      ignoreChanges: req.getIgnorechangesList(),
      protect: req.getProtect(),
      read: false,
    });
    return register(req, cb);
  };
  const read = monitor.readResource!.bind(monitor);
  monitor.readResource = (req: any, cb: unknown) => {
    registrations.push({ type: req.getType(), name: req.getName(), inputs: {}, importId: req.getId(), provider: req.getProvider(), dependencies: [], ignoreChanges: [], protect: undefined, read: true });
    return read(req, cb);
  };
}

async function run(plan: Plan, phase: Phase, live?: Map<string, LiveRead>) {
  const names = resourceNames(plan.steps);
  const spec = buildSpec({ phase, planSteps: plan.steps, apply: plan.steps.filter((s) => s.decision === 'approved'), names, ...(live && { live }) });
  const classes = await loadClasses([spec]);
  const reg = registerSpec(spec, classes);
  const urns = await new Promise<string[]>((resolve) =>
    pulumi.all([...reg.resources.values(), ...reg.providers.values()].map((r) => r.urn)).apply((u) => resolve(u)),
  );
  const ids = await new Promise<Record<string, string>>((resolve) => pulumi.all(reg.outputs.ids).apply((v) => resolve(v)));
  return { spec, urns, ids, byName: (n: string) => registrations.find((r) => r.name === n && !r.type.startsWith('pulumi:providers:'))! };
}

beforeAll(setup);
beforeEach(() => {
  registrations = [];
});

describe('program: Alibaba Cloud leaked key + re-created RDS', () => {
  const plan = alicloudPlan();

  it('read phase reads every existing resource by its cloud id, through a regional provider', async () => {
    const { byName } = await run(plan, 'read');
    const ecs = byName('ecs-instance-i-bp1leaked1');
    expect(ecs).toMatchObject({ type: 'alicloud:ecs/instance:Instance', importId: 'i-bp1leaked1', read: true });
    expect(ecs.provider).toMatch(/::pulumi:providers:alicloud::alicloud-cn-hangzhou::/);
    expect(byName('ram-accesskey-LTAI5tBackdoor').provider).toMatch(/::alicloud-global::/);
    expect(registrations.filter((r) => r.read)).toHaveLength(5);
    expect(registrations.some((r) => r.type === 'alicloud:rds/instance:Instance')).toBe(false);
    const provider = registrations.find((r) => r.name === 'alicloud-cn-hangzhou')!;
    expect(provider.type).toBe('pulumi:providers:alicloud');
    expect(provider.inputs).toMatchObject({ region: 'cn-hangzhou' });
  });

  it('import phase adopts the deletes as they are now (before), unprotected, redacted secrets ignored', async () => {
    const { byName } = await run(plan, 'import');
    const rule = byName('ecs-securitygrouprule-sg-bp1web-ingress-tcp-22-22-intranet-0.0.0.0-0-accept-1');
    expect(rule).toMatchObject({ type: 'alicloud:ecs/securityGroupRule:SecurityGroupRule', importId: 'sg-bp1web:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1', protect: false });
    expect(rule.inputs).toMatchObject({ type: 'ingress', portRange: '22/22', cidrIp: '0.0.0.0/0', priority: 1 });
    const key = byName('ram-accesskey-LTAI5tBackdoor');
    expect(key.importId).toBe('LTAI5tBackdoor');
    expect(key.inputs).toEqual({ userName: 'ops-bot', status: 'Active' });
    expect(key.ignoreChanges).toEqual(['secret']);
    expect(registrations.filter((r) => r.importId && !r.read)).toHaveLength(5);
  });

  it('import phase takes the live inputs Pulumi read, when it has them', async () => {
    const live = new Map<string, LiveRead>([['s1', { inputs: { instanceType: 'ecs.g7.large', imageId: 'centos_7', instanceName: 'miner-1', systemDiskCategory: 'cloud_essd' }, secretKeys: ['password'] }]]);
    const { byName } = await run(plan, 'import', live);
    const ecs = byName('ecs-instance-i-bp1leaked1');
    expect(ecs.inputs).toMatchObject({ systemDiskCategory: 'cloud_essd' });
    expect(ecs.ignoreChanges).toEqual(['password']);
  });

  it('converge phase creates the RDS instance and gives the dependent database its new id; deletes are left out', async () => {
    const { byName, ids, spec } = await run(plan, 'converge');
    const rds = byName('rds-instance-rm-bp1orders');
    expect(rds).toMatchObject({ type: 'alicloud:rds/instance:Instance', importId: '' });
    expect(rds.inputs).toMatchObject({ engine: 'MySQL', instanceStorage: 100 });
    const db = byName('rds-database-rm-bp1orders-orders');
    expect(db.inputs.instanceId).toBe('new-rds-instance-rm-bp1orders');
    expect(db.dependencies).toContain('urn:pulumi:test::trailback::alicloud:rds/instance:Instance::rds-instance-rm-bp1orders');
    expect(registrations.filter((r) => !r.type.startsWith('pulumi:providers:'))).toHaveLength(2);
    expect(ids).toEqual({ s5: 'new-rds-instance-rm-bp1orders', s6: 'new-rds-database-rm-bp1orders-orders' });
    expect(spec.exportIds).toEqual(['s5', 's6']);
  });
});

describe('program: AWS leaked key', () => {
  const plan = awsPlan();

  it('import phase registers each type with its import id and regional / global providers bound to the account', async () => {
    const { byName } = await run(plan, 'import');
    expect(byName('ec2-instance-i-0aaa1111')).toMatchObject({ type: 'aws:ec2/instance:Instance', importId: 'i-0aaa1111' });
    expect(byName('vpc-securitygroupingressrule-sgr-0open22')).toMatchObject({ type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', importId: 'sgr-0open22' });
    expect(byName('ec2-securitygrouprule-sgrule-123456').inputs).toMatchObject({ cidrBlocks: ['0.0.0.0/0'], fromPort: 3389 });
    expect(byName('iam-userpolicy-deploy-inline')).toMatchObject({ type: 'aws:iam/userPolicy:UserPolicy', importId: 'deploy:inline' });
    expect(byName('iam-userpolicy-deploy-inline').inputs.policy).toContain('"Action":"*"');
    expect(byName('iam-accesskey-AKIABACKDOOR').provider).toMatch(/::aws-global::/);
    const global = registrations.find((r) => r.name === 'aws-global')!;
    // Provider configuration reaches the engine JSON-encoded.
    expect(global.inputs).toMatchObject({ region: 'us-east-1', allowedAccountIds: '["123456789012"]' });
  });

  it('converge phase keeps only the updated policy, now with the after inputs and no import', async () => {
    const { byName } = await run(plan, 'converge');
    const policy = byName('iam-userpolicy-deploy-inline');
    expect(policy.importId).toBe('');
    expect(policy.inputs.policy).toContain('s3:GetObject');
    expect(registrations.filter((r) => !r.type.startsWith('pulumi:providers:')).map((r) => r.name)).toEqual(['iam-userpolicy-deploy-inline']);
  });
});

describe('type tokens', () => {
  it('every token of the seed scenarios resolves to its SDK class', async () => {
    for (const t of [
      'alicloud:ecs/instance:Instance',
      'alicloud:ecs/securityGroupRule:SecurityGroupRule',
      'alicloud:ram/accessKey:AccessKey',
      'alicloud:rds/instance:Instance',
      'aws:ec2/instance:Instance',
      'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
      'aws:ec2/securityGroupRule:SecurityGroupRule',
      'aws:iam/userPolicy:UserPolicy',
      'aws:iam/accessKey:AccessKey',
    ]) {
      expect((await resolveResourceClass(t)).__pulumiType).toBe(t);
    }
  });

  it('a token without a class is one clear error', async () => {
    await expect(resolveResourceClass('aws:ec2/instanse:Instanse')).rejects.toThrow(/aws:ec2\/instanse:Instanse is not a resource of @pulumi\/aws \(no class aws\.ec2\.Instanse\)/);
    await expect(resolveResourceClass('gcp:compute/instance:Instance')).rejects.toThrow(/only aws and alicloud/);
    await expect(resolveResourceClass('nonsense')).rejects.toThrow(/not a Pulumi type token/);
  });
});
