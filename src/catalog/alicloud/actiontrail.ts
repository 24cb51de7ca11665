/**
 * ActionTrail trails (serviceName `Actiontrail`, API 2020-07-06) → `actiontrail/trail`, keyed by
 * trail name (the provider's id). Stopping a trail is what an intruder does first.
 */
import type { TrailEvent } from '../../events/model.js';
import { forEachId, ids, pick, target } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { asBool, create, del, entry, modify, orSkip, req } from './common.js';

export const TRAIL = 'alicloud:actiontrail/trail:Trail';

const TRAIL_FIELDS = {
  OssBucketName: 'ossBucketName',
  OssKeyPrefix: 'ossKeyPrefix',
  OssWriteRoleArn: 'ossWriteRoleArn',
  SlsProjectArn: 'slsProjectArn',
  SlsWriteRoleArn: 'slsWriteRoleArn',
  MaxComputeProjectArn: 'maxComputeProjectArn',
  MaxComputeWriteRoleArn: 'maxComputeWriteRoleArn',
  EventRW: 'eventRw',
  TrailRegion: 'trailRegion',
  IsOrganizationTrail: asBool('isOrganizationTrail'),
};

const trailIds = (e: TrailEvent): string[] => ids(e, { request: ['Name'], response: ['Name'], refType: 'ACS::ActionTrail::Trail' });

function createTrail(e: TrailEvent): Outcome {
  // A new trail does not log until StartLogging (CreateTrail docs; the provider calls it for you).
  return forEachId(trailIds(e), 'trail', (id) => create(target(TRAIL, id), { trailName: id, ...pick(req(e), TRAIL_FIELDS), status: 'Disable' }));
}

const trail = (spec: Parameters<typeof entry>[1]) => entry('actiontrail', spec);

export const actiontrailCatalog: ServiceCatalog = {
  entries: [
    trail({ names: ['CreateTrail'], types: [TRAIL], action: 'create', summary: 'create a trail (not logging until StartLogging)', apply: createTrail }),
    trail({ names: ['DeleteTrail'], types: [TRAIL], action: 'delete', summary: 'delete a trail', apply: (e) => forEachId(trailIds(e), 'trail', (id) => del(target(TRAIL, id))) }),
    trail({
      names: ['StartLogging', 'StopLogging'],
      types: [TRAIL],
      action: 'update',
      summary: 'status Enable / Disable',
      apply: (e) => forEachId(trailIds(e), 'trail', (id) => modify(target(TRAIL, id), { status: e.name === 'StartLogging' ? 'Enable' : 'Disable' })),
    }),
    trail({
      names: ['UpdateTrail'],
      types: [TRAIL],
      action: 'update',
      summary: 'delivery targets, roles, event types, regions',
      apply: (e) => orSkip(forEachId(trailIds(e), 'trail', (id) => modify(target(TRAIL, id), pick(req(e), TRAIL_FIELDS))), e),
    }),
  ],
  references: [],
};
