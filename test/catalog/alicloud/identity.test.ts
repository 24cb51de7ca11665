import { describe, expect, it } from 'vitest';
import { TRAIL } from '../../../src/catalog/alicloud/actiontrail.js';
import { ACCESS_KEY, GROUP_POLICY, LOGIN_PROFILE, POLICY, ROLE, ROLE_POLICY, USER, USER_POLICY } from '../../../src/catalog/alicloud/ram.js';
import { RM_POLICY_ATTACHMENT } from '../../../src/catalog/alicloud/resourcemanager.js';
import { actiontrail, ims, ram, resourcemanager, samples } from './events.js';
import { effectsOf, lookup } from './helpers.js';

const g = (type: string, id: string) => ({ type, id, region: 'global' });
const BOT = 'backup-bot';

describe('RAM and IMS users', () => {
  it.skipIf(!samples.imsCreateUser)('IMS CreateUser (published sample): the UPN before @ is the user, region global', () => {
    expect(effectsOf(samples.imsCreateUser!)).toEqual([{ kind: 'create', target: g(USER, 'Alice'), inputs: { name: 'Alice', displayName: 'Alice' } }]);
  });

  it('RAM CreateUser and IMS CreateUser of one user hit one resource', () => {
    expect(effectsOf(ram.createUser)).toEqual([{ kind: 'create', target: g(USER, BOT), inputs: { name: BOT, displayName: 'Backup bot', email: 'bot@example.com' } }]);
    expect(effectsOf(ims.createUser)).toEqual([{ kind: 'create', target: g(USER, BOT), inputs: { name: BOT, displayName: 'Backup bot', tags: { team: 'ops' } } }]);
  });

  it('UpdateUser (RAM rename, IMS by UPN)', () => {
    expect(effectsOf(ram.updateUserRename)).toEqual([
      {
        kind: 'update',
        target: g(USER, BOT),
        ops: [
          { op: 'set', path: 'name', value: 'backup-robot' },
          { op: 'set', path: 'comments', value: 'renamed' },
        ],
      },
    ]);
    expect(effectsOf(ims.updateUser)).toEqual([
      {
        kind: 'update',
        target: g(USER, BOT),
        ops: [
          { op: 'set', path: 'displayName', value: 'Backup robot' },
          { op: 'set', path: 'mobile', value: '86-18600000000' },
        ],
      },
    ]);
  });

  it('DeleteUser (RAM and IMS)', () => {
    expect(effectsOf(ram.deleteUser)).toEqual([{ kind: 'delete', target: g(USER, BOT) }]);
    expect(effectsOf(ims.deleteUser)).toEqual([{ kind: 'delete', target: g(USER, BOT) }]);
  });
});

describe('access keys', () => {
  it('IMS CreateAccessKey: the id from the response, the secret never copied', () => {
    const out = effectsOf(ims.createAccessKey);
    expect(out).toEqual([{ kind: 'create', target: g(ACCESS_KEY, 'LTAI5tNewBackdoorKey0001'), inputs: { userName: BOT, status: 'Active' } }]);
    expect(JSON.stringify(out)).not.toMatch(/q8Zx4m|AccessKeySecret|secret/i);
  });

  it('RAM CreateAccessKey for a named user, and for the calling RAM user when none is named', () => {
    expect(effectsOf(ram.createAccessKey)).toEqual([{ kind: 'create', target: g(ACCESS_KEY, 'LTAI5tRamCreatedKey0001'), inputs: { userName: BOT, status: 'Active' } }]);
    expect(JSON.stringify(effectsOf(ram.createAccessKey))).not.toContain('ramSecretThatMustNotLeak');
    expect(effectsOf(ram.createOwnAccessKey)).toEqual([{ kind: 'create', target: g(ACCESS_KEY, 'LTAI5tSelfServiceKey001'), inputs: { userName: 'ops-alice', status: 'Active' } }]);
  });

  it('UpdateAccessKey status, DeleteAccessKey (RAM and IMS)', () => {
    expect(effectsOf(ram.updateAccessKey)).toEqual([{ kind: 'update', target: g(ACCESS_KEY, 'LTAI5tRamCreatedKey0001'), ops: [{ op: 'set', path: 'status', value: 'Inactive' }] }]);
    expect(effectsOf(ims.updateAccessKey)).toEqual([{ kind: 'update', target: g(ACCESS_KEY, 'LTAI5tNewBackdoorKey0001'), ops: [{ op: 'set', path: 'status', value: 'Inactive' }] }]);
    expect(effectsOf(ram.deleteAccessKey)).toEqual([{ kind: 'delete', target: g(ACCESS_KEY, 'LTAI5tRamCreatedKey0001') }]);
    expect(effectsOf(ims.deleteAccessKey)).toEqual([{ kind: 'delete', target: g(ACCESS_KEY, 'LTAI5tNewBackdoorKey0001') }]);
  });
});

