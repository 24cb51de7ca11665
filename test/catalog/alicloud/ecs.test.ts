import { describe, expect, it } from 'vitest';
import { DISK, DISK_ATTACHMENT, ENI, INSTANCE, RULE, SECURITY_GROUP } from '../../../src/catalog/alicloud/ecs.js';
import { ecs, samples } from './events.js';
import { effectsOf, lookup } from './helpers.js';

const SG = 'sg-bp1fg655nh68xyz9i6mv';
const I1 = 'i-bp1g6zv0ce8oghu7k2a1';
const I2 = 'i-bp1g6zv0ce8oghu7k2a2';
const DATA = 'd-bp1data0disk00000001';

describe('ECS instances', () => {
  it.skipIf(!samples.runInstances)('RunInstances (published console sample): one instance from the response id, primary ENI gives vSwitch and group', () => {
    expect(effectsOf(samples.runInstances!)).toEqual([
      {
        kind: 'create',
        target: { type: INSTANCE, id: 'i-bp12uqx3r5o21mj0trru' },
        inputs: {
          imageId: 'aliyun_3_9_x64_20G_uefi_alibase_20231219.vhd',
          instanceType: 'ecs.t5-lc2m1.nano',
          availabilityZone: 'cn-hangzhou-h',
          instanceName: 'launch-advisor-20250707',
          internetMaxBandwidthOut: 0,
          systemDiskCategory: 'cloud_efficiency',
          systemDiskSize: 20,
          httpTokens: 'optional',
          securityEnhancementStrategy: 'Active',
          imageOptions: { loginAsNonRoot: false },
          securityGroups: ['sg-bp19xclfrq0xuz3xnkob'],
          vswitchId: 'vsw-bp1nrd050apxfda654dd7',
          networkInterfaceTrafficMode: 'Standard',
          status: 'Running',
        },
      },
    ]);
  });

  it('RunInstances with Amount 3: one create per InstanceIdSet id; suffixed names and the password are unknown', () => {
    const inputs = {
      imageId: 'ubuntu_22_04_x64_20G_alibase_20240101.vhd',
      instanceType: 'ecs.g7.large',
      availabilityZone: 'cn-hangzhou-i',
      internetChargeType: 'PayByTraffic',
      internetMaxBandwidthOut: 100,
      systemDiskCategory: 'cloud_essd',
      systemDiskSize: 40,
      systemDiskPerformanceLevel: 'PL0',
      instanceChargeType: 'PostPaid',
      tags: { owner: 'nobody' },
      securityGroups: [SG],
      vswitchId: 'vsw-bp1s5fnvk4gn2tws03624',
      dataDisks: [{ category: 'cloud_essd', size: 200, deleteWithInstance: true }],
      status: 'Running',
    };
    expect(effectsOf(ecs.runInstancesAmount3)).toEqual(
      [I1, I2, 'i-bp1g6zv0ce8oghu7k2a3'].map((id) => ({ kind: 'create', target: { type: INSTANCE, id }, inputs, unknown: ['password', 'instanceName', 'hostName'] })),
    );
    expect(JSON.stringify(effectsOf(ecs.runInstancesAmount3))).not.toContain('Xx1234567890!');
  });

  it('CreateInstance: id from the response, the instance starts Stopped', () => {
    expect(effectsOf(ecs.createInstance)).toEqual([
      {
        kind: 'create',
        target: { type: INSTANCE, id: 'i-bp1c8w2xvq0mzk3nqvv9' },
        inputs: {
          imageId: 'centos_7_9_x64_20G_alibase_20230919.vhd',
          instanceType: 'ecs.c6.large',
          instanceName: 'db-proxy',
          systemDiskCategory: 'cloud_essd',
          systemDiskSize: 40,
          instanceChargeType: 'PrePaid',
          period: 1,
          periodUnit: 'Month',
          renewalStatus: 'AutoRenewal',
          keyName: 'ops-key',
          deletionProtection: true,
          securityGroups: [SG],
          vswitchId: 'vsw-bp1s5fnvk4gn2tws03624',
          dataDisks: [{ category: 'cloud_essd', size: 100, encrypted: true }],
          status: 'Stopped',
        },
        unknown: ['password'],
      },
    ]);
  });

  it('console Create: id from referencedResources, spec unknown; a disk purchase creates a disk', () => {
    expect(effectsOf(ecs.consoleCreate)).toEqual([
      {
        kind: 'create',
        target: { type: INSTANCE, id: 'i-bp1h5c6x9dmwrdyk3ve0' },
        inputs: {},
        unknown: ['imageId', 'instanceType', 'availabilityZone', 'vswitchId', 'securityGroups', 'systemDiskCategory', 'systemDiskSize', 'instanceChargeType', 'period'],
      },
    ]);
    expect(effectsOf(ecs.consoleCreateDisk)).toEqual([{ kind: 'create', target: { type: DISK, id: 'd-bp1dk0console0000001' }, inputs: {}, unknown: ['category', 'size', 'zoneId'] }]);
  });

  it.skipIf(!samples.release)('Release (published system event): delete from referencedResources', () => {
    expect(effectsOf(samples.release!)).toEqual([{ kind: 'delete', target: { type: INSTANCE, id: 'i-bp67acfmxazb4p****' } }]);
  });

  it('DeleteInstances / DeleteInstance: one delete per InstanceId.N', () => {
    expect(effectsOf(ecs.deleteInstances)).toEqual([
      { kind: 'delete', target: { type: INSTANCE, id: I1 } },
      { kind: 'delete', target: { type: INSTANCE, id: I2 } },
    ]);
    expect(effectsOf(ecs.deleteInstance)).toEqual([{ kind: 'delete', target: { type: INSTANCE, id: 'i-bp1g6zv0ce8oghu7k2a3' } }]);
  });

  it.skipIf(!samples.stopInstance)('StopInstance (published sample): status Stopped', () => {
    expect(effectsOf(samples.stopInstance!)).toEqual([{ kind: 'update', target: { type: INSTANCE, id: 'i-2zeip56clb391fpf****' }, ops: [{ op: 'set', path: 'status', value: 'Stopped' }] }]);
  });

  it('StopInstance(s) with StoppedMode, StartInstance(s): status per instance', () => {
    const stopped = (id: string) => ({
      kind: 'update',
      target: { type: INSTANCE, id },
      ops: [
        { op: 'set', path: 'status', value: 'Stopped' },
        { op: 'set', path: 'stoppedMode', value: 'StopCharging' },
      ],
    });
    expect(effectsOf(ecs.stopInstances)).toEqual([stopped(I1), stopped(I2)]);
    expect(effectsOf(ecs.stopInstance)).toEqual([{ kind: 'update', target: { type: INSTANCE, id: I1 }, ops: [{ op: 'set', path: 'status', value: 'Stopped' }] }]);
    const running = [{ kind: 'update', target: { type: INSTANCE, id: I1 }, ops: [{ op: 'set', path: 'status', value: 'Running' }] }];
    expect(effectsOf(ecs.startInstances)).toEqual(running);
    expect(effectsOf(ecs.startInstance)).toEqual(running);
  });

  it('RebootInstance(s) are known not to change state', () => {
    expect(lookup(ecs.rebootInstances).kind).toBe('non-state');
  });

  it('ModifyInstanceAttribute: values set, SecurityGroupIds replace the list, the password is touched', () => {
    expect(effectsOf(ecs.modifyInstanceAttribute)).toEqual([
      {
        kind: 'update',
        target: { type: INSTANCE, id: I1 },
        ops: [
          { op: 'set', path: 'instanceName', value: 'web-01' },
          { op: 'set', path: 'deletionProtection', value: false },
          { op: 'set', path: 'securityGroups', value: [SG, 'sg-bp1open0world000001'] },
        ],
      },
      { kind: 'touch', target: { type: INSTANCE, id: I1 }, paths: ['password'] },
    ]);
    expect(effectsOf(ecs.modifyInstanceAttributeNothing)).toEqual({ skip: 'ModifyInstanceAttribute changes no attribute trailback models (request keys: InstanceId, NetworkInterfaceQueueNumber)' });
  });

  it('ModifyInstanceSpec / ModifyPrepayInstanceSpec: type, bandwidth, disk categories', () => {
    expect(effectsOf(ecs.modifyInstanceSpec)).toEqual([
      {
        kind: 'update',
        target: { type: INSTANCE, id: I1 },
        ops: [
          { op: 'set', path: 'instanceType', value: 'ecs.g7.2xlarge' },
          { op: 'set', path: 'internetMaxBandwidthOut', value: 200 },
        ],
      },
      { kind: 'update', target: { type: DISK, id: DATA }, ops: [{ op: 'set', path: 'category', value: 'cloud_essd' }] },
    ]);
    expect(effectsOf(ecs.modifyPrepayInstanceSpec)).toEqual([
      {
        kind: 'update',
        target: { type: INSTANCE, id: 'i-bp1c8w2xvq0mzk3nqvv9' },
        ops: [
          { op: 'set', path: 'instanceType', value: 'ecs.c6.xlarge' },
          { op: 'set', path: 'systemDiskCategory', value: 'cloud_essd' },
        ],
      },
    ]);
  });

  it('JoinSecurityGroup / LeaveSecurityGroup add and remove one group (instance or ENI)', () => {
    expect(effectsOf(ecs.joinSecurityGroup)).toEqual([{ kind: 'update', target: { type: INSTANCE, id: I1 }, ops: [{ op: 'add', path: 'securityGroups', values: ['sg-bp1open0world000001'] }] }]);
    expect(effectsOf(ecs.leaveSecurityGroup)).toEqual([{ kind: 'update', target: { type: INSTANCE, id: I1 }, ops: [{ op: 'remove', path: 'securityGroups', values: [SG] }] }]);
    expect(effectsOf(ecs.joinSecurityGroupEni)).toEqual([{ kind: 'update', target: { type: ENI, id: 'eni-bp1eni0000000000001' }, ops: [{ op: 'add', path: 'securityGroupIds', values: [SG] }] }]);
  });
});

