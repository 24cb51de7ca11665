/**
 * EC2 compute: instances, key pairs, EBS volumes and snapshots, AMIs, launch templates,
 * capacity reservations, tags and account-wide EC2 settings. VPC networking (also
 * eventSource `ec2`) is in vpc.ts.
 */
import type { TrailEvent } from '../../events/model.js';
import type { Effect } from '../../replay/effect.js';
import { isPlainObject } from '../../util/json.js';
import { at, forEachId, ids, skip } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import {
  compact,
  create,
  ec2Tags,
  entriesOf,
  firstText,
  flag,
  isHidden,
  lastPart,
  nonState,
  number,
  records,
  remove,
  removeMatching,
  sets,
  stringList,
  tagMap,
  text,
  touch,
  unwrap,
  unwrapXml,
  update,
} from './shared.js';

const INSTANCE = 'aws:ec2/instance:Instance';
/** The only Pulumi input for running/stopped lives in its own type, keyed by instance id. */
const INSTANCE_STATE = 'aws:ec2transitgateway/instanceState:InstanceState';
const KEY_PAIR = 'aws:ec2/keyPair:KeyPair';
const VOLUME = 'aws:ebs/volume:Volume';
const VOLUME_ATTACHMENT = 'aws:ec2/volumeAttachment:VolumeAttachment';
const SNAPSHOT = 'aws:ebs/snapshot:Snapshot';
const SNAPSHOT_PERMISSION = 'aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission';
const AMI = 'aws:ec2/ami:Ami';
const AMI_PERMISSION = 'aws:ec2/amiLaunchPermission:AmiLaunchPermission';
const TAG = 'aws:ec2/tag:Tag';
const LAUNCH_TEMPLATE = 'aws:ec2/launchTemplate:LaunchTemplate';
const CAPACITY_RESERVATION = 'aws:ec2/capacityReservation:CapacityReservation';
const SERIAL_CONSOLE = 'aws:ec2/serialConsoleAccess:SerialConsoleAccess';
const EBS_DEFAULT_ENCRYPTION = 'aws:ebs/encryptionByDefault:EncryptionByDefault';

const entry = entriesOf('ec2');

/** Instance ids of a request or response `instancesSet`. */
function instanceIds(event: TrailEvent): string[] {
  return ids(event, { request: ['instancesSet.items.instanceId', 'instanceId'], response: ['instancesSet.items.instanceId'] });
}

/** Request fields of XML-style EC2 actions (`<Action>Request` wrapper). */
function body(event: TrailEvent, wrapper: string): Record<string, unknown> {
  return unwrapXml(event.request, wrapper);
}

function instanceInputs(event: TrailEvent, item: Record<string, unknown>): { inputs: Record<string, unknown>; unknown: string[] } {
  const req = event.request;
  const launch = records(at(req, 'instancesSet'))[0] ?? {};
  const eni = records(item.networkInterfaceSet)[0] ?? {};
  const reqEni = records(at(req, 'networkInterfaceSet'))[0] ?? {};
  // Security groups as launched (response), else as requested.
  const groups =
    [item.groupSet, eni.groupSet, at(req, 'groupSet'), reqEni.groupSet].map((g) => stringList(g, 'groupId')).find((l) => l.length > 0) ?? [];
  // Pulumi takes the profile name; `…:instance-profile/path/name` ends with it.
  const profileArn = firstText(req, 'iamInstanceProfile.arn');
  const profile = firstText(req, 'iamInstanceProfile.name') ?? (profileArn ? lastPart(profileArn) : undefined);
  const metadata = at(req, 'metadataOptions');
  const userData = at(req, 'userData');
  return {
    inputs: {
      ami: text(item, 'imageId') ?? text(launch, 'imageId'),
      instanceType: text(item, 'instanceType') ?? text(req, 'instanceType'),
      subnetId: text(item, 'subnetId') ?? text(eni, 'subnetId') ?? text(req, 'subnetId') ?? text(reqEni, 'subnetId'),
      vpcSecurityGroupIds: groups.length > 0 ? groups : undefined,
      keyName: text(item, 'keyName') ?? text(launch, 'keyName'),
      availabilityZone: text(item, 'placement.availabilityZone') ?? text(req, 'placement.availabilityZone'),
      tenancy: text(req, 'placement.tenancy'),
      privateIp: text(req, 'privateIpAddress'),
      associatePublicIpAddress: flag(reqEni.associatePublicIpAddress),
      iamInstanceProfile: profile,
      ebsOptimized: flag(at(req, 'ebsOptimized')),
      monitoring: flag(at(req, 'monitoring.enabled')),
      disableApiTermination: flag(at(req, 'disableApiTermination')),
      disableApiStop: flag(at(req, 'disableApiStop')),
      instanceInitiatedShutdownBehavior: text(req, 'instanceInitiatedShutdownBehavior'),
      metadataOptions: isPlainObject(metadata) ? metadata : undefined,
      creditSpecification: text(req, 'creditSpecification.cpuCredits') ? { cpuCredits: text(req, 'creditSpecification.cpuCredits') } : undefined,
      tags: ec2Tags(event, item, 'instance'),
    },
    // CloudTrail never shows user data; it exists when the request names it.
    unknown: userData !== undefined && userData !== '' ? ['userData'] : [],
  };
}

