/**
 * What the Pulumi program of each apply phase registers, as plain data. Pure: the same spec
 * drives the inline program (program.ts) and the exported TypeScript project (export.ts).
 *
 * Phases:
 *   read     – `Class.get(id)` of every resource that exists now: Pulumi reads it live (preview only)
 *   import   – adopt those resources into the stack exactly as they are (no cloud change)
 *   converge – desired inputs for kept resources, new resources for creates; deleted ones are
 *              left out of the program, so Pulumi deletes them
 */
import type { Step } from '../plan/model.js';
import { GLOBAL_REGION_DEFAULTS } from './regions.js';
import { parseTypeToken, type ProviderPackage } from './sdk.js';
import { changesIdentity, effectiveAfter, redactedInputs } from './steps.js';

export type Phase = 'read' | 'import' | 'converge';

/** The new cloud id of another step's resource, known only once Pulumi created it. */
export class IdRef {
  constructor(readonly stepId: string) {}
}

export interface ProviderSpec {
  /** Pulumi resource name of the explicit provider: `aws-us-east-1`. */
  name: string;
  pkg: ProviderPackage;
  region: string;
  /** Set for AWS accounts: the provider refuses credentials of another account. */
  allowedAccountIds?: string[];
}

export type ResourceMode = 'read' | 'import' | 'create' | 'manage';

export interface ResourceSpec {
  stepId: string;
  name: string;
  type: string;
  /** Name of the ProviderSpec. */
  provider: string;
  mode: ResourceMode;
  /** Cloud id to read or import. */
  id?: string;
  /** Pulumi inputs; may hold IdRef values. */
  inputs: Record<string, unknown>;
  /** Step ids of resources in the same program this one must follow. */
  dependsOn: string[];
  ignoreChanges: string[];
}

export interface ProgramSpec {
  phase: Phase;
  providers: ProviderSpec[];
  resources: ResourceSpec[];
  /** Steps whose new id the program exports (`ids` stack output). */
  exportIds: string[];
  warnings: string[];
}

/** What Pulumi read of a live resource: its inputs, and the ones it showed only as `[secret]`. */
export interface LiveRead {
  inputs: Record<string, unknown>;
  secretKeys: string[];
}

export interface SpecOptions {
  phase: Phase;
  /** All steps of the plan (for dependencies and names). */
  planSteps: readonly Step[];
  /** The steps this run applies. */
  apply: readonly Step[];
  names: ReadonlyMap<string, string>;
  live?: ReadonlyMap<string, LiveRead>;
  /** New ids of create/replace steps applied by an earlier run. */
  appliedIds?: ReadonlyMap<string, string>;
  /** Region of providers for account-wide (`global`) resources. */
  globalRegions?: Partial<Record<ProviderPackage, string>>;
}

const EXISTING = new Set(['update', 'replace', 'delete']);

function withoutKeys(inputs: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out = { ...inputs };
  for (const k of keys) delete out[k];
  return out;
}

/** Replaces other steps' old ids (a string, or inside lists and objects) by their new one. */
export function substituteIds(value: unknown, refs: ReadonlyMap<string, IdRef | string>): unknown {
  if (typeof value === 'string') return refs.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => substituteIds(v, refs));
  if (value !== null && typeof value === 'object' && !(value instanceof IdRef)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteIds(v, refs)]));
  }
  return value;
}

function containsString(value: unknown, s: string): boolean {
  if (value === s) return true;
  if (Array.isArray(value)) return value.some((v) => containsString(v, s));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => containsString(v, s));
  return false;
}

function providerFor(step: Step, multiAccount: ReadonlySet<ProviderPackage>, globalRegions: SpecOptions['globalRegions']): ProviderSpec {
  const pkg = parseTypeToken(step.resource.type).pkg;
  const global = step.resource.region === 'global' || step.resource.region === '';
  const region = global ? (globalRegions?.[pkg] ?? GLOBAL_REGION_DEFAULTS[pkg]) : step.resource.region;
  const account = step.resource.account;
  const name = `${pkg}-${global ? 'global' : region}` + (multiAccount.has(pkg) ? `-${account}` : '');
  return {
    name,
    pkg,
    region,
    ...(pkg === 'aws' && /^\d{12}$/.test(account) && { allowedAccountIds: [account] }),
  };
}