describe('ECS security groups', () => {
  it('CreateSecurityGroup / DeleteSecurityGroup', () => {
    expect(effectsOf(ecs.createSecurityGroup)).toEqual([
      {
        kind: 'create',
        target: { type: SECURITY_GROUP, id: SG },
        inputs: { vpcId: 'vpc-bp1opxu1zkhn00gzv26cf', securityGroupName: 'web', description: 'web tier', securityGroupType: 'normal', tags: { env: 'prod' } },
      },
    ]);
    expect(effectsOf(ecs.deleteSecurityGroup)).toEqual([{ kind: 'delete', target: { type: SECURITY_GROUP, id: SG } }]);
  });

  it('ModifySecurityGroupAttribute / ModifySecurityGroupPolicy', () => {
    expect(effectsOf(ecs.modifySecurityGroupAttribute)).toEqual([
      {
        kind: 'update',
        target: { type: SECURITY_GROUP, id: SG },
        ops: [
          { op: 'set', path: 'securityGroupName', value: 'web-old' },
          { op: 'set', path: 'description', value: 'retired' },
        ],
      },
    ]);
    expect(effectsOf(ecs.modifySecurityGroupPolicy)).toEqual([{ kind: 'update', target: { type: SECURITY_GROUP, id: SG }, ops: [{ op: 'set', path: 'innerAccessPolicy', value: 'Accept' }] }]);
  });
});

