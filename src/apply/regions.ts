import type { ProviderPackage } from './sdk.js';

/**
 * Account-wide resources (IAM, RAM) have no region, but their providers need one to reach the
 * API endpoint; any region works. The usual environment variables win over these defaults.
 */
export const GLOBAL_REGION_DEFAULTS: Record<ProviderPackage, string> = { aws: 'us-east-1', alicloud: 'cn-hangzhou' };

export function globalRegionsFromEnv(env: NodeJS.ProcessEnv): Record<ProviderPackage, string> {
  return {
    aws: env.AWS_REGION || env.AWS_DEFAULT_REGION || GLOBAL_REGION_DEFAULTS.aws,
    alicloud: env.ALICLOUD_REGION || GLOBAL_REGION_DEFAULTS.alicloud,
  };
}
