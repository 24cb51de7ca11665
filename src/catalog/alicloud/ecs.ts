/**
 * ECS (serviceName `Ecs`, API 2014-05-26): instances, security groups and their rules, disks.
 * The ECS API's older copies of the VPC and EIP calls live in vpc.ts (`networkEntries('ecs')`).
 */
import type { TrailEvent } from '../../events/model.js';
import type { Effect } from '../../replay/effect.js';
import { isPlainObject, str } from '../../util/json.js';
import { at, bool, forEachId, ids, pick, skip, strings, target } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { asBool, asList, asLower, asNum, asStr, create, del, entry, has, ignore, modify, orSkip, refIds, req, withTags, type Rec } from './common.js';
import { networkEntries } from './vpc.js';

export const INSTANCE = 'alicloud:ecs/instance:Instance';
export const SECURITY_GROUP = 'alicloud:ecs/securityGroup:SecurityGroup';
export const RULE = 'alicloud:ecs/securityGroupRule:SecurityGroupRule';
export const DISK = 'alicloud:ecs/ecsDisk:EcsDisk';
export const DISK_ATTACHMENT = 'alicloud:ecs/ecsDiskAttachment:EcsDiskAttachment';
export const ENI = 'alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface';

const REF_INSTANCE = 'ACS::ECS::Instance';
const REF_DISK = 'ACS::ECS::Disk';

// ---------------------------------------------------------------- instances

/** RunInstances / CreateInstance parameters → `ecs/instance` inputs (api-params.md, checked against the SDK). */
const INSTANCE_FIELDS = {
  ImageId: 'imageId',
  InstanceType: 'instanceType',
  ZoneId: 'availabilityZone',
  InstanceName: 'instanceName',
  HostName: 'hostName',
  Description: 'description',
  InternetChargeType: 'internetChargeType',
  InternetMaxBandwidthOut: asNum('internetMaxBandwidthOut'),
  InternetMaxBandwidthIn: asNum('internetMaxBandwidthIn'),
  'SystemDisk.Category': 'systemDiskCategory',
  'SystemDisk.Size': asNum('systemDiskSize'),
  'SystemDisk.PerformanceLevel': 'systemDiskPerformanceLevel',
  'SystemDisk.DiskName': 'systemDiskName',
  'SystemDisk.Description': 'systemDiskDescription',
  'SystemDisk.AutoSnapshotPolicyId': 'systemDiskAutoSnapshotPolicyId',
  'SystemDisk.Encrypted': asBool('systemDiskEncrypted'),
  'SystemDisk.KMSKeyId': 'systemDiskKmsKeyId',
  'SystemDisk.EncryptAlgorithm': 'systemDiskEncryptAlgorithm',
  'SystemDisk.BurstingEnabled': asBool('systemDiskBurstingEnabled'),
  'SystemDisk.ProvisionedIops': asNum('systemDiskProvisionedIops'),
  InstanceChargeType: 'instanceChargeType',
  Period: asNum('period'),
  PeriodUnit: 'periodUnit',
  AutoRenew: (v: unknown): [string, unknown] => ['renewalStatus', bool(v) === true ? 'AutoRenewal' : 'Normal'],
  AutoRenewPeriod: asNum('autoRenewPeriod'),
  KeyPairName: 'keyName',
  RamRoleName: 'roleName',
  UserData: 'userData',
  DeletionProtection: asBool('deletionProtection'),
  ResourceGroupId: 'resourceGroupId',
  SpotStrategy: 'spotStrategy',
  SpotPriceLimit: asNum('spotPriceLimit'),
  SpotDuration: asNum('spotDuration'),
  SpotInterruptionBehavior: 'spotInterruptionBehavior',
  HttpTokens: 'httpTokens',
  HttpEndpoint: 'httpEndpoint',
  HttpPutResponseHopLimit: asNum('httpPutResponseHopLimit'),
  PrivateIpAddress: 'privateIp',
  DeploymentSetId: 'deploymentSetId',
  DedicatedHostId: 'dedicatedHostId',
  HpcClusterId: 'hpcClusterId',
  LaunchTemplateId: 'launchTemplateId',
  LaunchTemplateName: 'launchTemplateName',
  LaunchTemplateVersion: asStr('launchTemplateVersion'),
  SecurityEnhancementStrategy: 'securityEnhancementStrategy',
  CreditSpecification: 'creditSpecification',
  AutoReleaseTime: 'autoReleaseTime',
  Ipv6AddressCount: asNum('ipv6AddressCount'),
  Ipv6Address: asList('ipv6Addresses'),
  PasswordInherit: asBool('passwordInherit'),
  'ImageOptions.LoginAsNonRoot': (v: unknown): [string, unknown] => ['imageOptions', { loginAsNonRoot: bool(v) }],
};