describe('ECS security group rules', () => {
  const ssh = `${SG}:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1`;
  const egress = `${SG}:egress:all:-1/-1:intranet:198.51.100.0/24:drop:10`;

  it('AuthorizeSecurityGroup with two Permissions: two rules, ids in the provider import format, API defaults fill the id', () => {
    expect(effectsOf(ecs.authorizePermissions)).toEqual([
      {
        kind: 'create',
        target: { type: RULE, id: ssh },
        inputs: { type: 'ingress', securityGroupId: SG, ipProtocol: 'tcp', portRange: '22/22', policy: 'accept', priority: 1, description: 'ssh from anywhere', cidrIp: '0.0.0.0/0' },
      },
      {
        kind: 'create',
        target: { type: RULE, id: `${SG}:ingress:tcp:3389/3389:intranet:0.0.0.0/0:accept:2` },
        inputs: { type: 'ingress', securityGroupId: SG, ipProtocol: 'tcp', portRange: '3389/3389', priority: 2, nicType: 'intranet', cidrIp: '0.0.0.0/0' },
      },
    ]);
  });

  it('AuthorizeSecurityGroup with the legacy top-level tuple (source group)', () => {
    expect(effectsOf(ecs.authorizeLegacy)).toEqual([
      {
        kind: 'create',
        target: { type: RULE, id: `${SG}:ingress:tcp:6379/6379:intranet:sg-bp1cache00000000001:accept:1` },
        inputs: { type: 'ingress', securityGroupId: SG, ipProtocol: 'tcp', portRange: '6379/6379', policy: 'accept', nicType: 'intranet', sourceSecurityGroupId: 'sg-bp1cache00000000001' },
      },
    ]);
  });

  it('AuthorizeSecurityGroupEgress: DestCidrIp becomes cidrIp, type egress', () => {
    expect(effectsOf(ecs.authorizeEgress)).toEqual([
      {
        kind: 'create',
        target: { type: RULE, id: egress },
        inputs: { type: 'egress', securityGroupId: SG, ipProtocol: 'all', portRange: '-1/-1', policy: 'drop', priority: 10, cidrIp: '198.51.100.0/24' },
      },
    ]);
  });

  it('RevokeSecurityGroup(Egress) of the same tuple deletes the same id', () => {
    expect(effectsOf(ecs.revokePermissions)).toEqual([{ kind: 'delete', target: { type: RULE, id: ssh } }]);
    expect(effectsOf(ecs.revokeEgress)).toEqual([{ kind: 'delete', target: { type: RULE, id: egress } }]);
  });

  it('a revoke by SecurityGroupRuleId cannot be placed and says so', () => {
    expect(effectsOf(ecs.revokeByRuleId)).toEqual({ skip: 'rules revoked by SecurityGroupRuleId: the event does not show their tuple' });
  });

  it('ModifySecurityGroupRule / ModifySecurityGroupEgressRule by tuple change the description; by rule id they are skipped', () => {
    expect(effectsOf(ecs.modifyRuleByTuple)).toEqual([{ kind: 'update', target: { type: RULE, id: ssh }, ops: [{ op: 'set', path: 'description', value: 'temporary' }] }]);
    expect(effectsOf(ecs.modifyEgressRuleByTuple)).toEqual([{ kind: 'update', target: { type: RULE, id: egress }, ops: [{ op: 'set', path: 'description', value: 'block exfil' }] }]);
    expect(effectsOf(ecs.modifyRuleById)).toEqual({ skip: 'rule named by SecurityGroupRuleId: the event does not show which tuple it had' });
  });
});