function runInstances(event: TrailEvent): Outcome {
  const items = records(at(event.response, 'instancesSet'));
  if (items.length === 0) return skip('no instance id in the response (trimmed event?)');
  return items.flatMap((item) => {
    const id = text(item, 'instanceId');
    if (!id) return [];
    const { inputs, unknown } = instanceInputs(event, item);
    return [create(INSTANCE, id, inputs, { unknown })];
  });
}

/** A string value, also inside EC2's `{value: …}` wrapper. */
function word(v: unknown): string | undefined {
  const u = unwrap(v);
  return typeof u === 'string' && u !== '' ? u : undefined;
}

/** ModifyInstanceAttribute: one attribute per call, as `<attr>: {value}` or `attribute` + `value`. */
function modifyInstanceAttribute(event: TrailEvent): Outcome {
  const req = isPlainObject(event.request) ? event.request : {};
  const id = text(req, 'instanceId');
  if (!id) return skip('no instance id in the event');
  const named = typeof req.attribute === 'string' ? { [req.attribute]: req.value } : {};
  const attrs: Record<string, unknown> = { ...named, ...req };
  const values = compact({
    instanceType: word(attrs.instanceType),
    disableApiTermination: flag(attrs.disableApiTermination),
    disableApiStop: flag(attrs.disableApiStop),
    ebsOptimized: flag(attrs.ebsOptimized),
    sourceDestCheck: flag(attrs.sourceDestCheck),
    instanceInitiatedShutdownBehavior: word(attrs.instanceInitiatedShutdownBehavior),
    vpcSecurityGroupIds: attrs.groupSet !== undefined ? stringList(attrs.groupSet, 'groupId') : undefined,
  });
  const effects: Effect[] = [];
  if (Object.keys(values).length > 0) effects.push(update(INSTANCE, id, sets(values)));
  const touched: string[] = [];
  if (attrs.userData !== undefined) touched.push('userData'); // never shown by CloudTrail
  if (attrs.blockDeviceMapping !== undefined) touched.push('rootBlockDevice', 'ebsBlockDevices');
  if (touched.length > 0) effects.push(touch(INSTANCE, id, touched));
  return effects.length > 0 ? effects : skip('the changed attribute (kernel, ramdisk, enaSupport, sriovNetSupport …) has no Pulumi input');
}

function keyPair(event: TrailEvent, imported: boolean): Outcome {
  const name = firstText(event.response, 'keyName') ?? firstText(event.request, 'keyName');
  if (!name) return skip('no key name in the event');
  const publicKey = at(event.request, 'publicKeyMaterial');
  const shownKey = typeof publicKey === 'string' && !isHidden(publicKey) ? publicKey : undefined;
  const tags = ec2Tags(event, event.response, 'key-pair');
  // CreateKeyPair makes the key in AWS; ImportKeyPair's public key is hidden by CloudTrail or the reader.
  const unknown = shownKey ? [] : ['publicKey'];
  return [create(KEY_PAIR, name, { keyName: name, publicKey: imported ? shownKey : undefined, tags }, { unknown })];
}

