/**
 * CloudTrail trails. Trails are keyed by name (requests name them by name or ARN). A new
 * trail does not log until StartLogging, so CreateTrail records `enableLogging: false`.
 */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, flag, lastPart, nonState, remove, sets, tagMap, text, update } from './shared.js';

const TRAIL = 'aws:cloudtrail/trail:Trail';

const entry = entriesOf('cloudtrail');

function trailName(e: TrailEvent, field: string): string | undefined {
  const v = text(e.request, field);
  // `arn:aws:cloudtrail:region:account:trail/name` → `name`
  return v === undefined ? undefined : v.includes(':trail/') ? lastPart(v) : v;
}

function onTrail(field: string, make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = trailName(e, field);
    return name ? make(name, e) : skip('no trail name in the event');
  };
}

/** Settings named the same in CreateTrail and UpdateTrail. */
function settings(req: unknown): Record<string, unknown> {
  return {
    s3BucketName: text(req, 's3BucketName'),
    s3KeyPrefix: text(req, 's3KeyPrefix'),
    snsTopicName: text(req, 'snsTopicName'),
    includeGlobalServiceEvents: flag(at(req, 'includeGlobalServiceEvents')),
    isMultiRegionTrail: flag(at(req, 'isMultiRegionTrail')),
    isOrganizationTrail: flag(at(req, 'isOrganizationTrail')),
    enableLogFileValidation: flag(at(req, 'enableLogFileValidation')),
    kmsKeyId: text(req, 'kmsKeyId'),
    cloudWatchLogsGroupArn: text(req, 'cloudWatchLogsLogGroupArn'),
    cloudWatchLogsRoleArn: text(req, 'cloudWatchLogsRoleArn'),
  };
}

/** Selectors are already in Pulumi's shape (same field names); one kind replaces the other. */
function putEventSelectors(name: string, e: TrailEvent): Outcome {
  const basic = at(e.request, 'eventSelectors');
  const advanced = at(e.request, 'advancedEventSelectors');
  if (Array.isArray(advanced)) return [update(TRAIL, name, [...sets({ advancedEventSelectors: advanced }), { op: 'unset', path: 'eventSelectors' }])];
  if (Array.isArray(basic)) {
    const selectors = basic.filter(isPlainObject).map(({ readWriteType, includeManagementEvents, dataResources, excludeManagementEventSources }) => ({
      readWriteType,
      includeManagementEvents,
      dataResources,
      excludeManagementEventSources,
    }));
    return [update(TRAIL, name, [...sets({ eventSelectors: selectors }), { op: 'unset', path: 'advancedEventSelectors' }])];
  }
  return skip('no event selectors in the event');
}

export const cloudtrail: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateTrail'],
      types: [TRAIL],
      action: 'create',
      summary: 'creates a trail (not logging until StartLogging)',
      apply: onTrail('name', (name, e) => [create(TRAIL, name, { name, ...settings(e.request), tags: tagMap(at(e.request, 'tagsList')), enableLogging: false })]),
    }),
    entry({
      names: ['DeleteTrail'],
      types: [TRAIL],
      action: 'delete',
      summary: 'deletes a trail',
      apply: onTrail('name', (name) => [remove(TRAIL, name)]),
    }),
    entry({
      names: ['StartLogging'],
      types: [TRAIL],
      action: 'update',
      summary: 'turns logging on',
      apply: onTrail('name', (name) => [update(TRAIL, name, sets({ enableLogging: true }))]),
    }),
    entry({
      names: ['StopLogging'],
      types: [TRAIL],
      action: 'update',
      summary: 'turns logging off',
      apply: onTrail('name', (name) => [update(TRAIL, name, sets({ enableLogging: false }))]),
    }),
    entry({
      names: ['UpdateTrail'],
      types: [TRAIL],
      action: 'update',
      summary: 'changes trail settings (bucket, regions, encryption, CloudWatch Logs)',
      apply: onTrail('name', (name, e) => {
        const ops = sets(settings(e.request));
        return ops.length > 0 ? [update(TRAIL, name, ops)] : skip('no trail setting in the event');
      }),
    }),
    entry({
      names: ['PutEventSelectors'],
      types: [TRAIL],
      action: 'update',
      summary: 'changes which events a trail records',
      apply: onTrail('trailName', putEventSelectors),
    }),
    entry({
      names: ['PutInsightSelectors'],
      types: [TRAIL],
      action: 'update',
      summary: 'changes CloudTrail Insights of a trail',
      apply: onTrail('trailName', (name, e) => {
        const selectors = at(e.request, 'insightSelectors');
        return Array.isArray(selectors) ? [update(TRAIL, name, sets({ insightSelectors: selectors }))] : skip('no insight selectors in the event');
      }),
    }),
  ],
  nonState: [
    nonState('cloudtrail', ['LookupEvents', 'DescribeTrail'], 'reads the trail or its events (console calls recorded without readOnly)'),
    nonState(
      'cloudtrail',
      ['DeleteRule', 'EnableRegion'],
      'EventBridge/Account actions filed under eventSource cloudtrail (seen only in hand-made detection fixtures)',
    ),
  ],
};
