/**
 * Inputs a provider can only change by replacing the resource (Terraform's ForceNew, which the
 * Pulumi bridged providers inherit). Kept to the types trailback's catalogs produce; an input
 * missing here is treated as changeable in place, and Pulumi's preview has the last word.
 */
export const REPLACE_ON: Readonly<Record<string, readonly string[]>> = {
  'alicloud:ecs/securityGroup:SecurityGroup': ['vpcId', 'securityGroupType'],
  'alicloud:ecs/securityGroupRule:SecurityGroupRule': [
    'type',
    'ipProtocol',
    'portRange',
    'securityGroupId',
    'nicType',
    'policy',
    'priority',
    'cidrIp',
    'ipv6CidrIp',
    'sourceSecurityGroupId',
    'sourceGroupOwnerAccount',
    'prefixListId',
  ],
  'alicloud:ecs/instance:Instance': ['availabilityZone'],
  'alicloud:ecs/ecsDisk:EcsDisk': ['zoneId', 'encrypted', 'snapshotId'],
  'alicloud:vpc/switch:Switch': ['vpcId', 'cidrBlock', 'zoneId'],
  'alicloud:rds/instance:Instance': ['engine', 'zoneId'],
  'alicloud:oss/bucket:Bucket': ['bucket'],
  'alicloud:ram/accessKey:AccessKey': ['userName'],
  'alicloud:ram/userPolicyAttachment:UserPolicyAttachment': ['userName', 'policyName', 'policyType'],
  'alicloud:ram/groupPolicyAttachment:GroupPolicyAttachment': ['groupName', 'policyName', 'policyType'],
  'alicloud:ram/rolePolicyAttachment:RolePolicyAttachment': ['roleName', 'policyName', 'policyType'],
  'alicloud:ram/policy:Policy': ['policyName'],
  'alicloud:ram/role:Role': ['roleName'],
  'aws:ec2/instance:Instance': ['ami', 'availabilityZone', 'subnetId', 'keyName', 'privateIp', 'tenancy'],
  'aws:ec2/securityGroup:SecurityGroup': ['name', 'vpcId', 'description'],
  'aws:ec2/subnet:Subnet': ['vpcId', 'cidrBlock', 'availabilityZone'],
  'aws:ec2/vpc:Vpc': ['cidrBlock', 'instanceTenancy'],
  'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule': ['securityGroupId'],
  'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule': ['securityGroupId'],
  'aws:iam/accessKey:AccessKey': ['user', 'pgpKey'],
  'aws:iam/userPolicy:UserPolicy': ['name', 'user'],
  'aws:iam/userPolicyAttachment:UserPolicyAttachment': ['user', 'policyArn'],
  'aws:iam/rolePolicy:RolePolicy': ['name', 'role'],
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment': ['role', 'policyArn'],
  'aws:iam/groupPolicyAttachment:GroupPolicyAttachment': ['group', 'policyArn'],
  'aws:iam/userLoginProfile:UserLoginProfile': ['user', 'pgpKey'],
  'aws:s3/bucket:Bucket': ['bucket'],
  'aws:rds/instance:Instance': ['availabilityZone', 'dbName', 'engine', 'kmsKeyId', 'storageEncrypted', 'username'],
};

export function replaceOn(type: string): readonly string[] {
  return REPLACE_ON[type] ?? [];
}
