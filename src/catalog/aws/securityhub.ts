/** Security Hub: the hub itself (per region) and custom insights. */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, firstText, flag, nonState, remove, sets, touch, update } from './shared.js';

const HUB = 'aws:securityhub/account:Account';
const INSIGHT = 'aws:securityhub/insight:Insight';

const entry = entriesOf('securityhub');

/** Insight filters use other names in Pulumi (`ResourceType` → `resourceTypes`); only "no filter" converts as is. */
function filters(v: unknown): { filters?: unknown; unknown: string[] } {
  if (!isPlainObject(v)) return { unknown: [] };
  return Object.keys(v).length === 0 ? { filters: {}, unknown: [] } : { unknown: ['filters'] };
}

function insightArn(e: TrailEvent): string | undefined {
  return firstText(e.request, 'InsightArn', 'insightArn') ?? firstText(e.response, 'InsightArn', 'insightArn');
}

function onInsight(make: (arn: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const arn = insightArn(e);
    return arn ? make(arn, e) : skip('no insight ARN in the event');
  };
}

export const securityhub: ServiceCatalog = {
  entries: [
    entry({
      names: ['EnableSecurityHub'],
      types: [HUB],
      action: 'create',
      summary: 'turns Security Hub on in the region',
      apply: (e) =>
        e.account
          ? [create(HUB, e.account, { enableDefaultStandards: flag(at(e.request, 'EnableDefaultStandards') ?? at(e.request, 'enableDefaultStandards')) })]
          : skip('no account in the event'),
    }),
    entry({
      names: ['DisableSecurityHub'],
      types: [HUB],
      action: 'delete',
      summary: 'turns Security Hub off in the region',
      apply: (e) => (e.account ? [remove(HUB, e.account)] : skip('no account in the event')),
    }),
    entry({
      names: ['CreateInsight'],
      types: [INSIGHT],
      action: 'create',
      summary: 'creates a custom insight',
      apply: (e) => {
        const arn = firstText(e.response, 'InsightArn', 'insightArn');
        if (!arn) return skip('no insight ARN in the response');
        const f = filters(at(e.request, 'Filters') ?? at(e.request, 'filters'));
        return [
          create(
            INSIGHT,
            arn,
            { name: firstText(e.request, 'Name', 'name'), groupByAttribute: firstText(e.request, 'GroupByAttribute', 'groupByAttribute'), filters: f.filters },
            { unknown: f.unknown },
          ),
        ];
      },
    }),
    entry({
      names: ['UpdateInsight'],
      types: [INSIGHT],
      action: 'update',
      summary: 'changes a custom insight',
      apply: onInsight((arn, e) => {
        const f = filters(at(e.request, 'Filters') ?? at(e.request, 'filters'));
        const ops = sets({ name: firstText(e.request, 'Name', 'name'), groupByAttribute: firstText(e.request, 'GroupByAttribute', 'groupByAttribute'), filters: f.filters });
        const effects = ops.length > 0 ? [update(INSIGHT, arn, ops)] : [];
        return f.unknown.length > 0 ? [...effects, touch(INSIGHT, arn, f.unknown)] : effects;
      }),
    }),
    entry({
      names: ['DeleteInsight'],
      types: [INSIGHT],
      action: 'delete',
      summary: 'deletes a custom insight',
      apply: onInsight((arn) => [remove(INSIGHT, arn)]),
    }),
  ],
  nonState: [
    nonState('securityhub', ['UpdateFindings', 'BatchUpdateFindings'], 'changes the workflow status of findings: findings are data, not configuration'),
  ],
};