const DATA_DISK_FIELDS = {
  Category: 'category',
  Size: asNum('size'),
  SnapshotId: 'snapshotId',
  Encrypted: asBool('encrypted'),
  DeleteWithInstance: asBool('deleteWithInstance'),
  PerformanceLevel: 'performanceLevel',
  KMSKeyId: 'kmsKeyId',
  DiskName: 'name',
  Description: 'description',
  Device: 'device',
  AutoSnapshotPolicyId: 'autoSnapshotPolicyId',
  BurstingEnabled: asBool('burstingEnabled'),
  ProvisionedIops: asNum('provisionedIops'),
};

/** The primary ENI of RunInstances' `NetworkInterface.N`: it carries the instance's vSwitch and groups. */
function primaryNic(r: Rec): Rec | undefined {
  const nics = Array.isArray(r.NetworkInterface) ? r.NetworkInterface.filter(isPlainObject) : [];
  return nics.find((n) => n.InstanceType === 'Primary') ?? nics[0];
}

function instanceInputs(r: Rec): { inputs: Rec; unknown: string[] } {
  const inputs: Rec = withTags(pick(r, INSTANCE_FIELDS), r);
  const nic = primaryNic(r);
  const groups = strings(r, 'SecurityGroupId', 'SecurityGroupIds');
  if (groups.length === 0 && nic) groups.push(...strings(nic, 'SecurityGroupId', 'SecurityGroupIds'));
  if (groups.length > 0) inputs.securityGroups = groups;
  const vswitch = str(r.VSwitchId) ?? (nic && str(nic.VSwitchId));
  if (vswitch) inputs.vswitchId = vswitch;
  if (nic && typeof nic.NetworkInterfaceTrafficMode === 'string') inputs.networkInterfaceTrafficMode = nic.NetworkInterfaceTrafficMode;
  if (Array.isArray(r.DataDisk)) inputs.dataDisks = r.DataDisk.filter(isPlainObject).map((d) => pick(d, DATA_DISK_FIELDS));
  const unknown: string[] = [];
  if (has(r, 'Password')) unknown.push('password');
  // With Amount > 1 and a unique suffix, each instance gets its own name: the template is not the value.
  const amount = Number(at(r, 'Amount') ?? at(r, 'MinAmount') ?? 1);
  if (amount > 1 && bool(r.UniqueSuffix) === true) {
    for (const p of ['instanceName', 'hostName']) {
      if (p in inputs) {
        delete inputs[p];
        unknown.push(p);
      }
    }
  }
  return { inputs, unknown };
}

/** A console purchase logs only the new id: the spec is there but not shown. */
const PURCHASED_INSTANCE_SPEC = ['imageId', 'instanceType', 'availabilityZone', 'vswitchId', 'securityGroups', 'systemDiskCategory', 'systemDiskSize', 'instanceChargeType', 'period'];
const PURCHASED_DISK_SPEC = ['category', 'size', 'zoneId'];

function createInstances(e: TrailEvent): Outcome {
  const r = req(e);
  if (e.name === 'Create') {
    // Generic console purchase: the referenced type says what was bought.
    const instances = refIds(e, REF_INSTANCE);
    if (instances.length > 0) return instances.map((id) => create(target(INSTANCE, id), {}, PURCHASED_INSTANCE_SPEC));
    return forEachId(refIds(e, REF_DISK), 'instance or disk', (id) => create(target(DISK, id), {}, PURCHASED_DISK_SPEC));
  }
  const { inputs, unknown } = instanceInputs(r);
  // RunInstances starts what it creates; CreateInstance leaves the instance Stopped (API docs).
  const status = e.name === 'CreateInstance' ? 'Stopped' : 'Running';
  const found = ids(e, { response: ['InstanceIdSets.InstanceIdSet', 'InstanceId'], refType: REF_INSTANCE });
  return forEachId(found, 'instance', (id) => create(target(INSTANCE, id), { ...inputs, status }, unknown));
}

function deleteInstances(e: TrailEvent): Outcome {
  const instances = ids(e, { request: ['InstanceId'], refType: REF_INSTANCE });
  if (instances.length > 0 || e.name !== 'Release') return forEachId(instances, 'instance', (id) => del(target(INSTANCE, id)));
  // A system `Release` of something other than an instance: a subscription disk.
  return forEachId(refIds(e, REF_DISK), 'instance or disk', (id) => del(target(DISK, id)));
}

