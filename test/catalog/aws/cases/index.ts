/** Every AWS catalog case, for the checks that span all of them (SDK names, one case per entry). */
import type { Case } from '../helpers.js';
import { cloudtrailCases } from './cloudtrail.js';
import { ec2Cases } from './ec2.js';
import { iamCases } from './iam.js';
import { kmsCases } from './kms.js';
import { lambdaCases } from './lambda.js';
import { monitoringCases } from './monitoring.js';
import { platformCases } from './platform.js';
import { rdsCases } from './rds.js';
import { s3Cases } from './s3.js';
import { secretsCases } from './secrets.js';
import { vpcCases } from './vpc.js';

export const allCases: Case[] = [
  ...ec2Cases,
  ...vpcCases,
  ...s3Cases,
  ...iamCases,
  ...rdsCases,
  ...lambdaCases,
  ...kmsCases,
  ...cloudtrailCases,
  ...secretsCases,
  ...monitoringCases,
  ...platformCases,
];
