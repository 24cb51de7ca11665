/**
 * Turns a ProgramSpec into Pulumi resources of the real SDK classes. Classes are resolved before
 * Pulumi runs, so a type token the SDK does not have is one clear error, not an engine failure.
 */
import type * as PulumiModule from '@pulumi/pulumi';
import { UserError } from '../util/errors.js';
import { loadPulumi, resolveProviderClass, resolveResourceClass, type ProviderPackage, type Pulumi, type ResourceClass } from './sdk.js';
import { IdRef, type ProgramSpec, type ResourceSpec } from './spec.js';

export interface ProgramClasses {
  pulumi: Pulumi;
  resources: Map<string, ResourceClass>;
  providers: Map<ProviderPackage, ResourceClass>;
}

export async function loadClasses(specs: readonly ProgramSpec[]): Promise<ProgramClasses> {
  const pulumi = await loadPulumi();
  const resources = new Map<string, ResourceClass>();
  const providers = new Map<ProviderPackage, ResourceClass>();
  for (const spec of specs) {
    for (const p of spec.providers) if (!providers.has(p.pkg)) providers.set(p.pkg, await resolveProviderClass(p.pkg));
    for (const r of spec.resources) if (!resources.has(r.type)) resources.set(r.type, await resolveResourceClass(r.type));
  }
  return { pulumi, resources, providers };
}

/** Resources in an order where every dependency is registered first. */
export function registrationOrder(resources: readonly ResourceSpec[]): ResourceSpec[] {
  const byStep = new Map(resources.map((r) => [r.stepId, r]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: ResourceSpec[] = [];
  const visit = (r: ResourceSpec): void => {
    if (done.has(r.stepId)) return;
    if (visiting.has(r.stepId)) throw new UserError(`steps depend on each other in a cycle (through ${r.stepId}): the plan cannot be applied`);
    visiting.add(r.stepId);
    for (const d of r.dependsOn) {
      const dep = byStep.get(d);
      if (dep) visit(dep);
    }
    visiting.delete(r.stepId);
    done.add(r.stepId);
    out.push(r);
  };
  resources.forEach(visit);
  return out;
}

function resolveRefs(value: unknown, registered: ReadonlyMap<string, PulumiModule.CustomResource>): unknown {
  if (value instanceof IdRef) {
    const r = registered.get(value.stepId);
    if (!r) throw new UserError(`step ${value.stepId} is referenced before it is registered`);
    return r.id;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, registered));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, registered)]));
  }
  return value;
}

export interface Registered {
  resources: Map<string, PulumiModule.CustomResource>;
  providers: Map<string, PulumiModule.ProviderResource>;
  outputs: { ids: Record<string, PulumiModule.Output<string>> };
}

/** Registers the spec's resources with the running Pulumi program (inline, or under mocks in tests). */
export function registerSpec(spec: ProgramSpec, classes: ProgramClasses): Registered {
  const providers = new Map<string, PulumiModule.ProviderResource>();
  for (const p of spec.providers) {
    const args: Record<string, unknown> = { region: p.region, ...(p.allowedAccountIds && { allowedAccountIds: p.allowedAccountIds }) };
    providers.set(p.name, new (classes.providers.get(p.pkg)!)(p.name, args) as unknown as PulumiModule.ProviderResource);
  }
  const resources = new Map<string, PulumiModule.CustomResource>();
  for (const r of registrationOrder(spec.resources)) {
    const cls = classes.resources.get(r.type)!;
    const opts: PulumiModule.CustomResourceOptions = {
      provider: providers.get(r.provider),
      // An adopted resource must stay deletable by the plan and releasable afterwards.
      protect: false,
      ...(r.dependsOn.length > 0 && { dependsOn: r.dependsOn.map((d) => resources.get(d)!).filter(Boolean) }),
      ...(r.ignoreChanges.length > 0 && { ignoreChanges: r.ignoreChanges }),
    };
    if (r.mode === 'read') {
      resources.set(r.stepId, cls.get(r.name, r.id!, undefined, { provider: opts.provider }));
      continue;
    }
    const inputs = resolveRefs(r.inputs, resources) as Record<string, unknown>;
    try {
      resources.set(r.stepId, new cls(r.name, inputs, r.mode === 'import' ? { ...opts, import: r.id! } : opts));
    } catch (err) {
      // The SDK checks required inputs in the constructor ("Missing required property 'x'").
      throw new UserError(`step ${r.stepId} (${r.type} ${r.id ?? r.name}): ${(err as Error).message}`);
    }
  }
  const ids = Object.fromEntries(spec.exportIds.filter((s) => resources.has(s)).map((s) => [s, resources.get(s)!.id]));
  return { resources, providers, outputs: { ids } };
}

/** The inline program of one phase, for the Automation API. */
export function inlineProgram(spec: ProgramSpec, classes: ProgramClasses): () => Promise<Record<string, unknown>> {
  return async () => registerSpec(spec, classes).outputs;
}