function volumeInputs(event: TrailEvent): Record<string, unknown> {
  const req = event.request;
  const resp = event.response;
  return {
    availabilityZone: text(resp, 'zone') ?? text(req, 'zone') ?? text(req, 'availabilityZone'),
    size: number(at(resp, 'size') ?? at(req, 'size')),
    type: text(resp, 'volumeType') ?? text(req, 'volumeType'),
    iops: number(at(req, 'iops')),
    throughput: number(at(req, 'throughput')),
    encrypted: flag(at(resp, 'encrypted') ?? at(req, 'encrypted')),
    kmsKeyId: text(req, 'kmsKeyId') ?? text(resp, 'kmsKeyId'),
    snapshotId: text(req, 'snapshotId'),
    multiAttachEnabled: flag(at(req, 'multiAttachEnabled')),
    tags: ec2Tags(event, resp, 'volume'),
  };
}

/** DetachVolume names the volume; device and instance are in the response (or request) when known. */
function detachVolume(event: TrailEvent): Outcome {
  const volumeId = firstText(event.response, 'volumeId') ?? firstText(event.request, 'volumeId');
  if (!volumeId) return skip('no volume id in the event');
  const device = firstText(event.response, 'device') ?? firstText(event.request, 'device');
  const instanceId = firstText(event.response, 'instanceId') ?? firstText(event.request, 'instanceId');
  if (device && instanceId) return [remove(VOLUME_ATTACHMENT, `${device}:${volumeId}:${instanceId}`)];
  return [removeMatching(VOLUME_ATTACHMENT, { volumeId, instanceId })];
}

function blockDevices(mapping: unknown): { ebs: unknown[]; ephemeral: unknown[] } {
  const ebs: unknown[] = [];
  const ephemeral: unknown[] = [];
  for (const d of records(mapping)) {
    if (isPlainObject(d.ebs)) {
      ebs.push(
        compact({
          deviceName: d.deviceName,
          snapshotId: d.ebs.snapshotId,
          volumeSize: number(d.ebs.volumeSize),
          volumeType: d.ebs.volumeType,
          deleteOnTermination: flag(d.ebs.deleteOnTermination),
          encrypted: flag(d.ebs.encrypted),
          iops: number(d.ebs.iops),
          throughput: number(d.ebs.throughput),
        }),
      );
    } else if (typeof d.virtualName === 'string') ephemeral.push({ deviceName: d.deviceName, virtualName: d.virtualName });
  }
  return { ebs, ephemeral };
}

function registerImage(event: TrailEvent, fromInstance: boolean): Outcome {
  const id = firstText(event.response, 'imageId');
  if (!id) return skip('no image id in the response');
  const req = event.request;
  const common = { name: text(req, 'name'), description: text(req, 'description'), tags: ec2Tags(event, undefined, 'image') };
  // CreateImage copies the instance's disks: the event names the instance, not what the image holds.
  if (fromInstance) return [create(AMI, id, common, { unknown: ['ebsBlockDevices', 'rootDeviceName', 'architecture', 'virtualizationType'] })];
  const devices = blockDevices(at(req, 'blockDeviceMapping'));
  return [
    create(AMI, id, {
      ...common,
      architecture: text(req, 'architecture'),
      rootDeviceName: text(req, 'rootDeviceName'),
      virtualizationType: text(req, 'virtualizationType'),
      bootMode: text(req, 'bootMode'),
      imdsSupport: text(req, 'imdsSupport'),
      tpmSupport: text(req, 'tpmSupport'),
      imageLocation: text(req, 'imageLocation'),
      enaSupport: flag(at(req, 'enaSupport')),
      sriovNetSupport: text(req, 'sriovNetSupport'),
      ebsBlockDevices: devices.ebs.length > 0 ? devices.ebs : undefined,
      ephemeralBlockDevices: devices.ephemeral.length > 0 ? devices.ephemeral : undefined,
    }),
  ];
}

