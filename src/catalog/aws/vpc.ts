/**
 * VPC networking, recorded by CloudTrail under eventSource `ec2`: VPCs, subnets, security
 * groups and their rules, routes, gateways, addresses, interfaces, flow logs, endpoints,
 * network ACL entries and traffic mirroring.
 */
import type { TrailEvent } from '../../events/model.js';
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
  list,
  number,
  policyText,
  records,
  remove,
  removeMatching,
  setOrSkip,
  sets,
  stringList,
  tagMap,
  text,
  unwrap,
  unwrapXml,
  update,
} from './shared.js';

const VPC = 'aws:ec2/vpc:Vpc';
const SUBNET = 'aws:ec2/subnet:Subnet';
const SECURITY_GROUP = 'aws:ec2/securityGroup:SecurityGroup';
const INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';
const EGRESS_RULE = 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule';
const ROUTE_TABLE = 'aws:ec2/routeTable:RouteTable';
const ROUTE = 'aws:ec2/route:Route';
const ROUTE_TABLE_ASSOCIATION = 'aws:ec2/routeTableAssociation:RouteTableAssociation';
const INTERNET_GATEWAY = 'aws:ec2/internetGateway:InternetGateway';
const INTERNET_GATEWAY_ATTACHMENT = 'aws:ec2/internetGatewayAttachment:InternetGatewayAttachment';
const NAT_GATEWAY = 'aws:ec2/natGateway:NatGateway';
const EIP = 'aws:ec2/eip:Eip';
const NETWORK_INTERFACE = 'aws:ec2/networkInterface:NetworkInterface';
const FLOW_LOG = 'aws:ec2/flowLog:FlowLog';
const VPC_ENDPOINT = 'aws:ec2/vpcEndpoint:VpcEndpoint';
const NETWORK_ACL_RULE = 'aws:ec2/networkAclRule:NetworkAclRule';
const MIRROR_FILTER = 'aws:ec2/trafficMirrorFilter:TrafficMirrorFilter';
const MIRROR_FILTER_RULE = 'aws:ec2/trafficMirrorFilterRule:TrafficMirrorFilterRule';
const MIRROR_TARGET = 'aws:ec2/trafficMirrorTarget:TrafficMirrorTarget';
const MIRROR_SESSION = 'aws:ec2/trafficMirrorSession:TrafficMirrorSession';
const INSTANCE = 'aws:ec2/instance:Instance';

const entry = entriesOf('ec2');

/** Request fields of XML-style EC2 actions (`<Action>Request` wrapper). */
function body(event: TrailEvent, wrapper: string): Record<string, unknown> {
  return unwrapXml(event.request, wrapper);
}

/** Response of XML-style EC2 actions (`<Action>Response` wrapper). */
function answer(event: TrailEvent, wrapper: string): Record<string, unknown> {
  return unwrapXml(event.response, wrapper);
}

/** Strings of an XML-style list whose elements may be `{content: x}`. */
function contents(v: unknown): string[] {
  return list(v).flatMap((x) => (typeof x === 'string' ? [x] : isPlainObject(x) && typeof x.content === 'string' ? [x.content] : []));
}

function xmlTags(spec: unknown, resourceType: string): Record<string, string> | undefined {
  const match = records(spec).find((s) => s.ResourceType === resourceType) ?? records(spec)[0];
  return match ? tagMap(match.Tag) : undefined;
}

// ---- security group rules ------------------------------------------------------------------

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

/** Protocol as AWS reports it back (`tcp`, `-1`), so rules created and revoked compare equal. */
function protocol(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).toLowerCase();
  return PROTOCOL_NAMES[s] ?? s;
}

/** Rule inputs; ports mean nothing for protocol -1 (AWS reports -1/-1 or 0/0), so they are left out. */
function ruleInputs(securityGroupId: string, proto: string | undefined, fromPort: unknown, toPort: unknown, peer: Record<string, unknown>): Record<string, unknown> {
  const allTraffic = proto === '-1';
  return compact({
    securityGroupId,
    ipProtocol: proto,
    fromPort: allTraffic ? undefined : number(fromPort),
    toPort: allTraffic ? undefined : number(toPort),
    ...peer,
  });
}

function authorizeRules(event: TrailEvent, egress: boolean): Outcome {
  const items = records(at(event.response, 'securityGroupRuleSet'));
  if (items.length === 0) return skip('no securityGroupRuleId in the response (an event from before 2021, or trimmed)');
  return items.flatMap((item) => {
    const id = text(item, 'securityGroupRuleId');
    const groupId = text(item, 'groupId') ?? text(event.request, 'groupId');
    if (!id || !groupId) return [];
    const isEgress = typeof item.isEgress === 'boolean' ? item.isEgress : egress;
    const inputs = ruleInputs(groupId, protocol(item.ipProtocol), item.fromPort, item.toPort, {
      cidrIpv4: text(item, 'cidrIpv4'),
      cidrIpv6: text(item, 'cidrIpv6'),
      prefixListId: text(item, 'prefixListId'),
      referencedSecurityGroupId: text(item, 'referencedGroupInfo.groupId'),
      description: text(item, 'description'),
      tags: ec2Tags(event, item, 'security-group-rule'),
    });
    return [create(isEgress ? EGRESS_RULE : INGRESS_RULE, id, inputs)];
  });
}

