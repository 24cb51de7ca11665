/** IAM (global): users, keys, login profiles, groups, roles, policies, attachments, providers. */
import type { Case } from '../helpers.js';
import { ds, ev, record } from '../helpers.js';
import { CCC, INVICTUS, PANTHER, PANTHER_FILE, SANS, STRATUS, TRAILDISCOVER, invictus, session, stratus } from './datasets.js';

const USER = 'aws:iam/user:User';
const ACCESS_KEY = 'aws:iam/accessKey:AccessKey';
const GROUP = 'aws:iam/group:Group';
const MEMBERSHIP = 'aws:iam/userGroupMembership:UserGroupMembership';
const ROLE = 'aws:iam/role:Role';
const POLICY = 'aws:iam/policy:Policy';
const USER_POLICY = 'aws:iam/userPolicy:UserPolicy';
const GROUP_POLICY = 'aws:iam/groupPolicy:GroupPolicy';
const GROUP_ATTACHMENT = 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment';
const INSTANCE_PROFILE = 'aws:iam/instanceProfile:InstanceProfile';
const SAML_PROVIDER = 'aws:iam/samlProvider:SamlProvider';
const VIRTUAL_MFA = 'aws:iam/virtualMfaDevice:VirtualMfaDevice';
const G = 'global';

const POLICY_ARN = 'arn:aws:iam::111122223333:policy/deploy';
const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const DOCUMENT = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}';
const SAML_ARN = 'arn:aws:iam::111122223333:saml-provider/corp-idp';
const SAML_METADATA = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"/>';

