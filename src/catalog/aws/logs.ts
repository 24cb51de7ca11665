/** CloudWatch Logs log groups and streams (eventSource `logs`). */
import { at, skip } from '../kit.js';
import type { ServiceCatalog } from '../types.js';
import { create, entriesOf, number, remove, sets, tagMap, text, update } from './shared.js';

const LOG_GROUP = 'aws:cloudwatch/logGroup:LogGroup';
const LOG_STREAM = 'aws:cloudwatch/logStream:LogStream';

const entry = entriesOf('logs');

export const logs: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateLogGroup'],
      types: [LOG_GROUP],
      action: 'create',
      summary: 'creates a log group',
      apply: (e) => {
        const name = text(e.request, 'logGroupName');
        if (!name) return skip('no log group name in the event');
        return [create(LOG_GROUP, name, { name, kmsKeyId: text(e.request, 'kmsKeyId'), logGroupClass: text(e.request, 'logGroupClass'), tags: tagMap(at(e.request, 'tags')) })];
      },
    }),
    entry({
      names: ['DeleteLogGroup'],
      types: [LOG_GROUP],
      action: 'delete',
      summary: 'deletes a log group and its logs',
      apply: (e) => {
        const name = text(e.request, 'logGroupName');
        return name ? [remove(LOG_GROUP, name)] : skip('no log group name in the event');
      },
    }),
    entry({
      names: ['PutRetentionPolicy'],
      types: [LOG_GROUP],
      action: 'update',
      summary: 'sets how long a log group keeps logs',
      apply: (e) => {
        const name = text(e.request, 'logGroupName');
        return name ? [update(LOG_GROUP, name, sets({ retentionInDays: number(at(e.request, 'retentionInDays')) }))] : skip('no log group name in the event');
      },
    }),
    entry({
      names: ['DeleteRetentionPolicy'],
      types: [LOG_GROUP],
      action: 'update',
      summary: 'makes a log group keep logs forever',
      apply: (e) => {
        const name = text(e.request, 'logGroupName');
        return name ? [update(LOG_GROUP, name, [{ op: 'unset', path: 'retentionInDays' }])] : skip('no log group name in the event');
      },
    }),
    entry({
      names: ['CreateLogStream'],
      types: [LOG_STREAM],
      action: 'create',
      summary: 'creates a log stream (imported as group:stream)',
      apply: (e) => {
        const group = text(e.request, 'logGroupName');
        const name = text(e.request, 'logStreamName');
        return group && name ? [create(LOG_STREAM, `${group}:${name}`, { logGroupName: group, name })] : skip('no log group or stream name in the event');
      },
    }),
    entry({
      names: ['DeleteLogStream'],
      types: [LOG_STREAM],
      action: 'delete',
      summary: 'deletes a log stream',
      apply: (e) => {
        const group = text(e.request, 'logGroupName');
        const name = text(e.request, 'logStreamName');
        return group && name ? [remove(LOG_STREAM, `${group}:${name}`)] : skip('no log group or stream name in the event');
      },
    }),
  ],
  references: [{ from: LOG_STREAM, input: 'logGroupName', to: LOG_GROUP }],
  dataHolding: [LOG_GROUP, LOG_STREAM],
};
