/**
 * IMS (serviceName `Ims`, API 2019-08-15): the console's identity service. It names RAM users
 * by `UserPrincipalName` (`alice@<uid>.onaliyun.com`); the user, key and login-profile entries
 * are RAM's, so RAM and IMS events about one user meet on one resource.
 */
import type { ServiceCatalog } from '../types.js';
import { userEntries } from './ram.js';

export const imsCatalog: ServiceCatalog = {
  entries: userEntries('ims'),
};
