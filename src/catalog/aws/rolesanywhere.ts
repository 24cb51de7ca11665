/** IAM Roles Anywhere: trust anchors (which certificates are trusted) and profiles (which roles they get). */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, flag, number, records, remove, sets, stringList, tagMap, text, update } from './shared.js';

const TRUST_ANCHOR = 'aws:rolesanywhere/trustAnchor:TrustAnchor';
const PROFILE = 'aws:rolesanywhere/profile:Profile';

const entry = entriesOf('rolesanywhere');

/** Tags whose keys CloudTrail hid cannot be taken: then the tag set is unknown. */
function tags(e: TrailEvent): { tags?: Record<string, string>; unknown: string[] } {
  const given = records(at(e.request, 'tags'));
  const map = tagMap(given);
  if (given.length > 0 && (!map || Object.keys(map).length < given.length)) return { unknown: ['tags'] };
  return { tags: map, unknown: [] };
}

function byField(field: string, make: (id: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const id = text(e.request, field);
    return id ? make(id, e) : skip(`no ${field} in the event`);
  };
}

export const rolesanywhere: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateTrustAnchor'],
      types: [TRUST_ANCHOR],
      action: 'create',
      summary: 'trusts a certificate authority for IAM Roles Anywhere',
      apply: (e) => {
        const id = text(e.response, 'trustAnchor.trustAnchorId');
        if (!id) return skip('no trust anchor id in the response');
        const source = at(e.request, 'source');
        const t = tags(e);
        return [
          create(TRUST_ANCHOR, id, { name: text(e.request, 'name'), enabled: flag(at(e.request, 'enabled')), source: isPlainObject(source) ? source : undefined, tags: t.tags }, { unknown: t.unknown }),
        ];
      },
    }),
    entry({
      names: ['DeleteTrustAnchor'],
      types: [TRUST_ANCHOR],
      action: 'delete',
      summary: 'deletes a trust anchor',
      apply: byField('trustAnchorId', (id) => [remove(TRUST_ANCHOR, id)]),
    }),
    entry({
      names: ['EnableTrustAnchor', 'DisableTrustAnchor'],
      types: [TRUST_ANCHOR],
      action: 'update',
      summary: 'enables or disables a trust anchor',
      apply: byField('trustAnchorId', (id, e) => [update(TRUST_ANCHOR, id, sets({ enabled: e.name === 'EnableTrustAnchor' }))]),
    }),
    entry({
      names: ['CreateProfile'],
      types: [PROFILE],
      action: 'create',
      summary: 'creates a profile: the roles certificate holders may assume',
      apply: (e) => {
        const id = text(e.response, 'profile.profileId');
        if (!id) return skip('no profile id in the response');
        const t = tags(e);
        const managed = stringList(at(e.request, 'managedPolicyArns'));
        return [
          create(
            PROFILE,
            id,
            {
              name: text(e.request, 'name'),
              enabled: flag(at(e.request, 'enabled')),
              roleArns: stringList(at(e.request, 'roleArns')),
              durationSeconds: number(at(e.request, 'durationSeconds')),
              managedPolicyArns: managed.length > 0 ? managed : undefined,
              sessionPolicy: text(e.request, 'sessionPolicy'),
              requireInstanceProperties: flag(at(e.request, 'requireInstanceProperties')),
              tags: t.tags,
            },
            { unknown: t.unknown },
          ),
        ];
      },
    }),
    entry({
      names: ['DeleteProfile'],
      types: [PROFILE],
      action: 'delete',
      summary: 'deletes a profile',
      apply: byField('profileId', (id) => [remove(PROFILE, id)]),
    }),
    entry({
      names: ['EnableProfile', 'DisableProfile'],
      types: [PROFILE],
      action: 'update',
      summary: 'enables or disables a profile',
      apply: byField('profileId', (id, e) => [update(PROFILE, id, sets({ enabled: e.name === 'EnableProfile' }))]),
    }),
  ],
};