/** Each (permission, peer) pair of a request, as rule inputs: `ipPermissions.items[]` or the flat legacy form. */
function requestedRules(event: TrailEvent, groupId: string): Record<string, unknown>[] {
  const req = isPlainObject(event.request) ? event.request : {};
  const permissions = records(req.ipPermissions);
  const out: Record<string, unknown>[] = [];
  for (const p of permissions) {
    const proto = protocol(p.ipProtocol);
    const peers: Record<string, unknown>[] = [
      ...stringList(p.ipRanges, 'cidrIp').map((cidrIpv4) => ({ cidrIpv4 })),
      ...stringList(p.ipv6Ranges, 'cidrIpv6').map((cidrIpv6) => ({ cidrIpv6 })),
      ...stringList(p.prefixListIds, 'prefixListId').map((prefixListId) => ({ prefixListId })),
      ...stringList(p.groups, 'groupId').map((referencedSecurityGroupId) => ({ referencedSecurityGroupId })),
    ];
    for (const peer of peers) out.push(ruleInputs(groupId, proto, p.fromPort, p.toPort, peer));
  }
  if (permissions.length === 0 && req.ipProtocol !== undefined) {
    const peer = typeof req.cidrIp === 'string' ? { cidrIpv4: req.cidrIp } : {};
    out.push(ruleInputs(groupId, protocol(req.ipProtocol), req.fromPort, req.toPort, peer));
  }
  return out;
}

function revokeRules(event: TrailEvent, egress: boolean): Outcome {
  const type = egress ? EGRESS_RULE : INGRESS_RULE;
  const ruleIds = [
    ...stringList(at(event.request, 'securityGroupRuleIds'), 'securityGroupRuleId'),
    ...stringList(at(event.request, 'securityGroupRuleIds')),
    ...stringList(at(event.response, 'revokedSecurityGroupRuleSet'), 'securityGroupRuleId'),
  ];
  if (ruleIds.length > 0) return [...new Set(ruleIds)].map((id) => remove(type, id));
  const groupId = text(event.request, 'groupId');
  if (!groupId) return skip('no security group id in the event (a group named only by name)');
  const rules = requestedRules(event, groupId);
  return rules.length > 0 ? rules.map((match) => removeMatching(type, match)) : skip('no rule in the request');
}

// ---- routes ---------------------------------------------------------------------------------

function routeInputs(req: unknown): Record<string, unknown> {
  return {
    routeTableId: text(req, 'routeTableId'),
    destinationCidrBlock: text(req, 'destinationCidrBlock'),
    destinationIpv6CidrBlock: text(req, 'destinationIpv6CidrBlock'),
    destinationPrefixListId: text(req, 'destinationPrefixListId'),
    gatewayId: text(req, 'gatewayId'),
    natGatewayId: text(req, 'natGatewayId'),
    networkInterfaceId: text(req, 'networkInterfaceId'),
    vpcPeeringConnectionId: text(req, 'vpcPeeringConnectionId'),
    transitGatewayId: text(req, 'transitGatewayId'),
    egressOnlyGatewayId: text(req, 'egressOnlyInternetGatewayId'),
    localGatewayId: text(req, 'localGatewayId'),
    carrierGatewayId: text(req, 'carrierGatewayId'),
    vpcEndpointId: text(req, 'vpcEndpointId'),
    coreNetworkArn: text(req, 'coreNetworkArn'),
  };
}

/** Routes are imported as `<route table>_<destination>`. */
function routeId(req: unknown): string | undefined {
  const table = text(req, 'routeTableId');
  const destination = firstText(req, 'destinationCidrBlock', 'destinationIpv6CidrBlock', 'destinationPrefixListId');
  return table && destination ? `${table}_${destination}` : undefined;
}

function putRoute(event: TrailEvent): Outcome {
  const id = routeId(event.request);
  return id ? [create(ROUTE, id, routeInputs(event.request))] : skip('no route table or destination in the event');
}

// ---- flow logs, endpoints, ACL entries, mirroring --------------------------------------------

const FLOW_LOG_TARGET: Record<string, string> = { VPC: 'vpcId', Subnet: 'subnetId', NetworkInterface: 'eniId', TransitGateway: 'transitGatewayId', TransitGatewayAttachment: 'transitGatewayAttachmentId' };

