import type { Cause, Plan, Step } from '../../src/plan/model.js';

/** Small hand-made plans: every review rule has a step to bite on. */

export const CLOCK = new Date('2026-11-01T10:00:00.000Z');

const cause = (n: number, name: string): Cause => ({
  eventId: `ev-${n}`,
  time: `2026-10-14T03:0${n}:00Z`,
  name,
  actor: 'ci-deployer',
  accessKeyId: 'LTAI5tQ7mXn3Vb2KcR8pWz1Y',
  sourceIp: '192.0.2.77',
});

export function step(id: string, over: Partial<Step> & Pick<Step, 'action'> & { type: string; rid: string }): Step {
  const { type, rid, ...rest } = over;
  return {
    id,
    resource: { provider: 'alicloud', type, id: rid, region: 'cn-hangzhou', account: '1234567890123456' },
    before: null,
    after: null,
    patch: [],
    unknown: [],
    dependsOn: [],
    risks: [],
    causedBy: [cause(Number(id.slice(1)), 'SomeWrite')],
    decision: 'pending',
    ...rest,
  };
}

/**
 * s1 create VPC ← s2 create VSwitch (needs s1)
 * s3 update instance, instanceType unknown
 * s4 delete RDS instance (data-loss)
 * s5, s6 delete security group rules (same kind)
 */
export function fixturePlan(): Plan {
  return {
    schemaVersion: 1,
    tool: 'trailback test',
    createdAt: '2026-10-30T00:00:00Z',
    mode: { kind: 'point-in-time', at: '2026-10-14T00:00:00Z' },
    trail: { sources: ['trail'], events: 10, writes: 9, digest: 'a'.repeat(64) },
    current: { source: 'trail', digest: 'b'.repeat(64) },
    steps: [
      step('s1', {
        action: 'create',
        type: 'alicloud:vpc/network:Network',
        rid: 'vpc-1',
        after: { cidrBlock: '10.0.0.0/8', vpcName: 'prod' },
        patch: [{ op: 'add', path: '', value: { cidrBlock: '10.0.0.0/8', vpcName: 'prod' } }],
        risks: [{ kind: 'new-identity', detail: 're-created resources get a new id' }],
      }),
      step('s2', {
        action: 'create',
        type: 'alicloud:vpc/switch:Switch',
        rid: 'vsw-1',
        after: { vpcId: 'vpc-1', cidrBlock: '10.1.0.0/16' },
        patch: [{ op: 'add', path: '', value: { vpcId: 'vpc-1', cidrBlock: '10.1.0.0/16' } }],
        dependsOn: ['s1'],
        risks: [{ kind: 'new-identity', detail: 're-created resources get a new id' }],
      }),
      step('s3', {
        action: 'update',
        type: 'alicloud:ecs/instance:Instance',
        rid: 'i-1',
        before: { instanceType: 'ecs.g7.8xlarge', instanceName: 'app' },
        after: { instanceName: 'app' },
        patch: [{ op: 'remove', path: '/instanceType' }],
        unknown: ['instanceType'],
        risks: [{ kind: 'unknown-prior', detail: 'instanceType: the value before the change is not in the trail' }],
      }),
      step('s4', {
        action: 'delete',
        type: 'alicloud:rds/instance:Instance',
        rid: 'rm-1',
        before: { engine: 'MySQL', instanceStorage: 20 },
        patch: [{ op: 'remove', path: '' }],
        risks: [
          { kind: 'destructive', detail: 'deletes Instance rm-1' },
          { kind: 'data-loss', detail: 'Instance rm-1 holds data; deleting it loses that data' },
        ],
      }),
      step('s5', {
        action: 'delete',
        type: 'alicloud:ecs/securityGroupRule:SecurityGroupRule',
        rid: 'sg-1:ingress:22',
        before: { portRange: '22/22', cidrIp: '0.0.0.0/0' },
        patch: [{ op: 'remove', path: '' }],
        risks: [{ kind: 'destructive', detail: 'deletes SecurityGroupRule' }],
      }),
      step('s6', {
        action: 'delete',
        type: 'alicloud:ecs/securityGroupRule:SecurityGroupRule',
        rid: 'sg-1:ingress:3389',
        before: { portRange: '3389/3389', cidrIp: '0.0.0.0/0' },
        patch: [{ op: 'remove', path: '' }],
        risks: [{ kind: 'destructive', detail: 'deletes SecurityGroupRule' }],
      }),
    ],
    conflicts: [],
    warnings: ['1 write event(s) not replayed, unknown to the catalog: Foo ×1'],
    approval: null,
  };
}

/** The fixture with some decisions already made. */
export function withDecisions(plan: Plan, decisions: Record<string, Step['decision']>): Plan {
  return { ...plan, steps: plan.steps.map((s) => (decisions[s.id] ? { ...s, decision: decisions[s.id]! } : s)) };
}
