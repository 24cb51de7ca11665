import { iamCases } from './cases/iam.js';
import { runCases } from './helpers.js';

runCases('iam', iamCases);
