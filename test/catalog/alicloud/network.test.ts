import { describe, expect, it } from 'vitest';
import { LOAD_BALANCER } from '../../../src/catalog/alicloud/slb.js';
import { EIP, EIP_ASSOCIATION, VPC, VSWITCH } from '../../../src/catalog/alicloud/vpc.js';
import { slb, vpc } from './events.js';
import { effectsOf, lookup } from './helpers.js';

const VPC_ID = 'vpc-bp1opxu1zkhn00gzv26cf';
const VSW = 'vsw-bp1s5fnvk4gn2tws03624';
const EIP_ID = 'eip-bp1mzc6a2w2g1wzhqbx0p';
const I1 = 'i-bp1g6zv0ce8oghu7k2a1';
const LB = 'lb-bp1o94dp5i6earr9g6d1l';

describe('VPC and vSwitch', () => {
  it('CreateVpc: id from the response, tags', () => {
    expect(effectsOf(vpc.createVpc)).toEqual([
      { kind: 'create', target: { type: VPC, id: VPC_ID }, inputs: { cidrBlock: '10.0.0.0/8', vpcName: 'prod', description: 'production', enableIpv6: false, tags: { env: 'prod' } } },
    ]);
  });

  it('the older ECS-API copy (serviceName Ecs) maps the same way', () => {
    expect(effectsOf(vpc.createVpcOnEcs)).toEqual([{ kind: 'create', target: { type: VPC, id: 'vpc-bp1legacyecsapi0001' }, inputs: { cidrBlock: '172.16.0.0/12' } }]);
  });

  it('DeleteVpc, ModifyVpcAttribute (EnableDnsHostname → dnsHostnameStatus)', () => {
    expect(effectsOf(vpc.deleteVpc)).toEqual([{ kind: 'delete', target: { type: VPC, id: VPC_ID } }]);
    expect(effectsOf(vpc.modifyVpcAttribute)).toEqual([
      {
        kind: 'update',
        target: { type: VPC, id: VPC_ID },
        ops: [
          { op: 'set', path: 'vpcName', value: 'prod-old' },
          { op: 'set', path: 'dnsHostnameStatus', value: 'ENABLED' },
        ],
      },
    ]);
  });

  it('CreateVSwitch, DeleteVSwitch, ModifyVSwitchAttribute', () => {
    expect(effectsOf(vpc.createVSwitch)).toEqual([
      { kind: 'create', target: { type: VSWITCH, id: VSW }, inputs: { vpcId: VPC_ID, zoneId: 'cn-hangzhou-i', cidrBlock: '10.1.0.0/24', vswitchName: 'app-i' } },
    ]);
    expect(effectsOf(vpc.deleteVSwitch)).toEqual([{ kind: 'delete', target: { type: VSWITCH, id: VSW } }]);
    expect(effectsOf(vpc.modifyVSwitchAttribute)).toEqual([
      {
        kind: 'update',
        target: { type: VSWITCH, id: VSW },
        ops: [
          { op: 'set', path: 'vswitchName', value: 'app' },
          { op: 'set', path: 'description', value: 'app tier' },
        ],
      },
    ]);
  });
});

describe('EIP', () => {
  it('AllocateEipAddress under Vpc and under Ecs: bandwidth as the SDK string, PostPaid → PayAsYouGo', () => {
    expect(effectsOf(vpc.allocateEip)).toEqual([
      { kind: 'create', target: { type: EIP, id: EIP_ID }, inputs: { bandwidth: '5', isp: 'BGP', internetChargeType: 'PayByTraffic', paymentType: 'PayAsYouGo', addressName: 'egress' } },
    ]);
    expect(effectsOf(vpc.allocateEipOnEcs)).toEqual([{ kind: 'create', target: { type: EIP, id: 'eip-bp1legacyecsapi0001' }, inputs: { bandwidth: '1', internetChargeType: 'PayByBandwidth' } }]);
  });

  it('AssociateEipAddress / UnassociateEipAddress: id <allocation>:<instance>; without the instance, match by allocation', () => {
    const id = `${EIP_ID}:${I1}`;
    expect(effectsOf(vpc.associateEip)).toEqual([
      { kind: 'create', target: { type: EIP_ASSOCIATION, id }, inputs: { allocationId: EIP_ID, instanceId: I1, instanceType: 'EcsInstance' } },
    ]);
    expect(effectsOf(vpc.unassociateEip)).toEqual([{ kind: 'delete', target: { type: EIP_ASSOCIATION, id } }]);
    expect(effectsOf(vpc.unassociateEipNoInstance)).toEqual([{ kind: 'delete-match', type: EIP_ASSOCIATION, match: { allocationId: EIP_ID } }]);
  });

  it('ReleaseEipAddress, ModifyEipAddressAttribute', () => {
    expect(effectsOf(vpc.releaseEip)).toEqual([{ kind: 'delete', target: { type: EIP, id: EIP_ID } }]);
    expect(effectsOf(vpc.modifyEip)).toEqual([
      {
        kind: 'update',
        target: { type: EIP, id: EIP_ID },
        ops: [
          { op: 'set', path: 'bandwidth', value: '100' },
          { op: 'set', path: 'addressName', value: 'egress-fat' },
        ],
      },
    ]);
  });
});

