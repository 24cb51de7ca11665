/** RDS instances, clusters, snapshots, subnet groups, role associations, streams, exports. */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { INVICTUS, PANTHER, PANTHER_FILE, invictus } from './datasets.js';

const INSTANCE = 'aws:rds/instance:Instance';
const INSTANCE_STATE = 'aws:rds/instanceDesiredState:InstanceDesiredState';
const CLUSTER = 'aws:rds/cluster:Cluster';
const CLUSTER_SNAPSHOT = 'aws:rds/clusterSnapshot:ClusterSnapshot';
const SUBNET_GROUP = 'aws:rds/subnetGroup:SubnetGroup';
const CLUSTER_ROLE_ASSOCIATION = 'aws:rds/clusterRoleAssociation:ClusterRoleAssociation';

export const rdsCases: Case[] = [
  {
    title: 'CreateDBInstance: the master password is never kept, marked unknown',
    source: ds(INVICTUS, invictus('20230710T1220Z_r7NFD65BgeDMqD23'), 62, 'rds', 'CreateDBInstance'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/instance:Instance', id: 'terraform-20230710121504061500000001' },
        inputs: {
          identifier: 'terraform-20230710121504061500000001',
          instanceClass: 'db.t3.micro',
          engine: 'mysql',
          engineVersion: '8.0',
          allocatedStorage: 10,
          storageEncrypted: false,
          username: 'admin',
          dbName: 'stratusredteamsharesnapdb',
          dbSubnetGroupName: 'stratus-red-team-share-snap-vpc',
          publiclyAccessible: false,
          backupRetentionPeriod: 0,
          deletionProtection: false,
          copyTagsToSnapshot: false,
          autoMinorVersionUpgrade: true,
          tags: { StratusRedTeam: 'true' },
        },
        unknown: ['password'],
      },
    ],
  },
  {
    title: 'DeleteDBInstance',
    source: ds(INVICTUS, invictus('20230710T1230Z_lHgkh3VeI3XnjZSL'), 65, 'rds', 'DeleteDBInstance'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:rds/instance:Instance', id: 'terraform-20230710121504061500000001' },
      },
    ],
  },
  {
    title: 'ModifyDBInstance makes a database public',
    source: ds(PANTHER, PANTHER_FILE, 242, 'rds', 'ModifyDBInstance'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:rds/instance:Instance', id: 'customer-database' },
        ops: [
          { op: 'set', path: 'publiclyAccessible', value: true },
          { op: 'set', path: 'deletionProtection', value: false },
        ],
      },
    ],
  },
  {
    title: 'CreateDBInstanceReadReplica',
    source: ds(PANTHER, PANTHER_FILE, 235, 'rds', 'CreateDBInstanceReadReplica'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/instance:Instance', id: 'replica-instance' },
        inputs: { identifier: 'replica-instance', replicateSourceDb: 'primary-instance' },
      },
    ],
  },
  {
    title: 'RestoreDBInstanceFromDBSnapshot',
    source: ds(PANTHER, PANTHER_FILE, 275, 'rds', 'RestoreDBInstanceFromDBSnapshot'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/instance:Instance', id: 'test-instance' },
        inputs: {
          identifier: 'test-instance',
          instanceClass: 'db.m1.small',
          engine: 'mysql',
          allocatedStorage: 20,
          username: 'myawsuser',
          enabledCloudwatchLogsExports: ['audit', 'error', 'general', 'slowquery'],
        },
        unknown: ['password'],
      },
    ],
  },
  {
    title: 'StartDBInstance',
    source: ds(PANTHER, PANTHER_FILE, 263, 'rds', 'StartDBInstance'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:rds/instanceDesiredState:InstanceDesiredState', id: 'dev-database' },
        ops: [
          { op: 'set', path: 'identifier', value: 'dev-database' },
          { op: 'set', path: 'state', value: 'available' },
        ],
      },
    ],
  },
  {
    title: 'CreateDBSnapshot',
    source: ds(INVICTUS, invictus('20230710T1220Z_sM25jC0Ku0QcGkDa'), 9, 'rds', 'CreateDBSnapshot'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/snapshot:Snapshot', id: 'exfiltration' },
        inputs: {
          dbSnapshotIdentifier: 'exfiltration',
          dbInstanceIdentifier: 'terraform-20230710121504061500000001',
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'ModifyDBSnapshotAttribute shares a snapshot with another account',
    source: ds(INVICTUS, invictus('20230710T1225Z_vMAR90Iiaqr6M5sR'), 15, 'rds', 'ModifyDBSnapshotAttribute'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:rds/snapshot:Snapshot', id: 'exfiltration' },
        ops: [{ op: 'add', path: 'sharedAccounts', values: ['193672423079'] }],
      },
    ],
  },
  {
    title: 'ModifyDBSnapshotAttribute unshares it',
    source: ds(INVICTUS, invictus('20230710T1230Z_9SJSsrxJ0ChF5VFb'), 20, 'rds', 'ModifyDBSnapshotAttribute'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:rds/snapshot:Snapshot', id: 'exfiltration' },
        ops: [{ op: 'remove', path: 'sharedAccounts', values: ['193672423079'] }],
      },
    ],
  },
  {
    title: 'DeleteDBSnapshot',
    source: ds(INVICTUS, invictus('20230710T1235Z_YbVFCP9AYzJDhHV9'), 129, 'rds', 'DeleteDBSnapshot'),
    expect: [{ kind: 'delete', target: { type: 'aws:rds/snapshot:Snapshot', id: 'exfiltration' } }],
  },
  {
    title: 'CopyDBSnapshot',
    source: ds(PANTHER, PANTHER_FILE, 282, 'rds', 'CopyDBSnapshot'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/snapshotCopy:SnapshotCopy', id: 'prod-backup-2024-copy' },
        inputs: {
          targetDbSnapshotIdentifier: 'prod-backup-2024-copy',
          sourceDbSnapshotIdentifier: 'arn:aws:rds:us-east-1:123456789012:snapshot:prod-backup-2024',
          kmsKeyId: 'arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          copyTags: true,
        },
      },
    ],
  },
  {
    title: 'CreateDBSubnetGroup',
    source: ds(INVICTUS, invictus('20230710T1220Z_ovtmbuX3ENJ119uH'), 49, 'rds', 'CreateDBSubnetGroup'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/subnetGroup:SubnetGroup', id: 'stratus-red-team-share-snap-vpc' },
        inputs: {
          name: 'stratus-red-team-share-snap-vpc',
          description: 'Database subnet group for stratus-red-team-share-snap-vpc',
          subnetIds: ['subnet-0cac13291c6f317ec', 'subnet-0c8a70cf4fd24084f'],
          tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-share-snap-vpc' },
        },
      },
    ],
  },
  {
    title: 'ModifyDBCluster',
    source: ds(PANTHER, PANTHER_FILE, 241, 'rds', 'ModifyDBCluster'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:rds/cluster:Cluster', id: 'aurora-production' },
        ops: [
          { op: 'set', path: 'backupRetentionPeriod', value: 0 },
          { op: 'set', path: 'deletionProtection', value: false },
        ],
      },
    ],
  },
  {
    title: 'DeleteDBCluster',
    source: ds(PANTHER, PANTHER_FILE, 252, 'rds', 'DeleteDBCluster'),
    expect: [{ kind: 'delete', target: { type: 'aws:rds/cluster:Cluster', id: 'aurora-cluster-prod' } }],
  },
  {
    title: 'CopyDBClusterSnapshot',
    source: ds(PANTHER, PANTHER_FILE, 283, 'rds', 'CopyDBClusterSnapshot'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy', id: 'aurora-prod-backup-eu' },
        inputs: {
          targetDbClusterSnapshotIdentifier: 'aurora-prod-backup-eu',
          sourceDbClusterSnapshotIdentifier: 'arn:aws:rds:us-east-1:123456789012:cluster-snapshot:aurora-prod-backup',
          kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/abcd1234-ab12-cd34-ef56-1234567890ab',
        },
      },
    ],
  },
  {
    title: 'DeleteDBClusterSnapshot',
    source: ds(PANTHER, PANTHER_FILE, 287, 'rds', 'DeleteDBClusterSnapshot'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:rds/clusterSnapshot:ClusterSnapshot', id: 'aurora-cluster-backup-2024' },
      },
    ],
  },
  {
    title: 'AddRoleToDBInstance keyed db,roleArn',
    source: ds(PANTHER, PANTHER_FILE, 246, 'rds', 'AddRoleToDBInstance'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:rds/roleAssociation:RoleAssociation',
          id: 'production-postgres,arn:aws:iam::123456789012:role/RDS-S3-Import-Role',
        },
        inputs: {
          dbInstanceIdentifier: 'production-postgres',
          roleArn: 'arn:aws:iam::123456789012:role/RDS-S3-Import-Role',
          featureName: 's3Import',
        },
      },
    ],
  },
  {
    title: 'RemoveRoleFromDBInstance',
    source: ds(PANTHER, PANTHER_FILE, 249, 'rds', 'RemoveRoleFromDBInstance'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:rds/roleAssociation:RoleAssociation',
          id: 'production-db,arn:aws:iam::123456789012:role/OldRole',
        },
      },
    ],
  },
  {
    title: 'AddRoleToDBCluster',
    source: ds(PANTHER, PANTHER_FILE, 247, 'rds', 'AddRoleToDBCluster'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:rds/clusterRoleAssociation:ClusterRoleAssociation',
          id: 'aurora-cluster-prod,arn:aws:iam::123456789012:role/RDS-Lambda-Access',
        },
        inputs: {
          dbClusterIdentifier: 'aurora-cluster-prod',
          roleArn: 'arn:aws:iam::123456789012:role/RDS-Lambda-Access',
          featureName: 'Lambda',
        },
      },
    ],
  },
  {
    title: 'StartActivityStream',
    source: ds(PANTHER, PANTHER_FILE, 231, 'rds', 'StartActivityStream'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:rds/clusterActivityStream:ClusterActivityStream',
          id: 'arn:aws:rds:us-east-1:123456789012:cluster:production-aurora',
        },
        inputs: { resourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:production-aurora' },
      },
    ],
  },
  {
    title: 'StopActivityStream',
    source: ds(PANTHER, PANTHER_FILE, 229, 'rds', 'StopActivityStream'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:rds/clusterActivityStream:ClusterActivityStream',
          id: 'arn:aws:rds:us-east-1:123456789012:cluster:production-aurora',
        },
      },
    ],
  },
  {
    title: 'StartExportTask',
    source: ds(PANTHER, PANTHER_FILE, 294, 'rds', 'StartExportTask'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rds/exportTask:ExportTask', id: 'export-snapshot-2024-01-15-103000' },
        inputs: {
          exportTaskIdentifier: 'export-snapshot-2024-01-15-103000',
          sourceArn: 'arn:aws:rds:us-east-1:123456789012:snapshot:my-db-snapshot',
          s3BucketName: 'my-export-bucket',
          s3Prefix: 'exports/2024-01-15/',
          iamRoleArn: 'arn:aws:iam::123456789012:role/RDSExportRole',
          kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          exportOnlies: ['schema1.table1', 'schema1.table2'],
        },
      },
    ],
  },
  {
    title: 'ModifyDBInstance: new password touched, log exports added and removed, rename',
    source: ev(
      'rds',
      'ModifyDBInstance',
      {
        dBInstanceIdentifier: 'orders',
        newDBInstanceIdentifier: 'orders-old',
        masterUserPassword: '****',
        cloudwatchLogsExportConfiguration: { enableLogTypes: ['audit'], disableLogTypes: ['general'] },
        applyImmediately: true,
      },
      { dBInstanceIdentifier: 'orders', dBInstanceStatus: 'available', pendingModifiedValues: { masterUserPassword: '****', dBInstanceIdentifier: 'orders-old' } },
    ),
    expect: [
      {
        kind: 'update',
        target: { type: INSTANCE, id: 'orders' },
        ops: [
          { op: 'set', path: 'identifier', value: 'orders-old' },
          { op: 'add', path: 'enabledCloudwatchLogsExports', values: ['audit'] },
          { op: 'remove', path: 'enabledCloudwatchLogsExports', values: ['general'] },
        ],
      },
      { kind: 'touch', target: { type: INSTANCE, id: 'orders' }, paths: ['password'] },
    ],
  },
  {
    title: 'RestoreDBInstanceToPointInTime',
    source: ev(
      'rds',
      'RestoreDBInstanceToPointInTime',
      { sourceDBInstanceIdentifier: 'orders', targetDBInstanceIdentifier: 'orders-restored', restoreTime: '2024-04-30T23:00:00Z', dBInstanceClass: 'db.t3.medium' },
      { dBInstanceIdentifier: 'orders-restored', dBInstanceStatus: 'creating' },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: INSTANCE, id: 'orders-restored' },
        inputs: {
          identifier: 'orders-restored',
          instanceClass: 'db.t3.medium',
          restoreToPointInTime: { sourceDbInstanceIdentifier: 'orders', restoreTime: '2024-04-30T23:00:00Z' },
        },
      },
    ],
  },
  {
    title: 'StopDBInstance',
    source: ev('rds', 'StopDBInstance', { dBInstanceIdentifier: 'orders' }, { dBInstanceIdentifier: 'orders', dBInstanceStatus: 'stopping' }),
    expect: [
      {
        kind: 'update',
        target: { type: INSTANCE_STATE, id: 'orders' },
        ops: [
          { op: 'set', path: 'identifier', value: 'orders' },
          { op: 'set', path: 'state', value: 'stopped' },
        ],
      },
    ],
  },
  {
    title: 'CreateDBCluster: the master password is marked unknown',
    source: ev(
      'rds',
      'CreateDBCluster',
      {
        dBClusterIdentifier: 'analytics',
        engine: 'aurora-postgresql',
        engineVersion: '15.4',
        masterUsername: 'postgres',
        masterUserPassword: 'HIDDEN_DUE_TO_SECURITY_REASONS',
        vpcSecurityGroupIds: ['sg-0123456789abcdef0'],
        storageEncrypted: true,
        deletionProtection: true,
      },
      { dBClusterIdentifier: 'analytics', status: 'creating' },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: CLUSTER, id: 'analytics' },
        inputs: {
          clusterIdentifier: 'analytics',
          engine: 'aurora-postgresql',
          engineVersion: '15.4',
          masterUsername: 'postgres',
          vpcSecurityGroupIds: ['sg-0123456789abcdef0'],
          storageEncrypted: true,
          deletionProtection: true,
        },
        unknown: ['masterPassword'],
      },
    ],
  },
  {
    title: 'CreateDBClusterSnapshot',
    source: ev('rds', 'CreateDBClusterSnapshot', { dBClusterSnapshotIdentifier: 'analytics-2024-05-01', dBClusterIdentifier: 'analytics' }, { status: 'creating' }),
    expect: [
      {
        kind: 'create',
        target: { type: CLUSTER_SNAPSHOT, id: 'analytics-2024-05-01' },
        inputs: { dbClusterSnapshotIdentifier: 'analytics-2024-05-01', dbClusterIdentifier: 'analytics' },
      },
    ],
  },
  {
    title: 'ModifyDBClusterSnapshotAttribute shares with an account',
    source: ev(
      'rds',
      'ModifyDBClusterSnapshotAttribute',
      { dBClusterSnapshotIdentifier: 'analytics-2024-05-01', attributeName: 'restore', valuesToAdd: ['444455556666'] },
      { dBClusterSnapshotIdentifier: 'analytics-2024-05-01', dBClusterSnapshotAttributes: [{ attributeName: 'restore', attributeValues: ['444455556666'] }] },
    ),
    expect: [{ kind: 'update', target: { type: CLUSTER_SNAPSHOT, id: 'analytics-2024-05-01' }, ops: [{ op: 'add', path: 'sharedAccounts', values: ['444455556666'] }] }],
  },
  {
    title: 'DeleteDBSubnetGroup',
    source: ev('rds', 'DeleteDBSubnetGroup', { dBSubnetGroupName: 'private' }),
    expect: [{ kind: 'delete', target: { type: SUBNET_GROUP, id: 'private' } }],
  },
  {
    title: 'RemoveRoleFromDBCluster',
    source: ev('rds', 'RemoveRoleFromDBCluster', { dBClusterIdentifier: 'analytics', roleArn: 'arn:aws:iam::111122223333:role/rds-s3', featureName: 's3Import' }),
    expect: [{ kind: 'delete', target: { type: CLUSTER_ROLE_ASSOCIATION, id: 'analytics,arn:aws:iam::111122223333:role/rds-s3' } }],
  },
];