function createFlowLogs(event: TrailEvent): Outcome {
  const b = body(event, 'CreateFlowLogsRequest');
  const flowLogIds = contents(at(answer(event, 'CreateFlowLogsResponse'), 'flowLogIdSet'));
  if (flowLogIds.length === 0) return skip('no flow log id in the response');
  const resources = contents(b.ResourceId);
  const targetInput = FLOW_LOG_TARGET[String(b.ResourceType)];
  return flowLogIds.map((id, i) =>
    create(FLOW_LOG, id, {
      // Ids come back in request order; a failed resource is reported in `unsuccessful` and shifts nothing we can see.
      ...(targetInput && resources[i] !== undefined && flowLogIds.length === resources.length ? { [targetInput]: resources[i] } : {}),
      trafficType: text(b, 'TrafficType'),
      logDestinationType: text(b, 'LogDestinationType'),
      logDestination: text(b, 'LogDestination'),
      iamRoleArn: text(b, 'DeliverLogsPermissionArn'),
      maxAggregationInterval: number(b.MaxAggregationInterval),
      logFormat: text(b, 'LogFormat'),
      tags: xmlTags(b.TagSpecification, 'vpc-flow-log'),
    }),
  );
}

function vpcEndpoint(event: TrailEvent): Outcome {
  const b = body(event, 'CreateVpcEndpointRequest');
  const id = firstText(answer(event, 'CreateVpcEndpointResponse'), 'vpcEndpoint.vpcEndpointId');
  if (!id) return skip('no VPC endpoint id in the response');
  const optionalList = (v: unknown) => (contents(v).length > 0 ? contents(v) : undefined);
  return [
    create(VPC_ENDPOINT, id, {
      vpcId: text(b, 'VpcId'),
      serviceName: text(b, 'ServiceName'),
      vpcEndpointType: text(b, 'VpcEndpointType'),
      privateDnsEnabled: flag(b.PrivateDnsEnabled),
      ipAddressType: text(b, 'IpAddressType'),
      subnetIds: optionalList(b.SubnetId),
      securityGroupIds: optionalList(b.SecurityGroupId),
      routeTableIds: optionalList(b.RouteTableId),
      policy: policyText(b.PolicyDocument),
      dnsOptions: text(b, 'DnsOptions.DnsRecordIpType') ? { dnsRecordIpType: text(b, 'DnsOptions.DnsRecordIpType') } : undefined,
      tags: xmlTags(b.TagSpecification, 'vpc-endpoint'),
    }),
  ];
}

/** Network ACL rules are imported as `acl:ruleNumber:protocol:egress`. */
function aclEntry(event: TrailEvent): Outcome {
  const req = event.request;
  const networkAclId = text(req, 'networkAclId');
  const ruleNumber = number(at(req, 'ruleNumber'));
  const egress = flag(at(req, 'egress')) ?? false;
  const proto = text(req, 'aclProtocol') ?? text(req, 'protocol');
  if (!networkAclId || ruleNumber === undefined || proto === undefined) return skip('ACL id, rule number or protocol missing from the event');
  return [
    create(NETWORK_ACL_RULE, `${networkAclId}:${ruleNumber}:${proto}:${egress}`, {
      networkAclId,
      ruleNumber,
      egress,
      protocol: proto,
      ruleAction: text(req, 'ruleAction'),
      cidrBlock: text(req, 'cidrBlock'),
      ipv6CidrBlock: text(req, 'ipv6CidrBlock'),
      fromPort: number(at(req, 'portRange.from')),
      toPort: number(at(req, 'portRange.to')),
      icmpType: number(at(req, 'icmpTypeCode.type')),
      icmpCode: number(at(req, 'icmpTypeCode.code')),
    }),
  ];
}

function portRange(v: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(v)) return undefined;
  const r = compact({ fromPort: number(v.FromPort), toPort: number(v.ToPort) });
  return Object.keys(r).length > 0 ? r : undefined;
}

/** ModifyTrafficMirrorSession: given fields are set, `RemoveField` ones unset. */
function modifyMirrorSession(event: TrailEvent): Outcome {
  const b = body(event, 'ModifyTrafficMirrorSessionRequest');
  const id = text(b, 'TrafficMirrorSessionId');
  if (!id) return skip('no traffic mirror session id in the event');
  const removed: Record<string, string> = { description: 'description', 'packet-length': 'packetLength', 'virtual-network-id': 'virtualNetworkId' };
  const ops = [
    ...sets({
      trafficMirrorTargetId: text(b, 'TrafficMirrorTargetId'),
      trafficMirrorFilterId: text(b, 'TrafficMirrorFilterId'),
      sessionNumber: number(b.SessionNumber),
      virtualNetworkId: number(b.VirtualNetworkId),
      packetLength: number(b.PacketLength),
      description: text(b, 'Description'),
    }),
    ...contents(b.RemoveField).flatMap((f) => (removed[f] ? [{ op: 'unset' as const, path: removed[f]! }] : [])),
  ];
  return ops.length > 0 ? [update(MIRROR_SESSION, id, ops)] : skip('no session field in the event');
}

/** Id from an XML-style request/response pair, e.g. `DeleteTrafficMirrorTargetRequest.TrafficMirrorTargetId`. */
function xmlId(event: TrailEvent, action: string, field: string): string[] {
  const v = body(event, `${action}Request`)[field];
  return v === undefined ? [] : contents(v);
}