describe('login profiles', () => {
  it('CreateLoginProfile: the password is unknown (redacted); flags about it are kept', () => {
    expect(effectsOf(ram.createLoginProfile)).toEqual([
      { kind: 'create', target: g(LOGIN_PROFILE, BOT), inputs: { userName: BOT, mfaBindRequired: false, passwordResetRequired: true }, unknown: ['password'] },
    ]);
    expect(effectsOf(ims.createLoginProfile)).toEqual([{ kind: 'create', target: g(LOGIN_PROFILE, BOT), inputs: { userName: BOT, passwordResetRequired: true }, unknown: ['password'] }]);
  });

  it('UpdateLoginProfile: flags set, a new password touched', () => {
    expect(effectsOf(ram.updateLoginProfile)).toEqual([
      { kind: 'update', target: g(LOGIN_PROFILE, BOT), ops: [{ op: 'set', path: 'mfaBindRequired', value: true }] },
      { kind: 'touch', target: g(LOGIN_PROFILE, BOT), paths: ['password'] },
    ]);
    expect(effectsOf(ims.updateLoginProfile)).toEqual([{ kind: 'update', target: g(LOGIN_PROFILE, BOT), ops: [{ op: 'set', path: 'passwordResetRequired', value: false }] }]);
  });

  it('DeleteLoginProfile, ChangePassword', () => {
    expect(effectsOf(ram.deleteLoginProfile)).toEqual([{ kind: 'delete', target: g(LOGIN_PROFILE, BOT) }]);
    expect(effectsOf(ims.deleteLoginProfile)).toEqual([{ kind: 'delete', target: g(LOGIN_PROFILE, BOT) }]);
    expect(effectsOf(ram.changePassword)).toEqual([{ kind: 'touch', target: g(LOGIN_PROFILE, 'ops-alice'), paths: ['password'] }]);
  });
});

describe('policy attachments', () => {
  it('AttachPolicyToUser / DetachPolicyFromUser share the import id user:<policy>:<type>:<user>', () => {
    const t = g(USER_POLICY, `user:AdministratorAccess:System:${BOT}`);
    expect(effectsOf(ram.attachToUser)).toEqual([{ kind: 'create', target: t, inputs: { policyName: 'AdministratorAccess', policyType: 'System', userName: BOT } }]);
    expect(effectsOf(ram.detachFromUser)).toEqual([{ kind: 'delete', target: t }]);
  });

  it('AttachPolicyToRole / DetachPolicyFromRole, AttachPolicyToGroup / DetachPolicyFromGroup', () => {
    const t = g(ROLE_POLICY, 'role:read-orders:Custom:app-role');
    expect(effectsOf(ram.attachToRole)).toEqual([{ kind: 'create', target: t, inputs: { policyName: 'read-orders', policyType: 'Custom', roleName: 'app-role' } }]);
    expect(effectsOf(ram.detachFromRole)).toEqual([{ kind: 'delete', target: t }]);
    expect(effectsOf(ram.attachToGroup)).toEqual([
      { kind: 'create', target: g(GROUP_POLICY, 'group:ReadOnlyAccess:System:auditors'), inputs: { policyName: 'ReadOnlyAccess', policyType: 'System', groupName: 'auditors' } },
    ]);
    expect(effectsOf(ram.detachFromGroup)).toEqual([{ kind: 'delete', target: g(GROUP_POLICY, 'group:ReadOnlyAccess:System:auditors') }]);
  });

  it('ResourceManager AttachPolicy / DetachPolicy: resource-group-scoped attachment', () => {
    const upn = 'backup-bot@1234567890123456.onaliyun.com';
    const t = g(RM_POLICY_ATTACHMENT, `AdministratorAccess:System:${upn}:IMSUser:rg-aek2ajbjoloa23q`);
    expect(effectsOf(resourcemanager.attachPolicy)).toEqual([
      { kind: 'create', target: t, inputs: { policyName: 'AdministratorAccess', policyType: 'System', principalName: upn, principalType: 'IMSUser', resourceGroupId: 'rg-aek2ajbjoloa23q' } },
    ]);
    expect(effectsOf(resourcemanager.detachPolicy)).toEqual([{ kind: 'delete', target: t }]);
    expect(effectsOf(resourcemanager.attachPolicyPartial)).toEqual({ skip: 'policy name, policy type, principal and resource group are not all in the event' });
  });
});

