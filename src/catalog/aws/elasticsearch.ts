/** Amazon Elasticsearch Service domains (eventSource `es`), keyed by domain name. */
import type { TrailEvent } from '../../events/model.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, policyText, remove, sets, text, update } from './shared.js';

const DOMAIN = 'aws:elasticsearch/domain:Domain';

const entry = entriesOf('es');

function onDomain(make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = text(e.request, 'domainName');
    return name ? make(name, e) : skip('no domain name in the event');
  };
}

export const elasticsearch: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateElasticsearchDomain'],
      types: [DOMAIN],
      action: 'create',
      summary: 'creates a search domain',
      apply: onDomain((name, e) => [
        create(DOMAIN, name, {
          domainName: name,
          elasticsearchVersion: text(e.request, 'elasticsearchVersion'),
          accessPolicies: policyText(at(e.request, 'accessPolicies')),
        }),
      ]),
    }),
    entry({
      names: ['UpdateElasticsearchDomainConfig'],
      types: [DOMAIN],
      action: 'update',
      summary: 'changes a search domain (access policy …)',
      apply: onDomain((name, e) => {
        const ops = sets({ accessPolicies: policyText(at(e.request, 'accessPolicies')) });
        return ops.length > 0 ? [update(DOMAIN, name, ops)] : skip('no access policy in the event');
      }),
    }),
    entry({
      names: ['DeleteElasticsearchDomain'],
      types: [DOMAIN],
      action: 'delete',
      summary: 'deletes a search domain and its data',
      apply: onDomain((name) => [remove(DOMAIN, name)]),
    }),
  ],
  dataHolding: [DOMAIN],
};
