/**
 * RAM (serviceName `Ram`, API 2015-05-01). Account-wide: every target is in region `global`
 * (ActionTrail logs these calls under varying acsRegion). Users are keyed by their RAM user
 * name; IMS (ims.ts) names the same users by `name@<uid>.onaliyun.com` and reuses
 * `userEntries`, so both services meet on one resource.
 */
import type { TrailEvent } from '../../events/model.js';
import type { Target } from '../../replay/effect.js';
import { str } from '../../util/json.js';
import { at, forEachId, ids, pick, skip, target } from '../kit.js';
import type { CatalogEntry, Outcome, ServiceCatalog } from '../types.js';
import { asBool, asNum, create, del, entry, GLOBAL, has, ignore, modify, orSkip, ramUserName, refIds, req, withTags } from './common.js';

export const USER = 'alicloud:ram/user:User';
export const ACCESS_KEY = 'alicloud:ram/accessKey:AccessKey';
export const LOGIN_PROFILE = 'alicloud:ram/loginProfile:LoginProfile';
export const ROLE = 'alicloud:ram/role:Role';
export const POLICY = 'alicloud:ram/policy:Policy';
export const USER_POLICY = 'alicloud:ram/userPolicyAttachment:UserPolicyAttachment';
export const ROLE_POLICY = 'alicloud:ram/rolePolicyAttachment:RolePolicyAttachment';
export const GROUP_POLICY = 'alicloud:ram/groupPolicyAttachment:GroupPolicyAttachment';

const g = (type: string, id: string): Target => target(type, id, GLOBAL);

/** The user a call names: RAM `UserName`, IMS `UserPrincipalName`, else the referenced user. */
export function userOf(e: TrailEvent): string | undefined {
  const r = req(e);
  const v = str(r.UserName) ?? str(r.UserPrincipalName) ?? refIds(e, 'ACS::RAM::User')[0];
  return v ? ramUserName(v) : undefined;
}

const userIds = (e: TrailEvent): string[] => {
  const u = userOf(e);
  return u ? [u] : [];
};

// ---------------------------------------------------------------- users, keys, login profiles

function createUser(e: TrailEvent): Outcome {
  const r = req(e);
  const name = userOf(e) ?? strAt(e.response, 'User.UserName') ?? strAt(e.response, 'User.UserPrincipalName');
  if (!name) return skip('no user name in the event');
  const id = ramUserName(name);
  const inputs = withTags({ name: id, ...pick(r, { DisplayName: 'displayName', MobilePhone: 'mobile', Email: 'email', Comments: 'comments' }) }, r);
  return [create(g(USER, id), inputs)];
}

function strAt(v: unknown, path: string): string | undefined {
  return str(at(v, path));
}

/**
 * UpdateUser. A rename (`NewUserName`, IMS `NewUserPrincipalName`) sets `name` on the resource
 * keyed by the old name: later events name it by the new one (see the report's open doubts).
 */
function updateUser(e: TrailEvent): Outcome {
  const values = pick(req(e), {
    NewUserName: 'name',
    NewUserPrincipalName: (v) => (typeof v === 'string' ? ['name', ramUserName(v)] : undefined),
    NewDisplayName: 'displayName',
    NewMobilePhone: 'mobile',
    NewEmail: 'email',
    NewComments: 'comments',
  });
  return orSkip(forEachId(userIds(e), 'user', (id) => modify(g(USER, id), values)), e);
}

/** CreateAccessKey: the new id is only in the response; the secret beside it is never read. */
function createAccessKey(e: TrailEvent): Outcome {
  // Without a user name the key is the caller's own (API docs); a root key is not a RAM user's.
  const user = userOf(e) ?? (e.actor.type === 'ram-user' ? e.actor.userName : undefined);
  const status = strAt(e.response, 'AccessKey.Status') ?? 'Active';
  const found = ids(e, { response: ['AccessKey.AccessKeyId'] });
  return forEachId(found, 'access key', (id) => create(g(ACCESS_KEY, id), user ? { userName: user, status } : { status }));
}

const keyIds = (e: TrailEvent): string[] => ids(e, { request: ['UserAccessKeyId', 'AccessKeyId'] });

function loginProfileChange(e: TrailEvent): Outcome {
  const r = req(e);
  const values = pick(r, { PasswordResetRequired: asBool('passwordResetRequired'), MFABindRequired: asBool('mfaBindRequired') });
  return orSkip(forEachId(userIds(e), 'user', (id) => modify(g(LOGIN_PROFILE, id), values, has(r, 'Password') ? ['password'] : [])), e);
}

