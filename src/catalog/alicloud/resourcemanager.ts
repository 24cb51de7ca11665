/**
 * Resource Manager (serviceName `ResourceManager`). `AttachPolicy`/`DetachPolicy` grant a policy
 * to a principal within a resource group: `resourcemanager/policyAttachment`, keyed by the
 * provider's import id `<policy>:<policyType>:<principal>:<principalType>:<resourceGroup>`.
 * Its policy calls act on the same RAM policies as RAM's.
 */
import type { TrailEvent } from '../../events/model.js';
import { str } from '../../util/json.js';
import { skip, target } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, del, entry, GLOBAL, ignore, req } from './common.js';
import { POLICY, policyEntries } from './ram.js';

export const RM_POLICY_ATTACHMENT = 'alicloud:resourcemanager/policyAttachment:PolicyAttachment';

function attachment(e: TrailEvent, attach: boolean): Outcome {
  const r = req(e);
  const parts = {
    policyName: str(r.PolicyName),
    policyType: str(r.PolicyType),
    principalName: str(r.PrincipalName),
    principalType: str(r.PrincipalType),
    resourceGroupId: str(r.ResourceGroupId),
  };
  const values = Object.values(parts);
  if (values.some((v) => !v)) return skip('policy name, policy type, principal and resource group are not all in the event');
  const t = target(RM_POLICY_ATTACHMENT, values.join(':'), GLOBAL);
  return [attach ? create(t, parts) : del(t)];
}

const rm = (spec: Parameters<typeof entry>[1]) => entry('resourcemanager', spec);

export const resourcemanagerCatalog: ServiceCatalog = {
  entries: [
    rm({ names: ['AttachPolicy'], types: [RM_POLICY_ATTACHMENT], action: 'create', summary: 'grant a policy within a resource group', apply: (e) => attachment(e, true) }),
    rm({ names: ['DetachPolicy'], types: [RM_POLICY_ATTACHMENT], action: 'delete', summary: 'revoke a policy within a resource group', apply: (e) => attachment(e, false) }),
    ...policyEntries('resourcemanager'),
  ],
  nonState: [
    ignore(
      'resourcemanager',
      ['CreateResourceGroup', 'UpdateResourceGroup', 'DeleteResourceGroup'],
      'resource groups are not modeled: they are containers a rollback does not restore, and the logged events carry no new group id',
    ),
    ignore('resourcemanager', ['DeletePolicyVersion'], 'only a non-default version can be deleted, so the effective document does not change'),
  ],
  references: [{ from: RM_POLICY_ATTACHMENT, input: 'policyName', to: POLICY, cascade: true }],
};