function instanceIds(e: TrailEvent): string[] {
  return ids(e, { request: ['InstanceId'], refType: REF_INSTANCE });
}

function setStatus(e: TrailEvent): Outcome {
  const stopping = e.name.startsWith('Stop');
  const values: Rec = { status: stopping ? 'Stopped' : 'Running' };
  if (stopping && typeof req(e).StoppedMode === 'string') values.stoppedMode = req(e).StoppedMode;
  return forEachId(instanceIds(e), 'instance', (id) => modify(target(INSTANCE, id), values));
}

function modifyInstanceAttribute(e: TrailEvent): Outcome {
  const r = req(e);
  const values = pick(r, {
    InstanceName: 'instanceName',
    HostName: 'hostName',
    Description: 'description',
    UserData: 'userData',
    DeletionProtection: asBool('deletionProtection'),
    CreditSpecification: 'creditSpecification',
    EnableJumboFrame: asBool('enableJumboFrame'),
    // The list replaces the instance's groups (JoinSecurityGroup/LeaveSecurityGroup add and remove).
    SecurityGroupIds: asList('securityGroups'),
  });
  const hidden = has(r, 'Password') ? ['password'] : [];
  return orSkip(forEachId(instanceIds(e), 'instance', (id) => modify(target(INSTANCE, id), values, hidden)), e);
}

/** ModifyInstanceSpec (pay-as-you-go) and ModifyPrepayInstanceSpec: type, bandwidth, and disk categories. */
function modifyInstanceSpec(e: TrailEvent): Outcome {
  const r = req(e);
  const values = pick(r, {
    InstanceType: 'instanceType',
    InternetMaxBandwidthOut: asNum('internetMaxBandwidthOut'),
    InternetMaxBandwidthIn: asNum('internetMaxBandwidthIn'),
    'SystemDisk.Category': 'systemDiskCategory',
  });
  const disks: Effect[] = [];
  for (const d of Array.isArray(r.Disk) ? r.Disk.filter(isPlainObject) : []) {
    const id = str(d.DiskId);
    if (id) disks.push(...modify(target(DISK, id), pick(d, { Category: 'category', PerformanceLevel: 'performanceLevel' })));
  }
  return orSkip(forEachId(instanceIds(e), 'instance', (id) => [...modify(target(INSTANCE, id), values), ...disks]), e);
}

/**
 * JoinSecurityGroup / LeaveSecurityGroup: add or remove one group on an instance, or on an
 * ENI when the call names a NetworkInterfaceId instead.
 */
function joinOrLeave(e: TrailEvent): Outcome {
  const r = req(e);
  const group = str(r.SecurityGroupId);
  if (!group) return skip('no security group id in the event');
  const op = e.name === 'JoinSecurityGroup' ? 'add' : 'remove';
  const instance = str(r.InstanceId);
  if (instance) return [{ kind: 'update', target: target(INSTANCE, instance), ops: [{ op, path: 'securityGroups', values: [group] }] }];
  return forEachId(strings(r, 'NetworkInterfaceId'), 'instance or network interface', (id) => ({
    kind: 'update',
    target: target(ENI, id),
    ops: [{ op, path: 'securityGroupIds', values: [group] }],
  }));
}

// ---------------------------------------------------------------- security groups

function groupIds(e: TrailEvent): string[] {
  return ids(e, { request: ['SecurityGroupId'], response: ['SecurityGroupId'], refType: 'ACS::ECS::SecurityGroup' });
}

function createSecurityGroup(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(
    pick(r, {
      VpcId: 'vpcId',
      SecurityGroupName: 'securityGroupName',
      Description: 'description',
      SecurityGroupType: 'securityGroupType',
      ResourceGroupId: 'resourceGroupId',
    }),
    r,
  );
  const found = ids(e, { response: ['SecurityGroupId'], refType: 'ACS::ECS::SecurityGroup' });
  return forEachId(found, 'security group', (id) => create(target(SECURITY_GROUP, id), inputs));
}

// ---------------------------------------------------------------- security group rules

type Direction = 'ingress' | 'egress';

const COMMON_RULE_FIELDS = {
  IpProtocol: asLower('ipProtocol'),
  PortRange: 'portRange',
  Policy: asLower('policy'),
  Priority: asNum('priority'),
  NicType: asLower('nicType'),
  Description: 'description',
};

