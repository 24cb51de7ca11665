/**
 * SLB / CLB (serviceName `Slb`, API 2014-05-15). Pulumi's CLB resource is
 * `slb/applicationLoadBalancer` (despite the name; `slb/loadBalancer` is its deprecated alias).
 * The console's buy page logs the generic `Create` and `Modify` with no parameters.
 */
import type { TrailEvent } from '../../events/model.js';
import { forEachId, ids, pick, target } from '../kit.js';
import type { Outcome, ServiceCatalog } from '../types.js';
import { asNum, create, del, entry, ignore, modify, orSkip, req, withTags } from './common.js';

export const LOAD_BALANCER = 'alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer';
const REF_LB = 'ACS::SLB::LoadBalancer';

const lbIds = (e: TrailEvent): string[] => ids(e, { request: ['LoadBalancerId'], refType: REF_LB });

/** The API takes `paybytraffic`; the provider's values are `PayByTraffic`/`PayByBandwidth`. */
const chargeType = (v: unknown): [string, unknown] | undefined => {
  if (typeof v !== 'string') return undefined;
  const known: Record<string, string> = { paybytraffic: 'PayByTraffic', paybybandwidth: 'PayByBandwidth' };
  return ['internetChargeType', known[v.toLowerCase()] ?? v];
};

/** Deprecated `PayType` PayOnDemand/PrePay → `paymentType` PayAsYouGo/Subscription. */
const payType = (v: unknown): [string, unknown] | undefined =>
  v === 'PayOnDemand' ? ['paymentType', 'PayAsYouGo'] : v === 'PrePay' ? ['paymentType', 'Subscription'] : undefined;

const CREATE_FIELDS = {
  LoadBalancerName: 'loadBalancerName',
  AddressType: 'addressType',
  VSwitchId: 'vswitchId',
  MasterZoneId: 'masterZoneId',
  SlaveZoneId: 'slaveZoneId',
  LoadBalancerSpec: 'loadBalancerSpec',
  InternetChargeType: chargeType,
  Bandwidth: asNum('bandwidth'),
  InstanceChargeType: 'instanceChargeType',
  PayType: payType,
  Duration: asNum('period'),
  AddressIPVersion: 'addressIpVersion',
  Address: 'address',
  DeleteProtection: 'deleteProtection',
  ModificationProtectionStatus: 'modificationProtectionStatus',
  ModificationProtectionReason: 'modificationProtectionReason',
  ResourceGroupId: 'resourceGroupId',
};

/** What a console purchase or console change sets without showing it. */
const PURCHASED_SPEC = ['addressType', 'loadBalancerSpec', 'internetChargeType', 'bandwidth', 'vswitchId', 'paymentType'];
const CONSOLE_MODIFIED = ['internetChargeType', 'bandwidth', 'loadBalancerSpec'];

function createLoadBalancer(e: TrailEvent): Outcome {
  const r = req(e);
  const inputs = withTags(pick(r, CREATE_FIELDS), r);
  const unknown = e.name === 'Create' && Object.keys(inputs).length === 0 ? PURCHASED_SPEC : [];
  return forEachId(ids(e, { response: ['LoadBalancerId'], refType: REF_LB }), 'load balancer', (id) => create(target(LOAD_BALANCER, id), inputs, unknown));
}

function modifyInternetSpec(e: TrailEvent): Outcome {
  const values = pick(req(e), { InternetChargeType: chargeType, Bandwidth: asNum('bandwidth'), LoadBalancerSpec: 'loadBalancerSpec' });
  // Console `Modify` (change of spec on the buy page) logs no parameters.
  const hidden = e.name === 'Modify' && Object.keys(values).length === 0 ? CONSOLE_MODIFIED : [];
  return orSkip(forEachId(lbIds(e), 'load balancer', (id) => modify(target(LOAD_BALANCER, id), values, hidden)), e);
}

function change(fields: Parameters<typeof pick>[1]) {
  return (e: TrailEvent): Outcome => orSkip(forEachId(lbIds(e), 'load balancer', (id) => modify(target(LOAD_BALANCER, id), pick(req(e), fields))), e);
}

const slb = (spec: Parameters<typeof entry>[1]) => entry('slb', spec);

export const slbCatalog: ServiceCatalog = {
  entries: [
    slb({ names: ['CreateLoadBalancer', 'Create'], types: [LOAD_BALANCER], action: 'create', summary: 'create a CLB (console Create: id only, spec unknown)', apply: createLoadBalancer }),
    slb({ names: ['DeleteLoadBalancer'], types: [LOAD_BALANCER], action: 'delete', summary: 'delete a CLB', apply: (e) => forEachId(lbIds(e), 'load balancer', (id) => del(target(LOAD_BALANCER, id))) }),
    slb({ names: ['SetLoadBalancerStatus'], types: [LOAD_BALANCER], action: 'update', summary: 'status active / inactive', apply: change({ LoadBalancerStatus: 'status' }) }),
    slb({ names: ['SetLoadBalancerName'], types: [LOAD_BALANCER], action: 'update', summary: 'name', apply: change({ LoadBalancerName: 'loadBalancerName' }) }),
    slb({ names: ['ModifyLoadBalancerInternetSpec', 'Modify'], types: [LOAD_BALANCER], action: 'update', summary: 'charge type and bandwidth (console Modify: touched)', apply: modifyInternetSpec }),
    slb({ names: ['ModifyLoadBalancerInstanceSpec'], types: [LOAD_BALANCER], action: 'update', summary: 'spec', apply: change({ LoadBalancerSpec: 'loadBalancerSpec' }) }),
    slb({ names: ['SetLoadBalancerDeleteProtection'], types: [LOAD_BALANCER], action: 'update', summary: 'delete protection on / off', apply: change({ DeleteProtection: 'deleteProtection' }) }),
    slb({
      names: ['SetLoadBalancerModificationProtection'],
      types: [LOAD_BALANCER],
      action: 'update',
      summary: 'modification protection',
      apply: change({ ModificationProtectionStatus: 'modificationProtectionStatus', ModificationProtectionReason: 'modificationProtectionReason' }),
    }),
  ],
  nonState: [ignore('slb', ['Renew'], 'renewal extends a subscription; no configured input changes')],
  references: [{ from: LOAD_BALANCER, input: 'vswitchId', to: 'alicloud:vpc/switch:Switch' }],
};