export const iamCases: Case[] = [
  {
    title: 'CreateUser',
    source: ds(INVICTUS, invictus('20230710T1230Z_ZtUNbBkwAu98FPZb'), 25, 'iam', 'CreateUser'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/user:User', id: 'stratus-red-team-backdoor-u-user', region: 'global' },
        inputs: { name: 'stratus-red-team-backdoor-u-user', path: '/', tags: { StratusRedTeam: 'true' } },
      },
    ],
  },
  {
    title: 'DeleteUser',
    source: ds(INVICTUS, invictus('20230710T1230Z_9SJSsrxJ0ChF5VFb'), 38, 'iam', 'DeleteUser'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:iam/user:User', id: 'stratus-red-team-nmfalu-gfjyeaypjt', region: 'global' },
      },
    ],
  },
  {
    title: 'CreateAccessKey: new key id from the response, never the secret',
    source: ds(INVICTUS, invictus('20230710T1230Z_ZtUNbBkwAu98FPZb'), 26, 'iam', 'CreateAccessKey'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/accessKey:AccessKey', id: 'AKIATFQR7NSC3ZO6PKAZ', region: 'global' },
        inputs: { user: 'stratus-red-team-backdoor-u-user', status: 'Active' },
      },
    ],
  },
  {
    title: 'CreateAccessKey (console)',
    source: ds(CCC, session('96db9634834704ac9e2c1be410bbf9a7819449043eaf6a47edd76a925515c666'), 598, 'iam', 'CreateAccessKey'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/accessKey:AccessKey', id: 'AKIAREDACTEDXVK0ME7U', region: 'global' },
        inputs: { user: '1_Petulla', status: 'Active' },
      },
    ],
  },
  {
    title: 'CreateAccessKey by root without a user name is skipped',
    source: ds(PANTHER, PANTHER_FILE, 314, 'iam', 'CreateAccessKey'),
    expect: { skip: 'a root access key: no IAM user, nothing Pulumi manages' },
  },
  {
    title: 'UpdateAccessKey deactivates',
    source: ds(CCC, session('96db9634834704ac9e2c1be410bbf9a7819449043eaf6a47edd76a925515c666'), 592, 'iam', 'UpdateAccessKey'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:iam/accessKey:AccessKey', id: 'AKIAREDACTEDVA83GV5F', region: 'global' },
        ops: [{ op: 'set', path: 'status', value: 'Inactive' }],
      },
    ],
  },
  {
    title: 'DeleteAccessKey',
    source: ds(CCC, session('96db9634834704ac9e2c1be410bbf9a7819449043eaf6a47edd76a925515c666'), 595, 'iam', 'DeleteAccessKey'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:iam/accessKey:AccessKey', id: 'AKIAREDACTEDVA83GV5F', region: 'global' },
      },
    ],
  },
  {
    title: 'CreateLoginProfile',
    source: ds(CCC, session('96db9634834704ac9e2c1be410bbf9a7819449043eaf6a47edd76a925515c666'), 589, 'iam', 'CreateLoginProfile'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/userLoginProfile:UserLoginProfile', id: '1_Petulla', region: 'global' },
        inputs: { user: '1_Petulla', passwordResetRequired: false },
      },
    ],
  },
  {
    title: 'CreateLoginProfile (stratus detonation)',
    source: ds(STRATUS, stratus('aws.persistence.iam-create-user-login-profile'), 2, 'iam', 'CreateLoginProfile'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/userLoginProfile:UserLoginProfile',
          id: 'stratus-red-team-login-profile-user',
          region: 'global',
        },
        inputs: { user: 'stratus-red-team-login-profile-user', passwordResetRequired: false },
      },
    ],
  },
  {
    title: 'UpdateLoginProfile sets the reset flag',
    source: ds(CCC, session('e07a7754efb98dd4ce5a142020b0eb92cacaba8e8e85b5dd5866f323c1a4ce1b'), 398, 'iam', 'UpdateLoginProfile'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:iam/userLoginProfile:UserLoginProfile', id: '1_Petulla', region: 'global' },
        ops: [{ op: 'set', path: 'passwordResetRequired', value: true }],
      },
    ],
  },
  {
    title: 'UpdateLoginProfile changing only the password is reported',
    source: ds(STRATUS, stratus('aws.privilege-escalation.iam-update-user-login-profile'), 0, 'iam', 'UpdateLoginProfile'),
    expect: {
      skip: 'console password of stratus-red-team-update-login-profile-user changed: no Pulumi input holds a password',
    },
  },
  {
    title: 'DeleteLoginProfile',
    source: ds(CCC, session('e07a7754efb98dd4ce5a142020b0eb92cacaba8e8e85b5dd5866f323c1a4ce1b'), 403, 'iam', 'DeleteLoginProfile'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:iam/userLoginProfile:UserLoginProfile', id: '1_Petulla', region: 'global' },
      },
    ],
  },
  {
    title: 'PutUserPolicy: inline admin policy on itself',
    source: ds(SANS, 'SANS-504-S3-ransomware-lab/us-west-1/2021/07/29/342082656213_CloudTrail_us-west-1_20210729T1310Z_eKDmzOVEsBItrURP.json.gz', 4, 'iam', 'PutUserPolicy'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/userPolicy:UserPolicy', id: 'jmerckle:zlj9i0k83o', region: 'global' },
        inputs: {
          user: 'jmerckle',
          name: 'zlj9i0k83o',
          policy: '{"Version": "2012-10-17","Statement": [{"Effect": "Allow","Action": "*","Resource": "*"}]}',
        },
      },
    ],
  },
  {
    title: 'PutUserPolicy',
    source: ds(PANTHER, PANTHER_FILE, 163, 'iam', 'PutUserPolicy'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/userPolicy:UserPolicy', id: 'test-user:TestUserDenyAll', region: 'global' },
        inputs: {
          user: 'test-user',
          name: 'TestUserDenyAll',
          policy: '{\n\t"Version": "2012-10-17",\n\t"Statement": [\n\t\t{\n\t\t\t"Sid": "TestUserDenyAll",\n\t\t\t"Effect": "Deny",\n\t\t\t"Action": ["*"],\n\t\t\t"Resource": ["*"]\n\t\t}\n\t]\n}',
        },
      },
    ],
  },
  {
    title: 'PutRolePolicy keeps the document string as sent',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 3, 'iam', 'PutRolePolicy'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/rolePolicy:RolePolicy',
          id: 'stratus-red-team-ec2-get-password-data-role:inline-policy',
          region: 'global',
        },
        inputs: {
          role: 'stratus-red-team-ec2-get-password-data-role',
          name: 'inline-policy',
          policy: '{"Statement":[{"Action":["ec2:Describe*"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
        },
      },
    ],
  },
  {
    title: 'DeleteRolePolicy',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 195, 'iam', 'DeleteRolePolicy'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:iam/rolePolicy:RolePolicy',
          id: 'stratus-red-team-remove-flow-logs-role:stratus-red-team-remove-flow-logs-policy',
          region: 'global',
        },
      },
    ],
  },
  {
    title: 'DeleteGroupPolicy',
    source: ds(PANTHER, PANTHER_FILE, 180, 'iam', 'DeleteGroupPolicy'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:iam/groupPolicy:GroupPolicy', id: 'group:policy', region: 'global' },
      },
    ],
  },
  {
    title: 'AttachUserPolicy AdministratorAccess',
    source: ds(STRATUS, stratus('aws.persistence.iam-create-admin-user'), 0, 'iam', 'AttachUserPolicy'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/userPolicyAttachment:UserPolicyAttachment',
          id: 'malicious-iam-user/arn:aws:iam::aws:policy/AdministratorAccess',
          region: 'global',
        },
        inputs: { user: 'malicious-iam-user', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      },
    ],
  },
  {
    title: 'DetachUserPolicy',
    source: ds(INVICTUS, invictus('20230710T1230Z_lHgkh3VeI3XnjZSL'), 27, 'iam', 'DetachUserPolicy'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:iam/userPolicyAttachment:UserPolicyAttachment',
          id: 'malicious-iam-user/arn:aws:iam::aws:policy/AdministratorAccess',
          region: 'global',
        },
      },
    ],
  },
  {
    title: 'AttachRolePolicy',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 40, 'iam', 'AttachRolePolicy'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
          id: 'stratus-red-team-ec2-steal-credentials-role/arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
          region: 'global',
        },
        inputs: {
          role: 'stratus-red-team-ec2-steal-credentials-role',
          policyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
        },
      },
    ],
  },
  {
    title: 'DetachRolePolicy',
    source: ds(INVICTUS, invictus('20230710T1215Z_Z8x5aqgtcXn5NEG9'), 24, 'iam', 'DetachRolePolicy'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:iam/rolePolicyAttachment:RolePolicyAttachment',
          id: 'stratus-red-team-usr-data-role/arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
          region: 'global',
        },
      },
    ],
  },
  {
    title: 'CreateRole with its trust policy from the request (the response has it URL-encoded)',
    source: ds(INVICTUS, invictus('20230710T1200Z_x9kHmzMa7cx6l9wM'), 4, 'iam', 'CreateRole'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:iam/role:Role', id: 'stratus-red-team-ec2-get-password-data-role', region: 'global' },
        inputs: {
          name: 'stratus-red-team-ec2-get-password-data-role',
          path: '/',
          assumeRolePolicy: '{"Statement":[{"Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Effect":"Allow","Principal":{"AWS":"123837392027"},"Sid":""}],"Version":"2012-10-17"}',
          maxSessionDuration: 3600,
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteRole',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 73, 'iam', 'DeleteRole'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:iam/role:Role', id: 'stratus-red-team-usr-data-role', region: 'global' },
      },
    ],
  },
  {
    title: 'UpdateAssumeRolePolicy',
    source: ds(INVICTUS, invictus('20230710T1230Z_9SJSsrxJ0ChF5VFb'), 15, 'iam', 'UpdateAssumeRolePolicy'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:iam/role:Role', id: 'stratus-red-team-backdoor-r-role', region: 'global' },
        ops: [
          {
            op: 'set',
            path: 'assumeRolePolicy',
            value: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Sid":""}],"Version":"2012-10-17"}',
          },
        ],
      },
    ],
  },
  {
    title: 'CreatePolicy keyed by its ARN',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 53, 'iam', 'CreatePolicy'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/policy:Policy',
          id: 'arn:aws:iam::123837392027:policy/stratus-red-team-ec2lui-policy-pcccexdthk',
          region: 'global',
        },
        inputs: {
          name: 'stratus-red-team-ec2lui-policy-pcccexdthk',
          path: '/',
          policy: '{"Statement":[{"Action":["ec2:DescribeInstances"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}',
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeletePolicy',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 187, 'iam', 'DeletePolicy'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:iam/policy:Policy',
          id: 'arn:aws:iam::123837392027:policy/stratus-red-team-ec2lui-policy-pcccexdthk',
          region: 'global',
        },
      },
    ],
  },
  {
    title: 'CreateInstanceProfile',
    source: ds(INVICTUS, invictus('20230710T1200Z_x9kHmzMa7cx6l9wM'), 22, 'iam', 'CreateInstanceProfile'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/instanceProfile:InstanceProfile',
          id: 'stratus-red-team-ec2-steal-credentials-instance',
          region: 'global',
        },
        inputs: {
          name: 'stratus-red-team-ec2-steal-credentials-instance',
          path: '/',
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteInstanceProfile',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 72, 'iam', 'DeleteInstanceProfile'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:iam/instanceProfile:InstanceProfile',
          id: 'stratus-red-team-usr-data-instance',
          region: 'global',
        },
      },
    ],
  },
  {
    title: 'AddRoleToInstanceProfile',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 43, 'iam', 'AddRoleToInstanceProfile'),
    expect: [
      {
        kind: 'update',
        target: {
          type: 'aws:iam/instanceProfile:InstanceProfile',
          id: 'stratus-red-team-ec2-steal-credentials-instance',
          region: 'global',
        },
        ops: [{ op: 'set', path: 'role', value: 'stratus-red-team-ec2-steal-credentials-role' }],
      },
    ],
  },
  {
    title: 'RemoveRoleFromInstanceProfile',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 71, 'iam', 'RemoveRoleFromInstanceProfile'),
    expect: [
      {
        kind: 'update',
        target: {
          type: 'aws:iam/instanceProfile:InstanceProfile',
          id: 'stratus-red-team-usr-data-instance',
          region: 'global',
        },
        ops: [{ op: 'unset', path: 'role' }],
      },
    ],
  },
  {
    title: 'TagInstanceProfile touches the tags',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 42, 'iam', 'TagInstanceProfile'),
    expect: [
      {
        kind: 'touch',
        target: {
          type: 'aws:iam/instanceProfile:InstanceProfile',
          id: 'stratus-red-team-ec2-steal-credentials-instance',
          region: 'global',
        },
        paths: ['tags'],
      },
    ],
  },
  {
    title: 'CreateServiceLinkedRole keyed by the role ARN',
    source: ds(TRAILDISCOVER, 'events/IAM/CreateServiceLinkedRole.json.cloudtrail', 0, 'iam', 'CreateServiceLinkedRole'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:iam/serviceLinkedRole:ServiceLinkedRole',
          id: 'arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
          region: 'global',
        },
        inputs: { awsServiceName: 'autoscaling.amazonaws.com' },
      },
    ],
  },
  {
    title: 'CreateAccessKey without userName is for the calling user',
    source: ev('iam', 'CreateAccessKey', null, {
      accessKey: { userName: 'alice', accessKeyId: 'AKIAQEXAMPLENEWKEY01', status: 'Active', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', createDate: 'May 1, 2024, 12:00:00 PM' },
    }),
    expect: [{ kind: 'create', target: { type: ACCESS_KEY, id: 'AKIAQEXAMPLENEWKEY01', region: G }, inputs: { user: 'alice', status: 'Active' } }],
  },
  {
    title: 'UpdateUser renames: the record stays under the old name with the new name set',
    source: ev('iam', 'UpdateUser', { userName: 'bob', newUserName: 'robert' }),
    expect: [{ kind: 'update', target: { type: USER, id: 'bob', region: G }, ops: [{ op: 'set', path: 'name', value: 'robert' }] }],
  },
  {
    title: 'TagUser touches the tags (the event carries only the added ones)',
    source: ev('iam', 'TagUser', { userName: 'bob', tags: [{ key: 'team', value: 'ops' }] }),
    expect: [{ kind: 'touch', target: { type: USER, id: 'bob', region: G }, paths: ['tags'] }],
  },
  {
    title: 'PutUserPermissionsBoundary',
    source: ev('iam', 'PutUserPermissionsBoundary', { userName: 'bob', permissionsBoundary: READ_ONLY }),
    expect: [{ kind: 'update', target: { type: USER, id: 'bob', region: G }, ops: [{ op: 'set', path: 'permissionsBoundary', value: READ_ONLY }] }],
  },
  {
    title: 'DeleteUserPermissionsBoundary',
    source: ev('iam', 'DeleteUserPermissionsBoundary', { userName: 'bob' }),
    expect: [{ kind: 'update', target: { type: USER, id: 'bob', region: G }, ops: [{ op: 'unset', path: 'permissionsBoundary' }] }],
  },
  {
    title: 'DeleteUserPolicy',
    source: ev('iam', 'DeleteUserPolicy', { userName: 'bob', policyName: 'inline-s3' }),
    expect: [{ kind: 'delete', target: { type: USER_POLICY, id: 'bob:inline-s3', region: G } }],
  },
  {
    title: 'PutGroupPolicy',
    source: ev('iam', 'PutGroupPolicy', { groupName: 'admins', policyName: 'inline-s3', policyDocument: DOCUMENT }),
    expect: [{ kind: 'create', target: { type: GROUP_POLICY, id: 'admins:inline-s3', region: G }, inputs: { group: 'admins', name: 'inline-s3', policy: DOCUMENT } }],
  },
  {
    title: 'AttachGroupPolicy keyed group/policyArn',
    source: ev('iam', 'AttachGroupPolicy', { groupName: 'admins', policyArn: READ_ONLY }),
    expect: [{ kind: 'create', target: { type: GROUP_ATTACHMENT, id: `admins/${READ_ONLY}`, region: G }, inputs: { group: 'admins', policyArn: READ_ONLY } }],
  },
  {
    title: 'DetachGroupPolicy',
    source: ev('iam', 'DetachGroupPolicy', { groupName: 'admins', policyArn: READ_ONLY }),
    expect: [{ kind: 'delete', target: { type: GROUP_ATTACHMENT, id: `admins/${READ_ONLY}`, region: G } }],
  },
  {
    title: 'CreateGroup',
    source: ev('iam', 'CreateGroup', { groupName: 'admins', path: '/' }, {
      group: { path: '/', groupName: 'admins', groupId: 'AGPAQEXAMPLEGROUP01', arn: 'arn:aws:iam::111122223333:group/admins', createDate: 'May 1, 2024, 12:00:00 PM' },
    }),
    expect: [{ kind: 'create', target: { type: GROUP, id: 'admins', region: G }, inputs: { name: 'admins', path: '/' } }],
  },
  {
    title: 'DeleteGroup',
    source: ev('iam', 'DeleteGroup', { groupName: 'admins' }),
    expect: [{ kind: 'delete', target: { type: GROUP, id: 'admins', region: G } }],
  },
  {
    title: 'AddUserToGroup: one membership per user and group',
    source: ev('iam', 'AddUserToGroup', { groupName: 'admins', userName: 'bob' }),
    expect: [{ kind: 'create', target: { type: MEMBERSHIP, id: 'bob/admins', region: G }, inputs: { user: 'bob', groups: ['admins'] } }],
  },
  {
    title: 'RemoveUserFromGroup',
    source: ev('iam', 'RemoveUserFromGroup', { groupName: 'admins', userName: 'bob' }),
    expect: [{ kind: 'delete', target: { type: MEMBERSHIP, id: 'bob/admins', region: G } }],
  },
  {
    title: 'UpdateRole',
    source: ev('iam', 'UpdateRole', { roleName: 'deployer', description: 'CI deploys', maxSessionDuration: 7200 }),
    expect: [
      {
        kind: 'update',
        target: { type: ROLE, id: 'deployer', region: G },
        ops: [
          { op: 'set', path: 'description', value: 'CI deploys' },
          { op: 'set', path: 'maxSessionDuration', value: 7200 },
        ],
      },
    ],
  },
  {
    title: 'TagRole touches the tags',
    source: ev('iam', 'TagRole', { roleName: 'deployer', tags: [{ key: 'team', value: 'ops' }] }),
    expect: [{ kind: 'touch', target: { type: ROLE, id: 'deployer', region: G }, paths: ['tags'] }],
  },
  {
    title: 'PutRolePermissionsBoundary',
    source: ev('iam', 'PutRolePermissionsBoundary', { roleName: 'deployer', permissionsBoundary: READ_ONLY }),
    expect: [{ kind: 'update', target: { type: ROLE, id: 'deployer', region: G }, ops: [{ op: 'set', path: 'permissionsBoundary', value: READ_ONLY }] }],
  },
  {
    title: 'CreatePolicyVersion with setAsDefault becomes the policy document',
    source: ev('iam', 'CreatePolicyVersion', { policyArn: POLICY_ARN, policyDocument: DOCUMENT, setAsDefault: true }, {
      policyVersion: { versionId: 'v2', isDefaultVersion: true, createDate: 'May 1, 2024, 12:00:00 PM' },
    }),
    expect: [{ kind: 'update', target: { type: POLICY, id: POLICY_ARN, region: G }, ops: [{ op: 'set', path: 'policy', value: DOCUMENT }] }],
  },
  {
    title: 'CreatePolicyVersion without setAsDefault changes nothing in force',
    source: ev('iam', 'CreatePolicyVersion', { policyArn: POLICY_ARN, policyDocument: DOCUMENT, setAsDefault: false }, {
      policyVersion: { versionId: 'v3', isDefaultVersion: false, createDate: 'May 1, 2024, 12:00:00 PM' },
    }),
    expect: [],
  },
  {
    title: 'SetDefaultPolicyVersion: the document changed, its text is not in the event',
    source: ev('iam', 'SetDefaultPolicyVersion', { policyArn: POLICY_ARN, versionId: 'v1' }),
    expect: [{ kind: 'touch', target: { type: POLICY, id: POLICY_ARN, region: G }, paths: ['policy'] }],
  },
  {
    title: 'DeletePolicyVersion (never the default) changes nothing in force',
    source: ev('iam', 'DeletePolicyVersion', { policyArn: POLICY_ARN, versionId: 'v3' }),
    expect: [],
  },
  {
    title: 'TagPolicy touches the tags',
    source: ev('iam', 'TagPolicy', { policyArn: POLICY_ARN, tags: [{ key: 'team', value: 'ops' }] }),
    expect: [{ kind: 'touch', target: { type: POLICY, id: POLICY_ARN, region: G }, paths: ['tags'] }],
  },
  {
    title: 'UntagInstanceProfile touches the tags',
    source: ev('iam', 'UntagInstanceProfile', { instanceProfileName: 'web', tagKeys: ['team'] }),
    expect: [{ kind: 'touch', target: { type: INSTANCE_PROFILE, id: 'web', region: G }, paths: ['tags'] }],
  },
  {
    title: 'CreateSAMLProvider keyed by the provider ARN',
    source: ev('iam', 'CreateSAMLProvider', { name: 'corp-idp', sAMLMetadataDocument: SAML_METADATA }, { sAMLProviderArn: SAML_ARN }),
    expect: [{ kind: 'create', target: { type: SAML_PROVIDER, id: SAML_ARN, region: G }, inputs: { name: 'corp-idp', samlMetadataDocument: SAML_METADATA } }],
  },
  {
    title: 'UpdateSAMLProvider replaces the metadata',
    source: ev('iam', 'UpdateSAMLProvider', { sAMLProviderArn: SAML_ARN, sAMLMetadataDocument: SAML_METADATA }, { sAMLProviderArn: SAML_ARN }),
    expect: [{ kind: 'update', target: { type: SAML_PROVIDER, id: SAML_ARN, region: G }, ops: [{ op: 'set', path: 'samlMetadataDocument', value: SAML_METADATA }] }],
  },
  {
    title: 'DeleteSAMLProvider',
    source: ev('iam', 'DeleteSAMLProvider', { sAMLProviderArn: SAML_ARN }),
    expect: [{ kind: 'delete', target: { type: SAML_PROVIDER, id: SAML_ARN, region: G } }],
  },
  {
    title: 'CreateVirtualMFADevice keyed by its serial number (ARN)',
    source: ev('iam', 'CreateVirtualMFADevice', { virtualMFADeviceName: 'bob-phone', path: '/' }, {
      virtualMFADevice: { serialNumber: 'arn:aws:iam::111122223333:mfa/bob-phone' },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: VIRTUAL_MFA, id: 'arn:aws:iam::111122223333:mfa/bob-phone', region: G },
        inputs: { virtualMfaDeviceName: 'bob-phone', path: '/' },
      },
    ],
  },
  {
    title: 'DeleteVirtualMFADevice',
    source: ev('iam', 'DeleteVirtualMFADevice', { serialNumber: 'arn:aws:iam::111122223333:mfa/bob-phone' }),
    expect: [{ kind: 'delete', target: { type: VIRTUAL_MFA, id: 'arn:aws:iam::111122223333:mfa/bob-phone', region: G } }],
  },
  {
    title: 'CreatePolicy without a response builds the ARN from account, path and name',
    source: {
      record: record({
        eventSource: 'iam.amazonaws.com',
        eventName: 'CreatePolicy',
        requestParameters: { policyName: 'deploy', path: '/', policyDocument: DOCUMENT },
        responseElements: null,
      }),
    },
    expect: [{ kind: 'create', target: { type: POLICY, id: POLICY_ARN, region: G }, inputs: { name: 'deploy', path: '/', policy: DOCUMENT } }],
  },
];