describe('ECS disks', () => {
  const attachment = `${DATA}:${I1}`;

  it('CreateDisk: id from the response', () => {
    expect(effectsOf(ecs.createDisk)).toEqual([
      {
        kind: 'create',
        target: { type: DISK, id: DATA },
        inputs: { zoneId: 'cn-hangzhou-i', category: 'cloud_essd', size: 500, diskName: 'data', encrypted: true, performanceLevel: 'PL1', tags: { env: 'prod' } },
      },
    ]);
  });

  it('AttachDisk / DetachDisk: one attachment id <disk>:<instance>', () => {
    expect(effectsOf(ecs.attachDisk)).toEqual([
      { kind: 'create', target: { type: DISK_ATTACHMENT, id: attachment }, inputs: { diskId: DATA, instanceId: I1, deleteWithInstance: false } },
    ]);
    expect(effectsOf(ecs.detachDisk)).toEqual([{ kind: 'delete', target: { type: DISK_ATTACHMENT, id: attachment } }]);
  });

  it('DeleteDisk by id', () => {
    expect(effectsOf(ecs.deleteDisk)).toEqual([{ kind: 'delete', target: { type: DISK, id: DATA } }]);
  });

  it.skipIf(!samples.deleteDisk)('DeleteDisk (published system event): the disk from referencedResources, not the instance next to it', () => {
    expect(effectsOf(samples.deleteDisk!)).toEqual([{ kind: 'delete', target: { type: DISK, id: 'd-8vbf8rpv2nn0l1zm****' } }]);
  });

  it('ResizeDisk, ModifyDiskAttribute, ModifyDiskSpec', () => {
    expect(effectsOf(ecs.resizeDisk)).toEqual([{ kind: 'update', target: { type: DISK, id: DATA }, ops: [{ op: 'set', path: 'size', value: 800 }] }]);
    expect(effectsOf(ecs.modifyDiskAttribute)).toEqual([
      {
        kind: 'update',
        target: { type: DISK, id: DATA },
        ops: [
          { op: 'set', path: 'diskName', value: 'scratch' },
          { op: 'set', path: 'deleteWithInstance', value: true },
        ],
      },
    ]);
    expect(effectsOf(ecs.modifyDiskSpec)).toEqual([
      {
        kind: 'update',
        target: { type: DISK, id: DATA },
        ops: [
          { op: 'set', path: 'category', value: 'cloud_essd' },
          { op: 'set', path: 'performanceLevel', value: 'PL2' },
        ],
      },
    ]);
  });
});
