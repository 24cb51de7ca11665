/**
 * Amazon Macie, one account resource per region (eventSource `macie2`). UpdateMacieSession
 * is also seen under eventSource `macie`.
 */
import type { TrailEvent } from '../../events/model.js';
import { skip } from '../kit.js';
import type { CatalogEntry, Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, remove, sets, text, update } from './shared.js';

const ACCOUNT = 'aws:macie2/account:Account';

function onAccount(make: (account: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => (e.account ? make(e.account, e) : skip('no account in the event'));
}

const updateSession: Omit<CatalogEntry, 'provider' | 'service'> = {
  names: ['UpdateMacieSession'],
  types: [ACCOUNT],
  action: 'update',
  summary: 'pauses or resumes Macie, or changes how often it publishes findings',
  apply: onAccount((account, e) => {
    const ops = sets({ status: text(e.request, 'status'), findingPublishingFrequency: text(e.request, 'findingPublishingFrequency') });
    return ops.length > 0 ? [update(ACCOUNT, account, ops)] : skip('no Macie setting in the event');
  }),
};

const macie2 = entriesOf('macie2');

export const macie: ServiceCatalog = {
  entries: [
    macie2({
      names: ['EnableMacie'],
      types: [ACCOUNT],
      action: 'create',
      summary: 'turns Macie on in the region',
      apply: onAccount((account, e) => [
        create(ACCOUNT, account, { status: text(e.request, 'status'), findingPublishingFrequency: text(e.request, 'findingPublishingFrequency') }),
      ]),
    }),
    macie2({
      names: ['DisableMacie'],
      types: [ACCOUNT],
      action: 'delete',
      summary: 'turns Macie off in the region (its findings are deleted)',
      apply: onAccount((account) => [remove(ACCOUNT, account)]),
    }),
    macie2(updateSession),
    entriesOf('macie')(updateSession),
  ],
};