function deleteById(type: string, action: string, field: string, what: string) {
  return (e: TrailEvent): Outcome => forEachId(xmlId(e, action, field), what, (id) => remove(type, id));
}

export const vpc: ServiceCatalog = {
  entries: [
    entry({
      names: ['CreateVpc'],
      types: [VPC],
      action: 'create',
      summary: 'creates a VPC',
      apply: (e) =>
        forEachId(ids(e, { response: ['vpc.vpcId'] }), 'VPC', (id) =>
          create(VPC, id, {
            cidrBlock: text(e.request, 'cidrBlock'),
            instanceTenancy: text(e.request, 'instanceTenancy'),
            assignGeneratedIpv6CidrBlock: flag(at(e.request, 'amazonProvidedIpv6CidrBlock')) || undefined,
            ipv4IpamPoolId: text(e.request, 'ipv4IpamPoolId'),
            ipv4NetmaskLength: number(at(e.request, 'ipv4NetmaskLength')),
            tags: ec2Tags(e, at(e.response, 'vpc'), 'vpc'),
          }),
        ),
    }),
    entry({
      names: ['DeleteVpc'],
      types: [VPC],
      action: 'delete',
      summary: 'deletes a VPC',
      apply: (e) => forEachId(ids(e, { request: ['vpcId'] }), 'VPC', (id) => remove(VPC, id)),
    }),
    entry({
      names: ['ModifyVpcAttribute'],
      types: [VPC],
      action: 'update',
      summary: 'changes DNS settings of a VPC',
      apply: (e) => {
        const id = text(e.request, 'vpcId');
        if (!id) return skip('no VPC id in the event');
        return setOrSkip(
          VPC,
          id,
          {
            enableDnsSupport: flag(at(e.request, 'enableDnsSupport')),
            enableDnsHostnames: flag(at(e.request, 'enableDnsHostnames')),
            enableNetworkAddressUsageMetrics: flag(at(e.request, 'enableNetworkAddressUsageMetrics')),
          },
          'VPC attribute',
        );
      },
    }),
    entry({
      names: ['CreateSubnet'],
      types: [SUBNET],
      action: 'create',
      summary: 'creates a subnet',
      apply: (e) =>
        forEachId(ids(e, { response: ['subnet.subnetId'] }), 'subnet', (id) =>
          create(SUBNET, id, {
            vpcId: text(e.request, 'vpcId'),
            cidrBlock: text(e.request, 'cidrBlock'),
            ipv6CidrBlock: text(e.request, 'ipv6CidrBlock'),
            availabilityZone: text(e.response, 'subnet.availabilityZone') ?? text(e.request, 'availabilityZone'),
            ipv6Native: flag(at(e.request, 'ipv6Native')),
            outpostArn: text(e.request, 'outpostArn'),
            tags: ec2Tags(e, at(e.response, 'subnet'), 'subnet'),
          }),
        ),
    }),
    entry({
      names: ['DeleteSubnet'],
      types: [SUBNET],
      action: 'delete',
      summary: 'deletes a subnet',
      apply: (e) => forEachId(ids(e, { request: ['subnetId'] }), 'subnet', (id) => remove(SUBNET, id)),
    }),
    entry({
      names: ['ModifySubnetAttribute'],
      types: [SUBNET],
      action: 'update',
      summary: 'changes launch settings of a subnet (public IPs, IPv6, DNS names)',
      apply: (e) => {
        const id = text(e.request, 'subnetId');
        if (!id) return skip('no subnet id in the event');
        const r = e.request;
        return setOrSkip(
          SUBNET,
          id,
          {
            mapPublicIpOnLaunch: flag(at(r, 'mapPublicIpOnLaunch')),
            assignIpv6AddressOnCreation: flag(at(r, 'assignIpv6AddressOnCreation')),
            enableDns64: flag(at(r, 'enableDns64')),
            mapCustomerOwnedIpOnLaunch: flag(at(r, 'mapCustomerOwnedIpOnLaunch')),
            enableResourceNameDnsARecordOnLaunch: flag(at(r, 'enableResourceNameDnsARecordOnLaunch')),
            enableResourceNameDnsAaaaRecordOnLaunch: flag(at(r, 'enableResourceNameDnsAAAARecordOnLaunch')),
            privateDnsHostnameTypeOnLaunch: unwrap(at(r, 'privateDnsHostnameTypeOnLaunch')),
          },
          'subnet attribute',
        );
      },
    }),
    entry({
      names: ['CreateSecurityGroup'],
      types: [SECURITY_GROUP],
      action: 'create',
      summary: 'creates a security group (its rules are separate resources)',
      apply: (e) =>
        forEachId(ids(e, { response: ['groupId'] }), 'security group', (id) =>
          create(SECURITY_GROUP, id, {
            name: text(e.request, 'groupName'),
            description: text(e.request, 'groupDescription'),
            vpcId: text(e.request, 'vpcId'),
            tags: ec2Tags(e, e.response, 'security-group'),
          }),
        ),
    }),
    entry({
      names: ['DeleteSecurityGroup'],
      types: [SECURITY_GROUP],
      action: 'delete',
      summary: 'deletes a security group',
      apply: (e) => {
        const id = text(e.request, 'groupId');
        if (id) return [remove(SECURITY_GROUP, id)];
        const name = text(e.request, 'groupName');
        return name ? [removeMatching(SECURITY_GROUP, { name })] : skip('no security group id or name in the event');
      },
    }),
    entry({
      names: ['AuthorizeSecurityGroupIngress'],
      types: [INGRESS_RULE],
      action: 'create',
      summary: 'adds inbound rules (one resource per sgr- rule id in the response)',
      apply: (e) => authorizeRules(e, false),
    }),
    entry({
      names: ['AuthorizeSecurityGroupEgress'],
      types: [EGRESS_RULE],
      action: 'create',
      summary: 'adds outbound rules (one resource per sgr- rule id in the response)',
      apply: (e) => authorizeRules(e, true),
    }),
    entry({
      names: ['RevokeSecurityGroupIngress'],
      types: [INGRESS_RULE],
      action: 'delete',
      summary: 'removes inbound rules, by rule id or by their protocol/ports/peer',
      apply: (e) => revokeRules(e, false),
    }),
    entry({
      names: ['RevokeSecurityGroupEgress'],
      types: [EGRESS_RULE],
      action: 'delete',
      summary: 'removes outbound rules, by rule id or by their protocol/ports/peer',
      apply: (e) => revokeRules(e, true),
    }),
    entry({
      names: ['ModifySecurityGroupRules'],
      types: [INGRESS_RULE, EGRESS_RULE],
      action: 'update',
      summary: 'rewrites security group rules in place (skipped: the event does not say inbound or outbound)',
      // The request names the sgr- id and the new values but not the direction, and the
      // two directions are two Pulumi types: choosing one would be a guess.
      apply: (e) => {
        const req = body(e, 'ModifySecurityGroupRulesRequest');
        const ruleIds = records(req.SecurityGroupRule).flatMap((r) => (typeof r.SecurityGroupRuleId === 'string' ? [r.SecurityGroupRuleId] : []));
        return skip(
          `rules ${ruleIds.join(', ') || '(none named)'} of ${text(req, 'GroupId') ?? 'a security group'} changed, but the event does not say whether they are inbound or outbound`,
        );
      },
    }),
    entry({
      names: ['CreateRouteTable'],
      types: [ROUTE_TABLE],
      action: 'create',
      summary: 'creates a route table (its routes are separate resources)',
      apply: (e) =>
        forEachId(ids(e, { response: ['routeTable.routeTableId'] }), 'route table', (id) =>
          create(ROUTE_TABLE, id, { vpcId: text(e.request, 'vpcId'), tags: ec2Tags(e, at(e.response, 'routeTable'), 'route-table') }),
        ),
    }),
    entry({
      names: ['DeleteRouteTable'],
      types: [ROUTE_TABLE],
      action: 'delete',
      summary: 'deletes a route table',
      apply: (e) => forEachId(ids(e, { request: ['routeTableId'] }), 'route table', (id) => remove(ROUTE_TABLE, id)),
    }),
    entry({
      names: ['CreateRoute', 'ReplaceRoute'],
      types: [ROUTE],
      action: 'create',
      summary: 'adds or replaces a route',
      apply: putRoute,
    }),
    entry({
      names: ['DeleteRoute'],
      types: [ROUTE],
      action: 'delete',
      summary: 'deletes a route',
      apply: (e) => {
        const id = routeId(e.request);
        return id ? [remove(ROUTE, id)] : skip('no route table or destination in the event');
      },
    }),
    entry({
      names: ['AssociateRouteTable'],
      types: [ROUTE_TABLE_ASSOCIATION],
      action: 'create',
      summary: 'associates a route table with a subnet or gateway (keyed by its rtbassoc- id)',
      // Disassociation names only the rtbassoc- id, so that is the key (Pulumi's own id too).
      apply: (e) =>
        forEachId(ids(e, { response: ['associationId'] }), 'association', (id) =>
          create(ROUTE_TABLE_ASSOCIATION, id, {
            routeTableId: text(e.request, 'routeTableId'),
            subnetId: text(e.request, 'subnetId'),
            gatewayId: text(e.request, 'gatewayId'),
          }),
        ),
    }),
    entry({
      names: ['DisassociateRouteTable'],
      types: [ROUTE_TABLE_ASSOCIATION],
      action: 'delete',
      summary: 'removes a route table association',
      apply: (e) => forEachId(ids(e, { request: ['associationId'] }), 'association', (id) => remove(ROUTE_TABLE_ASSOCIATION, id)),
    }),
    entry({
      names: ['CreateInternetGateway'],
      types: [INTERNET_GATEWAY],
      action: 'create',
      summary: 'creates an internet gateway',
      apply: (e) =>
        forEachId(ids(e, { response: ['internetGateway.internetGatewayId'] }), 'internet gateway', (id) =>
          create(INTERNET_GATEWAY, id, { tags: ec2Tags(e, at(e.response, 'internetGateway'), 'internet-gateway') }),
        ),
    }),
    entry({
      names: ['DeleteInternetGateway'],
      types: [INTERNET_GATEWAY],
      action: 'delete',
      summary: 'deletes an internet gateway',
      apply: (e) => forEachId(ids(e, { request: ['internetGatewayId'] }), 'internet gateway', (id) => remove(INTERNET_GATEWAY, id)),
    }),
    entry({
      names: ['AttachInternetGateway'],
      types: [INTERNET_GATEWAY_ATTACHMENT],
      action: 'create',
      summary: 'attaches an internet gateway to a VPC',
      apply: (e) => {
        const internetGatewayId = text(e.request, 'internetGatewayId');
        const vpcId = text(e.request, 'vpcId');
        if (!internetGatewayId || !vpcId) return skip('gateway or VPC missing from the event');
        return [create(INTERNET_GATEWAY_ATTACHMENT, `${internetGatewayId}:${vpcId}`, { internetGatewayId, vpcId })];
      },
    }),
    entry({
      names: ['DetachInternetGateway'],
      types: [INTERNET_GATEWAY_ATTACHMENT],
      action: 'delete',
      summary: 'detaches an internet gateway from a VPC',
      apply: (e) => {
        const internetGatewayId = text(e.request, 'internetGatewayId');
        const vpcId = text(e.request, 'vpcId');
        if (!internetGatewayId || !vpcId) return skip('gateway or VPC missing from the event');
        return [remove(INTERNET_GATEWAY_ATTACHMENT, `${internetGatewayId}:${vpcId}`)];
      },
    }),
    entry({
      names: ['CreateNatGateway'],
      types: [NAT_GATEWAY],
      action: 'create',
      summary: 'creates a NAT gateway',
      apply: (e) => {
        const b = body(e, 'CreateNatGatewayRequest');
        const id = firstText(answer(e, 'CreateNatGatewayResponse'), 'natGateway.natGatewayId');
        if (!id) return skip('no NAT gateway id in the response');
        return [
          create(NAT_GATEWAY, id, {
            subnetId: text(b, 'SubnetId'),
            allocationId: text(b, 'AllocationId'),
            connectivityType: text(b, 'ConnectivityType'),
            privateIp: text(b, 'PrivateIpAddress'),
            tags: xmlTags(b.TagSpecification, 'natgateway'),
          }),
        ];
      },
    }),
    entry({
      names: ['DeleteNatGateway'],
      types: [NAT_GATEWAY],
      action: 'delete',
      summary: 'deletes a NAT gateway',
      apply: deleteById(NAT_GATEWAY, 'DeleteNatGateway', 'NatGatewayId', 'NAT gateway'),
    }),
    entry({
      names: ['AllocateAddress'],
      types: [EIP],
      action: 'create',
      summary: 'allocates an Elastic IP',
      apply: (e) =>
        forEachId(ids(e, { response: ['allocationId'] }), 'allocation', (id) =>
          create(EIP, id, {
            domain: text(e.request, 'domain') ?? text(e.response, 'domain'),
            address: text(e.request, 'address'),
            publicIpv4Pool: text(e.request, 'publicIpv4Pool'),
            networkBorderGroup: text(e.request, 'networkBorderGroup'),
            customerOwnedIpv4Pool: text(e.request, 'customerOwnedIpv4Pool'),
            tags: ec2Tags(e, undefined, 'elastic-ip'),
          }),
        ),
    }),
    entry({
      names: ['ReleaseAddress'],
      types: [EIP],
      action: 'delete',
      summary: 'releases an Elastic IP',
      apply: (e) => forEachId(ids(e, { request: ['allocationId'] }), 'allocation', (id) => remove(EIP, id)),
    }),
    entry({
      names: ['CreateNetworkInterface'],
      types: [NETWORK_INTERFACE],
      action: 'create',
      summary: 'creates a network interface',
      apply: (e) =>
        forEachId(ids(e, { response: ['networkInterface.networkInterfaceId'] }), 'network interface', (id) => {
          const eni = at(e.response, 'networkInterface');
          const requested = stringList(at(e.request, 'groupSet'), 'groupId');
          const groups = requested.length > 0 ? requested : stringList(at(eni, 'groupSet'), 'groupId');
          const ips = stringList(at(e.request, 'privateIpAddressesSet'), 'privateIpAddress');
          return create(NETWORK_INTERFACE, id, {
            subnetId: text(e.request, 'subnetId'),
            description: text(e.request, 'description'),
            privateIps: ips.length > 0 ? ips : undefined,
            securityGroups: groups.length > 0 ? groups : undefined,
            interfaceType: text(e.request, 'interfaceType'),
            tags: ec2Tags(e, eni, 'network-interface'),
          });
        }),
    }),
    entry({
      names: ['DeleteNetworkInterface'],
      types: [NETWORK_INTERFACE],
      action: 'delete',
      summary: 'deletes a network interface',
      apply: (e) => forEachId(ids(e, { request: ['networkInterfaceId'] }), 'network interface', (id) => remove(NETWORK_INTERFACE, id)),
    }),
    entry({
      names: ['CreateFlowLogs'],
      types: [FLOW_LOG],
      action: 'create',
      summary: 'creates VPC flow logs',
      apply: createFlowLogs,
    }),
    entry({
      names: ['DeleteFlowLogs'],
      types: [FLOW_LOG],
      action: 'delete',
      summary: 'deletes VPC flow logs',
      apply: deleteById(FLOW_LOG, 'DeleteFlowLogs', 'FlowLogId', 'flow log'),
    }),
    entry({
      names: ['CreateVpcEndpoint'],
      types: [VPC_ENDPOINT],
      action: 'create',
      summary: 'creates a VPC endpoint',
      apply: vpcEndpoint,
    }),
    entry({
      names: ['DeleteVpcEndpoints'],
      types: [VPC_ENDPOINT],
      action: 'delete',
      summary: 'deletes VPC endpoints',
      apply: deleteById(VPC_ENDPOINT, 'DeleteVpcEndpoints', 'VpcEndpointId', 'VPC endpoint'),
    }),
    entry({
      names: ['CreateNetworkAclEntry', 'ReplaceNetworkAclEntry'],
      types: [NETWORK_ACL_RULE],
      action: 'create',
      summary: 'adds or replaces a network ACL rule',
      apply: aclEntry,
    }),
    entry({
      names: ['DeleteNetworkAclEntry'],
      types: [NETWORK_ACL_RULE],
      action: 'delete',
      summary: 'deletes a network ACL rule (by ACL, rule number and direction)',
      apply: (e) => {
        const networkAclId = text(e.request, 'networkAclId');
        const ruleNumber = number(at(e.request, 'ruleNumber'));
        if (!networkAclId || ruleNumber === undefined) return skip('ACL id or rule number missing from the event');
        return [removeMatching(NETWORK_ACL_RULE, { networkAclId, ruleNumber, egress: flag(at(e.request, 'egress')) ?? false })];
      },
    }),
    entry({
      names: ['CreateTrafficMirrorFilter'],
      types: [MIRROR_FILTER],
      action: 'create',
      summary: 'creates a traffic mirror filter',
      apply: (e) => {
        const b = body(e, 'CreateTrafficMirrorFilterRequest');
        const id = firstText(answer(e, 'CreateTrafficMirrorFilterResponse'), 'trafficMirrorFilter.trafficMirrorFilterId');
        if (!id) return skip('no traffic mirror filter id in the response');
        const services = contents(b.NetworkService);
        return [
          create(MIRROR_FILTER, id, {
            description: text(b, 'Description'),
            networkServices: services.length > 0 ? services : undefined,
            tags: xmlTags(b.TagSpecification, 'traffic-mirror-filter'),
          }),
        ];
      },
    }),
    entry({
      names: ['CreateTrafficMirrorFilterRule'],
      types: [MIRROR_FILTER_RULE],
      action: 'create',
      summary: 'adds a traffic mirror filter rule',
      apply: (e) => {
        const b = body(e, 'CreateTrafficMirrorFilterRuleRequest');
        const id = firstText(answer(e, 'CreateTrafficMirrorFilterRuleResponse'), 'trafficMirrorFilterRule.trafficMirrorFilterRuleId');
        if (!id) return skip('no traffic mirror filter rule id in the response');
        return [
          create(MIRROR_FILTER_RULE, id, {
            trafficMirrorFilterId: text(b, 'TrafficMirrorFilterId'),
            trafficDirection: text(b, 'TrafficDirection'),
            ruleNumber: number(b.RuleNumber),
            ruleAction: text(b, 'RuleAction'),
            protocol: number(b.Protocol),
            sourceCidrBlock: text(b, 'SourceCidrBlock'),
            destinationCidrBlock: text(b, 'DestinationCidrBlock'),
            sourcePortRange: portRange(b.SourcePortRange),
            destinationPortRange: portRange(b.DestinationPortRange),
            description: text(b, 'Description'),
          }),
        ];
      },
    }),
    entry({
      names: ['CreateTrafficMirrorTarget'],
      types: [MIRROR_TARGET],
      action: 'create',
      summary: 'creates a traffic mirror target',
      apply: (e) => {
        const b = body(e, 'CreateTrafficMirrorTargetRequest');
        const id = firstText(answer(e, 'CreateTrafficMirrorTargetResponse'), 'trafficMirrorTarget.trafficMirrorTargetId');
        if (!id) return skip('no traffic mirror target id in the response');
        return [
          create(MIRROR_TARGET, id, {
            networkInterfaceId: text(b, 'NetworkInterfaceId'),
            networkLoadBalancerArn: text(b, 'NetworkLoadBalancerArn'),
            gatewayLoadBalancerEndpointId: text(b, 'GatewayLoadBalancerEndpointId'),
            description: text(b, 'Description'),
            tags: xmlTags(b.TagSpecification, 'traffic-mirror-target'),
          }),
        ];
      },
    }),
    entry({
      names: ['CreateTrafficMirrorSession'],
      types: [MIRROR_SESSION],
      action: 'create',
      summary: 'starts mirroring traffic of a network interface',
      apply: (e) => {
        const b = body(e, 'CreateTrafficMirrorSessionRequest');
        const id = firstText(answer(e, 'CreateTrafficMirrorSessionResponse'), 'trafficMirrorSession.trafficMirrorSessionId');
        if (!id) return skip('no traffic mirror session id in the response');
        return [
          create(MIRROR_SESSION, id, {
            networkInterfaceId: text(b, 'NetworkInterfaceId'),
            trafficMirrorTargetId: text(b, 'TrafficMirrorTargetId'),
            trafficMirrorFilterId: text(b, 'TrafficMirrorFilterId'),
            sessionNumber: number(b.SessionNumber),
            virtualNetworkId: number(b.VirtualNetworkId),
            packetLength: number(b.PacketLength),
            description: text(b, 'Description'),
            tags: xmlTags(b.TagSpecification, 'traffic-mirror-session'),
          }),
        ];
      },
    }),
    entry({
      names: ['ModifyTrafficMirrorSession'],
      types: [MIRROR_SESSION],
      action: 'update',
      summary: 'changes a traffic mirror session',
      apply: modifyMirrorSession,
    }),
    entry({
      names: ['DeleteTrafficMirrorTarget'],
      types: [MIRROR_TARGET],
      action: 'delete',
      summary: 'deletes a traffic mirror target',
      apply: deleteById(MIRROR_TARGET, 'DeleteTrafficMirrorTarget', 'TrafficMirrorTargetId', 'traffic mirror target'),
    }),
    entry({
      names: ['DeleteTrafficMirrorFilter'],
      types: [MIRROR_FILTER],
      action: 'delete',
      summary: 'deletes a traffic mirror filter',
      apply: deleteById(MIRROR_FILTER, 'DeleteTrafficMirrorFilter', 'TrafficMirrorFilterId', 'traffic mirror filter'),
    }),
    entry({
      names: ['DeleteTrafficMirrorFilterRule'],
      types: [MIRROR_FILTER_RULE],
      action: 'delete',
      summary: 'deletes a traffic mirror filter rule',
      apply: deleteById(MIRROR_FILTER_RULE, 'DeleteTrafficMirrorFilterRule', 'TrafficMirrorFilterRuleId', 'traffic mirror filter rule'),
    }),
    entry({
      names: ['DeleteTrafficMirrorSession'],
      types: [MIRROR_SESSION],
      action: 'delete',
      summary: 'stops a traffic mirror session',
      apply: deleteById(MIRROR_SESSION, 'DeleteTrafficMirrorSession', 'TrafficMirrorSessionId', 'traffic mirror session'),
    }),
  ],
  // Parents AWS will not delete while these exist, so a deletion missing from the trail
  // still takes them along; also the order plans create and delete in.
  references: [
    { from: SUBNET, input: 'vpcId', to: VPC },
    { from: SECURITY_GROUP, input: 'vpcId', to: VPC },
    { from: INGRESS_RULE, input: 'securityGroupId', to: SECURITY_GROUP },
    { from: EGRESS_RULE, input: 'securityGroupId', to: SECURITY_GROUP },
    { from: ROUTE_TABLE, input: 'vpcId', to: VPC },
    { from: ROUTE, input: 'routeTableId', to: ROUTE_TABLE },
    { from: ROUTE_TABLE_ASSOCIATION, input: 'routeTableId', to: ROUTE_TABLE },
    { from: ROUTE_TABLE_ASSOCIATION, input: 'subnetId', to: SUBNET },
    { from: INTERNET_GATEWAY_ATTACHMENT, input: 'internetGatewayId', to: INTERNET_GATEWAY },
    { from: INTERNET_GATEWAY_ATTACHMENT, input: 'vpcId', to: VPC },
    { from: NAT_GATEWAY, input: 'subnetId', to: SUBNET },
    { from: NETWORK_INTERFACE, input: 'subnetId', to: SUBNET },
    { from: FLOW_LOG, input: 'vpcId', to: VPC },
    { from: FLOW_LOG, input: 'subnetId', to: SUBNET },
    { from: FLOW_LOG, input: 'eniId', to: NETWORK_INTERFACE },
    { from: VPC_ENDPOINT, input: 'vpcId', to: VPC },
    { from: MIRROR_FILTER_RULE, input: 'trafficMirrorFilterId', to: MIRROR_FILTER },
    { from: INSTANCE, input: 'subnetId', to: SUBNET },
    { from: INSTANCE, input: 'vpcSecurityGroupIds', to: SECURITY_GROUP },
  ],
};
