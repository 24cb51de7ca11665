import { basename } from 'node:path';
import type { Step, StepResource } from '../plan/model.js';
import { sha256 } from '../util/json.js';

/** Pulumi project of every trailback stack and exported program. */
export const PROJECT = 'trailback';

const MAX_NAME = 80;

function slug(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** `alicloud:ecs/securityGroupRule:SecurityGroupRule` → `ecs-securitygrouprule`. */
function typeSlug(type: string): string {
  const m = /^[^:]+:([^/:]+)(?:\/[^:]*)?:([^:]+)$/.exec(type);
  return m ? `${m[1]}-${m[2]!.toLowerCase()}` : slug(type).toLowerCase();
}

function baseName(r: Pick<StepResource, 'type' | 'id'>): string {
  const name = `${typeSlug(r.type)}-${slug(r.id) || 'resource'}`;
  return name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 9)}-${sha256(r.id).slice(0, 8)}`;
}

/**
 * Pulumi resource names for a plan's steps: readable (type and cloud id), stable across runs
 * (a resumed apply finds the same URNs), unique (a hash of the full resource key breaks ties).
 */
export function resourceNames(steps: readonly Step[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const s of steps) counts.set(baseName(s.resource), (counts.get(baseName(s.resource)) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const s of steps) {
    const base = baseName(s.resource);
    const r = s.resource;
    names.set(s.id, counts.get(base)! > 1 ? `${base}-${sha256(`${r.provider}/${r.type}/${r.region}/${r.account}/${r.id}`).slice(0, 8)}` : base);
  }
  return names;
}

export function resourceUrn(stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
}

/** `plans/leaked-key.plan.json` → `leaked-key`: one stack per plan, named after it. */
export function stackNameFromPlanPath(planPath: string): string {
  const name = slug(basename(planPath).replace(/(\.plan)?\.json$/i, ''));
  return name || 'trailback';
}

/** `plans/x.plan.json` → `plans/x.apply.json`: the apply record lives next to its plan. */
export function applyRecordPath(planPath: string): string {
  return /\.plan\.json$/i.test(planPath) ? planPath.replace(/\.plan\.json$/i, '.apply.json') : `${planPath}.apply.json`;
}