/** User, access key and login-profile calls, which RAM and IMS share (same names, same meaning). */
export function userEntries(service: string): CatalogEntry[] {
  const x = (spec: Parameters<typeof entry>[1]): CatalogEntry => entry(service, spec);
  return [
    x({ names: ['CreateUser'], types: [USER], action: 'create', summary: 'create a RAM user (keyed by user name)', apply: createUser }),
    x({ names: ['UpdateUser'], types: [USER], action: 'update', summary: 'name, display name, mobile, email, comments', apply: updateUser }),
    x({ names: ['DeleteUser'], types: [USER], action: 'delete', summary: 'delete a RAM user (its keys, login profile and attachments go with it)', apply: (e) => forEachId(userIds(e), 'user', (id) => del(g(USER, id))) }),
    x({ names: ['CreateAccessKey'], types: [ACCESS_KEY], action: 'create', summary: 'create an AccessKey (id from the response; the secret is never kept)', apply: createAccessKey }),
    x({
      names: ['UpdateAccessKey'],
      types: [ACCESS_KEY],
      action: 'update',
      summary: 'status Active / Inactive',
      apply: (e) => orSkip(forEachId(keyIds(e), 'access key', (id) => modify(g(ACCESS_KEY, id), pick(req(e), { Status: 'status' }))), e),
    }),
    x({ names: ['DeleteAccessKey'], types: [ACCESS_KEY], action: 'delete', summary: 'delete an AccessKey', apply: (e) => forEachId(keyIds(e), 'access key', (id) => del(g(ACCESS_KEY, id))) }),
    x({
      names: ['CreateLoginProfile'],
      types: [LOGIN_PROFILE],
      action: 'create',
      summary: 'console login for a user (password unknown)',
      apply: (e) =>
        forEachId(userIds(e), 'user', (id) =>
          // The password is required and never shown.
          create(g(LOGIN_PROFILE, id), { userName: id, ...pick(req(e), { PasswordResetRequired: asBool('passwordResetRequired'), MFABindRequired: asBool('mfaBindRequired') }) }, ['password']),
        ),
    }),
    x({ names: ['UpdateLoginProfile'], types: [LOGIN_PROFILE], action: 'update', summary: 'reset flags; a new password is touched', apply: loginProfileChange }),
    x({ names: ['DeleteLoginProfile'], types: [LOGIN_PROFILE], action: 'delete', summary: 'remove console login', apply: (e) => forEachId(userIds(e), 'user', (id) => del(g(LOGIN_PROFILE, id))) }),
  ];
}

// ---------------------------------------------------------------- policy attachments

type Principal = 'user' | 'role' | 'group';
const ATTACHMENT: Record<Principal, { type: string; input: string }> = {
  user: { type: USER_POLICY, input: 'userName' },
  role: { type: ROLE_POLICY, input: 'roleName' },
  group: { type: GROUP_POLICY, input: 'groupName' },
};

/** `AttachPolicyToUser` → user; id is the provider's import id `<kind>:<policy>:<type>:<principal>`. */
function attachmentOf(e: TrailEvent): { target: Target; inputs: Record<string, string> } | undefined {
  const kind = (/(User|Role|Group)$/.exec(e.name)?.[1]?.toLowerCase() ?? 'user') as Principal;
  const r = req(e);
  const policyName = str(r.PolicyName);
  const policyType = str(r.PolicyType);
  const principal = kind === 'user' ? userOf(e) : str(kind === 'role' ? r.RoleName : r.GroupName);
  if (!policyName || !policyType || !principal) return undefined;
  const { type, input } = ATTACHMENT[kind];
  return { target: g(type, `${kind}:${policyName}:${policyType}:${principal}`), inputs: { policyName, policyType, [input]: principal } };
}

// ---------------------------------------------------------------- policies

/** Policy calls, which ResourceManager also offers on the same RAM policies. */
export function policyEntries(service: string): CatalogEntry[] {
  const x = (spec: Parameters<typeof entry>[1]): CatalogEntry => entry(service, spec);
  const policyIds = (e: TrailEvent): string[] => ids(e, { request: ['PolicyName'], refType: 'ACS::RAM::Policy' });
  return [
    x({
      names: ['CreatePolicy'],
      types: [POLICY],
      action: 'create',
      summary: 'create a custom policy',
      apply: (e) =>
        forEachId(policyIds(e), 'policy', (id) => create(g(POLICY, id), withTags({ policyName: id, ...pick(req(e), { PolicyDocument: 'policyDocument', Description: 'description' }) }, req(e)))),
    }),
    x({ names: ['DeletePolicy'], types: [POLICY], action: 'delete', summary: 'delete a custom policy', apply: (e) => forEachId(policyIds(e), 'policy', (id) => del(g(POLICY, id))) }),
    x({
      names: ['CreatePolicyVersion'],
      types: [POLICY],
      action: 'update',
      summary: 'new document, effective only with SetAsDefault',
      apply: (e) => {
        const r = req(e);
        // A version that is not made default leaves the effective document as it was.
        if (r.SetAsDefault !== true && r.SetAsDefault !== 'true') return [];
        return forEachId(policyIds(e), 'policy', (id) => modify(g(POLICY, id), pick(r, { PolicyDocument: 'policyDocument' }), r.PolicyDocument === undefined ? ['policyDocument'] : []));
      },
    }),
    x({
      names: ['SetDefaultPolicyVersion'],
      types: [POLICY],
      action: 'update',
      summary: 'another version becomes effective: document touched',
      apply: (e) => forEachId(policyIds(e), 'policy', (id) => modify(g(POLICY, id), {}, ['policyDocument'])),
    }),
  ];
}

