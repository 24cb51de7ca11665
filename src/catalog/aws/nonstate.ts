/**
 * Services whose recorded writes change no resource state trailback models: sign-in,
 * temporary credentials, interactive sessions, agent traffic, support and marketplace
 * paperwork. Listed so they are known, not reported as unknown writes.
 */
import type { ServiceCatalog } from '../types.js';
import { nonState } from './shared.js';

export const sessions: ServiceCatalog = {
  entries: [],
  nonState: [
    nonState(
      'signin',
      ['ConsoleLogin', 'CheckMfa', 'GetSigninToken', 'ExternalIdPDirectoryLogin', 'AssumeRole', 'PasswordUpdated', 'UserAuthentication', 'CredentialVerification', 'CredentialChallenge'],
      'console sign-in: a session, no resource',
    ),
    nonState('sts', ['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetFederationToken', 'GetSessionToken'], 'issues temporary credentials: a session, no resource'),
    nonState(
      'cloudshell',
      ['CreateEnvironment', 'StartEnvironment', 'CreateSession', 'DeleteSession', 'PutCredentials', 'RedeemCode', 'SendHeartBeat', 'UpdateLayout'],
      'CloudShell browser sessions and their home environment: not account infrastructure',
    ),
    nonState(
      'ec2-instance-connect',
      ['SendSSHPublicKey', 'SendSerialConsoleSSHPublicKey'],
      'pushes a one-time SSH key valid for 60 seconds: no lasting configuration',
    ),
    nonState('ec2messages', ['SendHeartbeat', 'AcknowledgeMessage', 'SendReply', 'DeleteMessage'], 'SSM agent message channel: no configuration'),
    nonState('ssmmessages', ['CreateControlChannel', 'CreateDataChannel', 'OpenControlChannel', 'OpenDataChannel'], 'Session Manager data channels: no configuration'),
    nonState('ssm-guiconnect', ['StartConnection', 'CancelConnection'], 'Fleet Manager remote desktop connections: sessions, no configuration'),
    nonState('discovery-marketplace', ['SearchListings'], 'a Marketplace catalogue search: a read'),
    nonState('agreement-marketplace', ['AcceptAgreementRequest'], 'accepts a Marketplace agreement: a commercial subscription, no Pulumi type'),
    nonState('support', ['CreateCase', 'AddCommunicationToCase', 'ResolveCase'], 'support cases: correspondence, not infrastructure'),
    nonState('athena', ['StartQueryExecution', 'StopQueryExecution'], 'runs a query: no configuration'),
    nonState('ses', ['PutAccountDetails'], 'SES production-access request form: no Pulumi type'),
    nonState(
      'organizations',
      ['CreateAccountResult'],
      'AWS service notice that an account creation finished (CreateAccount is the change)',
    ),
  ],
};
