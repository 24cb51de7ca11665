/**
 * Releasing resources from the stack: they are dropped from Pulumi's state (an edited
 * `stack export` imported back), not deleted, so trailback never silently becomes their owner.
 */
import { isPlainObject } from '../util/json.js';

interface StateResource {
  urn: string;
  id?: string;
  type: string;
  provider?: string;
}

export interface Released {
  deployment: Record<string, unknown>;
  removed: string[];
}

/** The stack export without the given resources and without providers no resource uses any more. */
export function withoutResources(exported: Record<string, unknown>, urns: ReadonlySet<string>): Released {
  const deployment = isPlainObject(exported.deployment) ? exported.deployment : {};
  const resources = (Array.isArray(deployment.resources) ? deployment.resources : []) as StateResource[];
  const removed = resources.filter((r) => urns.has(r.urn)).map((r) => r.urn);
  let kept = resources.filter((r) => !urns.has(r.urn));
  const used = new Set(kept.map((r) => r.provider).filter(Boolean));
  const unusedProvider = (r: StateResource): boolean => r.type.startsWith('pulumi:providers:') && !used.has(`${r.urn}::${r.id}`);
  if (removed.length > 0) {
    removed.push(...kept.filter(unusedProvider).map((r) => r.urn));
    kept = kept.filter((r) => !unusedProvider(r));
  }
  return { deployment: { ...exported, deployment: { ...deployment, resources: kept } }, removed };
}

/** URNs of the given set that the stack holds now. */
export function heldUrns(exported: Record<string, unknown>, urns: ReadonlySet<string>): string[] {
  const deployment = isPlainObject(exported.deployment) ? exported.deployment : {};
  const resources = (Array.isArray(deployment.resources) ? deployment.resources : []) as StateResource[];
  return resources.filter((r) => urns.has(r.urn)).map((r) => r.urn);
}