describe('SLB (CLB)', () => {
  it('CreateLoadBalancer: charge type and pay type in the provider spelling', () => {
    expect(effectsOf(slb.createLoadBalancer)).toEqual([
      {
        kind: 'create',
        target: { type: LOAD_BALANCER, id: LB },
        inputs: {
          loadBalancerName: 'web-lb',
          addressType: 'internet',
          masterZoneId: 'cn-hangzhou-i',
          slaveZoneId: 'cn-hangzhou-j',
          loadBalancerSpec: 'slb.s2.small',
          internetChargeType: 'PayByTraffic',
          paymentType: 'PayAsYouGo',
          deleteProtection: 'on',
        },
      },
    ]);
  });

  it('console Create: id from referencedResources, spec unknown', () => {
    expect(effectsOf(slb.consoleCreate)).toEqual([
      { kind: 'create', target: { type: LOAD_BALANCER, id: LB }, inputs: {}, unknown: ['addressType', 'loadBalancerSpec', 'internetChargeType', 'bandwidth', 'vswitchId', 'paymentType'] },
    ]);
  });

  it('DeleteLoadBalancer, SetLoadBalancerStatus, SetLoadBalancerName', () => {
    expect(effectsOf(slb.deleteLoadBalancer)).toEqual([{ kind: 'delete', target: { type: LOAD_BALANCER, id: LB } }]);
    expect(effectsOf(slb.setStatus)).toEqual([{ kind: 'update', target: { type: LOAD_BALANCER, id: LB }, ops: [{ op: 'set', path: 'status', value: 'inactive' }] }]);
    expect(effectsOf(slb.setName)).toEqual([{ kind: 'update', target: { type: LOAD_BALANCER, id: LB }, ops: [{ op: 'set', path: 'loadBalancerName', value: 'web-lb-2' }] }]);
  });

  it('ModifyLoadBalancerInternetSpec sets; console Modify (no parameters) touches', () => {
    expect(effectsOf(slb.modifyInternetSpec)).toEqual([
      {
        kind: 'update',
        target: { type: LOAD_BALANCER, id: LB },
        ops: [
          { op: 'set', path: 'internetChargeType', value: 'PayByBandwidth' },
          { op: 'set', path: 'bandwidth', value: 50 },
        ],
      },
    ]);
    expect(effectsOf(slb.consoleModify)).toEqual([{ kind: 'touch', target: { type: LOAD_BALANCER, id: LB }, paths: ['internetChargeType', 'bandwidth', 'loadBalancerSpec'] }]);
  });

  it('ModifyLoadBalancerInstanceSpec, SetLoadBalancerDeleteProtection, SetLoadBalancerModificationProtection', () => {
    expect(effectsOf(slb.modifyInstanceSpec)).toEqual([{ kind: 'update', target: { type: LOAD_BALANCER, id: LB }, ops: [{ op: 'set', path: 'loadBalancerSpec', value: 'slb.s3.medium' }] }]);
    expect(effectsOf(slb.setDeleteProtection)).toEqual([{ kind: 'update', target: { type: LOAD_BALANCER, id: LB }, ops: [{ op: 'set', path: 'deleteProtection', value: 'off' }] }]);
    expect(effectsOf(slb.setModificationProtection)).toEqual([
      {
        kind: 'update',
        target: { type: LOAD_BALANCER, id: LB },
        ops: [
          { op: 'set', path: 'modificationProtectionStatus', value: 'ConsoleProtection' },
          { op: 'set', path: 'modificationProtectionReason', value: 'frozen' },
        ],
      },
    ]);
  });

  it('Renew is known not to change state', () => {
    expect(lookup({ provider: 'alicloud', service: 'slb', name: 'Renew' }).kind).toBe('non-state');
  });
});
