/**
 * Console sign-in (serviceName `AasCustomer` for the account owner, `AasSub` for RAM users).
 * Logged without eventRW, so the name alone would count them as writes.
 */
import type { ServiceCatalog } from '../types.js';
import { ignore } from './common.js';

const reason = 'a console session starts or ends; no resource changes';

export const signinCatalog: ServiceCatalog = {
  entries: [],
  nonState: [ignore('aascustomer', ['ConsoleSignin', 'ConsoleSignout'], reason), ignore('aassub', ['ConsoleSignin', 'ConsoleSignout'], reason)],
};