describe('roles and policies', () => {
  it('CreateRole, UpdateRole, DeleteRole', () => {
    expect(effectsOf(ram.createRole)).toEqual([
      {
        kind: 'create',
        target: g(ROLE, 'app-role'),
        inputs: {
          roleName: 'app-role',
          assumeRolePolicyDocument: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["ecs.aliyuncs.com"]}}],"Version":"1"}',
          description: 'app servers',
          maxSessionDuration: 3600,
        },
      },
    ]);
    expect(effectsOf(ram.updateRole)).toEqual([
      {
        kind: 'update',
        target: g(ROLE, 'app-role'),
        ops: [
          { op: 'set', path: 'assumeRolePolicyDocument', value: '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"RAM":["acs:ram::999999999999:root"]}}],"Version":"1"}' },
          { op: 'set', path: 'maxSessionDuration', value: 43200 },
        ],
      },
    ]);
    expect(effectsOf(ram.deleteRole)).toEqual([{ kind: 'delete', target: g(ROLE, 'app-role') }]);
  });

  it('CreatePolicy, DeletePolicy', () => {
    expect(effectsOf(ram.createPolicy)).toEqual([
      {
        kind: 'create',
        target: g(POLICY, 'read-orders'),
        inputs: { policyName: 'read-orders', policyDocument: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}', description: 'v1' },
      },
    ]);
    expect(effectsOf(ram.deletePolicy)).toEqual([{ kind: 'delete', target: g(POLICY, 'read-orders') }]);
  });

  it('CreatePolicyVersion changes the document only with SetAsDefault; SetDefaultPolicyVersion touches it', () => {
    expect(effectsOf(ram.createPolicyVersionDefault)).toEqual([
      { kind: 'update', target: g(POLICY, 'read-orders'), ops: [{ op: 'set', path: 'policyDocument', value: '{"Version":"1","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}' }] },
    ]);
    expect(effectsOf(ram.createPolicyVersionDraft)).toEqual([]);
    expect(effectsOf(ram.setDefaultPolicyVersion)).toEqual([{ kind: 'touch', target: g(POLICY, 'read-orders'), paths: ['policyDocument'] }]);
    expect(lookup(ram.deletePolicyVersion).kind).toBe('non-state');
  });

  it('ResourceManager policy versions act on the same RAM policy', () => {
    expect(effectsOf(resourcemanager.createPolicyVersion)).toEqual([{ kind: 'update', target: g(POLICY, 'read-orders'), ops: [{ op: 'set', path: 'policyDocument', value: '{"Version":"1","Statement":[]}' }] }]);
  });
});

describe('ActionTrail trails', () => {
  it('CreateTrail: keyed by name, not logging until StartLogging', () => {
    expect(effectsOf(actiontrail.createTrail)).toEqual([
      {
        kind: 'create',
        target: { type: TRAIL, id: 'audit' },
        inputs: { trailName: 'audit', ossBucketName: 'audit-logs', ossKeyPrefix: 'at', eventRw: 'All', trailRegion: 'All', status: 'Disable' },
      },
    ]);
  });

  it('StopLogging / StartLogging set status; UpdateTrail; DeleteTrail', () => {
    expect(effectsOf(actiontrail.stopLogging)).toEqual([{ kind: 'update', target: { type: TRAIL, id: 'audit' }, ops: [{ op: 'set', path: 'status', value: 'Disable' }] }]);
    expect(effectsOf(actiontrail.startLogging)).toEqual([{ kind: 'update', target: { type: TRAIL, id: 'audit' }, ops: [{ op: 'set', path: 'status', value: 'Enable' }] }]);
    expect(effectsOf(actiontrail.updateTrail)).toEqual([
      {
        kind: 'update',
        target: { type: TRAIL, id: 'audit' },
        ops: [
          { op: 'set', path: 'slsProjectArn', value: 'acs:log:cn-hangzhou:1234567890123456:project/attacker-sink' },
          { op: 'set', path: 'eventRw', value: 'Read' },
        ],
      },
    ]);
    expect(effectsOf(actiontrail.deleteTrail)).toEqual([{ kind: 'delete', target: { type: TRAIL, id: 'audit' } }]);
  });
});

describe('events known not to change state', () => {
  it.skipIf(!samples.rootSignin || !samples.subSignin)('ConsoleSignin (published root and RAM-user samples)', () => {
    expect(lookup(samples.rootSignin!).kind).toBe('non-state');
    expect(lookup(samples.subSignin!).kind).toBe('non-state');
  });

  it.skipIf(!samples.createResourceGroup)('CreateResourceGroup (published sample)', () => {
    expect(lookup(samples.createResourceGroup!).kind).toBe('non-state');
  });
});
