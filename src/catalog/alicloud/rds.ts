/**
 * ApsaraDB RDS (serviceName `Rds`, API 2014-08-15) → `rds/instance`.
 */
import type { TrailEvent } from '../../events/model.js';
import type { PatchOp } from '../../replay/effect.js';
import { str } from '../../util/json.js';
import { forEachId, ids, pick, skip, target } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { asBool, asList, asNum, asStr, commaList, create, del, entry, ignore, modify, orSkip, req, withTags } from './common.js';

export const DB_INSTANCE = 'alicloud:rds/instance:Instance';
const REF_DB = 'ACS::RDS::DBInstance';

const dbIds = (e: TrailEvent): string[] => ids(e, { request: ['DBInstanceId'], refType: REF_DB });

function createDbInstance(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(
    pick(r, {
      Engine: 'engine',
      EngineVersion: 'engineVersion',
      DBInstanceClass: 'instanceType',
      DBInstanceStorage: asNum('instanceStorage'),
      DBInstanceStorageType: 'dbInstanceStorageType',
      DBInstanceDescription: 'instanceName',
      SecurityIPList: asList('securityIps'),
      PayType: 'instanceChargeType',
      ZoneId: 'zoneId',
      ZoneIdSlave1: 'zoneIdSlaveA',
      ZoneIdSlave2: 'zoneIdSlaveB',
      VPCId: 'vpcId',
      VSwitchId: 'vswitchId',
      PrivateIpAddress: 'privateIpAddress',
      Category: 'category',
      ResourceGroupId: 'resourceGroupId',
      DeletionProtection: asBool('deletionProtection'),
      Port: asStr('port'),
    }),
    r,
  );
  return forEachId(ids(e, { response: ['DBInstanceId'], refType: REF_DB }), 'DB instance', (id) => create(target(DB_INSTANCE, id), inputs));
}

/**
 * ModifySecurityIps rewrites one whitelist group by `ModifyMode`: Cover (the default) replaces
 * it, Append adds, Delete removes. Pulumi's `securityIps` is the `default` group's list; other
 * groups are not modeled.
 */
function modifySecurityIps(e: TrailEvent): Outcome {
  const r = req(e);
  const group = str(r.DBInstanceIPArrayName) ?? 'default';
  if (group.toLowerCase() !== 'default') return skip(`whitelist group ${group} is not modeled (only the default group is rds/instance.securityIps)`);
  const ips = commaList(r.SecurityIps);
  const mode = (str(r.ModifyMode) ?? 'Cover').toLowerCase();
  let op: PatchOp;
  if (mode === 'append') op = { op: 'add', path: 'securityIps', values: ips };
  else if (mode === 'delete') op = { op: 'remove', path: 'securityIps', values: ips };
  else op = { op: 'set', path: 'securityIps', value: ips };
  return forEachId(dbIds(e), 'DB instance', (id) => ({ kind: 'update', target: target(DB_INSTANCE, id), ops: [op] }));
}

function change(fields: Parameters<typeof pick>[1]) {
  return (e: TrailEvent): Outcome => orSkip(forEachId(dbIds(e), 'DB instance', (id) => modify(target(DB_INSTANCE, id), pick(req(e), fields))), e);
}

const rds = (spec: Parameters<typeof entry>[1]) => entry('rds', spec);

export const rdsCatalog: ServiceCatalog = {
  entries: [
    rds({ names: ['CreateDBInstance'], types: [DB_INSTANCE], action: 'create', summary: 'create a DB instance', apply: createDbInstance }),
    rds({
      names: ['DeleteDBInstance', 'DestroyDBInstance', 'Release'],
      types: [DB_INSTANCE],
      action: 'delete',
      summary: 'delete, destroy or release a DB instance',
      apply: (e) => forEachId(dbIds(e), 'DB instance', (id) => del(target(DB_INSTANCE, id))),
    }),
    rds({
      names: ['ModifyDBInstanceSpec'],
      types: [DB_INSTANCE],
      action: 'update',
      // Direction and EffectiveTime say how and when the change happens, not what the instance is.
      summary: 'class, storage, storage type, billing, engine version, zone, vSwitch, category',
      apply: change({
        DBInstanceClass: 'instanceType',
        DBInstanceStorage: asNum('instanceStorage'),
        DBInstanceStorageType: 'dbInstanceStorageType',
        PayType: 'instanceChargeType',
        EngineVersion: 'engineVersion',
        ZoneId: 'zoneId',
        VSwitchId: 'vswitchId',
        Category: 'category',
      }),
    }),
    rds({ names: ['ModifyDBInstanceDescription'], types: [DB_INSTANCE], action: 'update', summary: 'instance name', apply: change({ DBInstanceDescription: 'instanceName' }) }),
    rds({ names: ['ModifySecurityIps'], types: [DB_INSTANCE], action: 'update', summary: 'default whitelist: Cover sets, Append adds, Delete removes', apply: modifySecurityIps }),
    rds({ names: ['ModifyDBInstanceDeletionProtection'], types: [DB_INSTANCE], action: 'update', summary: 'deletion protection', apply: change({ DeletionProtection: asBool('deletionProtection') }) }),
  ],
  nonState: [
    ignore('rds', ['RestartDBInstance'], 'a restart changes no configuration'),
    ignore('rds', ['Renew', 'RenewInstance'], 'renewal extends a subscription; no configured input changes'),
  ],
  references: [
    { from: DB_INSTANCE, input: 'vswitchId', to: 'alicloud:vpc/switch:Switch' },
    { from: DB_INSTANCE, input: 'vpcId', to: 'alicloud:vpc/network:Network' },
  ],
  dataHolding: [DB_INSTANCE],
};
