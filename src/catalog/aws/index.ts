import type { ServiceCatalog } from '../types.js';
import { apigateway } from './apigateway.js';
import { bedrock } from './bedrock.js';
import { cloudtrail } from './cloudtrail.js';
import { cloudwatch } from './cloudwatch.js';
import { codebuild } from './codebuild.js';
import { config } from './config.js';
import { ec2 } from './ec2.js';
import { ecr } from './ecr.js';
import { elasticsearch } from './elasticsearch.js';
import { guardduty } from './guardduty.js';
import { iam } from './iam.js';
import { kms } from './kms.js';
import { lambda } from './lambda.js';
import { logs } from './logs.js';
import { macie } from './macie.js';
import { sessions } from './nonstate.js';
import { rds } from './rds.js';
import { rolesanywhere } from './rolesanywhere.js';
import { route53resolver } from './route53resolver.js';
import { s3 } from './s3.js';
import { secretsmanager } from './secretsmanager.js';
import { securityhub } from './securityhub.js';
import { sqs } from './sqs.js';
import { ssm } from './ssm.js';
import { identityCenter } from './sso.js';
import { vpc } from './vpc.js';
import { wafv2 } from './wafv2.js';

/** One ServiceCatalog per AWS service file. */
export const awsCatalog: ServiceCatalog[] = [
  ec2,
  vpc,
  s3,
  iam,
  rds,
  lambda,
  kms,
  cloudtrail,
  guardduty,
  secretsmanager,
  ssm,
  logs,
  cloudwatch,
  apigateway,
  bedrock,
  codebuild,
  config,
  ecr,
  elasticsearch,
  macie,
  rolesanywhere,
  route53resolver,
  securityhub,
  sqs,
  identityCenter,
  wafv2,
  sessions,
];
