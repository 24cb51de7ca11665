import type { ServiceCatalog } from '../types.js';

/** One ServiceCatalog per Alibaba Cloud service file. */
export const alicloudCatalog: ServiceCatalog[] = [];
