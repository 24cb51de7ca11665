/**
 * Systems Manager parameters. Parameter values are hidden by CloudTrail; a SecureString is
 * never taken even if shown. Agent traffic and remote commands change no configuration.
 */
import type { TrailEvent } from '../../events/model.js';
import { at, forEachId, ids, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, isHidden, nonState, remove, sets, tagMap, text, touch, update } from './shared.js';

const PARAMETER = 'aws:ssm/parameter:Parameter';

const entry = entriesOf('ssm');

function putParameter(e: TrailEvent): Outcome {
  const name = text(e.request, 'name');
  if (!name) return skip('no parameter name in the event');
  const type = text(e.request, 'type');
  const raw = at(e.request, 'value');
  const value = type !== 'SecureString' && typeof raw === 'string' && !isHidden(raw) ? raw : undefined;
  const settings = {
    type,
    description: text(e.request, 'description'),
    tier: text(e.request, 'tier'),
    allowedPattern: text(e.request, 'allowedPattern'),
    dataType: text(e.request, 'dataType'),
    keyId: text(e.request, 'keyId'),
    value,
  };
  // Overwrite changes an existing parameter (tags cannot be given then); otherwise it is new.
  if (at(e.request, 'overwrite') === true) {
    return value === undefined ? [update(PARAMETER, name, sets(settings)), touch(PARAMETER, name, ['value'])] : [update(PARAMETER, name, sets(settings))];
  }
  return [create(PARAMETER, name, { name, ...settings, tags: tagMap(at(e.request, 'tags')) }, { unknown: value === undefined ? ['value'] : [] })];
}

export const ssm: ServiceCatalog = {
  entries: [
    entry({
      names: ['PutParameter'],
      types: [PARAMETER],
      action: 'mixed',
      summary: 'creates or overwrites a parameter (values are hidden by CloudTrail)',
      apply: putParameter,
    }),
    entry({
      names: ['DeleteParameter', 'DeleteParameters'],
      types: [PARAMETER],
      action: 'delete',
      summary: 'deletes parameters',
      apply: (e) => forEachId(ids(e, { request: ['name', 'names'] }), 'parameter', (name) => remove(PARAMETER, name)),
    }),
  ],
  nonState: [
    nonState('ssm', ['SendCommand'], 'runs commands on instances: effects inside the machines are not in the trail'),
    nonState('ssm', ['StartSession', 'ResumeSession', 'TerminateSession'], 'interactive shell sessions: no configuration'),
    nonState(
      'ssm',
      ['UpdateInstanceInformation', 'UpdateInstanceAssociationStatus', 'PutComplianceItems', 'PutInventory'],
      'SSM agent reporting from instances (heartbeat, association status, inventory): no configuration',
    ),
  ],
};