const ram = (spec: Parameters<typeof entry>[1]) => entry('ram', spec);

export const ramCatalog: ServiceCatalog = {
  entries: [
    ...userEntries('ram'),
    ...policyEntries('ram'),
    ram({
      names: ['AttachPolicyToUser', 'AttachPolicyToRole', 'AttachPolicyToGroup'],
      types: [USER_POLICY, ROLE_POLICY, GROUP_POLICY],
      action: 'create',
      summary: 'attach a policy (id <kind>:<policy>:<type>:<principal>)',
      apply: (e) => {
        const a = attachmentOf(e);
        return a ? [create(a.target, a.inputs)] : skip('no policy name, policy type and principal in the event');
      },
    }),
    ram({
      names: ['DetachPolicyFromUser', 'DetachPolicyFromRole', 'DetachPolicyFromGroup'],
      types: [USER_POLICY, ROLE_POLICY, GROUP_POLICY],
      action: 'delete',
      summary: 'detach a policy',
      apply: (e) => {
        const a = attachmentOf(e);
        return a ? [del(a.target)] : skip('no policy name, policy type and principal in the event');
      },
    }),
    ram({
      names: ['CreateRole'],
      types: [ROLE],
      action: 'create',
      summary: 'create a role',
      apply: (e) =>
        forEachId(ids(e, { request: ['RoleName'], response: ['Role.RoleName'] }), 'role', (id) =>
          create(
            g(ROLE, id),
            withTags({ roleName: id, ...pick(req(e), { AssumeRolePolicyDocument: 'assumeRolePolicyDocument', Description: 'description', MaxSessionDuration: asNum('maxSessionDuration') }) }, req(e)),
          ),
        ),
    }),
    ram({
      names: ['UpdateRole'],
      types: [ROLE],
      action: 'update',
      summary: 'trust policy, description, max session duration',
      apply: (e) =>
        orSkip(
          forEachId(ids(e, { request: ['RoleName'] }), 'role', (id) =>
            modify(
              g(ROLE, id),
              pick(req(e), { NewAssumeRolePolicyDocument: 'assumeRolePolicyDocument', NewDescription: 'description', NewMaxSessionDuration: asNum('maxSessionDuration') }),
            ),
          ),
          e,
        ),
    }),
    ram({ names: ['DeleteRole'], types: [ROLE], action: 'delete', summary: 'delete a role', apply: (e) => forEachId(ids(e, { request: ['RoleName'] }), 'role', (id) => del(g(ROLE, id))) }),
    ram({
      names: ['ChangePassword'],
      types: [LOGIN_PROFILE],
      action: 'update',
      summary: "a user's own new password: touched",
      // The caller changes its own password; only a RAM user has a login profile.
      apply: (e) => (e.actor.type === 'ram-user' && e.actor.userName ? [{ kind: 'touch', target: g(LOGIN_PROFILE, e.actor.userName), paths: ['password'] }] : skip('the caller is not a RAM user')),
    }),
  ],
  nonState: [ignore('ram', ['DeletePolicyVersion'], 'only a non-default version can be deleted, so the effective document does not change')],
  references: [
    { from: ACCESS_KEY, input: 'userName', to: USER, cascade: true },
    { from: LOGIN_PROFILE, input: 'userName', to: USER, cascade: true },
    { from: USER_POLICY, input: 'userName', to: USER, cascade: true },
    { from: USER_POLICY, input: 'policyName', to: POLICY, cascade: true },
    { from: ROLE_POLICY, input: 'roleName', to: ROLE, cascade: true },
    { from: ROLE_POLICY, input: 'policyName', to: POLICY, cascade: true },
    { from: GROUP_POLICY, input: 'policyName', to: POLICY, cascade: true },
  ],
};