/** Who a launch/volume permission names: an account, a group (`all` = public), an organization or OU. */
function permissionGrants(v: unknown): { key: string; field: string }[] {
  const out: { key: string; field: string }[] = [];
  for (const p of records(v)) {
    if (typeof p.userId === 'string') out.push({ key: p.userId, field: 'accountId' });
    else if (typeof p.group === 'string') out.push({ key: p.group, field: 'group' });
    else if (typeof p.organizationArn === 'string') out.push({ key: p.organizationArn, field: 'organizationArn' });
    else if (typeof p.organizationalUnitArn === 'string') out.push({ key: p.organizationalUnitArn, field: 'organizationalUnitArn' });
  }
  return out;
}

function modifyImageAttribute(event: TrailEvent): Outcome {
  const imageId = firstText(event.request, 'imageId');
  if (!imageId) return skip('no image id in the event');
  const effects: Effect[] = [];
  for (const g of permissionGrants(at(event.request, 'launchPermission.add'))) {
    effects.push(create(AMI_PERMISSION, `${g.key}/${imageId}`, { imageId, [g.field]: g.key }));
  }
  for (const g of permissionGrants(at(event.request, 'launchPermission.remove'))) effects.push(remove(AMI_PERMISSION, `${g.key}/${imageId}`));
  const description = at(event.request, 'description');
  if (description !== undefined) effects.push(update(AMI, imageId, sets({ description: unwrap(description) })));
  return effects.length > 0 ? effects : skip('the changed image attribute has no Pulumi input');
}

function modifySnapshotAttribute(event: TrailEvent): Outcome {
  const snapshotId = firstText(event.request, 'snapshotId');
  if (!snapshotId) return skip('no snapshot id in the event');
  const effects: Effect[] = [];
  // The Pulumi type shares with accounts only; `group: all` (public) has no input.
  for (const g of permissionGrants(at(event.request, 'createVolumePermission.add'))) {
    if (g.field === 'accountId') effects.push(create(SNAPSHOT_PERMISSION, `${snapshotId}-${g.key}`, { snapshotId, accountId: g.key }));
  }
  for (const g of permissionGrants(at(event.request, 'createVolumePermission.remove'))) {
    if (g.field === 'accountId') effects.push(remove(SNAPSHOT_PERMISSION, `${snapshotId}-${g.key}`));
  }
  return effects.length > 0 ? effects : skip('no account-level create-volume permission in the event (public sharing has no Pulumi input)');
}

/** CreateTags/DeleteTags: one `aws.ec2.Tag` per resource and key, imported as `resource,key`. */
function tagEffects(event: TrailEvent, deleting: boolean): Outcome {
  const resources = stringList(at(event.request, 'resourcesSet'), 'resourceId');
  if (resources.length === 0) return skip('no resource id in the event');
  const tags = records(at(event.request, 'tagSet'));
  if (deleting && tags.length === 0) return resources.map((resourceId) => removeMatching(TAG, { resourceId }));
  return resources.flatMap((resourceId) =>
    tags.flatMap((t) => {
      if (typeof t.key !== 'string') return [];
      const id = `${resourceId},${t.key}`;
      return deleting ? [remove(TAG, id)] : [create(TAG, id, { resourceId, key: t.key, value: String(t.value ?? '') })];
    }),
  );
}

function launchTemplate(event: TrailEvent): Outcome {
  const b = body(event, 'CreateLaunchTemplateRequest');
  const id = firstText(event.response, 'CreateLaunchTemplateResponse.launchTemplate.launchTemplateId', 'launchTemplate.launchTemplateId');
  if (!id) return skip('no launch template id in the response');
  const data = isPlainObject(b.LaunchTemplateData) ? b.LaunchTemplateData : {};
  const groups = stringList(data.SecurityGroupId);
  const userData = data.UserData;
  return [
    create(
      LAUNCH_TEMPLATE,
      id,
      {
        name: text(b, 'LaunchTemplateName'),
        description: text(b, 'VersionDescription'),
        instanceType: text(data, 'InstanceType'),
        imageId: text(data, 'ImageId'),
        keyName: text(data, 'KeyName'),
        ebsOptimized: flag(data.EbsOptimized),
        disableApiTermination: flag(data.DisableApiTermination),
        vpcSecurityGroupIds: groups.length > 0 ? groups : undefined,
        tags: tagMap(records(b.TagSpecification).find((s) => s.ResourceType === 'launch-template')?.Tag),
      },
      { unknown: userData !== undefined ? ['userData'] : [] },
    ),
  ];
}

