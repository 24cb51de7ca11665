/** VPC networking (eventSource ec2): VPCs, subnets, security groups and rules, routes, gateways … */
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { CCC, INVICTUS, PANTHER, PANTHER_FILE, session, invictus } from './datasets.js';

const VPC = 'aws:ec2/vpc:Vpc';
const SUBNET = 'aws:ec2/subnet:Subnet';
const INGRESS_RULE = 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule';
const EGRESS_RULE = 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule';
const ROUTE = 'aws:ec2/route:Route';
const VPC_ENDPOINT = 'aws:ec2/vpcEndpoint:VpcEndpoint';
const NETWORK_ACL_RULE = 'aws:ec2/networkAclRule:NetworkAclRule';
const MIRROR_FILTER = 'aws:ec2/trafficMirrorFilter:TrafficMirrorFilter';
const MIRROR_FILTER_RULE = 'aws:ec2/trafficMirrorFilterRule:TrafficMirrorFilterRule';
const MIRROR_SESSION = 'aws:ec2/trafficMirrorSession:TrafficMirrorSession';
const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

export const vpcCases: Case[] = [
  {
    title: 'CreateVpc with tags from the response',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 38, 'ec2', 'CreateVpc'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/vpc:Vpc', id: 'vpc-06fe1a64761a0f720' },
        inputs: {
          cidrBlock: '10.0.0.0/16',
          instanceTenancy: 'default',
          tags: { Name: 'stratus-red-team-ec2-steal-credentials-vpc', StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteVpc',
    source: ds(INVICTUS, invictus('20230710T1210Z_vj0QE0Tf5ZmzMsCo'), 112, 'ec2', 'DeleteVpc'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/vpc:Vpc', id: 'vpc-0255d384b4b458b46' } }],
  },
  {
    title: 'CreateSubnet',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 48, 'ec2', 'CreateSubnet'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/subnet:Subnet', id: 'subnet-01ed430875cff578d' },
        inputs: {
          vpcId: 'vpc-06fe1a64761a0f720',
          cidrBlock: '10.0.128.0/24',
          availabilityZone: 'us-east-1a',
          tags: { Name: 'stratus-red-team-ec2-steal-credentials-vpc-public-us-east-1a', StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteSubnet',
    source: ds(INVICTUS, invictus('20230710T1210Z_vj0QE0Tf5ZmzMsCo'), 114, 'ec2', 'DeleteSubnet'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/subnet:Subnet', id: 'subnet-096553f59d783f082' } }],
  },
  {
    title: 'CreateSecurityGroup (console)',
    source: ds(CCC, session('f41ce257ad0b02c6e5ba2724631129231ad751bb48dd849090341f4fee15310f'), 879, 'ec2', 'CreateSecurityGroup'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/securityGroup:SecurityGroup', id: 'sg-db0c0ffeec0e67ce0' },
        inputs: {
          name: 'launch-wizard-2',
          description: 'launch-wizard-2 created 2023-08-12T17:50:21.920Z',
          vpcId: 'vpc-db0c0ffee56bc40db',
        },
      },
    ],
  },
  {
    title: 'CreateSecurityGroup with tags',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 88, 'ec2', 'CreateSecurityGroup'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/securityGroup:SecurityGroup', id: 'sg-04cfb7a4712d75b00' },
        inputs: {
          name: 'stratus-red-team-open-sg-sg',
          description: 'Allow TLS inbound traffic',
          vpcId: 'vpc-0e568b18707c87afa',
          tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-open-sg-sg' },
        },
      },
    ],
  },
  {
    title: 'DeleteSecurityGroup',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 140, 'ec2', 'DeleteSecurityGroup'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/securityGroup:SecurityGroup', id: 'sg-04cfb7a4712d75b00' } }],
  },
  {
    title: 'AuthorizeSecurityGroupIngress opens port 22 to the world (rule id from the response)',
    source: ds(CCC, session('f41ce257ad0b02c6e5ba2724631129231ad751bb48dd849090341f4fee15310f'), 880, 'ec2', 'AuthorizeSecurityGroupIngress'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', id: 'sgr-db0c0ffee14167c6d' },
        inputs: {
          securityGroupId: 'sg-db0c0ffeec0e67ce0',
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrIpv4: '0.0.0.0/0',
        },
      },
    ],
  },
  {
    title: 'AuthorizeSecurityGroupIngress in the flat legacy form',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 92, 'ec2', 'AuthorizeSecurityGroupIngress'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', id: 'sgr-0a11552a7d225f5c7' },
        inputs: {
          securityGroupId: 'sg-04cfb7a4712d75b00',
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrIpv4: '0.0.0.0/0',
        },
      },
    ],
  },
  {
    title: 'AuthorizeSecurityGroupIngress keeps the rule description',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 91, 'ec2', 'AuthorizeSecurityGroupIngress'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule', id: 'sgr-0bb31cddb2c27f401' },
        inputs: {
          securityGroupId: 'sg-04cfb7a4712d75b00',
          ipProtocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrIpv4: '0.0.0.0/0',
          description: 'TLS from Internet',
        },
      },
    ],
  },
  {
    title: 'AuthorizeSecurityGroupEgress: all traffic, IPv4 and IPv6 rules, no ports',
    source: ds(INVICTUS, invictus('20230710T1215Z_P0WZuP2zvLW2RcUo'), 12, 'ec2', 'AuthorizeSecurityGroupEgress'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule', id: 'sgr-035a6016fe8ef01c5' },
        inputs: { securityGroupId: 'sg-04cfb7a4712d75b00', ipProtocol: '-1', cidrIpv4: '0.0.0.0/0' },
      },
      {
        kind: 'create',
        target: { type: 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule', id: 'sgr-08d9fb7a2d678c6e8' },
        inputs: { securityGroupId: 'sg-04cfb7a4712d75b00', ipProtocol: '-1', cidrIpv6: '::/0' },
      },
    ],
  },
  {
    title: 'AuthorizeSecurityGroupIngress without rule ids in the response is skipped',
    source: ds(PANTHER, PANTHER_FILE, 102, 'ec2', 'AuthorizeSecurityGroupIngress'),
    expect: { skip: 'no securityGroupRuleId in the response (an event from before 2021, or trimmed)' },
  },
  {
    title: 'RevokeSecurityGroupIngress by tuple (flat form)',
    source: ds(INVICTUS, invictus('20230710T1215Z_P0WZuP2zvLW2RcUo'), 19, 'ec2', 'RevokeSecurityGroupIngress'),
    expect: [
      {
        kind: 'delete-match',
        type: 'aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule',
        match: {
          securityGroupId: 'sg-04cfb7a4712d75b00',
          ipProtocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrIpv4: '0.0.0.0/0',
        },
      },
    ],
  },
  {
    title: 'RevokeSecurityGroupEgress by tuple: protocol -1 matches without ports',
    source: ds(INVICTUS, invictus('20230710T1215Z_nBsuPO1qSTEVerMD'), 219, 'ec2', 'RevokeSecurityGroupEgress'),
    expect: [
      {
        kind: 'delete-match',
        type: 'aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule',
        match: { securityGroupId: 'sg-04cfb7a4712d75b00', ipProtocol: '-1', cidrIpv4: '0.0.0.0/0' },
      },
    ],
  },
  {
    title: 'CreateRouteTable',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 50, 'ec2', 'CreateRouteTable'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/routeTable:RouteTable', id: 'rtb-0c7c2f4aff3677054' },
        inputs: {
          vpcId: 'vpc-06fe1a64761a0f720',
          tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-ec2-steal-credentials-vpc-public' },
        },
      },
    ],
  },
  {
    title: 'DeleteRouteTable',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 229, 'ec2', 'DeleteRouteTable'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/routeTable:RouteTable', id: 'rtb-01a1e48796093c514' } }],
  },
  {
    title: 'CreateRoute keyed table_destination',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 60, 'ec2', 'CreateRoute'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/route:Route', id: 'rtb-0c7c2f4aff3677054_0.0.0.0/0' },
        inputs: {
          routeTableId: 'rtb-0c7c2f4aff3677054',
          destinationCidrBlock: '0.0.0.0/0',
          gatewayId: 'igw-02a84e4222d62e16b',
        },
      },
    ],
  },
  {
    title: 'DeleteRoute',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 221, 'ec2', 'DeleteRoute'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/route:Route', id: 'rtb-08838187a84b2f5bf_0.0.0.0/0' } }],
  },
  {
    title: 'AssociateRouteTable keyed by its rtbassoc- id',
    source: ds(INVICTUS, invictus('20230710T1200Z_x9kHmzMa7cx6l9wM'), 29, 'ec2', 'AssociateRouteTable'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/routeTableAssociation:RouteTableAssociation', id: 'rtbassoc-0b911e98f29251a51' },
        inputs: { routeTableId: 'rtb-0c7c2f4aff3677054', subnetId: 'subnet-01ed430875cff578d' },
      },
    ],
  },
  {
    title: 'DisassociateRouteTable',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 228, 'ec2', 'DisassociateRouteTable'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/routeTableAssociation:RouteTableAssociation', id: 'rtbassoc-06c42ea03f0967f18' },
      },
    ],
  },
  {
    title: 'CreateInternetGateway',
    source: ds(INVICTUS, invictus('20230710T1200Z_x9kHmzMa7cx6l9wM'), 32, 'ec2', 'CreateInternetGateway'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/internetGateway:InternetGateway', id: 'igw-02a84e4222d62e16b' },
        inputs: { tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-ec2-steal-credentials-vpc' } },
      },
    ],
  },
  {
    title: 'DeleteInternetGateway',
    source: ds(INVICTUS, invictus('20230710T1210Z_vj0QE0Tf5ZmzMsCo'), 121, 'ec2', 'DeleteInternetGateway'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/internetGateway:InternetGateway', id: 'igw-040b2274c4a167722' },
      },
    ],
  },
  {
    title: 'AttachInternetGateway keyed igw:vpc',
    source: ds(INVICTUS, invictus('20230710T1200Z_x9kHmzMa7cx6l9wM'), 28, 'ec2', 'AttachInternetGateway'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:ec2/internetGatewayAttachment:InternetGatewayAttachment',
          id: 'igw-02a84e4222d62e16b:vpc-06fe1a64761a0f720',
        },
        inputs: { internetGatewayId: 'igw-02a84e4222d62e16b', vpcId: 'vpc-06fe1a64761a0f720' },
      },
    ],
  },
  {
    title: 'DetachInternetGateway',
    source: ds(INVICTUS, invictus('20230710T1215Z_YMDRJwtmC82bUwAo'), 139, 'ec2', 'DetachInternetGateway'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:ec2/internetGatewayAttachment:InternetGatewayAttachment',
          id: 'igw-02a84e4222d62e16b:vpc-06fe1a64761a0f720',
        },
      },
    ],
  },
  {
    title: 'CreateNatGateway (XML-style wrapper)',
    source: ds(INVICTUS, invictus('20230710T1200Z_x9kHmzMa7cx6l9wM'), 30, 'ec2', 'CreateNatGateway'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/natGateway:NatGateway', id: 'nat-03575abbac42080d9' },
        inputs: {
          subnetId: 'subnet-01ed430875cff578d',
          allocationId: 'eipalloc-08a083beb7e83dbc0',
          connectivityType: 'public',
          tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-ec2-steal-credentials-vpc-us-east-1a' },
        },
      },
    ],
  },
  {
    title: 'DeleteNatGateway',
    source: ds(INVICTUS, invictus('20230710T1210Z_6CICdbJQM3beT7n3'), 225, 'ec2', 'DeleteNatGateway'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/natGateway:NatGateway', id: 'nat-0dd264ee104155137' } }],
  },
  {
    title: 'AllocateAddress',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 36, 'ec2', 'AllocateAddress'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/eip:Eip', id: 'eipalloc-08a083beb7e83dbc0' },
        inputs: {
          domain: 'vpc',
          tags: { StratusRedTeam: 'true', Name: 'stratus-red-team-ec2-steal-credentials-vpc-us-east-1a' },
        },
      },
    ],
  },
  {
    title: 'ReleaseAddress',
    source: ds(INVICTUS, invictus('20230710T1210Z_2ru8PrDKZmsO3yWC'), 1, 'ec2', 'ReleaseAddress'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/eip:Eip', id: 'eipalloc-09d58d8a1fc361502' } }],
  },
  {
    title: 'CreateNetworkInterface',
    source: ds(INVICTUS, invictus('20230710T1200Z_iLj9fb7yyUG9X4Bf'), 55, 'ec2', 'CreateNetworkInterface'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/networkInterface:NetworkInterface', id: 'eni-076fa9fb98a2500a7' },
        inputs: {
          subnetId: 'subnet-0ed352584ab4aa265',
          privateIps: ['10.0.1.10'],
          securityGroups: ['sg-0b233157065b7d5e2'],
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteNetworkInterface',
    source: ds(INVICTUS, invictus('20230710T1215Z_P0WZuP2zvLW2RcUo'), 24, 'ec2', 'DeleteNetworkInterface'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/networkInterface:NetworkInterface', id: 'eni-06b7a305fe9519d03' },
      },
    ],
  },
  {
    title: 'CreateFlowLogs (XML-style wrapper)',
    source: ds(INVICTUS, invictus('20230710T1205Z_UljXNp9xLp8nsAGc'), 31, 'ec2', 'CreateFlowLogs'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/flowLog:FlowLog', id: 'fl-064ed3a785e4a37ef' },
        inputs: {
          vpcId: 'vpc-0255d384b4b458b46',
          trafficType: 'REJECT',
          logDestinationType: 'cloud-watch-logs',
          logDestination: 'arn:aws:logs:us-east-1:123837392027:log-group:/stratus-red-team/vpc-flow-logs',
          iamRoleArn: 'arn:aws:iam::123837392027:role/stratus-red-team-remove-flow-logs-role',
          maxAggregationInterval: 600,
          tags: { StratusRedTeam: 'true' },
        },
      },
    ],
  },
  {
    title: 'DeleteFlowLogs',
    source: ds(INVICTUS, invictus('20230710T1205Z_SjF3IkuNXJkoHyar'), 14, 'ec2', 'DeleteFlowLogs'),
    expect: [{ kind: 'delete', target: { type: 'aws:ec2/flowLog:FlowLog', id: 'fl-064ed3a785e4a37ef' } }],
  },
  {
    title: 'CreateVpcEndpoint',
    source: ds(CCC, session('05a71330a1dea36bac1f1e2ee421c7500821f6b791b8a73ecbc52677b14e1bff'), 22, 'ec2', 'CreateVpcEndpoint'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/vpcEndpoint:VpcEndpoint', id: 'vpce-db0c0ffee984e07fa' },
        inputs: {
          vpcId: 'vpc-db0c0ffee56bc40db',
          serviceName: 'aws.api.us-east-1.kendra-ranking',
          vpcEndpointType: 'Interface',
          privateDnsEnabled: true,
          ipAddressType: 'ipv4',
          dnsOptions: { dnsRecordIpType: 'ipv4' },
          tags: { Name: 'myVPCEndpoint1' },
        },
      },
    ],
  },
  {
    title: 'CreateNetworkAclEntry keyed acl:rule:protocol:egress',
    source: ds(PANTHER, PANTHER_FILE, 114, 'ec2', 'CreateNetworkAclEntry'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/networkAclRule:NetworkAclRule', id: 'acl-1:500:-1:true' },
        inputs: {
          networkAclId: 'acl-1',
          ruleNumber: 500,
          egress: true,
          protocol: '-1',
          ruleAction: 'allow',
          cidrBlock: '0.0.0.0/0',
        },
      },
    ],
  },
  {
    title: 'CreateTrafficMirrorFilter',
    source: ds(PANTHER, PANTHER_FILE, 128, 'ec2', 'CreateTrafficMirrorFilter'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/trafficMirrorFilter:TrafficMirrorFilter', id: 'tmf-010db9a7d8056cc2d' },
        inputs: {},
      },
    ],
  },
  {
    title: 'CreateTrafficMirrorFilterRule',
    source: ds(PANTHER, PANTHER_FILE, 129, 'ec2', 'CreateTrafficMirrorFilterRule'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/trafficMirrorFilterRule:TrafficMirrorFilterRule', id: 'tmfr-01669e70d44b9705a' },
        inputs: {
          trafficMirrorFilterId: 'tmf-010db9a7d8056cc2d',
          trafficDirection: 'egress',
          ruleNumber: 100,
          ruleAction: 'accept',
          protocol: 6,
          sourceCidrBlock: '0.0.0.0/0',
          destinationCidrBlock: '0.0.0.0/0',
        },
      },
    ],
  },
  {
    title: 'CreateTrafficMirrorTarget',
    source: ds(PANTHER, PANTHER_FILE, 131, 'ec2', 'CreateTrafficMirrorTarget'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ec2/trafficMirrorTarget:TrafficMirrorTarget', id: 'tmt-0a45c694b91bcea54' },
        inputs: { networkInterfaceId: 'eni-0fd6cc8547555878f' },
      },
    ],
  },
  {
    title: 'DeleteTrafficMirrorTarget',
    source: ds(PANTHER, PANTHER_FILE, 132, 'ec2', 'DeleteTrafficMirrorTarget'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:ec2/trafficMirrorTarget:TrafficMirrorTarget', id: 'tmt-0fd4b591901182794' },
      },
    ],
  },
  {
    title: 'ModifyTrafficMirrorSession sets fields and unsets RemoveField ones',
    source: ds(PANTHER, PANTHER_FILE, 134, 'ec2', 'ModifyTrafficMirrorSession'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:ec2/trafficMirrorSession:TrafficMirrorSession', id: 'tms-05e1e21760419ecb6' },
        ops: [
          { op: 'set', path: 'trafficMirrorTargetId', value: 'tmt-0a45c694b91bcea54' },
          { op: 'set', path: 'trafficMirrorFilterId', value: 'tmf-010db9a7d8056cc2d' },
          { op: 'set', path: 'sessionNumber', value: 2 },
          { op: 'set', path: 'virtualNetworkId', value: 12348395 },
          { op: 'unset', path: 'description' },
          { op: 'unset', path: 'packetLength' },
        ],
      },
    ],
  },
  {
    title: 'ModifyVpcAttribute enableDnsHostnames {value}',
    source: ev('ec2', 'ModifyVpcAttribute', { vpcId: 'vpc-0a1b2c3d4e5f60718', enableDnsHostnames: { value: true } }, { requestId: 'r1', _return: true }),
    expect: [{ kind: 'update', target: { type: VPC, id: 'vpc-0a1b2c3d4e5f60718' }, ops: [{ op: 'set', path: 'enableDnsHostnames', value: true }] }],
  },
  {
    title: 'ModifySubnetAttribute mapPublicIpOnLaunch {value}',
    source: ev('ec2', 'ModifySubnetAttribute', { subnetId: 'subnet-0a1b2c3d4e5f60718', mapPublicIpOnLaunch: { value: true } }, { requestId: 'r2', _return: true }),
    expect: [{ kind: 'update', target: { type: SUBNET, id: 'subnet-0a1b2c3d4e5f60718' }, ops: [{ op: 'set', path: 'mapPublicIpOnLaunch', value: true }] }],
  },
  {
    title: 'AuthorizeSecurityGroupIngress from another security group, protocol given as a number',
    source: ev(
      'ec2',
      'AuthorizeSecurityGroupIngress',
      {
        groupId: 'sg-0123456789abcdef0',
        ipPermissions: {
          items: [{ ipProtocol: '6', fromPort: 5432, toPort: 5432, groups: { items: [{ groupId: 'sg-0fedcba9876543210' }] }, ipRanges: {}, ipv6Ranges: {}, prefixListIds: {} }],
        },
      },
      {
        requestId: 'r3',
        _return: true,
        securityGroupRuleSet: {
          items: [
            {
              groupOwnerId: '111122223333',
              groupId: 'sg-0123456789abcdef0',
              securityGroupRuleId: 'sgr-0a1b2c3d4e5f60718',
              isEgress: false,
              ipProtocol: 'tcp',
              fromPort: 5432,
              toPort: 5432,
              referencedGroupInfo: { groupId: 'sg-0fedcba9876543210', userId: '111122223333' },
            },
          ],
        },
      },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: INGRESS_RULE, id: 'sgr-0a1b2c3d4e5f60718' },
        inputs: { securityGroupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, referencedSecurityGroupId: 'sg-0fedcba9876543210' },
      },
    ],
  },
  {
    title: 'RevokeSecurityGroupIngress by rule id (and the revoked rules AWS now lists in the response)',
    // The response's revokedSecurityGroupRuleSet is documented (RevokedSecurityGroupRule);
    // the rendering of the request's SecurityGroupRuleId list follows CloudTrail's EC2 `items` style.
    source: ev(
      'ec2',
      'RevokeSecurityGroupIngress',
      { groupId: 'sg-0123456789abcdef0', securityGroupRuleIds: { items: [{ securityGroupRuleId: 'sgr-0a1b2c3d4e5f60718' }] } },
      {
        requestId: 'r4',
        _return: true,
        revokedSecurityGroupRuleSet: {
          items: [{ securityGroupRuleId: 'sgr-0a1b2c3d4e5f60718', groupId: 'sg-0123456789abcdef0', isEgress: false, ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIpv4: '0.0.0.0/0' }],
        },
      },
    ),
    expect: [{ kind: 'delete', target: { type: INGRESS_RULE, id: 'sgr-0a1b2c3d4e5f60718' } }],
  },
  {
    title: 'RevokeSecurityGroupEgress by permission list: one match per peer',
    source: ev(
      'ec2',
      'RevokeSecurityGroupEgress',
      {
        groupId: 'sg-0123456789abcdef0',
        ipPermissions: {
          items: [
            {
              ipProtocol: 'tcp',
              fromPort: 443,
              toPort: 443,
              groups: {},
              ipRanges: { items: [{ cidrIp: '10.0.0.0/8' }] },
              ipv6Ranges: { items: [{ cidrIpv6: '::/0' }] },
              prefixListIds: {},
            },
          ],
        },
      },
      { requestId: 'r5', _return: true },
    ),
    expect: [
      { kind: 'delete-match', type: EGRESS_RULE, match: { securityGroupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/8' } },
      { kind: 'delete-match', type: EGRESS_RULE, match: { securityGroupId: 'sg-0123456789abcdef0', ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: '::/0' } },
    ],
  },
  {
    title: 'ModifySecurityGroupRules is skipped: the event does not say inbound or outbound',
    source: ev(
      'ec2',
      'ModifySecurityGroupRules',
      {
        ModifySecurityGroupRulesRequest: {
          GroupId: 'sg-0123456789abcdef0',
          SecurityGroupRule: {
            SecurityGroupRuleId: 'sgr-0a1b2c3d4e5f60718',
            tag: 1,
            SecurityGroupRule: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv4: '0.0.0.0/0', Description: '' },
          },
        },
      },
      { ModifySecurityGroupRulesResponse: { xmlns: XMLNS, requestId: 'r6', return: true } },
    ),
    expect: {
      skip: 'rules sgr-0a1b2c3d4e5f60718 of sg-0123456789abcdef0 changed, but the event does not say whether they are inbound or outbound',
    },
  },
  {
    title: 'ReplaceRoute replaces the route with the same key',
    source: ev(
      'ec2',
      'ReplaceRoute',
      { routeTableId: 'rtb-0a1b2c3d4e5f60718', destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-0a1b2c3d4e5f60718' },
      { requestId: 'r7', _return: true },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: ROUTE, id: 'rtb-0a1b2c3d4e5f60718_0.0.0.0/0' },
        inputs: { routeTableId: 'rtb-0a1b2c3d4e5f60718', destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-0a1b2c3d4e5f60718' },
      },
    ],
  },
  {
    title: 'DeleteVpcEndpoints (XML-style list)',
    source: ev(
      'ec2',
      'DeleteVpcEndpoints',
      { DeleteVpcEndpointsRequest: { VpcEndpointId: [{ tag: 1, content: 'vpce-0a1b2c3d4e5f60718' }, { tag: 2, content: 'vpce-0fedcba9876543210' }] } },
      { DeleteVpcEndpointsResponse: { xmlns: XMLNS, requestId: 'r8', unsuccessful: '' } },
    ),
    expect: [
      { kind: 'delete', target: { type: VPC_ENDPOINT, id: 'vpce-0a1b2c3d4e5f60718' } },
      { kind: 'delete', target: { type: VPC_ENDPOINT, id: 'vpce-0fedcba9876543210' } },
    ],
  },
  {
    title: 'ReplaceNetworkAclEntry with a port range',
    source: ev(
      'ec2',
      'ReplaceNetworkAclEntry',
      { networkAclId: 'acl-0a1b2c3d4e5f60718', ruleNumber: 100, egress: false, ruleAction: 'allow', icmpTypeCode: {}, portRange: { from: 22, to: 22 }, aclProtocol: '6', cidrBlock: '0.0.0.0/0' },
      { requestId: 'r9', _return: true },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: NETWORK_ACL_RULE, id: 'acl-0a1b2c3d4e5f60718:100:6:false' },
        inputs: { networkAclId: 'acl-0a1b2c3d4e5f60718', ruleNumber: 100, egress: false, protocol: '6', ruleAction: 'allow', cidrBlock: '0.0.0.0/0', fromPort: 22, toPort: 22 },
      },
    ],
  },
  {
    title: 'DeleteNetworkAclEntry matches ACL, number and direction',
    source: ev('ec2', 'DeleteNetworkAclEntry', { networkAclId: 'acl-0a1b2c3d4e5f60718', ruleNumber: 100, egress: false }, { requestId: 'r10', _return: true }),
    expect: [{ kind: 'delete-match', type: NETWORK_ACL_RULE, match: { networkAclId: 'acl-0a1b2c3d4e5f60718', ruleNumber: 100, egress: false } }],
  },
  {
    title: 'CreateTrafficMirrorSession',
    source: ev(
      'ec2',
      'CreateTrafficMirrorSession',
      {
        CreateTrafficMirrorSessionRequest: {
          NetworkInterfaceId: 'eni-0a1b2c3d4e5f60718',
          TrafficMirrorTargetId: 'tmt-0a1b2c3d4e5f60718',
          TrafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718',
          SessionNumber: 1,
          ClientToken: 'c0ffee00-0000-4000-8000-000000000001',
        },
      },
      {
        CreateTrafficMirrorSessionResponse: {
          xmlns: XMLNS,
          requestId: 'r11',
          clientToken: 'c0ffee00-0000-4000-8000-000000000001',
          trafficMirrorSession: {
            trafficMirrorSessionId: 'tms-0a1b2c3d4e5f60718',
            networkInterfaceId: 'eni-0a1b2c3d4e5f60718',
            trafficMirrorTargetId: 'tmt-0a1b2c3d4e5f60718',
            trafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718',
            sessionNumber: 1,
            virtualNetworkId: 7430227,
            ownerId: '111122223333',
            tagSet: '',
          },
        },
      },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: MIRROR_SESSION, id: 'tms-0a1b2c3d4e5f60718' },
        inputs: { networkInterfaceId: 'eni-0a1b2c3d4e5f60718', trafficMirrorTargetId: 'tmt-0a1b2c3d4e5f60718', trafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718', sessionNumber: 1 },
      },
    ],
  },
  {
    title: 'DeleteTrafficMirrorSession',
    source: ev(
      'ec2',
      'DeleteTrafficMirrorSession',
      { DeleteTrafficMirrorSessionRequest: { TrafficMirrorSessionId: 'tms-0a1b2c3d4e5f60718' } },
      { DeleteTrafficMirrorSessionResponse: { xmlns: XMLNS, requestId: 'r12', trafficMirrorSessionId: 'tms-0a1b2c3d4e5f60718' } },
    ),
    expect: [{ kind: 'delete', target: { type: MIRROR_SESSION, id: 'tms-0a1b2c3d4e5f60718' } }],
  },
  {
    title: 'DeleteTrafficMirrorFilter',
    source: ev(
      'ec2',
      'DeleteTrafficMirrorFilter',
      { DeleteTrafficMirrorFilterRequest: { TrafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718' } },
      { DeleteTrafficMirrorFilterResponse: { xmlns: XMLNS, requestId: 'r13', trafficMirrorFilterId: 'tmf-0a1b2c3d4e5f60718' } },
    ),
    expect: [{ kind: 'delete', target: { type: MIRROR_FILTER, id: 'tmf-0a1b2c3d4e5f60718' } }],
  },
  {
    title: 'DeleteTrafficMirrorFilterRule',
    source: ev(
      'ec2',
      'DeleteTrafficMirrorFilterRule',
      { DeleteTrafficMirrorFilterRuleRequest: { TrafficMirrorFilterRuleId: 'tmfr-0a1b2c3d4e5f60718' } },
      { DeleteTrafficMirrorFilterRuleResponse: { xmlns: XMLNS, requestId: 'r14', trafficMirrorFilterRuleId: 'tmfr-0a1b2c3d4e5f60718' } },
    ),
    expect: [{ kind: 'delete', target: { type: MIRROR_FILTER_RULE, id: 'tmfr-0a1b2c3d4e5f60718' } }],
  },
];
