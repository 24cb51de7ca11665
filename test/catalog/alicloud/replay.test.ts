/** The Alibaba Cloud entries wired into the real replay: cascades, tuple ids meeting, RAM/IMS joining. */
import { describe, expect, it } from 'vitest';
import { ACCESS_KEY, USER, USER_POLICY } from '../../../src/catalog/alicloud/ram.js';
import { INSTANCE, RULE } from '../../../src/catalog/alicloud/ecs.js';
import { replay } from '../../../src/replay/replay.js';
import { resourceKey } from '../../../src/state/model.js';
import { ecs, ims, ram } from './events.js';
import { catalog } from './helpers.js';

const key = (type: string, region: string, id: string): string => resourceKey('alicloud', type, region, id);

describe('replaying Alibaba Cloud events', () => {
  it('an IMS-created user, its key (IMS) and policy attachment (RAM) go away with a RAM DeleteUser', () => {
    const { state, report } = replay([ims.createUser, ims.createAccessKey, ram.attachToUser, ram.deleteUser], { catalog });
    expect(report.applied).toBe(4);
    expect(state.get(key(USER, 'global', 'backup-bot'))?.exists).toBe(false);
    expect(state.get(key(ACCESS_KEY, 'global', 'LTAI5tNewBackdoorKey0001'))?.exists).toBe(false);
    expect(state.get(key(USER_POLICY, 'global', 'user:AdministratorAccess:System:backup-bot'))?.exists).toBe(false);
  });

  it('a revoke of the same tuple removes the rule an authorize added, and leaves its sibling', () => {
    const { state } = replay([ecs.authorizePermissions, ecs.revokePermissions], { catalog });
    const sg = 'sg-bp1fg655nh68xyz9i6mv';
    expect(state.get(key(RULE, 'cn-hangzhou', `${sg}:ingress:tcp:22/22:intranet:0.0.0.0/0:accept:1`))?.exists).toBe(false);
    expect(state.get(key(RULE, 'cn-hangzhou', `${sg}:ingress:tcp:3389/3389:intranet:0.0.0.0/0:accept:2`))?.exists).toBe(true);
  });

  it('undoing a leaked key leaves out the instances it launched', () => {
    const leaked = 'LTAI5tLeakedKey00000001';
    const { state, report } = replay([ecs.runInstancesAmount3], { catalog, exclude: (e) => e.actor.accessKeyId === leaked });
    expect(report.excluded).toBe(1);
    expect(state.has(key(INSTANCE, 'cn-hangzhou', 'i-bp1g6zv0ce8oghu7k2a1'))).toBe(false);
  });
});
