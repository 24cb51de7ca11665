import type { ServiceCatalog } from '../types.js';

/** One ServiceCatalog per AWS service file. */
export const awsCatalog: ServiceCatalog[] = [];
