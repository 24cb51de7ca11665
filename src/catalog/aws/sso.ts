/**
 * IAM Identity Center: account assignments (eventSource `sso`) and its identity store —
 * users, groups, memberships (eventSource `sso-directory`, newer trails `identitystore`).
 * Identity store resources are imported as `<identity store>/<id>`.
 */
import type { TrailEvent } from '../../events/model.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, nonState, remove, removeMatching, text } from './shared.js';

const ACCOUNT_ASSIGNMENT = 'aws:ssoadmin/accountAssignment:AccountAssignment';
const IDENTITY_GROUP = 'aws:identitystore/group:Group';
const IDENTITY_USER = 'aws:identitystore/user:User';
const GROUP_MEMBERSHIP = 'aws:identitystore/groupMembership:GroupMembership';

const sso = entriesOf('sso');

const ASSIGNMENT_FIELDS = ['principalId', 'principalType', 'targetId', 'targetType', 'permissionSetArn', 'instanceArn'] as const;

/** Account assignments are imported by all six fields, comma-separated, in this order. */
function assignment(e: TrailEvent): { id: string; inputs: Record<string, string> } | undefined {
  const inputs: Record<string, string> = {};
  for (const f of ASSIGNMENT_FIELDS) {
    const v = text(e.request, f);
    if (v === undefined) return undefined;
    inputs[f] = v;
  }
  return { id: ASSIGNMENT_FIELDS.map((f) => inputs[f]).join(','), inputs };
}

/**
 * The same actions under both event sources; memberships are named differently: the old
 * directory API adds/removes members, the identitystore API creates/deletes memberships.
 */
function storeEntries(service: string, addMember: string, removeMember: string) {
  const entry = entriesOf(service);
  const inStore = (make: (store: string, e: TrailEvent) => Outcome) => (e: TrailEvent): Outcome => {
    const store = text(e.request, 'identityStoreId');
    return store ? make(store, e) : skip('no identity store id in the event');
  };
  return [
    entry({
      names: ['CreateGroup'],
      types: [IDENTITY_GROUP],
      action: 'create',
      summary: 'creates an Identity Center group',
      apply: inStore((store, e) => {
        const id = text(e.response, 'group.groupId') ?? text(e.response, 'groupId');
        if (!id) return skip('no group id in the response');
        return [create(IDENTITY_GROUP, `${store}/${id}`, { identityStoreId: store, displayName: text(e.request, 'displayName'), description: text(e.request, 'description') })];
      }),
    }),
    entry({
      names: ['DeleteGroup'],
      types: [IDENTITY_GROUP],
      action: 'delete',
      summary: 'deletes an Identity Center group',
      apply: inStore((store, e) => {
        const id = text(e.request, 'groupId');
        return id ? [remove(IDENTITY_GROUP, `${store}/${id}`)] : skip('no group id in the event');
      }),
    }),
    entry({
      names: ['CreateUser'],
      types: [IDENTITY_USER],
      action: 'create',
      summary: 'creates an Identity Center user (personal details are hidden by CloudTrail)',
      apply: inStore((store, e) => {
        const id = text(e.response, 'user.userId') ?? text(e.response, 'userId');
        if (!id) return skip('no user id in the response');
        const userName = text(e.request, 'userName');
        const displayName = text(e.request, 'displayName');
        // Personal details are hidden by CloudTrail (and never taken): known to exist only.
        const given = (path: string) => at(e.request, path) !== undefined || at(e.request, `userAttributes.${path}`) !== undefined;
        const unknown = [
          ...(userName ? [] : ['userName']),
          ...(displayName ? [] : ['displayName']),
          ...['name', 'emails'].filter(given),
        ];
        return [create(IDENTITY_USER, `${store}/${id}`, { identityStoreId: store, userName, displayName }, { unknown })];
      }),
    }),
    entry({
      names: ['DeleteUser'],
      types: [IDENTITY_USER],
      action: 'delete',
      summary: 'deletes an Identity Center user',
      apply: inStore((store, e) => {
        const id = text(e.request, 'userId');
        return id ? [remove(IDENTITY_USER, `${store}/${id}`)] : skip('no user id in the event');
      }),
    }),
    entry({
      names: [addMember],
      types: [GROUP_MEMBERSHIP],
      action: 'create',
      summary: 'adds a user to an Identity Center group',
      apply: inStore((store, e) => {
        const id = text(e.response, 'membershipId');
        if (!id) return skip('no membership id in the response');
        return [create(GROUP_MEMBERSHIP, `${store}/${id}`, { identityStoreId: store, groupId: text(e.request, 'groupId'), memberId: text(e.request, 'member.memberId') ?? text(e.request, 'memberId.userId') })];
      }),
    }),
    entry({
      names: [removeMember],
      types: [GROUP_MEMBERSHIP],
      action: 'delete',
      summary: 'removes a user from an Identity Center group',
      apply: inStore((store, e) => {
        const id = text(e.request, 'membershipId');
        if (id) return [remove(GROUP_MEMBERSHIP, `${store}/${id}`)];
        const groupId = text(e.request, 'groupId');
        const memberId = text(e.request, 'member.memberId');
        return groupId && memberId ? [removeMatching(GROUP_MEMBERSHIP, { identityStoreId: store, groupId, memberId })] : skip('no membership, group or member id in the event');
      }),
    }),
  ];
}

export const identityCenter: ServiceCatalog = {
  entries: [
    sso({
      names: ['CreateAccountAssignment'],
      types: [ACCOUNT_ASSIGNMENT],
      action: 'create',
      summary: 'gives a user or group a permission set in an account',
      apply: (e) => {
        const a = assignment(e);
        return a ? [create(ACCOUNT_ASSIGNMENT, a.id, a.inputs)] : skip('an assignment field is missing from the event');
      },
    }),
    sso({
      names: ['DeleteAccountAssignment'],
      types: [ACCOUNT_ASSIGNMENT],
      action: 'delete',
      summary: 'takes a permission set in an account away from a user or group',
      apply: (e) => {
        const a = assignment(e);
        return a ? [remove(ACCOUNT_ASSIGNMENT, a.id)] : skip('an assignment field is missing from the event');
      },
    }),
    ...storeEntries('sso-directory', 'AddMemberToGroup', 'RemoveMemberFromGroup'),
    ...storeEntries('identitystore', 'CreateGroupMembership', 'DeleteGroupMembership'),
  ],
  nonState: [
    nonState('sso', ['Authenticate', 'CreateToken'], 'Identity Center sign-in and token issue: sessions, not configuration'),
    nonState('sso', ['UpdateSsoConfiguration'], 'Identity Center session settings (e.g. session length): no Pulumi type'),
  ],
  references: [{ from: GROUP_MEMBERSHIP, input: 'groupId', to: IDENTITY_GROUP }],
};
