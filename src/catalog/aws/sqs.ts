/** SQS queues, keyed by queue URL (Pulumi's id for a queue). */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, flag, number, policyText, remove, sets, tagMap, text, update } from './shared.js';

const QUEUE = 'aws:sqs/queue:Queue';

const entry = entriesOf('sqs');

/** Queue attributes (strings in the API) → Queue inputs. */
function attributes(v: unknown): Record<string, unknown> {
  if (!isPlainObject(v)) return {};
  return {
    policy: policyText(v.Policy),
    visibilityTimeoutSeconds: number(v.VisibilityTimeout),
    messageRetentionSeconds: number(v.MessageRetentionPeriod),
    delaySeconds: number(v.DelaySeconds),
    maxMessageSize: number(v.MaximumMessageSize),
    receiveWaitTimeSeconds: number(v.ReceiveMessageWaitTimeSeconds),
    redrivePolicy: text(v, 'RedrivePolicy'),
    redriveAllowPolicy: text(v, 'RedriveAllowPolicy'),
    kmsMasterKeyId: text(v, 'KmsMasterKeyId'),
    kmsDataKeyReusePeriodSeconds: number(v.KmsDataKeyReusePeriodSeconds),
    sqsManagedSseEnabled: flag(v.SqsManagedSseEnabled),
    fifoQueue: flag(v.FifoQueue),
    contentBasedDeduplication: flag(v.ContentBasedDeduplication),
    deduplicationScope: text(v, 'DeduplicationScope'),
    fifoThroughputLimit: text(v, 'FifoThroughputLimit'),
  };
}

function onQueue(make: (url: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const url = text(e.request, 'queueUrl');
    return url ? make(url, e) : skip('no queue URL in the event');
  };
}

export const sqs: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateQueue'],
      types: [QUEUE],
      action: 'create',
      summary: 'creates a queue',
      apply: (e) => {
        const url = text(e.response, 'queueUrl');
        if (!url) return skip('no queue URL in the response');
        return [create(QUEUE, url, { name: text(e.request, 'queueName'), ...attributes(at(e.request, 'attributes')), tags: tagMap(at(e.request, 'tags')) })];
      },
    }),
    entry({
      names: ['DeleteQueue'],
      types: [QUEUE],
      action: 'delete',
      summary: 'deletes a queue and its messages',
      apply: onQueue((url) => [remove(QUEUE, url)]),
    }),
    entry({
      names: ['SetQueueAttributes'],
      types: [QUEUE],
      action: 'update',
      summary: 'changes queue settings (access policy, encryption, timeouts …)',
      apply: onQueue((url, e) => {
        const ops = sets(attributes(at(e.request, 'attributes')));
        return ops.length > 0 ? [update(QUEUE, url, ops)] : skip('no queue attribute with a Pulumi input in the event');
      }),
    }),
  ],
  dataHolding: [QUEUE],
};
