/**
 * IAM: users, access keys, login profiles, groups, roles, managed and inline policies,
 * instance profiles, identity providers. IAM is global: every target has region `global`.
 * Composite resources are keyed by the id Pulumi imports them by (`user:policy`,
 * `user/policyArn`, `user/group`).
 */
import type { TrailEvent } from '../../events/model.js';
import type { PatchOp } from '../../replay/effect.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, firstText, flag, GLOBAL, nonState, number, policyText, remove, sets, tagMap, text, touch, update } from './shared.js';

const USER = 'aws:iam/user:User';
const ACCESS_KEY = 'aws:iam/accessKey:AccessKey';
const LOGIN_PROFILE = 'aws:iam/userLoginProfile:UserLoginProfile';
const GROUP = 'aws:iam/group:Group';
const MEMBERSHIP = 'aws:iam/userGroupMembership:UserGroupMembership';
const ROLE = 'aws:iam/role:Role';
const POLICY = 'aws:iam/policy:Policy';
const USER_POLICY = 'aws:iam/userPolicy:UserPolicy';
const ROLE_POLICY = 'aws:iam/rolePolicy:RolePolicy';
const GROUP_POLICY = 'aws:iam/groupPolicy:GroupPolicy';
const USER_ATTACHMENT = 'aws:iam/userPolicyAttachment:UserPolicyAttachment';
const ROLE_ATTACHMENT = 'aws:iam/rolePolicyAttachment:RolePolicyAttachment';
const GROUP_ATTACHMENT = 'aws:iam/groupPolicyAttachment:GroupPolicyAttachment';
const INSTANCE_PROFILE = 'aws:iam/instanceProfile:InstanceProfile';
const SAML_PROVIDER = 'aws:iam/samlProvider:SamlProvider';
const SERVICE_LINKED_ROLE = 'aws:iam/serviceLinkedRole:ServiceLinkedRole';
const VIRTUAL_MFA = 'aws:iam/virtualMfaDevice:VirtualMfaDevice';

const entry = entriesOf('iam');

const g = {
  create: (type: string, id: string, inputs: Record<string, unknown>, unknown?: string[]) => create(type, id, inputs, { region: GLOBAL, unknown }),
  update: (type: string, id: string, ops: PatchOp[]) => update(type, id, ops, GLOBAL),
  touch: (type: string, id: string, paths: string[]) => touch(type, id, paths, GLOBAL),
  remove: (type: string, id: string) => remove(type, id, GLOBAL),
};

/**
 * The user an action is about: `userName` in the request, else the caller (IAM acts on the
 * calling user when the name is left out). Root has no IAM user to model.
 */
function userOf(event: TrailEvent, responsePath?: string): string | undefined {
  const named = text(event.request, 'userName') ?? (responsePath ? text(event.response, responsePath) : undefined);
  if (named) return named;
  return event.actor.type === 'IAMUser' ? event.actor.userName : undefined;
}

/** Runs `make` when every field was found, else a skip naming the missing ones. */
function needs<K extends string>(fields: Record<K, string | undefined>, make: (v: Record<K, string>) => Outcome): Outcome {
  const missing = Object.entries(fields).filter(([, v]) => v === undefined).map(([k]) => k);
  if (missing.length > 0) return skip(`no ${missing.join(', ')} in the event`);
  return make(fields as Record<K, string>);
}

/** The owner (user, role or group) and policy named by an inline-policy or attachment call. */
function ownerAnd(e: TrailEvent, ownerField: string, other: string, make: (owner: string, value: string) => Outcome): Outcome {
  const owner = text(e.request, ownerField);
  const value = text(e.request, other);
  return owner && value ? make(owner, value) : skip(`no ${ownerField} or ${other} in the event`);
}

/** Put<User|Role|Group>Policy: the whole inline document, keyed `<owner>:<policy name>`. */
function putInline(type: string, ownerField: string, ownerInput: string) {
  return (e: TrailEvent): Outcome =>
    ownerAnd(e, ownerField, 'policyName', (owner, name) => {
      const policy = policyText(at(e.request, 'policyDocument'));
      return [g.create(type, `${owner}:${name}`, { [ownerInput]: owner, name, policy }, policy === undefined ? ['policy'] : [])];
    });
}

function deleteInline(type: string, ownerField: string) {
  return (e: TrailEvent): Outcome => ownerAnd(e, ownerField, 'policyName', (owner, name) => [g.remove(type, `${owner}:${name}`)]);
}

