/** AWS Config recorders and delivery channels (turning them off hides configuration history). */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, remove, sets, text, update } from './shared.js';

const DELIVERY_CHANNEL = 'aws:cfg/deliveryChannel:DeliveryChannel';
const RECORDER = 'aws:cfg/recorder:Recorder';
const RECORDER_STATUS = 'aws:cfg/recorderStatus:RecorderStatus';

const entry = entriesOf('config');

function byField(field: string, make: (name: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const name = text(e.request, field);
    return name ? make(name, e) : skip(`no ${field} in the event`);
  };
}

export const config: ServiceCatalog = {
  entries: [
    entry({
      names: ['PutDeliveryChannel'],
      types: [DELIVERY_CHANNEL],
      action: 'create',
      summary: 'sets where AWS Config delivers configuration history',
      apply: (e) => {
        const c = at(e.request, 'deliveryChannel');
        const name = text(c, 'name');
        if (!isPlainObject(c) || !name) return skip('no delivery channel in the event');
        const frequency = text(c, 'configSnapshotDeliveryProperties.deliveryFrequency');
        return [
          create(DELIVERY_CHANNEL, name, {
            name,
            s3BucketName: text(c, 's3BucketName'),
            s3KeyPrefix: text(c, 's3KeyPrefix'),
            s3KmsKeyArn: text(c, 's3KmsKeyArn'),
            snsTopicArn: text(c, 'snsTopicARN') ?? text(c, 'snsTopicArn'),
            snapshotDeliveryProperties: frequency ? { deliveryFrequency: frequency } : undefined,
          }),
        ];
      },
    }),
    entry({
      names: ['DeleteDeliveryChannel'],
      types: [DELIVERY_CHANNEL],
      action: 'delete',
      summary: 'deletes the Config delivery channel',
      apply: byField('deliveryChannelName', (name) => [remove(DELIVERY_CHANNEL, name)]),
    }),
    entry({
      names: ['PutConfigurationRecorder'],
      types: [RECORDER],
      action: 'create',
      summary: 'sets what AWS Config records',
      apply: (e) => {
        const r = at(e.request, 'configurationRecorder');
        const name = text(r, 'name');
        if (!name) return skip('no configuration recorder in the event');
        const group = at(r, 'recordingGroup');
        return [create(RECORDER, name, { name, roleArn: text(r, 'roleARN') ?? text(r, 'roleArn'), recordingGroup: isPlainObject(group) ? group : undefined })];
      },
    }),
    entry({
      names: ['DeleteConfigurationRecorder'],
      types: [RECORDER],
      action: 'delete',
      summary: 'deletes the Config recorder',
      apply: byField('configurationRecorderName', (name) => [remove(RECORDER, name)]),
    }),
    entry({
      names: ['StartConfigurationRecorder'],
      types: [RECORDER_STATUS],
      action: 'update',
      summary: 'starts recording configuration changes',
      apply: byField('configurationRecorderName', (name) => [update(RECORDER_STATUS, name, sets({ name, isEnabled: true }))]),
    }),
    entry({
      names: ['StopConfigurationRecorder'],
      types: [RECORDER_STATUS],
      action: 'update',
      summary: 'stops recording configuration changes',
      apply: byField('configurationRecorderName', (name) => [update(RECORDER_STATUS, name, sets({ name, isEnabled: false }))]),
    }),
  ],
  references: [{ from: RECORDER_STATUS, input: 'name', to: RECORDER }],
};
