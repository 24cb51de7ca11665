/** EC2 compute: instances, key pairs, volumes, snapshots, AMIs, tags, templates, account switches. */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { CCC, INVICTUS, PANTHER, PANTHER_FILE, session, invictus } from './datasets.js';

const INSTANCE = 'aws:ec2/instance:Instance';
const KEY_PAIR = 'aws:ec2/keyPair:KeyPair';
const VOLUME_ATTACHMENT = 'aws:ec2/volumeAttachment:VolumeAttachment';
const TAG = 'aws:ec2/tag:Tag';
const EBS_DEFAULT_ENCRYPTION = 'aws:ebs/encryptionByDefault:EncryptionByDefault';

export const ec2Cases: Case[] = [
  {
    title: 'RunInstances: one instance with key, tags, security group from the response',
    source: ds(CCC, session('0a94aa63bc6919e5cf3a61b81727b5c5e7912c084b561f27a819606b34dc20ce'), 172, 'ec2', 'RunInstances'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/instance:Instance', id: 'i-db0c0ffee47e5ac71' },
        inputs: {
          ami: 'ami-db0c0ffee87a5d1e5',
          instanceType: 't2.micro',
          subnetId: 'subnet-db0c0ffee30528fdf',
          vpcSecurityGroupIds: ['sg-db0c0ffee64dcb055'],
          keyName: 'ssmTestAwsLinux',
          availabilityZone: 'us-east-1b',
          associatePublicIpAddress: true,
          ebsOptimized: false,
          monitoring: false,
          disableApiTermination: false,
          disableApiStop: false,
          tags: { Name: 'addingNameHere', NameAnotherOne: 'blaTag' },
        },
      },
    ],
  },
  {
    title: 'RunInstances: maxCount 3 gives three instances',
    source: ds(CCC, session('b6dfc3920e8873205b90184ca56f688688aa45e569316f630c9411ed07ba0ed4'), 167, 'ec2', 'RunInstances'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/instance:Instance', id: 'i-db0c0ffee27e69e8c' },
        inputs: {
          ami: 'ami-db0c0ffee3c44b17f',
          instanceType: 't2.micro',
          subnetId: 'subnet-db0c0ffeeb9f46c3e',
          vpcSecurityGroupIds: ['sg-db0c0ffee1fa9c4e4'],
          availabilityZone: 'us-east-1c',
          associatePublicIpAddress: true,
          ebsOptimized: false,
          monitoring: false,
          disableApiTermination: false,
          disableApiStop: false,
          tags: { Name: 'my3TestServers' },
        },
      },
      {
        kind: 'create',
        target: { type: 'aws:ec2/instance:Instance', id: 'i-db0c0ffeeb678d1db' },
        inputs: {
          ami: 'ami-db0c0ffee3c44b17f',
          instanceType: 't2.micro',
          subnetId: 'subnet-db0c0ffeeb9f46c3e',
          vpcSecurityGroupIds: ['sg-db0c0ffee1fa9c4e4'],
          availabilityZone: 'us-east-1c',
          associatePublicIpAddress: true,
          ebsOptimized: false,
          monitoring: false,
          disableApiTermination: false,
          disableApiStop: false,
          tags: { Name: 'my3TestServers' },
        },
      },
      {
        kind: 'create',
        target: { type: 'aws:ec2/instance:Instance', id: 'i-db0c0ffeede6d749f' },
        inputs: {
          ami: 'ami-db0c0ffee3c44b17f',
          instanceType: 't2.micro',
          subnetId: 'subnet-db0c0ffeeb9f46c3e',
          vpcSecurityGroupIds: ['sg-db0c0ffee1fa9c4e4'],
          availabilityZone: 'us-east-1c',
          associatePublicIpAddress: true,
          ebsOptimized: false,
          monitoring: false,
          disableApiTermination: false,
          disableApiStop: false,
          tags: { Name: 'my3TestServers' },
        },
      },
    ],
  },
  {
    title: 'TerminateInstances deletes the instance',
    source: ds(CCC, session('0a94aa63bc6919e5cf3a61b81727b5c5e7912c084b561f27a819606b34dc20ce'), 224, 'ec2', 'TerminateInstances'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/instance:Instance', id: 'i-db0c0ffeebb3275e2' } }],
  },
  {
    title: 'StopInstances sets InstanceState stopped for each instance',
    source: ds(CCC, session('f41ce257ad0b02c6e5ba2724631129231ad751bb48dd849090341f4fee15310f'), 828, 'ec2', 'StopInstances'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:ec2transitgateway/instanceState:InstanceState', id: 'i-db0c0ffee98361ad0' },
        ops: [
          { op: 'set', path: 'instanceId', value: 'i-db0c0ffee98361ad0' },
          { op: 'set', path: 'state', value: 'stopped' },
        ],
      },
      {
        kind: 'update',
        target: { type: 'aws:ec2transitgateway/instanceState:InstanceState', id: 'i-db0c0ffee8c20e5fc' },
        ops: [
          { op: 'set', path: 'instanceId', value: 'i-db0c0ffee8c20e5fc' },
          { op: 'set', path: 'state', value: 'stopped' },
        ],
      },
      {
        kind: 'update',
        target: { type: 'aws:ec2transitgateway/instanceState:InstanceState', id: 'i-db0c0ffeeffd53ad4' },
        ops: [
          { op: 'set', path: 'instanceId', value: 'i-db0c0ffeeffd53ad4' },
          { op: 'set', path: 'state', value: 'stopped' },
        ],
      },
    ],
  },
  {
    title: 'StartInstances sets InstanceState running',
    source: ds(CCC, session('b6dfc3920e8873205b90184ca56f688688aa45e569316f630c9411ed07ba0ed4'), 29, 'ec2', 'StartInstances'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:ec2transitgateway/instanceState:InstanceState', id: 'i-db0c0ffee445fa741' },
        ops: [
          { op: 'set', path: 'instanceId', value: 'i-db0c0ffee445fa741' },
          { op: 'set', path: 'state', value: 'running' },
        ],
      },
    ],
  },
  {
    title: 'ModifyInstanceAttribute disableApiTermination {value}',
    source: ds(INVICTUS, invictus('20230710T1210Z_QY5iPRtGUt0EpVaH'), 56, 'ec2', 'ModifyInstanceAttribute'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:ec2/instance:Instance', id: 'i-0dbc91f429e48eeed' },
        ops: [{ op: 'set', path: 'disableApiTermination', value: false }],
      },
    ],
  },
  {
    title: 'ModifyInstanceAttribute user data (hidden) is touched',
    source: ds(PANTHER, PANTHER_FILE, 124, 'ec2', 'ModifyInstanceAttribute'),
    expect: [
      {
        kind: 'touch',
        target: { type: 'aws:ec2/instance:Instance', id: 'i-012345abcde' },
        paths: ['userData'],
      },
    ],
  },
  {
    title: 'CreateKeyPair: the key is generated by AWS, publicKey unknown',
    source: ds(CCC, session('83679c6b5adb1d110d743fcf5752dd75448c7522c278275882c4d417ea46de2e'), 292, 'ec2', 'CreateKeyPair'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/keyPair:KeyPair', id: 'myNewKeyPair' },
        inputs: { keyName: 'myNewKeyPair' },
        unknown: ['publicKey'],
      },
    ],
  },
  {
    title: 'CreateVolume from the response',
    source: ds(INVICTUS, invictus('20230710T1215Z_YxpR6PTmNBivhnJJ'), 8, 'ec2', 'CreateVolume'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ebs/volume:Volume', id: 'vol-0a2e548958718390d' },
        inputs: {
          availabilityZone: 'us-east-1a',
          size: 1,
          type: 'gp2',
          encrypted: false,
          tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-share-ami-ami' },
        },
      },
    ],
  },
  {
    title: 'DeleteVolume',
    source: ds(INVICTUS, invictus('20230710T1220Z_ovtmbuX3ENJ119uH'), 12, 'ec2', 'DeleteVolume'),
    expect: [{ kind: 'delete', target: { type: 'aws:ebs/volume:Volume', id: 'vol-0fc2e34e74650e145' } }],
  },
  {
    title: 'CreateSnapshot',
    source: ds(INVICTUS, invictus('20230710T1215Z_MifI13MOmOjRfXzJ'), 28, 'ec2', 'CreateSnapshot'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ebs/snapshot:Snapshot', id: 'snap-083d3b857c13988bc' },
        inputs: { volumeId: 'vol-0fc2e34e74650e145', tags: { StratusRedTeam: 'true' } },
      },
    ],
  },
  {
    title: 'DeleteSnapshot',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 153, 'ec2', 'DeleteSnapshot'),
    expect: [{ kind: 'delete', target: { type: 'aws:ebs/snapshot:Snapshot', id: 'snap-083d3b857c13988bc' } }],
  },
  {
    title: 'ModifySnapshotAttribute add shares with an account',
    source: ds(INVICTUS, invictus('20230710T1220Z_ovtmbuX3ENJ119uH'), 2, 'ec2', 'ModifySnapshotAttribute'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission',
          id: 'snap-083d3b857c13988bc-012345678912',
        },
        inputs: { snapshotId: 'snap-083d3b857c13988bc', accountId: '012345678912' },
      },
    ],
  },
  {
    title: 'ModifySnapshotAttribute remove unshares',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 103, 'ec2', 'ModifySnapshotAttribute'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission',
          id: 'snap-083d3b857c13988bc-012345678912',
        },
      },
    ],
  },
  {
    title: 'RegisterImage with its block devices',
    source: ds(INVICTUS, invictus('20230710T1215Z_P0WZuP2zvLW2RcUo'), 15, 'ec2', 'RegisterImage'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/ami:Ami', id: 'ami-0aa1d83d0b0985c86' },
        inputs: {
          name: 'stratus-red-team-share-ami-ami',
          architecture: 'x86_64',
          rootDeviceName: '/dev/xvda',
          enaSupport: false,
          sriovNetSupport: 'simple',
          ebsBlockDevices: [
            {
              deviceName: '/dev/xvda',
              snapshotId: 'snap-01ee6be9876379b3b',
              volumeSize: 1,
              volumeType: 'standard',
              deleteOnTermination: true,
            },
          ],
        },
      },
    ],
  },
  {
    title: 'CreateImage: disks come from the instance, unknown',
    source: ds(PANTHER, PANTHER_FILE, 107, 'ec2', 'CreateImage'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/ami:Ami', id: 'ami-06aaf5e4b77161786' },
        inputs: { name: 'testimage' },
        unknown: ['ebsBlockDevices', 'rootDeviceName', 'architecture', 'virtualizationType'],
      },
    ],
  },
  {
    title: 'DeregisterImage',
    source: ds(INVICTUS, invictus('20230710T1220Z_ovtmbuX3ENJ119uH'), 14, 'ec2', 'DeregisterImage'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/ami:Ami', id: 'ami-0aa1d83d0b0985c86' } }],
  },
  {
    title: 'ModifyImageAttribute shares an AMI with an account',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 97, 'ec2', 'ModifyImageAttribute'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/amiLaunchPermission:AmiLaunchPermission', id: '012345678901/ami-0aa1d83d0b0985c86' },
        inputs: { imageId: 'ami-0aa1d83d0b0985c86', accountId: '012345678901' },
      },
    ],
  },
  {
    title: 'ModifyImageAttribute unshares',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 102, 'ec2', 'ModifyImageAttribute'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/amiLaunchPermission:AmiLaunchPermission', id: '012345678901/ami-0aa1d83d0b0985c86' },
      },
    ],
  },
  {
    title: 'ModifyImageAttribute makes an AMI public (group all)',
    source: ds(PANTHER, PANTHER_FILE, 5, 'ec2', 'ModifyImageAttribute'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/amiLaunchPermission:AmiLaunchPermission', id: 'all/ami-1111' },
        inputs: { imageId: 'ami-1111', group: 'all' },
      },
    ],
  },
  {
    title: 'CreateTags gives one aws.ec2.Tag per resource and key',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 95, 'ec2', 'CreateTags'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/tag:Tag', id: 'ami-0aa1d83d0b0985c86,StratusRedTeam' },
        inputs: { resourceId: 'ami-0aa1d83d0b0985c86', key: 'StratusRedTeam', value: 'true' },
      },
    ],
  },
  {
    title: 'CreateLaunchTemplate (XML-style request)',
    source: ds(CCC, session('83679c6b5adb1d110d743fcf5752dd75448c7522c278275882c4d417ea46de2e'), 89, 'ec2', 'CreateLaunchTemplate'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/launchTemplate:LaunchTemplate', id: 'lt-db0c0ffee4616a338' },
        inputs: { name: 'minimalistLaunchTemplate', instanceType: 't2.nano' },
      },
    ],
  },
  {
    title: 'DeleteLaunchTemplate',
    source: ds(CCC, session('83679c6b5adb1d110d743fcf5752dd75448c7522c278275882c4d417ea46de2e'), 109, 'ec2', 'DeleteLaunchTemplate'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/launchTemplate:LaunchTemplate', id: 'lt-db0c0ffee4616a338' },
      },
    ],
  },
  {
    title: 'CreateCapacityReservation',
    source: ds(CCC, session('0a94aa63bc6919e5cf3a61b81727b5c5e7912c084b561f27a819606b34dc20ce'), 243, 'ec2', 'CreateCapacityReservation'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/capacityReservation:CapacityReservation', id: 'cr-db0c0ffee8cd53c96' },
        inputs: {
          availabilityZone: 'us-east-1a',
          instanceType: 'a1.medium',
          instancePlatform: 'Linux/UNIX',
          instanceCount: 1,
          instanceMatchCriteria: 'open',
          tenancy: 'default',
          ebsOptimized: false,
          ephemeralStorage: false,
          endDateType: 'unlimited',
        },
      },
    ],
  },
  {
    title: 'CancelCapacityReservation',
    source: ds(CCC, session('0a94aa63bc6919e5cf3a61b81727b5c5e7912c084b561f27a819606b34dc20ce'), 270, 'ec2', 'CancelCapacityReservation'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/capacityReservation:CapacityReservation', id: 'cr-db0c0ffee8cd53c96' },
      },
    ],
  },
  {
    title: 'EnableSerialConsoleAccess',
    source: ds(CCC, session('5721e3dc46e0ffc9dcbf3eb552803f33127f19cb26df930be43628664716aa18'), 121, 'ec2', 'EnableSerialConsoleAccess'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:ec2/serialConsoleAccess:SerialConsoleAccess', id: 'default' },
        ops: [{ op: 'set', path: 'enabled', value: true }],
      },
    ],
  },
  {
    title: 'DisableSerialConsoleAccess',
    source: ds(CCC, session('f41ce257ad0b02c6e5ba2724631129231ad751bb48dd849090341f4fee15310f'), 935, 'ec2', 'DisableSerialConsoleAccess'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:ec2/serialConsoleAccess:SerialConsoleAccess', id: 'default' },
        ops: [{ op: 'set', path: 'enabled', value: false }],
      },
    ],
  },
  {
    title: 'RunInstances: user data is never shown, so it is unknown; the instance profile ARN gives its name',
    source: ev(
      'ec2',
      'RunInstances',
      {
        instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1, keyName: 'ops' }] },
        instanceType: 't3.micro',
        subnetId: 'subnet-0a1b2c3d4e5f60718',
        groupSet: { items: [{ groupId: 'sg-0123456789abcdef0' }] },
        userData: '<sensitiveDataRemoved>',
        iamInstanceProfile: { arn: 'arn:aws:iam::111122223333:instance-profile/web/app-profile' },
        metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' },
        disableApiTermination: true,
        clientToken: 'terraform-20240501120000000000000001',
      },
      {
        requestId: '8b1c6a4e-5f2d-4e3a-9c7b-1d2e3f4a5b6c',
        reservationId: 'r-0fedcba9876543210',
        ownerId: '111122223333',
        groupSet: {},
        instancesSet: {
          items: [
            {
              instanceId: 'i-0a1b2c3d4e5f60718',
              imageId: 'ami-0abcdef1234567890',
              instanceState: { code: 0, name: 'pending' },
              keyName: 'ops',
              instanceType: 't3.micro',
              placement: { availabilityZone: 'us-east-1a', tenancy: 'default' },
              subnetId: 'subnet-0a1b2c3d4e5f60718',
              vpcId: 'vpc-0a1b2c3d4e5f60718',
              privateIpAddress: '10.0.1.25',
              groupSet: { items: [{ groupId: 'sg-0123456789abcdef0', groupName: 'web' }] },
              iamInstanceProfile: { arn: 'arn:aws:iam::111122223333:instance-profile/web/app-profile', id: 'AIPAQEXAMPLEPROFILE1' },
            },
          ],
        },
      },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: INSTANCE, id: 'i-0a1b2c3d4e5f60718' },
        inputs: {
          ami: 'ami-0abcdef1234567890',
          instanceType: 't3.micro',
          subnetId: 'subnet-0a1b2c3d4e5f60718',
          vpcSecurityGroupIds: ['sg-0123456789abcdef0'],
          keyName: 'ops',
          availabilityZone: 'us-east-1a',
          iamInstanceProfile: 'app-profile',
          disableApiTermination: true,
          metadataOptions: { httpTokens: 'required', httpEndpoint: 'enabled' },
        },
        unknown: ['userData'],
      },
    ],
  },
  {
    title: 'RunInstances without a response (trimmed export) is skipped',
    source: ev('ec2', 'RunInstances', { instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1 }] } }),
    expect: { skip: 'no instance id in the response (trimmed event?)' },
  },
  {
    title: 'ModifyInstanceAttribute instanceType {value}',
    source: ev('ec2', 'ModifyInstanceAttribute', { instanceId: 'i-0a1b2c3d4e5f60718', instanceType: { value: 't3.large' } }, { requestId: 'r1', _return: true }),
    expect: [{ kind: 'update', target: { type: INSTANCE, id: 'i-0a1b2c3d4e5f60718' }, ops: [{ op: 'set', path: 'instanceType', value: 't3.large' }] }],
  },
  {
    title: 'ModifyInstanceAttribute groupSet replaces the security groups',
    source: ev(
      'ec2',
      'ModifyInstanceAttribute',
      { instanceId: 'i-0a1b2c3d4e5f60718', groupSet: { items: [{ groupId: 'sg-0123456789abcdef0' }, { groupId: 'sg-0fedcba9876543210' }] } },
      { requestId: 'r2', _return: true },
    ),
    expect: [
      {
        kind: 'update',
        target: { type: INSTANCE, id: 'i-0a1b2c3d4e5f60718' },
        ops: [{ op: 'set', path: 'vpcSecurityGroupIds', value: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'] }],
      },
    ],
  },
  {
    title: 'ModifyInstanceAttribute of an attribute Pulumi has no input for is skipped',
    source: ev('ec2', 'ModifyInstanceAttribute', { instanceId: 'i-0a1b2c3d4e5f60718', enaSupport: { value: true } }, { requestId: 'r3', _return: true }),
    expect: { skip: 'the changed attribute (kernel, ramdisk, enaSupport, sriovNetSupport …) has no Pulumi input' },
  },
  {
    title: 'ImportKeyPair: the public key is not a secret, so it is kept',
    source: ev(
      'ec2',
      'ImportKeyPair',
      { keyName: 'laptop', publicKeyMaterial: 'c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUV4YW1wbGU=' },
      { requestId: 'r4', keyName: 'laptop', keyFingerprint: 'f1:d2:3c:4b:5a:69:78:87:96:a5:b4:c3:d2:e1:f0:0f', keyPairId: 'key-0a1b2c3d4e5f60718' },
    ),
    expect: [{ kind: 'create', target: { type: KEY_PAIR, id: 'laptop' }, inputs: { keyName: 'laptop', publicKey: 'c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUV4YW1wbGU=' } }],
  },
  {
    title: 'DeleteKeyPair by name',
    source: ev('ec2', 'DeleteKeyPair', { keyName: 'laptop' }, { requestId: 'r5', _return: true }),
    expect: [{ kind: 'delete', target: { type: KEY_PAIR, id: 'laptop' } }],
  },
  {
    title: 'DeleteKeyPair naming only the key- id cannot be placed (Pulumi keys key pairs by name)',
    source: ev('ec2', 'DeleteKeyPair', { keyPairId: 'key-0a1b2c3d4e5f60718' }, { requestId: 'r6', _return: true }),
    expect: { skip: 'no key name in the event (Pulumi keys key pairs by name)' },
  },
  {
    title: 'AttachVolume keyed device:volume:instance',
    source: ev(
      'ec2',
      'AttachVolume',
      { volumeId: 'vol-0a1b2c3d4e5f60718', instanceId: 'i-0a1b2c3d4e5f60718', device: '/dev/sdf' },
      { requestId: 'r7', volumeId: 'vol-0a1b2c3d4e5f60718', instanceId: 'i-0a1b2c3d4e5f60718', device: '/dev/sdf', status: 'attaching', attachTime: 1714564800000, deleteOnTermination: false },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: VOLUME_ATTACHMENT, id: '/dev/sdf:vol-0a1b2c3d4e5f60718:i-0a1b2c3d4e5f60718' },
        inputs: { deviceName: '/dev/sdf', volumeId: 'vol-0a1b2c3d4e5f60718', instanceId: 'i-0a1b2c3d4e5f60718' },
      },
    ],
  },
  {
    title: 'DetachVolume: device and instance come from the response',
    source: ev(
      'ec2',
      'DetachVolume',
      { volumeId: 'vol-0a1b2c3d4e5f60718', force: false },
      { requestId: 'r8', volumeId: 'vol-0a1b2c3d4e5f60718', instanceId: 'i-0a1b2c3d4e5f60718', device: '/dev/sdf', status: 'detaching', attachTime: 1714564800000 },
    ),
    expect: [{ kind: 'delete', target: { type: VOLUME_ATTACHMENT, id: '/dev/sdf:vol-0a1b2c3d4e5f60718:i-0a1b2c3d4e5f60718' } }],
  },
  {
    title: 'DetachVolume without a response matches the attachment by volume',
    source: ev('ec2', 'DetachVolume', { volumeId: 'vol-0a1b2c3d4e5f60718' }),
    expect: [{ kind: 'delete-match', type: VOLUME_ATTACHMENT, match: { volumeId: 'vol-0a1b2c3d4e5f60718' } }],
  },
  {
    title: 'DeleteTags removes the named keys',
    source: ev(
      'ec2',
      'DeleteTags',
      { resourcesSet: { items: [{ resourceId: 'i-0a1b2c3d4e5f60718' }] }, tagSet: { items: [{ key: 'Owner' }] } },
      { requestId: 'r9', _return: true },
    ),
    expect: [{ kind: 'delete', target: { type: TAG, id: 'i-0a1b2c3d4e5f60718,Owner' } }],
  },
  {
    title: 'DeleteTags without keys removes every tag of the resource',
    source: ev('ec2', 'DeleteTags', { resourcesSet: { items: [{ resourceId: 'vol-0a1b2c3d4e5f60718' }] } }, { requestId: 'r10', _return: true }),
    expect: [{ kind: 'delete-match', type: TAG, match: { resourceId: 'vol-0a1b2c3d4e5f60718' } }],
  },
  {
    title: 'EnableEbsEncryptionByDefault',
    source: ev(
      'ec2',
      'EnableEbsEncryptionByDefault',
      { EnableEbsEncryptionByDefaultRequest: '' },
      { EnableEbsEncryptionByDefaultResponse: { xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', ebsEncryptionByDefault: true, requestId: 'r11' } },
    ),
    expect: [{ kind: 'update', target: { type: EBS_DEFAULT_ENCRYPTION, id: 'default' }, ops: [{ op: 'set', path: 'enabled', value: true }] }],
  },
  {
    title: 'DisableEbsEncryptionByDefault',
    source: ev(
      'ec2',
      'DisableEbsEncryptionByDefault',
      { DisableEbsEncryptionByDefaultRequest: '' },
      { DisableEbsEncryptionByDefaultResponse: { xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', ebsEncryptionByDefault: false, requestId: 'r12' } },
    ),
    expect: [{ kind: 'update', target: { type: EBS_DEFAULT_ENCRYPTION, id: 'default' }, ops: [{ op: 'set', path: 'enabled', value: false }] }],
  },
];