/** Attach/Detach<User|Role|Group>Policy, keyed `<owner>/<policy ARN>`. */
function attachment(type: string, ownerField: string, ownerInput: string, attach: boolean) {
  return (e: TrailEvent): Outcome =>
    ownerAnd(e, ownerField, 'policyArn', (owner, policyArn) => {
      const id = `${owner}/${policyArn}`;
      return [attach ? g.create(type, id, { [ownerInput]: owner, policyArn }) : g.remove(type, id)];
    });
}

function byName(type: string, field: string, make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = text(e.request, field);
    return name ? make(name, e) : skip(`no ${field} in the event`);
  };
}

/** Managed policies are keyed by ARN: the response's, else built from account, path and name. */
function policyArn(e: TrailEvent): string | undefined {
  const fromResponse = text(e.response, 'policy.arn');
  if (fromResponse) return fromResponse;
  const name = text(e.request, 'policyName');
  const path = text(e.request, 'path') ?? '/';
  return name && e.account ? `arn:aws:iam::${e.account}:policy${path}${name}` : undefined;
}

export const iam: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateUser'],
      types: [USER],
      action: 'create',
      summary: 'creates an IAM user',
      apply: byName(USER, 'userName', (name, e) => [
        g.create(USER, name, {
          name,
          path: text(e.request, 'path'),
          permissionsBoundary: text(e.request, 'permissionsBoundary'),
          tags: tagMap(at(e.request, 'tags')),
        }),
      ]),
    }),
    entry({
      names: ['DeleteUser'],
      types: [USER],
      action: 'delete',
      summary: 'deletes an IAM user',
      apply: byName(USER, 'userName', (name) => [g.remove(USER, name)]),
    }),
    entry({
      names: ['UpdateUser'],
      types: [USER],
      action: 'update',
      summary: 'renames an IAM user or changes its path',
      // A rename keeps the resource (same user id, Pulumi updates it in place), so the
      // record stays under the old name with `name` set to the new one.
      apply: byName(USER, 'userName', (name, e) => {
        const ops = sets({ name: text(e.request, 'newUserName'), path: text(e.request, 'newPath') });
        return ops.length > 0 ? [g.update(USER, name, ops)] : skip('no new name or path in the event');
      }),
    }),
    entry({
      names: ['TagUser', 'UntagUser'],
      types: [USER],
      action: 'update',
      summary: 'adds or removes user tags (the full tag set is not in the event)',
      apply: byName(USER, 'userName', (name) => [g.touch(USER, name, ['tags'])]),
    }),
    entry({
      names: ['PutUserPermissionsBoundary', 'DeleteUserPermissionsBoundary'],
      types: [USER],
      action: 'update',
      summary: 'sets or removes the permissions boundary of a user',
      apply: byName(USER, 'userName', (name, e) => {
        const boundary = text(e.request, 'permissionsBoundary');
        return [g.update(USER, name, boundary ? sets({ permissionsBoundary: boundary }) : [{ op: 'unset', path: 'permissionsBoundary' }])];
      }),
    }),
    entry({
      names: ['CreateAccessKey'],
      types: [ACCESS_KEY],
      action: 'create',
      summary: 'creates an access key (id from the response; the secret is never kept)',
      apply: (e) => {
        const user = userOf(e, 'accessKey.userName');
        if (!user && e.actor.type === 'Root') return skip('a root access key: no IAM user, nothing Pulumi manages');
        return needs({ accessKeyId: text(e.response, 'accessKey.accessKeyId'), userName: user }, (v) => [
          g.create(ACCESS_KEY, v.accessKeyId, { user: v.userName, status: text(e.response, 'accessKey.status') }),
        ]);
      },
    }),
    entry({
      names: ['UpdateAccessKey'],
      types: [ACCESS_KEY],
      action: 'update',
      summary: 'activates or deactivates an access key',
      apply: byName(ACCESS_KEY, 'accessKeyId', (id, e) => {
        const status = text(e.request, 'status');
        return status ? [g.update(ACCESS_KEY, id, sets({ status }))] : skip('no status in the event');
      }),
    }),
    entry({
      names: ['DeleteAccessKey'],
      types: [ACCESS_KEY],
      action: 'delete',
      summary: 'deletes an access key',
      apply: byName(ACCESS_KEY, 'accessKeyId', (id) => [g.remove(ACCESS_KEY, id)]),
    }),
    entry({
      names: ['CreateLoginProfile'],
      types: [LOGIN_PROFILE],
      action: 'create',
      summary: 'gives a user a console password (the password is never kept)',
      apply: (e) =>
        needs({ userName: userOf(e, 'loginProfile.userName') }, ({ userName: user }) => [
          g.create(LOGIN_PROFILE, user, { user, passwordResetRequired: flag(at(e.request, 'passwordResetRequired')) }),
        ]),
    }),
    entry({
      names: ['UpdateLoginProfile'],
      types: [LOGIN_PROFILE],
      action: 'update',
      summary: 'changes a console password or its reset flag',
      apply: (e) =>
        needs({ userName: userOf(e) }, ({ userName: user }) => {
          const ops = sets({ passwordResetRequired: flag(at(e.request, 'passwordResetRequired')) });
          // A new password alone has no Pulumi input to record (and is a secret anyway).
          return ops.length > 0 ? [g.update(LOGIN_PROFILE, user, ops)] : skip(`console password of ${user} changed: no Pulumi input holds a password`);
        }),
    }),
    entry({
      names: ['DeleteLoginProfile'],
      types: [LOGIN_PROFILE],
      action: 'delete',
      summary: 'removes console access of a user',
      apply: (e) => needs({ userName: userOf(e) }, ({ userName: user }) => [g.remove(LOGIN_PROFILE, user)]),
    }),
    entry({
      names: ['CreateGroup'],
      types: [GROUP],
      action: 'create',
      summary: 'creates an IAM group',
      apply: byName(GROUP, 'groupName', (name, e) => [g.create(GROUP, name, { name, path: text(e.request, 'path') })]),
    }),
    entry({
      names: ['DeleteGroup'],
      types: [GROUP],
      action: 'delete',
      summary: 'deletes an IAM group',
      apply: byName(GROUP, 'groupName', (name) => [g.remove(GROUP, name)]),
    }),
    entry({
      names: ['AddUserToGroup'],
      types: [MEMBERSHIP],
      action: 'create',
      summary: 'adds a user to a group (one membership per user and group)',
      apply: (e) =>
        needs({ userName: text(e.request, 'userName'), groupName: text(e.request, 'groupName') }, ({ userName: user, groupName: group }) => [
          g.create(MEMBERSHIP, `${user}/${group}`, { user, groups: [group] }),
        ]),
    }),
    entry({
      names: ['RemoveUserFromGroup'],
      types: [MEMBERSHIP],
      action: 'delete',
      summary: 'removes a user from a group',
      apply: (e) =>
        needs({ userName: text(e.request, 'userName'), groupName: text(e.request, 'groupName') }, ({ userName: user, groupName: group }) => [
          g.remove(MEMBERSHIP, `${user}/${group}`),
        ]),
    }),
    entry({
      names: ['CreateRole'],
      types: [ROLE],
      action: 'create',
      summary: 'creates a role with its trust policy',
      // The response repeats the trust policy URL-encoded; the request has it decoded.
      apply: byName(ROLE, 'roleName', (name, e) => [
        g.create(ROLE, name, {
          name,
          path: text(e.request, 'path'),
          assumeRolePolicy: policyText(at(e.request, 'assumeRolePolicyDocument')),
          description: text(e.request, 'description'),
          maxSessionDuration: number(at(e.request, 'maxSessionDuration')),
          permissionsBoundary: text(e.request, 'permissionsBoundary'),
          tags: tagMap(at(e.request, 'tags')),
        }),
      ]),
    }),
    entry({
      names: ['DeleteRole'],
      types: [ROLE],
      action: 'delete',
      summary: 'deletes a role',
      apply: byName(ROLE, 'roleName', (name) => [g.remove(ROLE, name)]),
    }),
    entry({
      names: ['UpdateAssumeRolePolicy'],
      types: [ROLE],
      action: 'update',
      summary: 'replaces the trust policy of a role (who may assume it)',
      apply: byName(ROLE, 'roleName', (name, e) => {
        const policy = policyText(at(e.request, 'policyDocument'));
        return [policy ? g.update(ROLE, name, sets({ assumeRolePolicy: policy })) : g.touch(ROLE, name, ['assumeRolePolicy'])];
      }),
    }),
    entry({
      names: ['UpdateRole', 'UpdateRoleDescription'],
      types: [ROLE],
      action: 'update',
      summary: 'changes the description or maximum session duration of a role',
      apply: byName(ROLE, 'roleName', (name, e) => {
        const ops = sets({ description: text(e.request, 'description'), maxSessionDuration: number(at(e.request, 'maxSessionDuration')) });
        return ops.length > 0 ? [g.update(ROLE, name, ops)] : skip('no role setting in the event');
      }),
    }),
    entry({
      names: ['TagRole', 'UntagRole'],
      types: [ROLE],
      action: 'update',
      summary: 'adds or removes role tags (the full tag set is not in the event)',
      apply: byName(ROLE, 'roleName', (name) => [g.touch(ROLE, name, ['tags'])]),
    }),
    entry({
      names: ['PutRolePermissionsBoundary', 'DeleteRolePermissionsBoundary'],
      types: [ROLE],
      action: 'update',
      summary: 'sets or removes the permissions boundary of a role',
      apply: byName(ROLE, 'roleName', (name, e) => {
        const boundary = text(e.request, 'permissionsBoundary');
        return [g.update(ROLE, name, boundary ? sets({ permissionsBoundary: boundary }) : [{ op: 'unset', path: 'permissionsBoundary' }])];
      }),
    }),
    entry({
      names: ['PutUserPolicy'],
      types: [USER_POLICY],
      action: 'create',
      summary: 'sets an inline policy of a user',
      apply: putInline(USER_POLICY, 'userName', 'user'),
    }),
    entry({
      names: ['DeleteUserPolicy'],
      types: [USER_POLICY],
      action: 'delete',
      summary: 'deletes an inline policy of a user',
      apply: deleteInline(USER_POLICY, 'userName'),
    }),
    entry({
      names: ['PutRolePolicy'],
      types: [ROLE_POLICY],
      action: 'create',
      summary: 'sets an inline policy of a role',
      apply: putInline(ROLE_POLICY, 'roleName', 'role'),
    }),
    entry({
      names: ['DeleteRolePolicy'],
      types: [ROLE_POLICY],
      action: 'delete',
      summary: 'deletes an inline policy of a role',
      apply: deleteInline(ROLE_POLICY, 'roleName'),
    }),
    entry({
      names: ['PutGroupPolicy'],
      types: [GROUP_POLICY],
      action: 'create',
      summary: 'sets an inline policy of a group',
      apply: putInline(GROUP_POLICY, 'groupName', 'group'),
    }),
    entry({
      names: ['DeleteGroupPolicy'],
      types: [GROUP_POLICY],
      action: 'delete',
      summary: 'deletes an inline policy of a group',
      apply: deleteInline(GROUP_POLICY, 'groupName'),
    }),
    entry({
      names: ['AttachUserPolicy'],
      types: [USER_ATTACHMENT],
      action: 'create',
      summary: 'attaches a managed policy to a user',
      apply: attachment(USER_ATTACHMENT, 'userName', 'user', true),
    }),
    entry({
      names: ['DetachUserPolicy'],
      types: [USER_ATTACHMENT],
      action: 'delete',
      summary: 'detaches a managed policy from a user',
      apply: attachment(USER_ATTACHMENT, 'userName', 'user', false),
    }),
    entry({
      names: ['AttachRolePolicy'],
      types: [ROLE_ATTACHMENT],
      action: 'create',
      summary: 'attaches a managed policy to a role',
      apply: attachment(ROLE_ATTACHMENT, 'roleName', 'role', true),
    }),
    entry({
      names: ['DetachRolePolicy'],
      types: [ROLE_ATTACHMENT],
      action: 'delete',
      summary: 'detaches a managed policy from a role',
      apply: attachment(ROLE_ATTACHMENT, 'roleName', 'role', false),
    }),
    entry({
      names: ['AttachGroupPolicy'],
      types: [GROUP_ATTACHMENT],
      action: 'create',
      summary: 'attaches a managed policy to a group',
      apply: attachment(GROUP_ATTACHMENT, 'groupName', 'group', true),
    }),
    entry({
      names: ['DetachGroupPolicy'],
      types: [GROUP_ATTACHMENT],
      action: 'delete',
      summary: 'detaches a managed policy from a group',
      apply: attachment(GROUP_ATTACHMENT, 'groupName', 'group', false),
    }),
    entry({
      names: ['CreatePolicy'],
      types: [POLICY],
      action: 'create',
      summary: 'creates a customer managed policy',
      apply: (e) =>
        needs({ policyArn: policyArn(e) }, ({ policyArn: arn }) => [
          g.create(POLICY, arn, {
            name: text(e.request, 'policyName'),
            path: text(e.request, 'path'),
            description: text(e.request, 'description'),
            policy: policyText(at(e.request, 'policyDocument')),
            tags: tagMap(at(e.request, 'tags')),
          }),
        ]),
    }),
    entry({
      names: ['DeletePolicy'],
      types: [POLICY],
      action: 'delete',
      summary: 'deletes a customer managed policy',
      apply: byName(POLICY, 'policyArn', (arn) => [g.remove(POLICY, arn)]),
    }),
    entry({
      names: ['CreatePolicyVersion'],
      types: [POLICY],
      action: 'update',
      summary: 'adds a policy version; with setAsDefault it becomes the policy document',
      apply: byName(POLICY, 'policyArn', (arn, e) => {
        // A non-default version changes nothing that is in force (Pulumi's `policy` is the default version).
        if (flag(at(e.request, 'setAsDefault')) !== true) return [];
        const policy = policyText(at(e.request, 'policyDocument'));
        return [policy ? g.update(POLICY, arn, sets({ policy })) : g.touch(POLICY, arn, ['policy'])];
      }),
    }),
    entry({
      names: ['SetDefaultPolicyVersion'],
      types: [POLICY],
      action: 'update',
      summary: 'makes another version the policy document (its text is not in the event)',
      apply: byName(POLICY, 'policyArn', (arn) => [g.touch(POLICY, arn, ['policy'])]),
    }),
    entry({
      names: ['DeletePolicyVersion'],
      types: [POLICY],
      action: 'update',
      summary: 'deletes a non-default policy version: the document in force is unchanged',
      apply: byName(POLICY, 'policyArn', () => []),
    }),
    entry({
      names: ['TagPolicy', 'UntagPolicy'],
      types: [POLICY],
      action: 'update',
      summary: 'adds or removes policy tags (the full tag set is not in the event)',
      apply: byName(POLICY, 'policyArn', (arn) => [g.touch(POLICY, arn, ['tags'])]),
    }),
    entry({
      names: ['CreateInstanceProfile'],
      types: [INSTANCE_PROFILE],
      action: 'create',
      summary: 'creates an instance profile',
      apply: byName(INSTANCE_PROFILE, 'instanceProfileName', (name, e) => [
        g.create(INSTANCE_PROFILE, name, { name, path: text(e.request, 'path'), tags: tagMap(at(e.request, 'tags')) }),
      ]),
    }),
    entry({
      names: ['DeleteInstanceProfile'],
      types: [INSTANCE_PROFILE],
      action: 'delete',
      summary: 'deletes an instance profile',
      apply: byName(INSTANCE_PROFILE, 'instanceProfileName', (name) => [g.remove(INSTANCE_PROFILE, name)]),
    }),
    entry({
      names: ['AddRoleToInstanceProfile'],
      types: [INSTANCE_PROFILE],
      action: 'update',
      summary: 'puts a role in an instance profile',
      apply: byName(INSTANCE_PROFILE, 'instanceProfileName', (name, e) => {
        const role = text(e.request, 'roleName');
        return role ? [g.update(INSTANCE_PROFILE, name, sets({ role }))] : skip('no role name in the event');
      }),
    }),
    entry({
      names: ['RemoveRoleFromInstanceProfile'],
      types: [INSTANCE_PROFILE],
      action: 'update',
      summary: 'takes the role out of an instance profile',
      apply: byName(INSTANCE_PROFILE, 'instanceProfileName', (name) => [g.update(INSTANCE_PROFILE, name, [{ op: 'unset', path: 'role' }])]),
    }),
    entry({
      names: ['TagInstanceProfile', 'UntagInstanceProfile'],
      types: [INSTANCE_PROFILE],
      action: 'update',
      summary: 'adds or removes instance profile tags (the full tag set is not in the event)',
      apply: byName(INSTANCE_PROFILE, 'instanceProfileName', (name) => [g.touch(INSTANCE_PROFILE, name, ['tags'])]),
    }),
    entry({
      names: ['CreateSAMLProvider'],
      types: [SAML_PROVIDER],
      action: 'create',
      summary: 'adds a SAML identity provider (federated sign-in)',
      apply: (e) =>
        needs({ SAMLProviderArn: firstText(e.response, 'sAMLProviderArn', 'samlProviderArn', 'SAMLProviderArn') }, ({ SAMLProviderArn: arn }) => [
          g.create(SAML_PROVIDER, arn, {
            name: text(e.request, 'name'),
            samlMetadataDocument: firstText(e.request, 'sAMLMetadataDocument', 'samlMetadataDocument', 'SAMLMetadataDocument'),
            tags: tagMap(at(e.request, 'tags')),
          }),
        ]),
    }),
    entry({
      names: ['UpdateSAMLProvider'],
      types: [SAML_PROVIDER],
      action: 'update',
      summary: 'replaces the metadata of a SAML identity provider',
      apply: (e) =>
        needs({ SAMLProviderArn: firstText(e.request, 'sAMLProviderArn', 'samlProviderArn', 'SAMLProviderArn') }, ({ SAMLProviderArn: arn }) => {
          const doc = firstText(e.request, 'sAMLMetadataDocument', 'samlMetadataDocument', 'SAMLMetadataDocument');
          return [doc ? g.update(SAML_PROVIDER, arn, sets({ samlMetadataDocument: doc })) : g.touch(SAML_PROVIDER, arn, ['samlMetadataDocument'])];
        }),
    }),
    entry({
      names: ['DeleteSAMLProvider'],
      types: [SAML_PROVIDER],
      action: 'delete',
      summary: 'removes a SAML identity provider',
      apply: (e) =>
        needs({ SAMLProviderArn: firstText(e.request, 'sAMLProviderArn', 'samlProviderArn', 'SAMLProviderArn') }, ({ SAMLProviderArn: arn }) => [g.remove(SAML_PROVIDER, arn)]),
    }),
    entry({
      names: ['CreateServiceLinkedRole'],
      types: [SERVICE_LINKED_ROLE],
      action: 'create',
      summary: 'creates a service-linked role',
      apply: (e) =>
        needs({ 'role ARN': text(e.response, 'role.arn') }, ({ 'role ARN': arn }) => [
          g.create(SERVICE_LINKED_ROLE, arn, {
            awsServiceName: text(e.request, 'aWSServiceName') ?? text(e.request, 'awsServiceName'),
            description: text(e.request, 'description'),
            customSuffix: text(e.request, 'customSuffix'),
          }),
        ]),
    }),
    entry({
      names: ['CreateVirtualMFADevice'],
      types: [VIRTUAL_MFA],
      action: 'create',
      summary: 'creates a virtual MFA device',
      apply: (e) =>
        needs({ serialNumber: text(e.response, 'virtualMFADevice.serialNumber') }, ({ serialNumber: arn }) => [
          g.create(VIRTUAL_MFA, arn, {
            virtualMfaDeviceName: text(e.request, 'virtualMFADeviceName'),
            path: text(e.request, 'path'),
            tags: tagMap(at(e.request, 'tags')),
          }),
        ]),
    }),
    entry({
      names: ['DeleteVirtualMFADevice'],
      types: [VIRTUAL_MFA],
      action: 'delete',
      summary: 'deletes a virtual MFA device',
      apply: byName(VIRTUAL_MFA, 'serialNumber', (arn) => [g.remove(VIRTUAL_MFA, arn)]),
    }),
  ],
  nonState: [
    nonState('iam', ['ChangePassword'], 'a user changes their own console password: a secret, no modelled input'),
    nonState('iam', ['GenerateServiceLastAccessedDetails'], 'starts an access-report job: reads, changes nothing'),
    nonState(
      'iam',
      ['NotCreateUser', 'PutPolicy'],
      'not IAM API actions: names invented by hand-made detection fixtures (negative test cases)',
    ),
  ],
  // Deleting the owner takes these along (AWS requires it; a trail may lack the explicit deletes).
  references: [
    { from: ACCESS_KEY, input: 'user', to: USER },
    { from: LOGIN_PROFILE, input: 'user', to: USER },
    { from: USER_POLICY, input: 'user', to: USER },
    { from: USER_ATTACHMENT, input: 'user', to: USER },
    { from: MEMBERSHIP, input: 'user', to: USER },
    { from: MEMBERSHIP, input: 'groups', to: GROUP },
    { from: GROUP_POLICY, input: 'group', to: GROUP },
    { from: GROUP_ATTACHMENT, input: 'group', to: GROUP },
    { from: ROLE_POLICY, input: 'role', to: ROLE },
    { from: ROLE_ATTACHMENT, input: 'role', to: ROLE },
    { from: USER_ATTACHMENT, input: 'policyArn', to: POLICY },
    { from: ROLE_ATTACHMENT, input: 'policyArn', to: POLICY },
    { from: GROUP_ATTACHMENT, input: 'policyArn', to: POLICY },
  ],
};
