import { s3Cases } from './cases/s3.js';
import { runCases } from './helpers.js';

runCases('s3', s3Cases);
