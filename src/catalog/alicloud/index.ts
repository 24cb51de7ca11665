import type { ServiceCatalog } from '../types.js';
import { actiontrailCatalog } from './actiontrail.js';
import { ecsCatalog } from './ecs.js';
import { imsCatalog } from './ims.js';
import { ossCatalog } from './oss.js';
import { ramCatalog } from './ram.js';
import { rdsCatalog } from './rds.js';
import { resourcemanagerCatalog } from './resourcemanager.js';
import { signinCatalog } from './signin.js';
import { slbCatalog } from './slb.js';
import { vpcCatalog } from './vpc.js';

/** One ServiceCatalog per Alibaba Cloud service file. */
export const alicloudCatalog: ServiceCatalog[] = [
  ecsCatalog,
  vpcCatalog,
  slbCatalog,
  rdsCatalog,
  ossCatalog,
  ramCatalog,
  imsCatalog,
  resourcemanagerCatalog,
  actiontrailCatalog,
  signinCatalog,
];
