import { cloudtrailCases } from './cases/cloudtrail.js';
import { kmsCases } from './cases/kms.js';
import { lambdaCases } from './cases/lambda.js';
import { monitoringCases } from './cases/monitoring.js';
import { platformCases } from './cases/platform.js';
import { rdsCases } from './cases/rds.js';
import { secretsCases } from './cases/secrets.js';
import { runCases } from './helpers.js';

runCases('rds', rdsCases);
runCases('lambda', lambdaCases);
runCases('kms', kmsCases);
runCases('cloudtrail', cloudtrailCases);
runCases('secrets', secretsCases);
runCases('monitoring', monitoringCases);
runCases('platform', platformCases);