/** Pulumi reuses `cidrIp`/`sourceSecurityGroupId`/… for the peer of both directions. */
const PEER_FIELDS: Record<Direction, Record<string, string | ((v: unknown) => [string, unknown] | undefined)>> = {
  ingress: {
    SourceCidrIp: 'cidrIp',
    Ipv6SourceCidrIp: 'ipv6CidrIp',
    SourceGroupId: 'sourceSecurityGroupId',
    SourceGroupOwnerAccount: 'sourceGroupOwnerAccount',
    SourceGroupOwnerId: asStr('sourceGroupOwnerId'),
    SourcePrefixListId: 'prefixListId',
  },
  egress: {
    DestCidrIp: 'cidrIp',
    Ipv6DestCidrIp: 'ipv6CidrIp',
    DestGroupId: 'sourceSecurityGroupId',
    DestGroupOwnerAccount: 'sourceGroupOwnerAccount',
    DestGroupOwnerId: asStr('sourceGroupOwnerId'),
    DestPrefixListId: 'prefixListId',
  },
};

const directionOf = (name: string): Direction => (name.includes('Egress') ? 'egress' : 'ingress');

/** The rules a call names by tuple: each `Permissions.N`, else the legacy top-level keys. */
function rulesOf(e: TrailEvent): Rec[] {
  const r = req(e);
  const group = str(r.SecurityGroupId);
  if (!group) return [];
  const direction = directionOf(e.name);
  const perms = Array.isArray(r.Permissions) ? r.Permissions.filter(isPlainObject) : r.IpProtocol !== undefined ? [r] : [];
  return perms.map((p) => ({ type: direction, securityGroupId: group, ...pick(p, { ...COMMON_RULE_FIELDS, ...PEER_FIELDS[direction] }) }));
}

/**
 * The provider's import id `<group>:<type>:<protocol>:<ports>:<nicType>:<peer>:<policy>:<priority>`.
 * Parts the call left out take the API defaults (policy accept, priority 1, NIC intranet — the
 * only NIC type of VPC groups), so an Authorize and a later Revoke of one tuple meet.
 */
export function ruleId(rule: Rec): string {
  const peer = rule.cidrIp ?? rule.ipv6CidrIp ?? rule.sourceSecurityGroupId ?? rule.prefixListId ?? '';
  return [rule.securityGroupId, rule.type, rule.ipProtocol ?? '', rule.portRange ?? '', rule.nicType ?? 'intranet', peer, rule.policy ?? 'accept', rule.priority ?? 1]
    .map(String)
    .join(':');
}

function authorize(e: TrailEvent): Outcome {
  const rules = rulesOf(e);
  if (rules.length === 0) return skip('no security group id or rule tuple in the event');
  return rules.map((rule) => create(target(RULE, ruleId(rule)), rule));
}

function revoke(e: TrailEvent): Outcome {
  const rules = rulesOf(e);
  if (rules.length > 0) return rules.map((rule) => del(target(RULE, ruleId(rule))));
  // Revoking by SecurityGroupRuleId.N names rules by a cloud id no Pulumi input holds.
  if (has(req(e), 'SecurityGroupRuleId')) return skip('rules revoked by SecurityGroupRuleId: the event does not show their tuple');
  return skip('no security group id or rule tuple in the event');
}

/**
 * ModifySecurityGroupRule / ModifySecurityGroupEgressRule. By tuple (the older form) the call
 * can only change the description: the tuple is the rule's identity. The newer form names
 * the rule by SecurityGroupRuleId, which maps to no input.
 */
function modifyRule(e: TrailEvent): Outcome {
  if (has(req(e), 'SecurityGroupRuleId')) return skip('rule named by SecurityGroupRuleId: the event does not show which tuple it had');
  const rules = rulesOf(e);
  if (rules.length === 0) return skip('no security group id or rule tuple in the event');
  return orSkip(rules.flatMap((rule) => modify(target(RULE, ruleId(rule)), rule.description === undefined ? {} : { description: rule.description })), e);
}

// ---------------------------------------------------------------- disks

function diskIds(e: TrailEvent): string[] {
  return ids(e, { request: ['DiskId', 'DiskIds'], refType: REF_DISK });
}

