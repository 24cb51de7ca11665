/**
 * VPC, vSwitch and EIP (serviceName `Vpc`, API 2016-04-28). The ECS API kept older copies of
 * these calls under serviceName `Ecs`: `networkEntries(service)` builds the same entries for both.
 */
import type { TrailEvent } from '../../events/model.js';
import { str } from '../../util/json.js';
import { forEachId, ids, pick, skip, target } from '../kit.js';
import type { CatalogEntry, Outcome, ServiceCatalog } from '../types.js';
import { asBool, asList, asNum, asStr, create, del, entry, modify, orSkip, req, withTags } from './common.js';

export const VPC = 'alicloud:vpc/network:Network';
export const VSWITCH = 'alicloud:vpc/switch:Switch';
export const EIP = 'alicloud:ecs/eipAddress:EipAddress';
export const EIP_ASSOCIATION = 'alicloud:ecs/eipAssociation:EipAssociation';

const REF_VPC = 'ACS::VPC::VPC';
const REF_VSWITCH = 'ACS::VPC::VSwitch';
const REF_EIP = 'ACS::EIP::EipAddress';

const vpcIds = (e: TrailEvent): string[] => ids(e, { request: ['VpcId'], refType: REF_VPC });
const vswitchIds = (e: TrailEvent): string[] => ids(e, { request: ['VSwitchId'], refType: REF_VSWITCH });
const eipIds = (e: TrailEvent): string[] => ids(e, { request: ['AllocationId'], refType: REF_EIP });

function createVpc(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(
    pick(r, {
      CidrBlock: 'cidrBlock',
      VpcName: 'vpcName',
      Description: 'description',
      EnableIpv6: asBool('enableIpv6'),
      Ipv6CidrBlock: 'ipv6CidrBlock',
      Ipv6Isp: 'ipv6Isp',
      ResourceGroupId: 'resourceGroupId',
      UserCidr: asList('userCidrs'),
      Ipv4IpamPoolId: 'ipv4IpamPoolId',
      Ipv4CidrMask: asNum('ipv4CidrMask'),
    }),
    r,
  );
  return forEachId(ids(e, { response: ['VpcId'], refType: REF_VPC }), 'VPC', (id) => create(target(VPC, id), inputs));
}

/** `EnableDnsHostname` true/false → the provider's `dnsHostnameStatus` ENABLED/DISABLED. */
const dnsHostname = (v: unknown): [string, unknown] | undefined => {
  const on = v === true || v === 'true';
  const off = v === false || v === 'false';
  return on || off ? ['dnsHostnameStatus', on ? 'ENABLED' : 'DISABLED'] : undefined;
};

function createVSwitch(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(
    pick(r, {
      VpcId: 'vpcId',
      ZoneId: 'zoneId',
      CidrBlock: 'cidrBlock',
      VSwitchName: 'vswitchName',
      Description: 'description',
      // The API's Ipv6CidrBlock is the subnet number within the VPC's IPv6 block, as in the provider.
      Ipv6CidrBlock: asNum('ipv6CidrBlockMask'),
    }),
    r,
  );
  return forEachId(ids(e, { response: ['VSwitchId'], refType: REF_VSWITCH }), 'vSwitch', (id) => create(target(VSWITCH, id), inputs));
}

/** `InstanceChargeType` PrePaid/PostPaid → the provider's `paymentType` Subscription/PayAsYouGo. */
const eipPayment = (v: unknown): [string, unknown] | undefined =>
  v === 'PrePaid' ? ['paymentType', 'Subscription'] : v === 'PostPaid' ? ['paymentType', 'PayAsYouGo'] : undefined;

function allocateEip(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(
    pick(r, {
      Bandwidth: asStr('bandwidth'),
      ISP: 'isp',
      InternetChargeType: 'internetChargeType',
      InstanceChargeType: eipPayment,
      Period: asNum('period'),
      PricingCycle: 'pricingCycle',
      AutoPay: asBool('autoPay'),
      Netmode: 'netmode',
      Name: 'addressName',
      Description: 'description',
      ResourceGroupId: 'resourceGroupId',
      PublicIpAddressPoolId: 'publicIpAddressPoolId',
      Zone: 'zone',
      SecurityProtectionTypes: asList('securityProtectionTypes'),
      IpAddress: 'ipAddress',
      ActivityId: asStr('activityId'),
    }),
    r,
  );
  return forEachId(ids(e, { response: ['AllocationId'], refType: REF_EIP }), 'EIP', (id) => create(target(EIP, id), inputs));
}

/** The provider's import id of an association: `<allocationId>:<instanceId>`. */
function association(e: TrailEvent): { allocationId: string; instanceId?: string } | undefined {
  const r = req(e);
  const allocationId = str(r.AllocationId) ?? eipIds(e)[0];
  if (!allocationId) return undefined;
  const instanceId = str(r.InstanceId);
  return instanceId ? { allocationId, instanceId } : { allocationId };
}