function capacityReservation(event: TrailEvent): Outcome {
  const b = body(event, 'CreateCapacityReservationRequest');
  const id = firstText(event.response, 'CreateCapacityReservationResponse.capacityReservation.capacityReservationId', 'capacityReservation.capacityReservationId');
  if (!id) return skip('no capacity reservation id in the response');
  return [
    create(CAPACITY_RESERVATION, id, {
      availabilityZone: text(b, 'AvailabilityZone'),
      instanceType: text(b, 'InstanceType'),
      instancePlatform: text(b, 'InstancePlatform'),
      instanceCount: number(b.InstanceCount),
      instanceMatchCriteria: text(b, 'InstanceMatchCriteria'),
      tenancy: text(b, 'Tenancy'),
      ebsOptimized: flag(b.EbsOptimized),
      ephemeralStorage: flag(b.EphemeralStorage),
      endDateType: text(b, 'EndDateType'),
      endDate: text(b, 'EndDate'),
      placementGroupArn: text(b, 'PlacementGroupArn'),
      outpostArn: text(b, 'OutpostArn'),
      tags: tagMap(records(b.TagSpecification).find((s) => s.ResourceType === 'capacity-reservation')?.Tag),
    }),
  ];
}

/** Account-wide switches are singletons per region, imported as `default`. */
function accountSwitch(type: string, enabled: boolean) {
  return (): Outcome => [update(type, 'default', sets({ enabled }))];
}