/** Import and read phases handle what exists now; converge what must exist afterwards. */
function inPhase(step: Step, phase: Phase): boolean {
  return phase === 'converge' ? step.action !== 'delete' : EXISTING.has(step.action);
}

export function buildSpec(o: SpecOptions): ProgramSpec {
  const byId = new Map(o.planSteps.map((s) => [s.id, s]));
  const applying = o.apply.filter((s) => inPhase(s, o.phase));
  const inProgram = new Set(applying.map((s) => s.id));
  const warnings: string[] = [];

  const accounts = new Map<ProviderPackage, Set<string>>();
  for (const s of o.apply) {
    const pkg = parseTypeToken(s.resource.type).pkg;
    accounts.set(pkg, (accounts.get(pkg) ?? new Set()).add(s.resource.account));
  }
  const multiAccount = new Set([...accounts].filter(([, a]) => a.size > 1).map(([p]) => p));

  const providers = new Map<string, ProviderSpec>();
  const resources: ResourceSpec[] = [];
  const deps = new Map<string, Set<string>>(applying.map((s) => [s.id, new Set()]));

  for (const step of applying) {
    for (const d of step.dependsOn) {
      const dep = byId.get(d);
      if (!dep || !inProgram.has(d)) continue;
      // Pulumi deletes dependents first: to delete the child before its parent, the child depends on the parent.
      if (o.phase === 'import' && step.action === 'delete' && dep.action === 'delete') deps.get(d)!.add(step.id);
      else deps.get(step.id)!.add(d);
    }
  }

  for (const step of applying) {
    const provider = providerFor(step, multiAccount, o.globalRegions);
    providers.set(provider.name, provider);
    const base = { stepId: step.id, name: o.names.get(step.id)!, type: step.resource.type, provider: provider.name, dependsOn: [...deps.get(step.id)!] };
    const live = o.live?.get(step.id);
    const before = step.before ?? {};
    const current = live ? live.inputs : withoutKeys(before, redactedInputs(before));
    const hidden = live ? live.secretKeys : redactedInputs(before);

    if (o.phase === 'read') {
      resources.push({ ...base, mode: 'read', id: step.resource.id, inputs: {}, dependsOn: [], ignoreChanges: [] });
    } else if (o.phase === 'import') {
      resources.push({ ...base, mode: 'import', id: step.resource.id, inputs: current, ignoreChanges: hidden });
    } else {
      const after = effectiveAfter(step).after ?? {};
      const refs = new Map<string, IdRef | string>();
      for (const d of step.dependsOn) {
        const dep = byId.get(d);
        if (!dep || !changesIdentity(dep)) continue;
        if (inProgram.has(d)) refs.set(dep.resource.id, new IdRef(d));
        else if (o.appliedIds?.has(d)) refs.set(dep.resource.id, o.appliedIds.get(d)!);
        else if (containsString(after, dep.resource.id)) {
          warnings.push(`${step.id} refers to ${dep.resource.id} of step ${d}, which is not applied: it keeps the old id`);
        }
      }
      const desired = substituteIds(after, refs) as Record<string, unknown>;
      if (step.action === 'create') {
        resources.push({ ...base, mode: 'create', inputs: desired, ignoreChanges: [] });
      } else {
        const removed = Object.keys(before).filter((k) => !(k in after));
        const inputs = { ...withoutKeys(current, removed), ...desired };
        resources.push({ ...base, mode: 'manage', id: step.resource.id, inputs, ignoreChanges: hidden.filter((k) => !(k in after)) });
      }
    }
  }

  if (o.phase === 'converge') {
    for (const step of o.apply) {
      const first = step.dependsOn.map((d) => byId.get(d)).find((d) => d?.action === 'delete' && o.apply.includes(d));
      if (step.action !== 'delete' && first) {
        warnings.push(`${step.id} should follow the delete of ${first.id}, but Pulumi deletes last: if ${step.id} fails for that reason, run apply again`);
      }
    }
  }

  const exportIds = o.phase === 'converge' ? applying.filter(changesIdentity).map((s) => s.id) : [];
  return { phase: o.phase, providers: [...providers.values()], resources, exportIds, warnings };
}