function associateEip(e: TrailEvent): Outcome {
  const a = association(e);
  if (!a?.instanceId) return skip('no allocation id and instance id in the event');
  const inputs = {
    allocationId: a.allocationId,
    instanceId: a.instanceId,
    ...pick(req(e), { InstanceType: 'instanceType', PrivateIpAddress: 'privateIpAddress', Mode: 'mode', VpcId: 'vpcId' }),
  };
  return [create(target(EIP_ASSOCIATION, `${a.allocationId}:${a.instanceId}`), inputs)];
}

function unassociateEip(e: TrailEvent): Outcome {
  const a = association(e);
  if (!a) return skip('no allocation id in the event');
  if (a.instanceId) return [del(target(EIP_ASSOCIATION, `${a.allocationId}:${a.instanceId}`))];
  // An EIP has one association at a time: without the instance, match it by allocation.
  return [{ kind: 'delete-match', type: EIP_ASSOCIATION, match: { allocationId: a.allocationId } }];
}

/** The VPC, vSwitch and EIP entries under one serviceName (`vpc`, or `ecs` for the older copies). */
export function networkEntries(service: string): CatalogEntry[] {
  const e = (spec: Parameters<typeof entry>[1]): CatalogEntry => entry(service, spec);
  return [
    e({ names: ['CreateVpc'], types: [VPC], action: 'create', summary: 'create a VPC', apply: createVpc }),
    e({ names: ['DeleteVpc'], types: [VPC], action: 'delete', summary: 'delete a VPC', apply: (ev) => forEachId(vpcIds(ev), 'VPC', (id) => del(target(VPC, id))) }),
    e({
      names: ['ModifyVpcAttribute'],
      types: [VPC],
      action: 'update',
      summary: 'name, description, CIDR, IPv6, DNS hostname',
      apply: (ev) =>
        orSkip(
          forEachId(vpcIds(ev), 'VPC', (id) =>
            modify(
              target(VPC, id),
              pick(req(ev), { VpcName: 'vpcName', Description: 'description', CidrBlock: 'cidrBlock', EnableIPv6: asBool('enableIpv6'), Ipv6Isp: 'ipv6Isp', EnableDnsHostname: dnsHostname }),
            ),
          ),
          ev,
        ),
    }),
    e({ names: ['CreateVSwitch'], types: [VSWITCH], action: 'create', summary: 'create a vSwitch', apply: createVSwitch }),
    e({ names: ['DeleteVSwitch'], types: [VSWITCH], action: 'delete', summary: 'delete a vSwitch', apply: (ev) => forEachId(vswitchIds(ev), 'vSwitch', (id) => del(target(VSWITCH, id))) }),
    e({
      names: ['ModifyVSwitchAttribute'],
      types: [VSWITCH],
      action: 'update',
      summary: 'name, description, IPv6',
      apply: (ev) =>
        orSkip(
          forEachId(vswitchIds(ev), 'vSwitch', (id) =>
            modify(target(VSWITCH, id), pick(req(ev), { VSwitchName: 'vswitchName', Description: 'description', EnableIPv6: asBool('enableIpv6'), Ipv6CidrBlock: asNum('ipv6CidrBlockMask') })),
          ),
          ev,
        ),
    }),
    e({ names: ['AllocateEipAddress'], types: [EIP], action: 'create', summary: 'allocate an EIP', apply: allocateEip }),
    e({ names: ['ReleaseEipAddress'], types: [EIP], action: 'delete', summary: 'release an EIP', apply: (ev) => forEachId(eipIds(ev), 'EIP', (id) => del(target(EIP, id))) }),
    e({
      names: ['ModifyEipAddressAttribute'],
      types: [EIP],
      action: 'update',
      summary: 'bandwidth, name, description',
      apply: (ev) =>
        orSkip(forEachId(eipIds(ev), 'EIP', (id) => modify(target(EIP, id), pick(req(ev), { Bandwidth: asStr('bandwidth'), Name: 'addressName', Description: 'description' }))), ev),
    }),
    e({ names: ['AssociateEipAddress'], types: [EIP_ASSOCIATION], action: 'create', summary: 'associate an EIP (id <allocation>:<instance>)', apply: associateEip }),
    e({ names: ['UnassociateEipAddress'], types: [EIP_ASSOCIATION], action: 'delete', summary: 'unassociate an EIP', apply: unassociateEip }),
  ];
}

export const vpcCatalog: ServiceCatalog = {
  entries: networkEntries('vpc'),
  references: [
    { from: VSWITCH, input: 'vpcId', to: VPC },
    { from: EIP_ASSOCIATION, input: 'allocationId', to: EIP, cascade: true },
    // The instance may be an ECS instance, an SLB, a NAT gateway or an ENI (instanceType says which).
    { from: EIP_ASSOCIATION, input: 'instanceId', to: 'alicloud:ecs/instance:Instance', cascade: true },
    { from: EIP_ASSOCIATION, input: 'instanceId', to: 'alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer', cascade: true },
  ],
};