export const ec2: ServiceCatalog = {
  entries: [
    entry({
      names: ['RunInstances'],
      types: [INSTANCE],
      action: 'create',
      summary: 'launches instances (one resource per instance in the response)',
      apply: runInstances,
    }),
    entry({
      names: ['TerminateInstances'],
      types: [INSTANCE],
      action: 'delete',
      summary: 'terminates instances',
      apply: (e) => forEachId(instanceIds(e), 'instance', (id) => remove(INSTANCE, id)),
    }),
    entry({
      names: ['StopInstances'],
      types: [INSTANCE_STATE],
      action: 'update',
      summary: 'stops instances (InstanceState.state = stopped)',
      apply: (e) => forEachId(instanceIds(e), 'instance', (id) => update(INSTANCE_STATE, id, sets({ instanceId: id, state: 'stopped' }))),
    }),
    entry({
      names: ['StartInstances'],
      types: [INSTANCE_STATE],
      action: 'update',
      summary: 'starts instances (InstanceState.state = running)',
      apply: (e) => forEachId(instanceIds(e), 'instance', (id) => update(INSTANCE_STATE, id, sets({ instanceId: id, state: 'running' }))),
    }),
    entry({
      names: ['ModifyInstanceAttribute'],
      types: [INSTANCE],
      action: 'update',
      summary: 'changes an instance attribute (type, security groups, user data, protection flags …)',
      apply: modifyInstanceAttribute,
    }),
    entry({
      names: ['CreateKeyPair'],
      types: [KEY_PAIR],
      action: 'create',
      summary: 'creates a key pair (the key itself is generated by AWS and not in the event)',
      apply: (e) => keyPair(e, false),
    }),
    entry({
      names: ['ImportKeyPair'],
      types: [KEY_PAIR],
      action: 'create',
      summary: 'imports a public key as a key pair',
      apply: (e) => keyPair(e, true),
    }),
    entry({
      names: ['DeleteKeyPair'],
      types: [KEY_PAIR],
      action: 'delete',
      summary: 'deletes a key pair',
      apply: (e) => {
        const name = firstText(e.request, 'keyName');
        // Pulumi keys key pairs by name; a call naming only the key-… id cannot be placed.
        return name ? [remove(KEY_PAIR, name)] : skip('no key name in the event (Pulumi keys key pairs by name)');
      },
    }),
    entry({
      names: ['CreateVolume'],
      types: [VOLUME],
      action: 'create',
      summary: 'creates an EBS volume',
      apply: (e) => forEachId(ids(e, { response: ['volumeId'] }), 'volume', (id) => create(VOLUME, id, volumeInputs(e))),
    }),
    entry({
      names: ['DeleteVolume'],
      types: [VOLUME],
      action: 'delete',
      summary: 'deletes an EBS volume',
      apply: (e) => forEachId(ids(e, { request: ['volumeId'] }), 'volume', (id) => remove(VOLUME, id)),
    }),
    entry({
      names: ['AttachVolume'],
      types: [VOLUME_ATTACHMENT],
      action: 'create',
      summary: 'attaches an EBS volume to an instance',
      apply: (e) => {
        const volumeId = firstText(e.response, 'volumeId') ?? firstText(e.request, 'volumeId');
        const instanceId = firstText(e.response, 'instanceId') ?? firstText(e.request, 'instanceId');
        const deviceName = firstText(e.response, 'device') ?? firstText(e.request, 'device');
        if (!volumeId || !instanceId || !deviceName) return skip('volume, instance or device missing from the event');
        return [create(VOLUME_ATTACHMENT, `${deviceName}:${volumeId}:${instanceId}`, { deviceName, volumeId, instanceId })];
      },
    }),
    entry({
      names: ['DetachVolume'],
      types: [VOLUME_ATTACHMENT],
      action: 'delete',
      summary: 'detaches an EBS volume',
      apply: detachVolume,
    }),
    entry({
      names: ['CreateSnapshot'],
      types: [SNAPSHOT],
      action: 'create',
      summary: 'creates an EBS snapshot',
      apply: (e) =>
        forEachId(ids(e, { response: ['snapshotId'] }), 'snapshot', (id) =>
          create(SNAPSHOT, id, {
            volumeId: text(e.request, 'volumeId'),
            description: text(e.request, 'description'),
            tags: ec2Tags(e, e.response, 'snapshot'),
          }),
        ),
    }),
    entry({
      names: ['DeleteSnapshot'],
      types: [SNAPSHOT],
      action: 'delete',
      summary: 'deletes an EBS snapshot',
      apply: (e) => forEachId(ids(e, { request: ['snapshotId'] }), 'snapshot', (id) => remove(SNAPSHOT, id)),
    }),
    entry({
      names: ['ModifySnapshotAttribute'],
      types: [SNAPSHOT_PERMISSION],
      action: 'mixed',
      summary: 'shares or unshares an EBS snapshot with accounts',
      apply: modifySnapshotAttribute,
    }),
    entry({
      names: ['RegisterImage'],
      types: [AMI],
      action: 'create',
      summary: 'registers an AMI',
      apply: (e) => registerImage(e, false),
    }),
    entry({
      names: ['CreateImage'],
      types: [AMI],
      action: 'create',
      summary: 'creates an AMI from an instance',
      apply: (e) => registerImage(e, true),
    }),
    entry({
      names: ['DeregisterImage'],
      types: [AMI],
      action: 'delete',
      summary: 'deregisters an AMI',
      apply: (e) => forEachId(ids(e, { request: ['imageId'] }), 'image', (id) => remove(AMI, id)),
    }),
    entry({
      names: ['ModifyImageAttribute'],
      types: [AMI_PERMISSION, AMI],
      action: 'mixed',
      summary: 'shares or unshares an AMI (launch permissions) or changes its description',
      apply: modifyImageAttribute,
    }),
    entry({
      names: ['CreateTags'],
      types: [TAG],
      action: 'create',
      summary: 'tags EC2 resources (one aws.ec2.Tag per resource and key)',
      apply: (e) => tagEffects(e, false),
    }),
    entry({
      names: ['DeleteTags'],
      types: [TAG],
      action: 'delete',
      summary: 'removes tags from EC2 resources',
      apply: (e) => tagEffects(e, true),
    }),
    entry({
      names: ['CreateLaunchTemplate'],
      types: [LAUNCH_TEMPLATE],
      action: 'create',
      summary: 'creates a launch template',
      apply: launchTemplate,
    }),
    entry({
      names: ['DeleteLaunchTemplate'],
      types: [LAUNCH_TEMPLATE],
      action: 'delete',
      summary: 'deletes a launch template',
      apply: (e) => {
        const id =
          firstText(e.response, 'DeleteLaunchTemplateResponse.launchTemplate.launchTemplateId', 'launchTemplate.launchTemplateId') ??
          firstText(body(e, 'DeleteLaunchTemplateRequest'), 'LaunchTemplateId');
        return id ? [remove(LAUNCH_TEMPLATE, id)] : skip('no launch template id in the event');
      },
    }),
    entry({
      names: ['CreateCapacityReservation'],
      types: [CAPACITY_RESERVATION],
      action: 'create',
      summary: 'reserves instance capacity',
      apply: capacityReservation,
    }),
    entry({
      names: ['CancelCapacityReservation'],
      types: [CAPACITY_RESERVATION],
      action: 'delete',
      summary: 'cancels a capacity reservation',
      apply: (e) => {
        const id = firstText(body(e, 'CancelCapacityReservationRequest'), 'CapacityReservationId');
        return id ? [remove(CAPACITY_RESERVATION, id)] : skip('no capacity reservation id in the event');
      },
    }),
    entry({
      names: ['EnableSerialConsoleAccess'],
      types: [SERIAL_CONSOLE],
      action: 'update',
      summary: 'allows the EC2 serial console in the region',
      apply: accountSwitch(SERIAL_CONSOLE, true),
    }),
    entry({
      names: ['DisableSerialConsoleAccess'],
      types: [SERIAL_CONSOLE],
      action: 'update',
      summary: 'forbids the EC2 serial console in the region',
      apply: accountSwitch(SERIAL_CONSOLE, false),
    }),
    entry({
      names: ['EnableEbsEncryptionByDefault'],
      types: [EBS_DEFAULT_ENCRYPTION],
      action: 'update',
      summary: 'turns on EBS encryption by default in the region',
      apply: accountSwitch(EBS_DEFAULT_ENCRYPTION, true),
    }),
    entry({
      names: ['DisableEbsEncryptionByDefault'],
      types: [EBS_DEFAULT_ENCRYPTION],
      action: 'update',
      summary: 'turns off EBS encryption by default in the region',
      apply: accountSwitch(EBS_DEFAULT_ENCRYPTION, false),
    }),
  ],
  nonState: [
    nonState('ec2', ['RebootInstances'], 'reboots instances: no configuration changes'),
    nonState(
      'ec2',
      ['SharedSnapshotVolumeCreated'],
      'AWS service notice that another account made a volume from a snapshot shared with it; nothing changed here',
    ),
    nonState(
      'ec2',
      ['RegisterManagedInstance'],
      'registers a machine with Systems Manager (hybrid activation); no EC2 resource is configured',
    ),
    nonState(
      'ec2',
      ['DeleteBucketEncryption', 'DeleteBucketPublicAccessBlock', 'DeleteBucketReplication', 'PutBucketLogging', 'PutBucketVersioning'],
      'S3 actions filed under eventSource ec2 (seen only in hand-made detection fixtures, with no bucket named); real ones come from s3.amazonaws.com',
    ),
  ],
  // Only links where the parent's deletion takes the child along (references drive cascade
  // deletes): a snapshot outlives its volume, an instance its AMI and key pair.
  references: [
    { from: INSTANCE_STATE, input: 'instanceId', to: INSTANCE },
    { from: VOLUME_ATTACHMENT, input: 'volumeId', to: VOLUME },
    { from: VOLUME_ATTACHMENT, input: 'instanceId', to: INSTANCE },
    { from: SNAPSHOT_PERMISSION, input: 'snapshotId', to: SNAPSHOT },
    { from: AMI_PERMISSION, input: 'imageId', to: AMI },
  ],
  dataHolding: [INSTANCE, VOLUME, SNAPSHOT, AMI],
};
