/** Small builders of valid plans (per the zod schema) for the apply tests, after the seed scenarios. */
import { Plan, stepsDigest, type Step } from '../../src/plan/model.js';

type StepInit = Pick<Step, 'id' | 'action'> & {
  type: string;
  resourceId: string;
  region?: string;
  account?: string;
} & Partial<Omit<Step, 'id' | 'action' | 'resource'>>;

export function step(init: StepInit): Step {
  const { type, resourceId, region, account, ...rest } = init;
  const provider = type.startsWith('aws:') ? 'aws' : 'alicloud';
  return {
    before: null,
    after: null,
    patch: [],
    unknown: [],
    dependsOn: [],
    risks: init.action === 'delete' ? [{ kind: 'destructive', detail: 'deleted' }] : [],
    causedBy: [{ eventId: `ev-${init.id}`, time: '2026-10-14T01:00:00Z', name: 'Call', actor: 'intruder', accessKeyId: 'LTAIleaked' }],
    decision: 'approved',
    ...rest,
    resource: { provider, type, id: resourceId, region: region ?? (provider === 'aws' ? 'us-east-1' : 'cn-hangzhou'), account: account ?? (provider === 'aws' ? '123456789012' : '1234567890123456') },
  };
}

export function makePlan(steps: Step[], opts: { approve?: boolean } = {}): Plan {
  const plan: Plan = {
    schemaVersion: 1,
    tool: 'trailback 0.1.0',
    createdAt: '2026-10-14T08:00:00Z',
    mode: { kind: 'undo', match: { keys: ['LTAIleaked'] } },
    trail: { sources: ['trail/'], events: 40, writes: 12, digest: 'a'.repeat(64) },
    current: { source: 'trail', digest: 'b'.repeat(64) },
    steps,
    conflicts: [],
    warnings: [],
    approval: null,
  };
  if (opts.approve !== false) plan.approval = { by: 'alice', at: '2026-10-14T09:00:00Z', stepsDigest: stepsDigest(plan) };
  return Plan.parse(plan);
}

/** Alibaba Cloud leaked-key clean-up and a released RDS instance re-created with a dependent database. */
export function alicloudPlan(): Plan {
  const ecs = (n: number): Step =>
    step({ id: `s${n}`, action: 'delete', type: 'alicloud:ecs/instance:Instance', resourceId: `i-bp1leaked${n}`, before: { instanceType: 'ecs.g7.large', imageId: 'centos_7', securityGroups: ['sg-bp1web'], instanceName: `miner-${n}` } });
  return makePlan([
    step({ id: 's0', action: 'delete', type: 'alicloud:ecs/securityGroupRule:SecurityGroupRule', resourceId: 'sg-bp1web:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1', before: { type: 'ingress', ipProtocol: 'tcp', portRange: '22/22', cidrIp: '0.0.0.0/0', securityGroupId: 'sg-bp1web', nicType: 'intranet', policy: 'accept', priority: 1 } }),
    ecs(1),
    ecs(2),
    ecs(3),
    step({ id: 's4', action: 'delete', type: 'alicloud:ram/accessKey:AccessKey', resourceId: 'LTAI5tBackdoor', region: 'global', before: { userName: 'ops-bot', status: 'Active', secret: '[redacted]' } }),
    step({
      id: 's5',
      action: 'create',
      type: 'alicloud:rds/instance:Instance',
      resourceId: 'rm-bp1orders',
      after: { engine: 'MySQL', engineVersion: '8.0', instanceType: 'mysql.n2.medium.1', instanceStorage: 100, instanceName: 'orders', vswitchId: 'vsw-bp1app' },
      risks: [{ kind: 'new-identity', detail: 'the re-created instance gets a new id' }],
    }),
    step({ id: 's6', action: 'create', type: 'alicloud:rds/database:Database', resourceId: 'rm-bp1orders:orders', dependsOn: ['s5'], after: { instanceId: 'rm-bp1orders', name: 'orders', characterSet: 'utf8mb4' } }),
  ]);
}

/** AWS leaked-key clean-up: instances, an opened SG rule, an inline policy (restored) and a new access key. */
export function awsPlan(): Plan {
  return makePlan([
    step({ id: 'a1', action: 'delete', type: 'aws:ec2/instance:Instance', resourceId: 'i-0aaa1111', before: { ami: 'ami-0abc', instanceType: 'c5.4xlarge', tags: { Name: 'miner' } } }),
    step({ id: 'a2', action: 'delete', type: 'aws:ec2/instance:Instance', resourceId: 'i-0aaa2222', before: { ami: 'ami-0abc', instanceType: 'c5.4xlarge' } }),
    step({ id: 'a3', action: 'delete', type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', resourceId: 'sgr-0open22', before: { securityGroupId: 'sg-0web', ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' } }),
    step({ id: 'a4', action: 'delete', type: 'aws:ec2/securityGroupRule:SecurityGroupRule', resourceId: 'sgrule-123456', before: { type: 'ingress', securityGroupId: 'sg-0web', protocol: 'tcp', fromPort: 3389, toPort: 3389, cidrBlocks: ['0.0.0.0/0'] } }),
    step({
      id: 'a5',
      action: 'update',
      type: 'aws:iam/userPolicy:UserPolicy',
      resourceId: 'deploy:inline',
      region: 'global',
      before: { user: 'deploy', name: 'inline', policy: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' },
      after: { user: 'deploy', name: 'inline', policy: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' },
      patch: [{ op: 'replace', path: '/policy', value: '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' }],
    }),
    step({ id: 'a6', action: 'delete', type: 'aws:iam/accessKey:AccessKey', resourceId: 'AKIABACKDOOR', region: 'global', before: { user: 'deploy', status: 'Active' } }),
  ]);
}
