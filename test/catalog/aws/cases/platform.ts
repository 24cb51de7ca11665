/** API Gateway, Bedrock, CodeBuild, ECR, Elasticsearch, Roles Anywhere, SQS, Identity Center, WAF. */
import { expect } from 'vitest';
import type { Case } from '../helpers.js';
import { ds, ev } from '../helpers.js';
import { INVICTUS, PANTHER, PANTHER_FILE, STRATUS, TRAILDISCOVER, invictus, stratus } from './datasets.js';

const API = 'aws:apigatewayv2/api:Api';
const INTEGRATION = 'aws:apigatewayv2/integration:Integration';
const ROUTE = 'aws:apigatewayv2/route:Route';
const STAGE = 'aws:apigatewayv2/stage:Stage';
const REST_STAGE = 'aws:apigateway/stage:Stage';
const INVOCATION_LOGGING = 'aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration';
const PROJECT = 'aws:codebuild/project:Project';
const REPOSITORY = 'aws:ecr/repository:Repository';
const REPOSITORY_POLICY = 'aws:ecr/repositoryPolicy:RepositoryPolicy';
const DOMAIN = 'aws:elasticsearch/domain:Domain';
const TRUST_ANCHOR = 'aws:rolesanywhere/trustAnchor:TrustAnchor';
const PROFILE = 'aws:rolesanywhere/profile:Profile';
const QUEUE = 'aws:sqs/queue:Queue';
const ACCOUNT_ASSIGNMENT = 'aws:ssoadmin/accountAssignment:AccountAssignment';
const IDENTITY_GROUP = 'aws:identitystore/group:Group';
const IDENTITY_USER = 'aws:identitystore/user:User';
const GROUP_MEMBERSHIP = 'aws:identitystore/groupMembership:GroupMembership';
const WEB_ACL_ASSOCIATION = 'aws:wafv2/webAclAssociation:WebAclAssociation';

/** The trust anchor's certificate bundle is long; its shape is what matters. */
const CERTIFICATE = expect.stringMatching(/^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----$/);
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111122223333/orders';
const STORE = 'd-9067230e5b';
const WEB_ACL = 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/edge/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const ALB = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188';

