/**
 * The events the Alibaba Cloud catalog tests use: published samples (read in place, absent on
 * machines without /work/shared), our JSON fixtures, and records built with the samples' layout.
 * sdk.test.ts runs every one of them through the catalog and checks the effects against the SDK.
 */
import type { TrailEvent } from '../../../src/events/model.js';
import { ev, fixture, sample } from './helpers.js';

export const samples = {
  runInstances: sample('ecs-RunInstances.json'),
  stopInstance: sample('ecs-StopInstance.json'),
  release: sample('ecs-Release.json'),
  deleteDisk: sample('ecs-DeleteDisk.json'),
  restartDb: sample('rds-RestartDBInstance.json'),
  imsCreateUser: sample('ims-CreateUser.json'),
  putBucket: sample('oss-PutBucket.json'),
  createResourceGroup: sample('resourcemanager-CreateResourceGroup.json'),
  rootSignin: sample('aascustomer-ConsoleSignin.json'),
  subSignin: sample('aassub-ConsoleSignin.json'),
};

const SG = 'sg-bp1fg655nh68xyz9i6mv';
const I1 = 'i-bp1g6zv0ce8oghu7k2a1';

export const ecs = {
  runInstancesAmount3: fixture('ecs-RunInstances-amount3.json'),
  createInstance: ev({
    service: 'Ecs',
    name: 'CreateInstance',
    params: {
      RegionId: 'cn-hangzhou',
      ImageId: 'centos_7_9_x64_20G_alibase_20230919.vhd',
      InstanceType: 'ecs.c6.large',
      SecurityGroupId: SG,
      VSwitchId: 'vsw-bp1s5fnvk4gn2tws03624',
      InstanceName: 'db-proxy',
      'SystemDisk.Category': 'cloud_essd',
      'SystemDisk.Size': 40,
      'DataDisk.1.Category': 'cloud_essd',
      'DataDisk.1.Size': 100,
      'DataDisk.1.Encrypted': 'true',
      InstanceChargeType: 'PrePaid',
      Period: 1,
      PeriodUnit: 'Month',
      AutoRenew: 'true',
      DeletionProtection: 'true',
      KeyPairName: 'ops-key',
      Password: 'Secret-Passw0rd',
    },
    response: { InstanceId: 'i-bp1c8w2xvq0mzk3nqvv9' },
  }),
  consoleCreate: ev({
    service: 'Ecs',
    name: 'Create',
    eventType: 'ConsoleOperation',
    params: null,
    refs: { 'ACS::ECS::Instance': ['i-bp1h5c6x9dmwrdyk3ve0'], 'ACS::ECS::Image': ['aliyun_3_x64_20G_alibase_20240528.vhd'] },
  }),
  consoleCreateDisk: ev({ service: 'Ecs', name: 'Create', eventType: 'ConsoleOperation', params: null, refs: { 'ACS::ECS::Disk': ['d-bp1dk0console0000001'] } }),
  deleteInstances: ev({ service: 'Ecs', name: 'DeleteInstances', params: { RegionId: 'cn-hangzhou', 'InstanceId.1': I1, 'InstanceId.2': 'i-bp1g6zv0ce8oghu7k2a2', Force: 'true' } }),
  deleteInstance: ev({ service: 'Ecs', name: 'DeleteInstance', params: { InstanceId: 'i-bp1g6zv0ce8oghu7k2a3', Force: true } }),
  startInstances: ev({ service: 'Ecs', name: 'StartInstances', params: { RegionId: 'cn-hangzhou', 'InstanceId.1': I1 } }),
  startInstance: ev({ service: 'Ecs', name: 'StartInstance', params: { InstanceId: I1 } }),
  stopInstance: ev({ service: 'Ecs', name: 'StopInstance', params: { InstanceId: I1, ForceStop: 'false' } }),
  stopInstances: ev({ service: 'Ecs', name: 'StopInstances', params: { 'InstanceId.1': I1, 'InstanceId.2': 'i-bp1g6zv0ce8oghu7k2a2', StoppedMode: 'StopCharging', ForceStop: 'false' } }),
  rebootInstances: ev({ service: 'Ecs', name: 'RebootInstances', params: { 'InstanceId.1': I1 } }),
  modifyInstanceAttribute: ev({
    service: 'Ecs',
    name: 'ModifyInstanceAttribute',
    params: { InstanceId: I1, InstanceName: 'web-01', Password: 'N3w-Passw0rd', 'SecurityGroupIds.1': SG, 'SecurityGroupIds.2': 'sg-bp1open0world000001', DeletionProtection: 'false' },
  }),
  modifyInstanceAttributeNothing: ev({ service: 'Ecs', name: 'ModifyInstanceAttribute', params: { InstanceId: I1, NetworkInterfaceQueueNumber: 4 } }),
  modifyInstanceSpec: ev({
    service: 'Ecs',
    name: 'ModifyInstanceSpec',
    params: { InstanceId: I1, InstanceType: 'ecs.g7.2xlarge', InternetMaxBandwidthOut: '200', 'Disk.1.DiskId': 'd-bp1data0disk00000001', 'Disk.1.Category': 'cloud_essd' },
  }),
  modifyPrepayInstanceSpec: ev({ service: 'Ecs', name: 'ModifyPrepayInstanceSpec', params: { InstanceId: 'i-bp1c8w2xvq0mzk3nqvv9', InstanceType: 'ecs.c6.xlarge', 'SystemDisk.Category': 'cloud_essd' } }),
  joinSecurityGroup: ev({ service: 'Ecs', name: 'JoinSecurityGroup', params: { InstanceId: I1, SecurityGroupId: 'sg-bp1open0world000001' } }),
  leaveSecurityGroup: ev({ service: 'Ecs', name: 'LeaveSecurityGroup', params: { InstanceId: I1, SecurityGroupId: SG } }),
  joinSecurityGroupEni: ev({ service: 'Ecs', name: 'JoinSecurityGroup', params: { NetworkInterfaceId: 'eni-bp1eni0000000000001', SecurityGroupId: SG } }),

  createSecurityGroup: ev({
    service: 'Ecs',
    name: 'CreateSecurityGroup',
    params: { VpcId: 'vpc-bp1opxu1zkhn00gzv26cf', SecurityGroupName: 'web', Description: 'web tier', SecurityGroupType: 'normal', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' },
    response: { SecurityGroupId: SG },
  }),
  deleteSecurityGroup: ev({ service: 'Ecs', name: 'DeleteSecurityGroup', params: { SecurityGroupId: SG } }),
  modifySecurityGroupAttribute: ev({ service: 'Ecs', name: 'ModifySecurityGroupAttribute', params: { SecurityGroupId: SG, SecurityGroupName: 'web-old', Description: 'retired' } }),
  modifySecurityGroupPolicy: ev({ service: 'Ecs', name: 'ModifySecurityGroupPolicy', params: { SecurityGroupId: SG, InnerAccessPolicy: 'Accept' } }),
  authorizePermissions: fixture('ecs-AuthorizeSecurityGroup-permissions.json'),
  authorizeLegacy: ev({
    service: 'Ecs',
    name: 'AuthorizeSecurityGroup',
    params: { SecurityGroupId: SG, IpProtocol: 'tcp', PortRange: '6379/6379', SourceGroupId: 'sg-bp1cache00000000001', Policy: 'accept', NicType: 'intranet' },
  }),
  authorizeEgress: ev({
    service: 'Ecs',
    name: 'AuthorizeSecurityGroupEgress',
    params: { SecurityGroupId: SG, 'Permissions.1.IpProtocol': 'ALL', 'Permissions.1.PortRange': '-1/-1', 'Permissions.1.DestCidrIp': '198.51.100.0/24', 'Permissions.1.Policy': 'Drop', 'Permissions.1.Priority': 10 },
  }),
  revokePermissions: ev({
    service: 'Ecs',
    name: 'RevokeSecurityGroup',
    params: { SecurityGroupId: SG, 'Permissions.1.IpProtocol': 'tcp', 'Permissions.1.PortRange': '22/22', 'Permissions.1.SourceCidrIp': '0.0.0.0/0', 'Permissions.1.Policy': 'accept', 'Permissions.1.Priority': '1' },
  }),
  revokeEgress: ev({
    service: 'Ecs',
    name: 'RevokeSecurityGroupEgress',
    params: { SecurityGroupId: SG, 'Permissions.1.IpProtocol': 'all', 'Permissions.1.PortRange': '-1/-1', 'Permissions.1.DestCidrIp': '198.51.100.0/24', 'Permissions.1.Policy': 'drop', 'Permissions.1.Priority': '10' },
  }),
  revokeByRuleId: ev({ service: 'Ecs', name: 'RevokeSecurityGroup', params: { SecurityGroupId: SG, 'SecurityGroupRuleId.1': 'sgr-bp1rule000000000001' } }),
  modifyRuleByTuple: ev({
    service: 'Ecs',
    name: 'ModifySecurityGroupRule',
    params: { SecurityGroupId: SG, IpProtocol: 'tcp', PortRange: '22/22', SourceCidrIp: '0.0.0.0/0', Description: 'temporary' },
  }),
  modifyEgressRuleByTuple: ev({
    service: 'Ecs',
    name: 'ModifySecurityGroupEgressRule',
    params: { SecurityGroupId: SG, IpProtocol: 'all', PortRange: '-1/-1', DestCidrIp: '198.51.100.0/24', Policy: 'drop', Priority: '10', Description: 'block exfil' },
  }),
  modifyRuleById: ev({ service: 'Ecs', name: 'ModifySecurityGroupRule', params: { SecurityGroupId: SG, SecurityGroupRuleId: 'sgr-bp1rule000000000001', PortRange: '1/65535' } }),

  createDisk: ev({
    service: 'Ecs',
    name: 'CreateDisk',
    params: { ZoneId: 'cn-hangzhou-i', DiskCategory: 'cloud_essd', Size: '500', DiskName: 'data', Encrypted: 'true', PerformanceLevel: 'PL1', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' },
    response: { DiskId: 'd-bp1data0disk00000001', OrderId: '' },
  }),
  attachDisk: ev({ service: 'Ecs', name: 'AttachDisk', params: { DiskId: 'd-bp1data0disk00000001', InstanceId: I1, DeleteWithInstance: 'false' } }),
  detachDisk: ev({ service: 'Ecs', name: 'DetachDisk', params: { DiskId: 'd-bp1data0disk00000001', InstanceId: I1 } }),
  deleteDisk: ev({ service: 'Ecs', name: 'DeleteDisk', params: { DiskId: 'd-bp1data0disk00000001' } }),
  resizeDisk: ev({ service: 'Ecs', name: 'ResizeDisk', params: { DiskId: 'd-bp1data0disk00000001', NewSize: '800', Type: 'online' } }),
  modifyDiskAttribute: ev({ service: 'Ecs', name: 'ModifyDiskAttribute', params: { DiskId: 'd-bp1data0disk00000001', DiskName: 'scratch', DeleteWithInstance: 'true' } }),
  modifyDiskSpec: ev({ service: 'Ecs', name: 'ModifyDiskSpec', params: { DiskId: 'd-bp1data0disk00000001', DiskCategory: 'cloud_essd', PerformanceLevel: 'PL2' } }),
};

const VPC = 'vpc-bp1opxu1zkhn00gzv26cf';
const VSW = 'vsw-bp1s5fnvk4gn2tws03624';
const EIP = 'eip-bp1mzc6a2w2g1wzhqbx0p';

export const vpc = {
  createVpc: ev({
    service: 'Vpc',
    name: 'CreateVpc',
    params: { RegionId: 'cn-hangzhou', CidrBlock: '10.0.0.0/8', VpcName: 'prod', Description: 'production', EnableIpv6: 'false', 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' },
    response: { VpcId: VPC, VRouterId: 'vrt-bp1lhl0taikrteen8oxvi', RouteTableId: 'vtb-bp1krxxzp0c29fmon2w0m', ResourceGroupId: 'rg-acfmxazb4ph6aiy' },
  }),
  deleteVpc: ev({ service: 'Vpc', name: 'DeleteVpc', params: { VpcId: VPC, ForceDelete: 'false' } }),
  modifyVpcAttribute: ev({ service: 'Vpc', name: 'ModifyVpcAttribute', params: { VpcId: VPC, VpcName: 'prod-old', EnableDnsHostname: 'true' } }),
  createVSwitch: ev({
    service: 'Vpc',
    name: 'CreateVSwitch',
    params: { VpcId: VPC, ZoneId: 'cn-hangzhou-i', CidrBlock: '10.1.0.0/24', VSwitchName: 'app-i' },
    response: { VSwitchId: VSW },
  }),
  deleteVSwitch: ev({ service: 'Vpc', name: 'DeleteVSwitch', params: { VSwitchId: VSW } }),
  modifyVSwitchAttribute: ev({ service: 'Vpc', name: 'ModifyVSwitchAttribute', params: { VSwitchId: VSW, VSwitchName: 'app', Description: 'app tier' } }),
  allocateEip: ev({
    service: 'Vpc',
    name: 'AllocateEipAddress',
    params: { Bandwidth: '5', InternetChargeType: 'PayByTraffic', InstanceChargeType: 'PostPaid', ISP: 'BGP', Name: 'egress' },
    response: { AllocationId: EIP, EipAddress: '203.0.113.80' },
  }),
  allocateEipOnEcs: ev({ service: 'Ecs', name: 'AllocateEipAddress', params: { Bandwidth: 1, InternetChargeType: 'PayByBandwidth' }, response: { AllocationId: 'eip-bp1legacyecsapi0001', EipAddress: '203.0.113.81' } }),
  associateEip: ev({ service: 'Vpc', name: 'AssociateEipAddress', params: { AllocationId: EIP, InstanceId: I1, InstanceType: 'EcsInstance' } }),
  unassociateEip: ev({ service: 'Vpc', name: 'UnassociateEipAddress', params: { AllocationId: EIP, InstanceId: I1, InstanceType: 'EcsInstance' } }),
  unassociateEipNoInstance: ev({ service: 'Vpc', name: 'UnassociateEipAddress', params: { AllocationId: EIP, Force: 'true' } }),
  releaseEip: ev({ service: 'Vpc', name: 'ReleaseEipAddress', params: { AllocationId: EIP } }),
  modifyEip: ev({ service: 'Vpc', name: 'ModifyEipAddressAttribute', params: { AllocationId: EIP, Bandwidth: '100', Name: 'egress-fat' } }),
  createVpcOnEcs: ev({ service: 'Ecs', name: 'CreateVpc', params: { CidrBlock: '172.16.0.0/12' }, response: { VpcId: 'vpc-bp1legacyecsapi0001' } }),
};

const LB = 'lb-bp1o94dp5i6earr9g6d1l';

export const slb = {
  createLoadBalancer: ev({
    service: 'Slb',
    name: 'CreateLoadBalancer',
    params: {
      LoadBalancerName: 'web-lb',
      AddressType: 'internet',
      InternetChargeType: 'paybytraffic',
      LoadBalancerSpec: 'slb.s2.small',
      MasterZoneId: 'cn-hangzhou-i',
      SlaveZoneId: 'cn-hangzhou-j',
      PayType: 'PayOnDemand',
      DeleteProtection: 'on',
    },
    response: { LoadBalancerId: LB, Address: '203.0.113.90', NetworkType: 'classic' },
  }),
  consoleCreate: fixture('slb-Create-console.json'),
  deleteLoadBalancer: ev({ service: 'Slb', name: 'DeleteLoadBalancer', params: { LoadBalancerId: LB } }),
  setStatus: ev({ service: 'Slb', name: 'SetLoadBalancerStatus', params: { LoadBalancerId: LB, LoadBalancerStatus: 'inactive' } }),
  setName: ev({ service: 'Slb', name: 'SetLoadBalancerName', params: { LoadBalancerId: LB, LoadBalancerName: 'web-lb-2' } }),
  modifyInternetSpec: ev({ service: 'Slb', name: 'ModifyLoadBalancerInternetSpec', params: { LoadBalancerId: LB, InternetChargeType: 'paybybandwidth', Bandwidth: '50' } }),
  consoleModify: ev({ service: 'Slb', name: 'Modify', eventType: 'ConsoleOperation', params: null, refs: { 'ACS::SLB::LoadBalancer': [LB] } }),
  modifyInstanceSpec: ev({ service: 'Slb', name: 'ModifyLoadBalancerInstanceSpec', params: { LoadBalancerId: LB, LoadBalancerSpec: 'slb.s3.medium' } }),
  setDeleteProtection: ev({ service: 'Slb', name: 'SetLoadBalancerDeleteProtection', params: { LoadBalancerId: LB, DeleteProtection: 'off' } }),
  setModificationProtection: ev({ service: 'Slb', name: 'SetLoadBalancerModificationProtection', params: { LoadBalancerId: LB, ModificationProtectionStatus: 'ConsoleProtection', ModificationProtectionReason: 'frozen' } }),
};

const DB = 'rm-bp1imnmcjxdz7otzt';

export const rds = {
  createDbInstance: ev({
    service: 'Rds',
    name: 'CreateDBInstance',
    params: {
      Engine: 'MySQL',
      EngineVersion: '8.0',
      DBInstanceClass: 'mysql.n2.medium.1',
      DBInstanceStorage: '100',
      DBInstanceStorageType: 'cloud_essd',
      DBInstanceNetType: 'Intranet',
      DBInstanceDescription: 'orders',
      SecurityIPList: '10.0.0.0/8,192.168.1.10',
      PayType: 'Postpaid',
      ZoneId: 'cn-hangzhou-i',
      VPCId: VPC,
      VSwitchId: VSW,
      InstanceNetworkType: 'VPC',
      DeletionProtection: 'true',
    },
    response: { DBInstanceId: DB, ConnectionString: 'rm-bp1imnmcjxdz7otzt.mysql.rds.aliyuncs.com', Port: '3306', OrderId: '' },
  }),
  deleteDbInstance: ev({ service: 'Rds', name: 'DeleteDBInstance', params: { DBInstanceId: DB, ReleasedKeepPolicy: 'None' } }),
  destroyDbInstance: ev({ service: 'Rds', name: 'DestroyDBInstance', params: { DBInstanceId: 'rm-bp1expired000000001' } }),
  release: ev({ service: 'Rds', name: 'Release', eventType: 'AliyunServiceEvent', identity: 'system', params: null, refs: { 'ACS::RDS::DBInstance': ['rm-bp1expired000000002'] } }),
  modifySpec: ev({ service: 'Rds', name: 'ModifyDBInstanceSpec', params: { DBInstanceId: DB, DBInstanceClass: 'mysql.n4.large.1', DBInstanceStorage: 200, Direction: 'Up', EffectiveTime: 'Immediate' } }),
  modifyDescription: ev({ service: 'Rds', name: 'ModifyDBInstanceDescription', params: { DBInstanceId: DB, DBInstanceDescription: 'orders-old' } }),
  securityIpsAppend: fixture('rds-ModifySecurityIps-append.json'),
  securityIpsCover: ev({ service: 'Rds', name: 'ModifySecurityIps', params: { DBInstanceId: DB, SecurityIps: '10.0.0.0/8', ModifyMode: 'Cover' } }),
  securityIpsDefaultMode: ev({ service: 'Rds', name: 'ModifySecurityIps', params: { DBInstanceId: DB, SecurityIps: '10.1.0.0/16,10.2.0.0/16' } }),
  securityIpsDelete: ev({ service: 'Rds', name: 'ModifySecurityIps', params: { DBInstanceId: DB, SecurityIps: '0.0.0.0/0', ModifyMode: 'Delete', DBInstanceIPArrayName: 'default' } }),
  securityIpsOtherGroup: ev({ service: 'Rds', name: 'ModifySecurityIps', params: { DBInstanceId: DB, SecurityIps: '0.0.0.0/0', DBInstanceIPArrayName: 'bastion' } }),
  deletionProtection: ev({ service: 'Rds', name: 'ModifyDBInstanceDeletionProtection', params: { DBInstanceId: DB, DeletionProtection: 'false' } }),
};

/** OSS records: the bucket is in the host and in referencedResources; parameters are usually absent. */
const oss = (name: string, params: Record<string, unknown> | null = null): TrailEvent =>
  ev({ service: 'Oss', name, params, refs: { 'ACS::OSS::Bucket': ['prod-backups'] } });

export const ossEvents = {
  putBucketWithHeaders: oss('PutBucket', { 'x-oss-acl': 'private', 'CreateBucketConfiguration.StorageClass': 'IA' }),
  deleteBucket: oss('DeleteBucket'),
  putBucketAcl: oss('PutBucketAcl', { 'x-oss-acl': 'public-read' }),
  putBucketAclHidden: oss('PutBucketAcl'),
  putBucketPolicy: oss('PutBucketPolicy', { Policy: '{"Version":"1","Statement":[{"Effect":"Allow","Action":["oss:GetObject"],"Principal":["*"],"Resource":["acs:oss:*:1234567890123456:prod-backups/*"]}]}' }),
  putBucketPolicyHidden: oss('PutBucketPolicy'),
  deleteBucketPolicy: oss('DeleteBucketPolicy'),
  putBucketLifecycle: oss('PutBucketLifecycle'),
  deleteBucketLifecycle: oss('DeleteBucketLifecycle'),
};

const UPN = 'backup-bot@1234567890123456.onaliyun.com';

export const ram = {
  createUser: ev({ service: 'Ram', name: 'CreateUser', params: { UserName: 'backup-bot', DisplayName: 'Backup bot', Email: 'bot@example.com' }, response: { User: { UserName: 'backup-bot', UserId: '208888888888888888' } } }),
  updateUserRename: ev({ service: 'Ram', name: 'UpdateUser', params: { UserName: 'backup-bot', NewUserName: 'backup-robot', NewComments: 'renamed' } }),
  deleteUser: ev({ service: 'Ram', name: 'DeleteUser', params: { UserName: 'backup-bot' } }),
  createAccessKey: ev({
    service: 'Ram',
    name: 'CreateAccessKey',
    params: { UserName: 'backup-bot' },
    response: { AccessKey: { AccessKeyId: 'LTAI5tRamCreatedKey0001', AccessKeySecret: 'ramSecretThatMustNotLeak0000', Status: 'Active', CreateDate: '2026-03-02T10:00:00Z' } },
  }),
  createOwnAccessKey: ev({ service: 'Ram', name: 'CreateAccessKey', params: {}, response: { AccessKey: { AccessKeyId: 'LTAI5tSelfServiceKey001', Status: 'Active' } } }),
  updateAccessKey: ev({ service: 'Ram', name: 'UpdateAccessKey', params: { UserName: 'backup-bot', UserAccessKeyId: 'LTAI5tRamCreatedKey0001', Status: 'Inactive' } }),
  deleteAccessKey: ev({ service: 'Ram', name: 'DeleteAccessKey', params: { UserName: 'backup-bot', UserAccessKeyId: 'LTAI5tRamCreatedKey0001' } }),
  attachToUser: ev({ service: 'Ram', name: 'AttachPolicyToUser', params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', UserName: 'backup-bot' } }),
  detachFromUser: ev({ service: 'Ram', name: 'DetachPolicyFromUser', params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', UserName: 'backup-bot' } }),
  attachToRole: ev({ service: 'Ram', name: 'AttachPolicyToRole', params: { PolicyType: 'Custom', PolicyName: 'read-orders', RoleName: 'app-role' } }),
  detachFromRole: ev({ service: 'Ram', name: 'DetachPolicyFromRole', params: { PolicyType: 'Custom', PolicyName: 'read-orders', RoleName: 'app-role' } }),
  attachToGroup: ev({ service: 'Ram', name: 'AttachPolicyToGroup', params: { PolicyType: 'System', PolicyName: 'ReadOnlyAccess', GroupName: 'auditors' } }),
  detachFromGroup: ev({ service: 'Ram', name: 'DetachPolicyFromGroup', params: { PolicyType: 'System', PolicyName: 'ReadOnlyAccess', GroupName: 'auditors' } }),
  createRole: ev({
    service: 'Ram',
    name: 'CreateRole',
    params: {
      RoleName: 'app-role',
      AssumeRolePolicyDocument: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
      Description: 'app servers',
      MaxSessionDuration: '3600',
    },
    response: { Role: { RoleName: 'app-role', RoleId: '308888888888888888', Arn: 'acs:ram::1234567890123456:role/app-role' } },
  }),
  updateRole: ev({
    service: 'Ram',
    name: 'UpdateRole',
    params: { RoleName: 'app-role', NewAssumeRolePolicyDocument: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::999999999999:root"]}}],"Version":"1"}', NewMaxSessionDuration: 43200 },
  }),
  deleteRole: ev({ service: 'Ram', name: 'DeleteRole', params: { RoleName: 'app-role' } }),
  createPolicy: ev({ service: 'Ram', name: 'CreatePolicy', params: { PolicyName: 'read-orders', PolicyDocument: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}', Description: 'v1' } }),
  deletePolicy: ev({ service: 'Ram', name: 'DeletePolicy', params: { PolicyName: 'read-orders', CascadingDelete: 'true' } }),
  createPolicyVersionDefault: ev({ service: 'Ram', name: 'CreatePolicyVersion', params: { PolicyName: 'read-orders', PolicyDocument: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', SetAsDefault: 'true' } }),
  createPolicyVersionDraft: ev({ service: 'Ram', name: 'CreatePolicyVersion', params: { PolicyName: 'read-orders', PolicyDocument: '{"Version":"1","Statement":[]}', SetAsDefault: 'false' } }),
  setDefaultPolicyVersion: ev({ service: 'Ram', name: 'SetDefaultPolicyVersion', params: { PolicyName: 'read-orders', VersionId: 'v1' } }),
  deletePolicyVersion: ev({ service: 'Ram', name: 'DeletePolicyVersion', params: { PolicyName: 'read-orders', VersionId: 'v2' } }),
  createLoginProfile: ev({ service: 'Ram', name: 'CreateLoginProfile', params: { UserName: 'backup-bot', Password: 'Initial-Passw0rd', PasswordResetRequired: 'true', MFABindRequired: 'false' } }),
  updateLoginProfile: ev({ service: 'Ram', name: 'UpdateLoginProfile', params: { UserName: 'backup-bot', Password: 'Other-Passw0rd', MFABindRequired: 'true' } }),
  deleteLoginProfile: ev({ service: 'Ram', name: 'DeleteLoginProfile', params: { UserName: 'backup-bot' } }),
  changePassword: ev({ service: 'Ram', name: 'ChangePassword', params: { OldPassword: 'Initial-Passw0rd', NewPassword: 'Mine-Passw0rd' } }),
};

export const ims = {
  createAccessKey: fixture('ims-CreateAccessKey.json'),
  createUser: ev({ service: 'Ims', name: 'CreateUser', params: { UserPrincipalName: UPN, DisplayName: 'Backup bot', 'Tag.1.Key': 'team', 'Tag.1.Value': 'ops' }, response: { User: { UserPrincipalName: UPN, UserId: '208888888888888888' } }, identity: 'root' }),
  updateUser: ev({ service: 'Ims', name: 'UpdateUser', params: { UserPrincipalName: UPN, NewDisplayName: 'Backup robot', NewMobilePhone: '86-18600000000' }, identity: 'root' }),
  deleteUser: ev({ service: 'Ims', name: 'DeleteUser', params: { UserPrincipalName: UPN }, refs: { 'ACS::RAM::User': [UPN] }, identity: 'root' }),
  updateAccessKey: ev({ service: 'Ims', name: 'UpdateAccessKey', params: { UserPrincipalName: UPN, UserAccessKeyId: 'LTAI5tNewBackdoorKey0001', Status: 'Inactive' }, identity: 'root' }),
  deleteAccessKey: ev({ service: 'Ims', name: 'DeleteAccessKey', params: { UserPrincipalName: UPN, UserAccessKeyId: 'LTAI5tNewBackdoorKey0001' }, identity: 'root' }),
  createLoginProfile: ev({ service: 'Ims', name: 'CreateLoginProfile', params: { UserPrincipalName: UPN, Password: 'Initial-Passw0rd', PasswordResetRequired: true, Status: 'Active' }, identity: 'root' }),
  updateLoginProfile: ev({ service: 'Ims', name: 'UpdateLoginProfile', params: { UserPrincipalName: UPN, PasswordResetRequired: 'false' }, identity: 'root' }),
  deleteLoginProfile: ev({ service: 'Ims', name: 'DeleteLoginProfile', params: { UserPrincipalName: UPN }, identity: 'root' }),
};

export const resourcemanager = {
  attachPolicy: ev({
    service: 'ResourceManager',
    name: 'AttachPolicy',
    params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', PrincipalType: 'IMSUser', PrincipalName: UPN, ResourceGroupId: 'rg-aek2ajbjoloa23q' },
  }),
  detachPolicy: ev({
    service: 'ResourceManager',
    name: 'DetachPolicy',
    params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', PrincipalType: 'IMSUser', PrincipalName: UPN, ResourceGroupId: 'rg-aek2ajbjoloa23q' },
  }),
  attachPolicyPartial: ev({ service: 'ResourceManager', name: 'AttachPolicy', params: { PolicyType: 'System', PolicyName: 'AdministratorAccess', PrincipalType: 'IMSUser', PrincipalName: UPN } }),
  createPolicyVersion: ev({ service: 'ResourceManager', name: 'CreatePolicyVersion', params: { PolicyName: 'read-orders', PolicyDocument: '{"Version":"1","Statement":[]}', SetAsDefault: true } }),
};

export const actiontrail = {
  createTrail: ev({
    service: 'Actiontrail',
    name: 'CreateTrail',
    params: { Name: 'audit', OssBucketName: 'audit-logs', OssKeyPrefix: 'at', EventRW: 'All', TrailRegion: 'All' },
    response: { Name: 'audit', HomeRegion: 'cn-hangzhou', OssBucketName: 'audit-logs', EventRW: 'All', TrailRegion: 'All' },
  }),
  startLogging: ev({ service: 'Actiontrail', name: 'StartLogging', params: { Name: 'audit' } }),
  stopLogging: ev({ service: 'Actiontrail', name: 'StopLogging', params: { Name: 'audit' } }),
  updateTrail: ev({ service: 'Actiontrail', name: 'UpdateTrail', params: { Name: 'audit', EventRW: 'Read', SlsProjectArn: 'acs:log:cn-hangzhou:1234567890123456:project/attacker-sink' } }),
  deleteTrail: ev({ service: 'Actiontrail', name: 'DeleteTrail', params: { Name: 'audit' } }),
};

/** Every event above, for the SDK check. */
export function allEvents(): TrailEvent[] {
  const groups = [samples, ecs, vpc, slb, rds, ossEvents, ram, ims, resourcemanager, actiontrail] as Record<string, TrailEvent | undefined>[];
  return groups.flatMap((g) => Object.values(g)).filter((e): e is TrailEvent => e !== undefined);
}