function createDisk(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(
    pick(r, {
      ZoneId: 'zoneId',
      DiskCategory: 'category',
      Size: asNum('size'),
      SnapshotId: 'snapshotId',
      DiskName: 'diskName',
      Description: 'description',
      Encrypted: asBool('encrypted'),
      KMSKeyId: 'kmsKeyId',
      EncryptAlgorithm: 'encryptAlgorithm',
      PerformanceLevel: 'performanceLevel',
      InstanceId: 'instanceId',
      ResourceGroupId: 'resourceGroupId',
      MultiAttach: 'multiAttach',
      BurstingEnabled: asBool('burstingEnabled'),
      ProvisionedIops: asNum('provisionedIops'),
      StorageSetId: 'storageSetId',
      StorageSetPartitionNumber: asNum('storageSetPartitionNumber'),
      AdvancedFeatures: 'advancedFeatures',
    }),
    r,
  );
  return forEachId(ids(e, { response: ['DiskId'], refType: REF_DISK }), 'disk', (id) => create(target(DISK, id), inputs));
}

/** The provider's import id of an attachment: `<diskId>:<instanceId>`. */
function attachment(e: TrailEvent): { id: string; diskId: string; instanceId: string } | undefined {
  const r = req(e);
  const diskId = str(r.DiskId) ?? refIds(e, REF_DISK)[0];
  const instanceId = str(r.InstanceId) ?? refIds(e, REF_INSTANCE)[0];
  return diskId && instanceId ? { id: `${diskId}:${instanceId}`, diskId, instanceId } : undefined;
}

function attachDisk(e: TrailEvent): Outcome {
  const a = attachment(e);
  if (!a) return skip('no disk id and instance id in the event');
  const r = req(e);
  const inputs = { diskId: a.diskId, instanceId: a.instanceId, ...pick(r, { DeleteWithInstance: asBool('deleteWithInstance'), Bootable: asBool('bootable'), KeyPairName: 'keyPairName' }) };
  return [create(target(DISK_ATTACHMENT, a.id), inputs, has(r, 'Password') ? ['password'] : [])];
}

function detachDisk(e: TrailEvent): Outcome {
  const a = attachment(e);
  return a ? [del(target(DISK_ATTACHMENT, a.id))] : skip('no disk id and instance id in the event');
}

function diskChange(fields: Parameters<typeof pick>[1]) {
  return (e: TrailEvent): Outcome => {
    const values = pick(req(e), fields);
    return orSkip(forEachId(diskIds(e), 'disk', (id) => modify(target(DISK, id), values)), e);
  };
}

// ---------------------------------------------------------------- catalog

const ecs = (spec: Parameters<typeof entry>[1]) => entry('ecs', spec);

