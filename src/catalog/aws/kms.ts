/**
 * KMS keys and aliases. Scheduling deletion is what deleting a key means (Pulumi does the
 * same); cancelling it brings the key back disabled.
 */
import type { TrailEvent } from '../../events/model.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, flag, nonState, policyText, remove, sets, tagMap, text, touch, update } from './shared.js';

const KEY = 'aws:kms/key:Key';
const ALIAS = 'aws:kms/alias:Alias';

const entry = entriesOf('kms');

/** The key id: from the request (`keyId` may be an ARN), the response, or the event's KMS resource. */
function keyId(e: TrailEvent): string | undefined {
  const v =
    text(e.request, 'keyId') ?? text(e.response, 'keyId') ?? text(e.response, 'keyMetadata.keyId') ?? e.resources.find((r) => r.type === 'AWS::KMS::Key')?.id;
  if (v === undefined || v.startsWith('alias/')) return undefined;
  return v.replace(/^arn:aws[a-z-]*:kms:[^:]*:[^:]*:key\//, '');
}

function onKey(make: (id: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const id = keyId(e);
    return id ? make(id, e) : skip('no key id in the event (or only an alias)');
  };
}

export const kms: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateKey'],
      types: [KEY],
      action: 'create',
      summary: 'creates a KMS key',
      apply: (e) => {
        const id = text(e.response, 'keyMetadata.keyId');
        if (!id) return skip('no key id in the response');
        const policy = policyText(at(e.request, 'policy'));
        return [
          create(KEY, id, {
            description: text(e.request, 'description'),
            keyUsage: text(e.request, 'keyUsage'),
            customerMasterKeySpec: text(e.request, 'keySpec') ?? text(e.request, 'customerMasterKeySpec'),
            multiRegion: flag(at(e.request, 'multiRegion')),
            customKeyStoreId: text(e.request, 'customKeyStoreId'),
            bypassPolicyLockoutSafetyCheck: flag(at(e.request, 'bypassPolicyLockoutSafetyCheck')),
            policy,
            tags: tagMap(at(e.request, 'tags')),
          }),
        ];
      },
    }),
    entry({
      names: ['ScheduleKeyDeletion'],
      types: [KEY],
      action: 'delete',
      summary: 'schedules a key for deletion (data encrypted under it becomes unreadable)',
      apply: onKey((id) => [remove(KEY, id)]),
    }),
    entry({
      names: ['CancelKeyDeletion'],
      types: [KEY],
      action: 'create',
      summary: 'cancels a scheduled key deletion; the key comes back disabled',
      apply: onKey((id) => [create(KEY, id, { isEnabled: false }, { unknown: ['description', 'policy', 'keyUsage', 'customerMasterKeySpec'] })]),
    }),
    entry({
      names: ['DisableKey'],
      types: [KEY],
      action: 'update',
      summary: 'disables a key',
      apply: onKey((id) => [update(KEY, id, sets({ isEnabled: false }))]),
    }),
    entry({
      names: ['EnableKey'],
      types: [KEY],
      action: 'update',
      summary: 'enables a key',
      apply: onKey((id) => [update(KEY, id, sets({ isEnabled: true }))]),
    }),
    entry({
      names: ['EnableKeyRotation'],
      types: [KEY],
      action: 'update',
      summary: 'turns on automatic key rotation',
      apply: onKey((id) => [update(KEY, id, sets({ enableKeyRotation: true }))]),
    }),
    entry({
      names: ['DisableKeyRotation'],
      types: [KEY],
      action: 'update',
      summary: 'turns off automatic key rotation',
      apply: onKey((id) => [update(KEY, id, sets({ enableKeyRotation: false }))]),
    }),
    entry({
      names: ['PutKeyPolicy'],
      types: [KEY],
      action: 'update',
      summary: 'replaces the key policy',
      apply: onKey((id, e) => {
        const policy = policyText(at(e.request, 'policy'));
        return [policy ? update(KEY, id, sets({ policy })) : touch(KEY, id, ['policy'])];
      }),
    }),
    entry({
      names: ['CreateAlias'],
      types: [ALIAS],
      action: 'create',
      summary: 'creates a key alias',
      apply: (e) => {
        const name = text(e.request, 'aliasName');
        return name ? [create(ALIAS, name, { name, targetKeyId: text(e.request, 'targetKeyId') })] : skip('no alias name in the event');
      },
    }),
    entry({
      names: ['UpdateAlias'],
      types: [ALIAS],
      action: 'update',
      summary: 'points an alias at another key',
      apply: (e) => {
        const name = text(e.request, 'aliasName');
        return name ? [update(ALIAS, name, sets({ targetKeyId: text(e.request, 'targetKeyId') }))] : skip('no alias name in the event');
      },
    }),
    entry({
      names: ['DeleteAlias'],
      types: [ALIAS],
      action: 'delete',
      summary: 'deletes a key alias',
      apply: (e) => {
        const name = text(e.request, 'aliasName');
        return name ? [remove(ALIAS, name)] : skip('no alias name in the event');
      },
    }),
  ],
  nonState: [
    nonState(
      'kms',
      ['Decrypt', 'Encrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'ReEncrypt', 'Sign', 'Verify', 'GenerateRandom'],
      'cryptographic operations with a key: use, not configuration',
    ),
  ],
  references: [{ from: ALIAS, input: 'targetKeyId', to: KEY }],
  dataHolding: [KEY],
};
