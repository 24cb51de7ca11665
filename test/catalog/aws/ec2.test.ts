import { ec2Cases } from './cases/ec2.js';
import { vpcCases } from './cases/vpc.js';
import { runCases } from './helpers.js';

runCases('ec2', ec2Cases);
runCases('vpc (ec2)', vpcCases);