export const ecsCatalog: ServiceCatalog = {
  entries: [
    ecs({
      names: ['RunInstances', 'CreateInstance', 'Create'],
      types: [INSTANCE, DISK],
      action: 'create',
      summary: 'create instances (one per new id; console purchases: id only, spec unknown)',
      apply: createInstances,
    }),
    ecs({
      names: ['DeleteInstance', 'DeleteInstances', 'Release'],
      types: [INSTANCE, DISK],
      action: 'delete',
      summary: 'delete or release instances (system Release of a disk deletes the disk)',
      apply: deleteInstances,
    }),
    ecs({
      names: ['StartInstance', 'StartInstances', 'StopInstance', 'StopInstances'],
      types: [INSTANCE],
      action: 'update',
      summary: 'status Running / Stopped (and stoppedMode)',
      apply: setStatus,
    }),
    ecs({ names: ['ModifyInstanceAttribute'], types: [INSTANCE], action: 'update', summary: 'name, host name, description, user data, protection, security groups (replaced); password touched', apply: modifyInstanceAttribute }),
    ecs({ names: ['ModifyInstanceSpec', 'ModifyPrepayInstanceSpec'], types: [INSTANCE, DISK], action: 'update', summary: 'instance type, bandwidth, system and data disk categories', apply: modifyInstanceSpec }),
    ecs({ names: ['JoinSecurityGroup', 'LeaveSecurityGroup'], types: [INSTANCE, ENI], action: 'update', summary: 'add / remove one security group on an instance or ENI', apply: joinOrLeave }),

    ecs({ names: ['CreateSecurityGroup'], types: [SECURITY_GROUP], action: 'create', summary: 'create a security group', apply: createSecurityGroup }),
    ecs({ names: ['DeleteSecurityGroup'], types: [SECURITY_GROUP], action: 'delete', summary: 'delete a security group', apply: (e) => forEachId(groupIds(e), 'security group', (id) => del(target(SECURITY_GROUP, id))) }),
    ecs({
      names: ['ModifySecurityGroupAttribute', 'ModifySecurityGroupPolicy'],
      types: [SECURITY_GROUP],
      action: 'update',
      summary: 'name, description, inner access policy',
      apply: (e) =>
        orSkip(
          forEachId(groupIds(e), 'security group', (id) =>
            modify(target(SECURITY_GROUP, id), pick(req(e), { SecurityGroupName: 'securityGroupName', Description: 'description', InnerAccessPolicy: 'innerAccessPolicy' })),
          ),
          e,
        ),
    }),
    ecs({ names: ['AuthorizeSecurityGroup', 'AuthorizeSecurityGroupEgress'], types: [RULE], action: 'create', summary: 'one rule per Permissions.N (or the legacy tuple), id = provider import id', apply: authorize }),
    ecs({ names: ['RevokeSecurityGroup', 'RevokeSecurityGroupEgress'], types: [RULE], action: 'delete', summary: 'delete the rules named by tuple (not by SecurityGroupRuleId)', apply: revoke }),
    ecs({ names: ['ModifySecurityGroupRule', 'ModifySecurityGroupEgressRule'], types: [RULE], action: 'update', summary: 'rule description, by tuple', apply: modifyRule }),

    ecs({ names: ['CreateDisk'], types: [DISK], action: 'create', summary: 'create a disk', apply: createDisk }),
    ecs({ names: ['DeleteDisk'], types: [DISK], action: 'delete', summary: 'delete a disk (also system deletes with an instance)', apply: (e) => forEachId(diskIds(e), 'disk', (id) => del(target(DISK, id))) }),
    ecs({ names: ['AttachDisk'], types: [DISK_ATTACHMENT], action: 'create', summary: 'attach a disk (id <disk>:<instance>)', apply: attachDisk }),
    ecs({ names: ['DetachDisk'], types: [DISK_ATTACHMENT], action: 'delete', summary: 'detach a disk', apply: detachDisk }),
    ecs({ names: ['ResizeDisk'], types: [DISK], action: 'update', summary: 'disk size', apply: diskChange({ NewSize: asNum('size') }) }),
    ecs({
      names: ['ModifyDiskAttribute'],
      types: [DISK],
      action: 'update',
      summary: 'disk name, description, release and snapshot flags',
      apply: diskChange({
        DiskName: 'diskName',
        Description: 'description',
        DeleteWithInstance: asBool('deleteWithInstance'),
        DeleteAutoSnapshot: asBool('deleteAutoSnapshot'),
        EnableAutoSnapshot: asBool('enableAutoSnapshot'),
        BurstingEnabled: asBool('burstingEnabled'),
      }),
    }),
    ecs({ names: ['ModifyDiskSpec'], types: [DISK], action: 'update', summary: 'disk category and performance level', apply: diskChange({ DiskCategory: 'category', PerformanceLevel: 'performanceLevel', ProvisionedIops: asNum('provisionedIops') }) }),

    ...networkEntries('ecs'),
  ],
  nonState: [
    ignore('ecs', ['RebootInstance', 'RebootInstances'], 'a reboot leaves the instance Running with the same configuration'),
    ignore('ecs', ['Renew', 'RenewInstance'], 'renewal extends a subscription; no configured input changes'),
  ],
  references: [
    { from: INSTANCE, input: 'vswitchId', to: 'alicloud:vpc/switch:Switch' },
    { from: INSTANCE, input: 'securityGroups', to: SECURITY_GROUP },
    { from: ENI, input: 'securityGroupIds', to: SECURITY_GROUP },
    { from: ENI, input: 'vswitchId', to: 'alicloud:vpc/switch:Switch' },
    { from: SECURITY_GROUP, input: 'vpcId', to: 'alicloud:vpc/network:Network' },
    { from: RULE, input: 'securityGroupId', to: SECURITY_GROUP, cascade: true },
    { from: RULE, input: 'sourceSecurityGroupId', to: SECURITY_GROUP },
    { from: DISK_ATTACHMENT, input: 'diskId', to: DISK, cascade: true },
    { from: DISK_ATTACHMENT, input: 'instanceId', to: INSTANCE, cascade: true },
    // A disk created attached (CreateDisk InstanceId) is a link only: whether it dies with
    // the instance depends on DeleteWithInstance, and the system logs its own DeleteDisk.
    { from: DISK, input: 'instanceId', to: INSTANCE },
  ],
  // An instance's system disk goes with it, so deleting an instance loses data too.
  dataHolding: [DISK, INSTANCE],
};
