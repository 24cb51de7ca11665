/** Route 53 Resolver DNS query logging (eventSource `route53resolver`). */
import { at, skip } from '../kit.js';
import type { ServiceCatalog } from '../types.js';
import { create, entriesOf, remove, tagMap, text } from './shared.js';

const QUERY_LOG_CONFIG = 'aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig';

const entry = entriesOf('route53resolver');

export const route53resolver: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateResolverQueryLogConfig'],
      types: [QUERY_LOG_CONFIG],
      action: 'create',
      summary: 'starts a DNS query log configuration',
      apply: (e) => {
        const id = text(e.response, 'resolverQueryLogConfig.id');
        if (!id) return skip('no query log config id in the response');
        return [create(QUERY_LOG_CONFIG, id, { name: text(e.request, 'name'), destinationArn: text(e.request, 'destinationArn'), tags: tagMap(at(e.request, 'tags')) })];
      },
    }),
    entry({
      names: ['DeleteResolverQueryLogConfig'],
      types: [QUERY_LOG_CONFIG],
      action: 'delete',
      summary: 'deletes a DNS query log configuration (DNS queries stop being logged)',
      apply: (e) => {
        const id = text(e.request, 'resolverQueryLogConfigId');
        return id ? [remove(QUERY_LOG_CONFIG, id)] : skip('no query log config id in the event');
      },
    }),
  ],
};
