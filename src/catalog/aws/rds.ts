/**
 * RDS: DB instances and clusters, their snapshots (and who they are shared with), subnet
 * groups, IAM role associations, activity streams and snapshot exports. Master passwords
 * are never in an event: a create or change that sets one marks `password` unknown.
 */
import type { TrailEvent } from '../../events/model.js';
import type { Effect, PatchOp } from '../../replay/effect.js';
import { at, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { compact, create, entriesOf, flag, nonState, number, remove, sets, stringList, tagMap, text, touch, update } from './shared.js';

const INSTANCE = 'aws:rds/instance:Instance';
const INSTANCE_STATE = 'aws:rds/instanceDesiredState:InstanceDesiredState';
const CLUSTER = 'aws:rds/cluster:Cluster';
const SNAPSHOT = 'aws:rds/snapshot:Snapshot';
const SNAPSHOT_COPY = 'aws:rds/snapshotCopy:SnapshotCopy';
const CLUSTER_SNAPSHOT = 'aws:rds/clusterSnapshot:ClusterSnapshot';
const CLUSTER_SNAPSHOT_COPY = 'aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy';
const SUBNET_GROUP = 'aws:rds/subnetGroup:SubnetGroup';
const ROLE_ASSOCIATION = 'aws:rds/roleAssociation:RoleAssociation';
const CLUSTER_ROLE_ASSOCIATION = 'aws:rds/clusterRoleAssociation:ClusterRoleAssociation';
const ACTIVITY_STREAM = 'aws:rds/clusterActivityStream:ClusterActivityStream';
const EXPORT_TASK = 'aws:rds/exportTask:ExportTask';

const entry = entriesOf('rds');

/** Request field → Instance input, for create, restore, replica and modify alike. */
/** CloudTrail writes `vpcSecurityGroupIds`, or `vPCSecurityGroupIds` from the API's `VPCSecurityGroupIds`. */
function securityGroups(req: unknown): string[] {
  return [...stringList(at(req, 'vpcSecurityGroupIds')), ...stringList(at(req, 'vPCSecurityGroupIds'))];
}

function instanceSettings(req: unknown): Record<string, unknown> {
  const groups = securityGroups(req);
  return {
    instanceClass: text(req, 'dBInstanceClass'),
    engine: text(req, 'engine'),
    engineVersion: text(req, 'engineVersion'),
    allocatedStorage: number(at(req, 'allocatedStorage')),
    maxAllocatedStorage: number(at(req, 'maxAllocatedStorage')),
    storageType: text(req, 'storageType'),
    iops: number(at(req, 'iops')),
    storageThroughput: number(at(req, 'storageThroughput')),
    storageEncrypted: flag(at(req, 'storageEncrypted')),
    kmsKeyId: text(req, 'kmsKeyId'),
    username: text(req, 'masterUsername'),
    dbName: text(req, 'dBName'),
    dbSubnetGroupName: text(req, 'dBSubnetGroupName'),
    vpcSecurityGroupIds: groups.length > 0 ? groups : undefined,
    publiclyAccessible: flag(at(req, 'publiclyAccessible')),
    multiAz: flag(at(req, 'multiAZ')),
    availabilityZone: text(req, 'availabilityZone'),
    port: number(at(req, 'port')),
    networkType: text(req, 'networkType'),
    backupRetentionPeriod: number(at(req, 'backupRetentionPeriod')),
    backupWindow: text(req, 'preferredBackupWindow'),
    maintenanceWindow: text(req, 'preferredMaintenanceWindow'),
    deletionProtection: flag(at(req, 'deletionProtection')),
    copyTagsToSnapshot: flag(at(req, 'copyTagsToSnapshot')),
    autoMinorVersionUpgrade: flag(at(req, 'autoMinorVersionUpgrade')),
    iamDatabaseAuthenticationEnabled: flag(at(req, 'enableIAMDatabaseAuthentication')),
    performanceInsightsEnabled: flag(at(req, 'enablePerformanceInsights')),
    monitoringInterval: number(at(req, 'monitoringInterval')),
    monitoringRoleArn: text(req, 'monitoringRoleArn'),
    enabledCloudwatchLogsExports: Array.isArray(at(req, 'enableCloudwatchLogsExports')) ? at(req, 'enableCloudwatchLogsExports') : undefined,
    licenseModel: text(req, 'licenseModel'),
    optionGroupName: text(req, 'optionGroupName'),
    parameterGroupName: text(req, 'dBParameterGroupName'),
    caCertIdentifier: text(req, 'cACertificateIdentifier') ?? text(req, 'caCertificateIdentifier'),
    manageMasterUserPassword: flag(at(req, 'manageMasterUserPassword')),
    tags: tagMap(at(req, 'tags')),
  };
}

/** A new instance: the request's settings plus what it was made from. */
function createInstance(idField: string, origin: (req: unknown) => Record<string, unknown>) {
  return (e: TrailEvent): Outcome => {
    const id = text(e.request, idField);
    if (!id) return skip(`no ${idField} in the event`);
    const password = at(e.request, 'masterUserPassword');
    return [create(INSTANCE, id, { identifier: id, ...instanceSettings(e.request), ...origin(e.request) }, { unknown: password !== undefined ? ['password'] : [] })];
  };
}

function modifyInstance(e: TrailEvent): Outcome {
  const id = text(e.request, 'dBInstanceIdentifier');
  if (!id) return skip('no dBInstanceIdentifier in the event');
  const ops: PatchOp[] = sets({ ...instanceSettings(e.request), identifier: text(e.request, 'newDBInstanceIdentifier') });
  const logs = at(e.request, 'cloudwatchLogsExportConfiguration');
  const enable = stringList(at(logs, 'enableLogTypes'));
  const disable = stringList(at(logs, 'disableLogTypes'));
  if (enable.length > 0) ops.push({ op: 'add', path: 'enabledCloudwatchLogsExports', values: enable });
  if (disable.length > 0) ops.push({ op: 'remove', path: 'enabledCloudwatchLogsExports', values: disable });
  const effects: Effect[] = [];
  if (ops.length > 0) effects.push(update(INSTANCE, id, ops));
  if (at(e.request, 'masterUserPassword') !== undefined) effects.push(touch(INSTANCE, id, ['password']));
  return effects.length > 0 ? effects : skip('no setting with a Pulumi input in the event');
}

function clusterSettings(req: unknown): Record<string, unknown> {
  const groups = securityGroups(req);
  return {
    engine: text(req, 'engine'),
    engineVersion: text(req, 'engineVersion'),
    engineMode: text(req, 'engineMode'),
    databaseName: text(req, 'databaseName'),
    masterUsername: text(req, 'masterUsername'),
    dbSubnetGroupName: text(req, 'dBSubnetGroupName'),
    dbClusterParameterGroupName: text(req, 'dBClusterParameterGroupName'),
    vpcSecurityGroupIds: groups.length > 0 ? groups : undefined,
    storageEncrypted: flag(at(req, 'storageEncrypted')),
    kmsKeyId: text(req, 'kmsKeyId'),
    port: number(at(req, 'port')),
    backupRetentionPeriod: number(at(req, 'backupRetentionPeriod')),
    preferredBackupWindow: text(req, 'preferredBackupWindow'),
    preferredMaintenanceWindow: text(req, 'preferredMaintenanceWindow'),
    deletionProtection: flag(at(req, 'deletionProtection')),
    copyTagsToSnapshot: flag(at(req, 'copyTagsToSnapshot')),
    iamDatabaseAuthenticationEnabled: flag(at(req, 'enableIAMDatabaseAuthentication')),
    storageType: text(req, 'storageType'),
    allocatedStorage: number(at(req, 'allocatedStorage')),
    iops: number(at(req, 'iops')),
    dbClusterInstanceClass: text(req, 'dBClusterInstanceClass'),
    tags: tagMap(at(req, 'tags')),
  };
}

/** ModifyDB(Cluster)SnapshotAttribute `restore`: the accounts a snapshot is shared with. */
function shareSnapshot(type: string, idField: string) {
  return (e: TrailEvent): Outcome => {
    const id = text(e.request, idField);
    if (!id) return skip(`no ${idField} in the event`);
    if (text(e.request, 'attributeName') !== 'restore') return skip('only the restore attribute (sharing) has a Pulumi input');
    const ops: PatchOp[] = [];
    const added = stringList(at(e.request, 'valuesToAdd'));
    const removed = stringList(at(e.request, 'valuesToRemove'));
    if (added.length > 0) ops.push({ op: 'add', path: 'sharedAccounts', values: added });
    if (removed.length > 0) ops.push({ op: 'remove', path: 'sharedAccounts', values: removed });
    return ops.length > 0 ? [update(type, id, ops)] : skip('no accounts added or removed');
  };
}

function byField(field: string, make: (id: string, e: TrailEvent) => Outcome) {
  return (e: TrailEvent): Outcome => {
    const id = text(e.request, field);
    return id ? make(id, e) : skip(`no ${field} in the event`);
  };
}

/** Role associations are imported as `<db or cluster>,<role ARN>`. */
function roleAssociation(type: string, ownerField: string, ownerInput: string, adding: boolean) {
  return (e: TrailEvent): Outcome => {
    const owner = text(e.request, ownerField);
    const roleArn = text(e.request, 'roleArn');
    if (!owner || !roleArn) return skip(`no ${ownerField} or roleArn in the event`);
    const id = `${owner},${roleArn}`;
    return [adding ? create(type, id, { [ownerInput]: owner, roleArn, featureName: text(e.request, 'featureName') }) : remove(type, id)];
  };
}

export const rds: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateDBInstance'],
      types: [INSTANCE],
      action: 'create',
      summary: 'creates a DB instance',
      apply: createInstance('dBInstanceIdentifier', () => ({})),
    }),
    entry({
      names: ['CreateDBInstanceReadReplica'],
      types: [INSTANCE],
      action: 'create',
      summary: 'creates a read replica of a DB instance',
      apply: createInstance('dBInstanceIdentifier', (req) => ({ replicateSourceDb: text(req, 'sourceDBInstanceIdentifier') })),
    }),
    entry({
      names: ['RestoreDBInstanceFromDBSnapshot'],
      types: [INSTANCE],
      action: 'create',
      summary: 'creates a DB instance from a snapshot',
      apply: createInstance('dBInstanceIdentifier', (req) => ({ snapshotIdentifier: text(req, 'dBSnapshotIdentifier') })),
    }),
    entry({
      names: ['RestoreDBInstanceToPointInTime'],
      types: [INSTANCE],
      action: 'create',
      summary: 'creates a DB instance from another one at a point in time',
      apply: createInstance('targetDBInstanceIdentifier', (req) => ({
        restoreToPointInTime: compact({
          sourceDbInstanceIdentifier: text(req, 'sourceDBInstanceIdentifier'),
          restoreTime: text(req, 'restoreTime'),
          useLatestRestorableTime: flag(at(req, 'useLatestRestorableTime')),
        }),
      })),
    }),
    entry({
      names: ['DeleteDBInstance'],
      types: [INSTANCE],
      action: 'delete',
      summary: 'deletes a DB instance',
      apply: byField('dBInstanceIdentifier', (id) => [remove(INSTANCE, id)]),
    }),
    entry({
      names: ['ModifyDBInstance'],
      types: [INSTANCE],
      action: 'update',
      summary: 'changes DB instance settings (class, storage, access, protection, password …)',
      apply: modifyInstance,
    }),
    entry({
      names: ['StartDBInstance'],
      types: [INSTANCE_STATE],
      action: 'update',
      summary: 'starts a stopped DB instance (InstanceDesiredState.state = available)',
      apply: byField('dBInstanceIdentifier', (id) => [update(INSTANCE_STATE, id, sets({ identifier: id, state: 'available' }))]),
    }),
    entry({
      names: ['StopDBInstance'],
      types: [INSTANCE_STATE],
      action: 'update',
      summary: 'stops a DB instance (InstanceDesiredState.state = stopped)',
      apply: byField('dBInstanceIdentifier', (id) => [update(INSTANCE_STATE, id, sets({ identifier: id, state: 'stopped' }))]),
    }),
    entry({
      names: ['CreateDBCluster'],
      types: [CLUSTER],
      action: 'create',
      summary: 'creates a DB cluster',
      apply: byField('dBClusterIdentifier', (id, e) => [
        create(CLUSTER, id, { clusterIdentifier: id, ...clusterSettings(e.request) }, { unknown: at(e.request, 'masterUserPassword') !== undefined ? ['masterPassword'] : [] }),
      ]),
    }),
    entry({
      names: ['ModifyDBCluster'],
      types: [CLUSTER],
      action: 'update',
      summary: 'changes DB cluster settings',
      apply: byField('dBClusterIdentifier', (id, e) => {
        const effects: Effect[] = [];
        const ops = sets({ ...clusterSettings(e.request), clusterIdentifier: text(e.request, 'newDBClusterIdentifier') });
        if (ops.length > 0) effects.push(update(CLUSTER, id, ops));
        if (at(e.request, 'masterUserPassword') !== undefined) effects.push(touch(CLUSTER, id, ['masterPassword']));
        return effects.length > 0 ? effects : skip('no setting with a Pulumi input in the event');
      }),
    }),
    entry({
      names: ['DeleteDBCluster'],
      types: [CLUSTER],
      action: 'delete',
      summary: 'deletes a DB cluster',
      apply: byField('dBClusterIdentifier', (id) => [remove(CLUSTER, id)]),
    }),
    entry({
      names: ['CreateDBSnapshot'],
      types: [SNAPSHOT],
      action: 'create',
      summary: 'snapshots a DB instance',
      apply: byField('dBSnapshotIdentifier', (id, e) => [
        create(SNAPSHOT, id, { dbSnapshotIdentifier: id, dbInstanceIdentifier: text(e.request, 'dBInstanceIdentifier'), tags: tagMap(at(e.request, 'tags')) }),
      ]),
    }),
    entry({
      names: ['CopyDBSnapshot'],
      types: [SNAPSHOT_COPY],
      action: 'create',
      summary: 'copies a DB snapshot (possibly from another region or account)',
      apply: byField('targetDBSnapshotIdentifier', (id, e) => [
        create(SNAPSHOT_COPY, id, {
          targetDbSnapshotIdentifier: id,
          sourceDbSnapshotIdentifier: text(e.request, 'sourceDBSnapshotIdentifier'),
          kmsKeyId: text(e.request, 'kmsKeyId'),
          copyTags: flag(at(e.request, 'copyTags')),
          optionGroupName: text(e.request, 'optionGroupName'),
          tags: tagMap(at(e.request, 'tags')),
        }),
      ]),
    }),
    entry({
      names: ['DeleteDBSnapshot'],
      types: [SNAPSHOT],
      action: 'delete',
      summary: 'deletes a DB snapshot',
      apply: byField('dBSnapshotIdentifier', (id) => [remove(SNAPSHOT, id)]),
    }),
    entry({
      names: ['ModifyDBSnapshotAttribute'],
      types: [SNAPSHOT],
      action: 'update',
      summary: 'shares or unshares a DB snapshot with accounts',
      apply: shareSnapshot(SNAPSHOT, 'dBSnapshotIdentifier'),
    }),
    entry({
      names: ['CreateDBClusterSnapshot'],
      types: [CLUSTER_SNAPSHOT],
      action: 'create',
      summary: 'snapshots a DB cluster',
      apply: byField('dBClusterSnapshotIdentifier', (id, e) => [
        create(CLUSTER_SNAPSHOT, id, { dbClusterSnapshotIdentifier: id, dbClusterIdentifier: text(e.request, 'dBClusterIdentifier'), tags: tagMap(at(e.request, 'tags')) }),
      ]),
    }),
    entry({
      names: ['CopyDBClusterSnapshot'],
      types: [CLUSTER_SNAPSHOT_COPY],
      action: 'create',
      summary: 'copies a DB cluster snapshot',
      apply: byField('targetDBClusterSnapshotIdentifier', (id, e) => [
        create(CLUSTER_SNAPSHOT_COPY, id, {
          targetDbClusterSnapshotIdentifier: id,
          sourceDbClusterSnapshotIdentifier: text(e.request, 'sourceDBClusterSnapshotIdentifier'),
          kmsKeyId: text(e.request, 'kmsKeyId'),
          copyTags: flag(at(e.request, 'copyTags')),
          tags: tagMap(at(e.request, 'tags')),
        }),
      ]),
    }),
    entry({
      names: ['DeleteDBClusterSnapshot'],
      types: [CLUSTER_SNAPSHOT],
      action: 'delete',
      summary: 'deletes a DB cluster snapshot',
      apply: byField('dBClusterSnapshotIdentifier', (id) => [remove(CLUSTER_SNAPSHOT, id)]),
    }),
    entry({
      names: ['ModifyDBClusterSnapshotAttribute'],
      types: [CLUSTER_SNAPSHOT],
      action: 'update',
      summary: 'shares or unshares a DB cluster snapshot with accounts',
      apply: shareSnapshot(CLUSTER_SNAPSHOT, 'dBClusterSnapshotIdentifier'),
    }),
    entry({
      names: ['CreateDBSubnetGroup'],
      types: [SUBNET_GROUP],
      action: 'create',
      summary: 'creates a DB subnet group',
      apply: byField('dBSubnetGroupName', (name, e) => [
        create(SUBNET_GROUP, name, {
          name,
          description: text(e.request, 'dBSubnetGroupDescription'),
          subnetIds: stringList(at(e.request, 'subnetIds')),
          tags: tagMap(at(e.request, 'tags')),
        }),
      ]),
    }),
    entry({
      names: ['DeleteDBSubnetGroup'],
      types: [SUBNET_GROUP],
      action: 'delete',
      summary: 'deletes a DB subnet group',
      apply: byField('dBSubnetGroupName', (name) => [remove(SUBNET_GROUP, name)]),
    }),
    entry({
      names: ['AddRoleToDBInstance'],
      types: [ROLE_ASSOCIATION],
      action: 'create',
      summary: 'lets a DB instance use an IAM role (S3 import/export, Lambda …)',
      apply: roleAssociation(ROLE_ASSOCIATION, 'dBInstanceIdentifier', 'dbInstanceIdentifier', true),
    }),
    entry({
      names: ['RemoveRoleFromDBInstance'],
      types: [ROLE_ASSOCIATION],
      action: 'delete',
      summary: 'removes an IAM role from a DB instance',
      apply: roleAssociation(ROLE_ASSOCIATION, 'dBInstanceIdentifier', 'dbInstanceIdentifier', false),
    }),
    entry({
      names: ['AddRoleToDBCluster'],
      types: [CLUSTER_ROLE_ASSOCIATION],
      action: 'create',
      summary: 'lets a DB cluster use an IAM role',
      apply: roleAssociation(CLUSTER_ROLE_ASSOCIATION, 'dBClusterIdentifier', 'dbClusterIdentifier', true),
    }),
    entry({
      names: ['RemoveRoleFromDBCluster'],
      types: [CLUSTER_ROLE_ASSOCIATION],
      action: 'delete',
      summary: 'removes an IAM role from a DB cluster',
      apply: roleAssociation(CLUSTER_ROLE_ASSOCIATION, 'dBClusterIdentifier', 'dbClusterIdentifier', false),
    }),
    entry({
      names: ['StartActivityStream'],
      types: [ACTIVITY_STREAM],
      action: 'create',
      summary: 'starts a database activity stream',
      apply: byField('resourceArn', (arn, e) => [
        create(ACTIVITY_STREAM, arn, {
          resourceArn: arn,
          mode: text(e.request, 'mode'),
          kmsKeyId: text(e.request, 'kmsKeyId'),
          engineNativeAuditFieldsIncluded: flag(at(e.request, 'engineNativeAuditFieldsIncluded')),
        }),
      ]),
    }),
    entry({
      names: ['StopActivityStream'],
      types: [ACTIVITY_STREAM],
      action: 'delete',
      summary: 'stops a database activity stream (audit trail of the database)',
      apply: byField('resourceArn', (arn) => [remove(ACTIVITY_STREAM, arn)]),
    }),
    entry({
      names: ['StartExportTask'],
      types: [EXPORT_TASK],
      action: 'create',
      summary: 'exports a snapshot to S3',
      apply: (e) => {
        const id = text(e.request, 'exportTaskIdentifier') ?? text(e.response, 'exportTaskIdentifier');
        if (!id) return skip('no exportTaskIdentifier in the event');
        const only = stringList(at(e.request, 'exportOnly'));
        return [
          create(EXPORT_TASK, id, {
            exportTaskIdentifier: id,
            sourceArn: text(e.request, 'sourceArn'),
            s3BucketName: text(e.request, 's3BucketName'),
            s3Prefix: text(e.request, 's3Prefix'),
            iamRoleArn: text(e.request, 'iamRoleArn'),
            kmsKeyId: text(e.request, 'kmsKeyId'),
            exportOnlies: only.length > 0 ? only : undefined,
          }),
        ];
      },
    }),
  ],
  nonState: [
    nonState('rds', ['RebootDBInstance', 'RebootDBCluster'], 'reboots: no configuration changes'),
    nonState('rds', ['FailoverDBCluster', 'FailoverGlobalCluster'], 'swaps writer and reader roles; no configuration input changes'),
    nonState(
      'rds',
      ['AuthorizeDBSecurityGroupIngress', 'RevokeDBSecurityGroupIngress'],
      'EC2-Classic DB security groups: retired by AWS, no Pulumi type left to model them',
    ),
    nonState(
      'rds',
      ['DeleteDBInstanceAutomatedBackup', 'DeleteDBClusterAutomatedBackup'],
      'deletes retained automated backups of a deleted database: not a Pulumi resource, and the data cannot be brought back',
    ),
  ],
  // Not instance → subnet group: a cascade would infer a database deletion.
  references: [
    { from: INSTANCE_STATE, input: 'identifier', to: INSTANCE },
    { from: ROLE_ASSOCIATION, input: 'dbInstanceIdentifier', to: INSTANCE },
    { from: CLUSTER_ROLE_ASSOCIATION, input: 'dbClusterIdentifier', to: CLUSTER },
  ],
  dataHolding: [INSTANCE, CLUSTER, SNAPSHOT, SNAPSHOT_COPY, CLUSTER_SNAPSHOT, CLUSTER_SNAPSHOT_COPY],
};