export const platformCases: Case[] = [
  {
    title: 'CreateApi',
    source: ds(TRAILDISCOVER, 'events/APIGateway/CreateApi.json.cloudtrail', 0, 'apigateway', 'CreateApi'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:apigatewayv2/api:Api', id: '5614585pm4' },
        inputs: {
          name: 'buckets555-api',
          protocolType: 'HTTP',
          apiKeySelectionExpression: '$request.header.x-api-key',
          routeSelectionExpression: '$request.method $request.path',
        },
      },
    ],
  },
  {
    title: 'CreateIntegration keyed api/integration',
    source: ds(TRAILDISCOVER, 'events/APIGateway/CreateIntegration.json.cloudtrail', 0, 'apigateway', 'CreateIntegration'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:apigatewayv2/integration:Integration', id: '5614585pm4/3hcdepi' },
        inputs: {
          apiId: '5614585pm4',
          integrationType: 'AWS_PROXY',
          integrationMethod: 'POST',
          integrationUri: 'arn:aws:apigateway:ca-southwest-3r:lambda:path/2015-03-31/functions/arn:aws:lambda:ca-southwest-3r:735474257465:function:buckets555/invocations',
          payloadFormatVersion: '2.0',
          connectionType: 'INTERNET',
        },
      },
    ],
  },
  {
    title: 'CreateRoute keyed api/route',
    source: ds(TRAILDISCOVER, 'events/APIGateway/CreateRoute.json.cloudtrail', 0, 'apigateway', 'CreateRoute'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:apigatewayv2/route:Route', id: '5614585pm4/p8hctvu' },
        inputs: {
          apiId: '5614585pm4',
          routeKey: 'GET /trigger',
          target: 'integrations/3hcdepi',
          authorizationType: 'NONE',
          apiKeyRequired: false,
        },
      },
    ],
  },
  {
    title: 'CreateStage of an HTTP API',
    source: ds(TRAILDISCOVER, 'events/APIGateway/CreateStage.json.cloudtrail', 0, 'apigateway', 'CreateStage'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:apigatewayv2/stage:Stage', id: '5614585pm4/$default' },
        inputs: { apiId: '5614585pm4', name: '$default', autoDeploy: true },
      },
    ],
  },
  {
    title: 'DeleteModelInvocationLoggingConfiguration (one per region)',
    source: ds(PANTHER, PANTHER_FILE, 14, 'bedrock', 'DeleteModelInvocationLoggingConfiguration'),
    expect: [
      {
        kind: 'delete',
        target: {
          type: 'aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration',
          id: 'us-west-2',
        },
      },
    ],
  },
  {
    title: 'UpdateGuardrail with hidden values touches what it names',
    source: ds(PANTHER, PANTHER_FILE, 16, 'bedrock', 'UpdateGuardrail'),
    expect: [
      {
        kind: 'touch',
        target: { type: 'aws:bedrock/guardrail:Guardrail', id: 'cmy5azq5koeo,DRAFT' },
        paths: ['name'],
      },
    ],
  },
  {
    title: 'DeleteGuardrail',
    source: ds(PANTHER, PANTHER_FILE, 17, 'bedrock', 'DeleteGuardrail'),
    expect: [{ kind: 'delete', target: { type: 'aws:bedrock/guardrail:Guardrail', id: 'cmy5azq5koeo,DRAFT' } }],
  },
  {
    title: 'PutUseCaseForModelAccess: the form is hidden',
    source: ds(STRATUS, stratus('aws.impact.bedrock-invoke-model'), 1, 'bedrock', 'PutUseCaseForModelAccess'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:bedrock/useCaseForModelAccess:UseCaseForModelAccess', id: '494659789341' },
        inputs: {},
        unknown: ['formData'],
      },
    ],
  },
  {
    title: 'UpdateProjectVisibility makes builds public',
    source: ds(PANTHER, PANTHER_FILE, 56, 'codebuild', 'UpdateProjectVisibility'),
    expect: [
      {
        kind: 'update',
        target: { type: 'aws:codebuild/project:Project', id: 'testproject1234' },
        ops: [
          { op: 'set', path: 'projectVisibility', value: 'PUBLIC_READ' },
          { op: 'set', path: 'resourceAccessRole', value: 'arn:aws:iam::111122223333:role/service-role/test' },
        ],
      },
    ],
  },
  {
    title: 'SetRepositoryPolicy',
    source: ds(PANTHER, PANTHER_FILE, 300, 'ecr', 'SetRepositoryPolicy'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:ecr/repositoryPolicy:RepositoryPolicy', id: 'community' },
        inputs: {
          repository: 'community',
          policy: '{"Version":"2012-10-17","Statement":[{"Action":["ecr:BatchCheckLayerAvailability","ecr:BatchGetImage","ecr:GetAuthorizationToken","ecr:GetDownloadUrlForLayer"],"Effect":"Allow","Principal":"*","Sid":"PublicRead"}]}',
        },
      },
    ],
  },
  {
    title: 'CreateTrustAnchor',
    source: ds(INVICTUS, invictus('20230710T1230Z_04rtp9DpvIpSZzMr'), 10, 'rolesanywhere', 'CreateTrustAnchor'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rolesanywhere/trustAnchor:TrustAnchor', id: '49e25ec3-bdfe-4150-8683-b4ea4ee85cfd' },
        inputs: {
          name: 'malicious-rolesanywhere-trust-anchor',
          enabled: true,
          source: {
            sourceData: {
              x509CertificateData: CERTIFICATE,
            },
            sourceType: 'CERTIFICATE_BUNDLE',
          },
        },
        unknown: ['tags'],
      },
    ],
  },
  {
    title: 'DeleteTrustAnchor',
    source: ds(INVICTUS, invictus('20230710T1230Z_lHgkh3VeI3XnjZSL'), 67, 'rolesanywhere', 'DeleteTrustAnchor'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:rolesanywhere/trustAnchor:TrustAnchor', id: '49e25ec3-bdfe-4150-8683-b4ea4ee85cfd' },
      },
    ],
  },
  {
    title: 'CreateProfile: tag keys hidden by CloudTrail make the tags unknown',
    source: ds(INVICTUS, invictus('20230710T1230Z_lHgkh3VeI3XnjZSL'), 14, 'rolesanywhere', 'CreateProfile'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:rolesanywhere/profile:Profile', id: 'ac4e09d1-a150-4924-bb76-23b00fa7c34a' },
        inputs: {
          name: 'malicious-rolesanywhere-profile',
          enabled: true,
          roleArns: ['arn:aws:iam::123837392027:role/stratus-red-team-trust-anchor-role'],
          durationSeconds: 3600,
        },
        unknown: ['tags'],
      },
    ],
  },
  {
    title: 'DeleteProfile',
    source: ds(INVICTUS, invictus('20230710T1235Z_YbVFCP9AYzJDhHV9'), 96, 'rolesanywhere', 'DeleteProfile'),
    expect: [
      {
        kind: 'delete',
        target: { type: 'aws:rolesanywhere/profile:Profile', id: 'ac4e09d1-a150-4924-bb76-23b00fa7c34a' },
      },
    ],
  },
  {
    title: 'CreateAccountAssignment keyed by its six fields',
    source: ds(TRAILDISCOVER, 'events/SSO/CreateAccountAssignment.json.cloudtrail', 0, 'sso', 'CreateAccountAssignment'),
    expect: [
      {
        kind: 'create',
        target: {
          type: 'aws:ssoadmin/accountAssignment:AccountAssignment',
          id: 'AROA****************:User,GROUP,760507577735,AWS_ACCOUNT,arn:aws:sso:::permissionSet/ssoins-66846d02039d7f57/ps-cc3ba8d6d6642c51,arn:aws:sso:::instance/ssoins-66846d02039d7f57',
        },
        inputs: {
          principalId: 'AROA****************:User',
          principalType: 'GROUP',
          targetId: '760507577735',
          targetType: 'AWS_ACCOUNT',
          permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-66846d02039d7f57/ps-cc3ba8d6d6642c51',
          instanceArn: 'arn:aws:sso:::instance/ssoins-66846d02039d7f57',
        },
      },
    ],
  },
  {
    title: 'CreateGroup in the identity store',
    source: ds(TRAILDISCOVER, 'events/SSO/CreateGroup.json.cloudtrail', 0, 'sso-directory', 'CreateGroup'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:identitystore/group:Group', id: 'd-9a670c783a/114bd550-8061-702c-4bb4-2a771ff86cfb' },
        inputs: { identityStoreId: 'd-9a670c783a', displayName: 'secure' },
      },
    ],
  },
  {
    title: 'CreateUser with hidden attributes',
    source: ds(TRAILDISCOVER, 'events/SSO/CreateUser.json.cloudtrail', 0, 'sso-directory', 'CreateUser'),
    expect: [
      {
        kind: 'create',
        target: { type: 'aws:identitystore/user:User', id: 'd-9a670c783a/01cb45c0-c071-70a1-0a3a-e417bf7fd8ff' },
        inputs: { identityStoreId: 'd-9a670c783a' },
        unknown: ['userName', 'displayName', 'name', 'emails'],
      },
    ],
  },
  {
    title: 'AddMemberToGroup without the membership id in the response is skipped',
    source: ds(TRAILDISCOVER, 'events/SSO/AddMemberToGroup.json.cloudtrail', 0, 'sso-directory', 'AddMemberToGroup'),
    expect: { skip: 'no membership id in the response' },
  },
  {
    title: 'DisassociateWebACL names only the resource',
    source: ds(PANTHER, PANTHER_FILE, 445, 'wafv2', 'DisassociateWebACL'),
    expect: [
      {
        kind: 'delete-match',
        type: 'aws:wafv2/webAclAssociation:WebAclAssociation',
        match: {
          resourceArn: 'arn:aws:elasticloadbalancing:us-west-2:012345678910:loadbalancer/app/web/84dc5457e450dba5',
        },
      },
    ],
  },

  {
    title: 'DeleteApi',
    source: ev('apigateway', 'DeleteApi', { apiId: 'a1b2c3d4e5' }),
    expect: [{ kind: 'delete', target: { type: API, id: 'a1b2c3d4e5' } }],
  },
  {
    title: 'DeleteIntegration',
    source: ev('apigateway', 'DeleteIntegration', { apiId: 'a1b2c3d4e5', integrationId: 'x9y8z7w' }),
    expect: [{ kind: 'delete', target: { type: INTEGRATION, id: 'a1b2c3d4e5/x9y8z7w' } }],
  },
  {
    title: 'DeleteRoute',
    source: ev('apigateway', 'DeleteRoute', { apiId: 'a1b2c3d4e5', routeId: 'r1s2t3u' }),
    expect: [{ kind: 'delete', target: { type: ROUTE, id: 'a1b2c3d4e5/r1s2t3u' } }],
  },
  {
    title: 'DeleteStage of an HTTP API',
    source: ev('apigateway', 'DeleteStage', { apiId: 'a1b2c3d4e5', stageName: 'prod' }),
    expect: [{ kind: 'delete', target: { type: STAGE, id: 'a1b2c3d4e5/prod' } }],
  },
  {
    title: 'CreateStage of a REST API (restApiId) is the v1 Stage type; hidden variables are left out',
    source: ev('apigateway', 'CreateStage', { restApiId: 'q1w2e3r4t5', stageName: 'prod', deploymentId: 'd3p10y', variables: '***' }, { stageName: 'prod', deploymentId: 'd3p10y' }),
    expect: [{ kind: 'create', target: { type: REST_STAGE, id: 'q1w2e3r4t5/prod' }, inputs: { restApi: 'q1w2e3r4t5', stageName: 'prod', deployment: 'd3p10y' } }],
  },
  {
    title: 'PutModelInvocationLoggingConfiguration',
    source: ev('bedrock', 'PutModelInvocationLoggingConfiguration', {
      loggingConfig: { s3Config: { bucketName: 'bedrock-logs', keyPrefix: 'invocations/' }, textDataDeliveryEnabled: true },
    }),
    expect: [
      {
        kind: 'create',
        target: { type: INVOCATION_LOGGING, id: 'us-east-1' },
        inputs: { loggingConfig: { s3Config: { bucketName: 'bedrock-logs', keyPrefix: 'invocations/' }, textDataDeliveryEnabled: true } },
      },
    ],
  },
  {
    title: 'CreateProject: build settings (possible plaintext secrets) are not taken',
    source: ev(
      'codebuild',
      'CreateProject',
      {
        name: 'deploy',
        source: { type: 'GITHUB', location: 'https://github.com/example/app.git' },
        artifacts: { type: 'NO_ARTIFACTS' },
        environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' },
        serviceRole: 'arn:aws:iam::111122223333:role/codebuild-deploy',
      },
      { project: { name: 'deploy', arn: 'arn:aws:codebuild:us-east-1:111122223333:project/deploy' } },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: PROJECT, id: 'deploy' },
        inputs: { name: 'deploy', serviceRole: 'arn:aws:iam::111122223333:role/codebuild-deploy' },
        unknown: ['source', 'artifacts', 'environment'],
      },
    ],
  },
  {
    title: 'DeleteProject',
    source: ev('codebuild', 'DeleteProject', { name: 'deploy' }),
    expect: [{ kind: 'delete', target: { type: PROJECT, id: 'deploy' } }],
  },
  {
    title: 'CreateRepository',
    source: ev(
      'ecr',
      'CreateRepository',
      { repositoryName: 'web', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfiguration: { encryptionType: 'AES256' } },
      { repository: { repositoryName: 'web', registryId: '111122223333' } },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: REPOSITORY, id: 'web' },
        inputs: { name: 'web', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true }, encryptionConfigurations: [{ encryptionType: 'AES256' }] },
      },
    ],
  },
  {
    title: 'DeleteRepository',
    source: ev('ecr', 'DeleteRepository', { repositoryName: 'web', force: true }),
    expect: [{ kind: 'delete', target: { type: REPOSITORY, id: 'web' } }],
  },
  {
    title: 'DeleteRepositoryPolicy',
    source: ev('ecr', 'DeleteRepositoryPolicy', { repositoryName: 'web' }),
    expect: [{ kind: 'delete', target: { type: REPOSITORY_POLICY, id: 'web' } }],
  },
  {
    title: 'CreateElasticsearchDomain with a public access policy',
    source: ev('es', 'CreateElasticsearchDomain', {
      domainName: 'search',
      elasticsearchVersion: '7.10',
      accessPolicies: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"es:*","Resource":"*"}]}',
    }),
    expect: [
      {
        kind: 'create',
        target: { type: DOMAIN, id: 'search' },
        inputs: {
          domainName: 'search',
          elasticsearchVersion: '7.10',
          accessPolicies: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"es:*","Resource":"*"}]}',
        },
      },
    ],
  },
  {
    title: 'UpdateElasticsearchDomainConfig',
    source: ev('es', 'UpdateElasticsearchDomainConfig', { domainName: 'search', accessPolicies: '{"Version":"2012-10-17","Statement":[]}' }),
    expect: [{ kind: 'update', target: { type: DOMAIN, id: 'search' }, ops: [{ op: 'set', path: 'accessPolicies', value: '{"Version":"2012-10-17","Statement":[]}' }] }],
  },
  {
    title: 'DeleteElasticsearchDomain',
    source: ev('es', 'DeleteElasticsearchDomain', { domainName: 'search' }),
    expect: [{ kind: 'delete', target: { type: DOMAIN, id: 'search' } }],
  },
  {
    title: 'DisableTrustAnchor',
    source: ev('rolesanywhere', 'DisableTrustAnchor', { trustAnchorId: '49e25ec3-bdfe-4150-8683-b4ea4ee85cfd' }),
    expect: [{ kind: 'update', target: { type: TRUST_ANCHOR, id: '49e25ec3-bdfe-4150-8683-b4ea4ee85cfd' }, ops: [{ op: 'set', path: 'enabled', value: false }] }],
  },
  {
    title: 'EnableProfile',
    source: ev('rolesanywhere', 'EnableProfile', { profileId: 'ac4e09d1-a150-4924-bb76-23b00fa7c34a' }),
    expect: [{ kind: 'update', target: { type: PROFILE, id: 'ac4e09d1-a150-4924-bb76-23b00fa7c34a' }, ops: [{ op: 'set', path: 'enabled', value: true }] }],
  },
  {
    title: 'CreateQueue keyed by the queue URL',
    source: ev('sqs', 'CreateQueue', { queueName: 'orders', attributes: { VisibilityTimeout: '60', SqsManagedSseEnabled: 'true' } }, { queueUrl: QUEUE_URL }),
    expect: [{ kind: 'create', target: { type: QUEUE, id: QUEUE_URL }, inputs: { name: 'orders', visibilityTimeoutSeconds: 60, sqsManagedSseEnabled: true } }],
  },
  {
    title: 'SetQueueAttributes opens the queue policy to everyone',
    source: ev('sqs', 'SetQueueAttributes', {
      queueUrl: QUEUE_URL,
      attributes: { Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}' },
    }),
    expect: [
      {
        kind: 'update',
        target: { type: QUEUE, id: QUEUE_URL },
        ops: [{ op: 'set', path: 'policy', value: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}' }],
      },
    ],
  },
  {
    title: 'DeleteQueue',
    source: ev('sqs', 'DeleteQueue', { queueUrl: QUEUE_URL }),
    expect: [{ kind: 'delete', target: { type: QUEUE, id: QUEUE_URL } }],
  },
  {
    title: 'DeleteAccountAssignment',
    source: ev('sso', 'DeleteAccountAssignment', {
      instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef',
      targetId: '111122223333',
      targetType: 'AWS_ACCOUNT',
      permissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef',
      principalType: 'USER',
      principalId: '906744e2-0001-7012-3abc-1234567890ab',
    }),
    expect: [
      {
        kind: 'delete',
        target: {
          type: ACCOUNT_ASSIGNMENT,
          id: '906744e2-0001-7012-3abc-1234567890ab,USER,111122223333,AWS_ACCOUNT,arn:aws:sso:::permissionSet/ssoins-1234567890abcdef/ps-1234567890abcdef,arn:aws:sso:::instance/ssoins-1234567890abcdef',
        },
      },
    ],
  },
  {
    title: 'CreateGroupMembership (identitystore) keyed store/membership',
    source: ev(
      'identitystore',
      'CreateGroupMembership',
      { identityStoreId: STORE, groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab', memberId: { userId: '906744e2-0001-7012-3abc-1234567890ab' } },
      { membershipId: 'f1e2d3c4-0001-70bb-cc22-1234567890ab', identityStoreId: STORE },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: GROUP_MEMBERSHIP, id: `${STORE}/f1e2d3c4-0001-70bb-cc22-1234567890ab` },
        inputs: { identityStoreId: STORE, groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab', memberId: '906744e2-0001-7012-3abc-1234567890ab' },
      },
    ],
  },
  {
    title: 'RemoveMemberFromGroup (sso-directory) matches group and member',
    source: ev('sso-directory', 'RemoveMemberFromGroup', {
      identityStoreId: STORE,
      groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab',
      member: { memberId: '906744e2-0001-7012-3abc-1234567890ab' },
    }),
    expect: [
      {
        kind: 'delete-match',
        type: GROUP_MEMBERSHIP,
        match: { identityStoreId: STORE, groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab', memberId: '906744e2-0001-7012-3abc-1234567890ab' },
      },
    ],
  },
  {
    title: 'DeleteGroup (sso-directory)',
    source: ev('sso-directory', 'DeleteGroup', { identityStoreId: STORE, groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab' }),
    expect: [{ kind: 'delete', target: { type: IDENTITY_GROUP, id: `${STORE}/a4b8f1c2-0001-70aa-bb11-1234567890ab` } }],
  },
  {
    title: 'DeleteUser (sso-directory)',
    source: ev('sso-directory', 'DeleteUser', { identityStoreId: STORE, userId: '906744e2-0001-7012-3abc-1234567890ab' }),
    expect: [{ kind: 'delete', target: { type: IDENTITY_USER, id: `${STORE}/906744e2-0001-7012-3abc-1234567890ab` } }],
  },
  {
    title: 'CreateGroup (identitystore): ids are top-level in the response',
    source: ev('identitystore', 'CreateGroup', { identityStoreId: STORE, displayName: 'auditors', description: 'read-only auditors' }, { groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab', identityStoreId: STORE }),
    expect: [
      {
        kind: 'create',
        target: { type: IDENTITY_GROUP, id: `${STORE}/a4b8f1c2-0001-70aa-bb11-1234567890ab` },
        inputs: { identityStoreId: STORE, displayName: 'auditors', description: 'read-only auditors' },
      },
    ],
  },
  {
    title: 'DeleteGroup (identitystore)',
    source: ev('identitystore', 'DeleteGroup', { identityStoreId: STORE, groupId: 'a4b8f1c2-0001-70aa-bb11-1234567890ab' }),
    expect: [{ kind: 'delete', target: { type: IDENTITY_GROUP, id: `${STORE}/a4b8f1c2-0001-70aa-bb11-1234567890ab` } }],
  },
  {
    title: 'CreateUser (identitystore) with personal details hidden',
    source: ev(
      'identitystore',
      'CreateUser',
      { identityStoreId: STORE, userName: 'carol', displayName: 'HIDDEN_DUE_TO_SECURITY_REASONS', name: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      { userId: '906744e2-0001-7012-3abc-1234567890ab', identityStoreId: STORE },
    ),
    expect: [
      {
        kind: 'create',
        target: { type: IDENTITY_USER, id: `${STORE}/906744e2-0001-7012-3abc-1234567890ab` },
        inputs: { identityStoreId: STORE, userName: 'carol' },
        unknown: ['displayName', 'name'],
      },
    ],
  },
  {
    title: 'DeleteGroupMembership (identitystore)',
    source: ev('identitystore', 'DeleteGroupMembership', { identityStoreId: STORE, membershipId: 'f1e2d3c4-0001-70bb-cc22-1234567890ab' }),
    expect: [{ kind: 'delete', target: { type: GROUP_MEMBERSHIP, id: `${STORE}/f1e2d3c4-0001-70bb-cc22-1234567890ab` } }],
  },
  {
    title: 'DeleteUser (identitystore)',
    source: ev('identitystore', 'DeleteUser', { identityStoreId: STORE, userId: '906744e2-0001-7012-3abc-1234567890ab' }),
    expect: [{ kind: 'delete', target: { type: IDENTITY_USER, id: `${STORE}/906744e2-0001-7012-3abc-1234567890ab` } }],
  },
  {
    title: 'AssociateWebACL keyed webAcl,resource',
    source: ev('wafv2', 'AssociateWebACL', { webACLArn: WEB_ACL, resourceArn: ALB }),
    expect: [{ kind: 'create', target: { type: WEB_ACL_ASSOCIATION, id: `${WEB_ACL},${ALB}` }, inputs: { webAclArn: WEB_ACL, resourceArn: ALB } }],
  },
];
