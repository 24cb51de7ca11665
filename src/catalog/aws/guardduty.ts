/** GuardDuty detectors (threat detection on or off per region). */
import type { TrailEvent } from '../../events/model.js';
import { isPlainObject } from '../../util/json.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { create, entriesOf, flag, nonState, remove, sets, tagMap, text, update } from './shared.js';

const DETECTOR = 'aws:guardduty/detector:Detector';

const entry = entriesOf('guardduty');

/** Detector settings; `dataSources` already has Pulumi's nested shape (`s3Logs.enable` …). */
function settings(req: unknown): Record<string, unknown> {
  const sources = at(req, 'dataSources');
  return {
    enable: flag(at(req, 'enable')),
    findingPublishingFrequency: text(req, 'findingPublishingFrequency'),
    datasources: isPlainObject(sources) ? sources : undefined,
  };
}

function onDetector(make: (id: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const id = text(e.request, 'detectorId');
    return id ? make(id, e) : skip('no detector id in the event');
  };
}

export const guardduty: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateDetector'],
      types: [DETECTOR],
      action: 'create',
      summary: 'turns GuardDuty on in a region',
      apply: (e) => {
        const id = text(e.response, 'detectorId');
        return id ? [create(DETECTOR, id, { ...settings(e.request), tags: tagMap(at(e.request, 'tags')) })] : skip('no detector id in the response');
      },
    }),
    entry({
      names: ['DeleteDetector'],
      types: [DETECTOR],
      action: 'delete',
      summary: 'turns GuardDuty off and deletes its findings',
      apply: onDetector((id) => [remove(DETECTOR, id)]),
    }),
    entry({
      names: ['UpdateDetector'],
      types: [DETECTOR],
      action: 'update',
      summary: 'suspends or resumes GuardDuty, or changes what it watches',
      apply: onDetector((id, e) => {
        const ops = sets(settings(e.request));
        return ops.length > 0 ? [update(DETECTOR, id, ops)] : skip('no detector setting in the event');
      }),
    }),
  ],
  nonState: [nonState('guardduty', ['CreateSampleFindings'], 'generates sample findings: test data, no configuration')],
  // Deleting a detector deletes its findings.
  dataHolding: [DETECTOR],
};
