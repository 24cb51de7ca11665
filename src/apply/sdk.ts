/**
 * The Pulumi SDKs are heavy optional peer dependencies: they are loaded here, with dynamic
 * `import()`, only when apply/export needs them, so `trailback plan` never pays for them.
 */
import type * as PulumiModule from '@pulumi/pulumi';
import { UserError } from '../util/errors.js';

export type Pulumi = typeof PulumiModule;

/** The provider SDK packages trailback can build programs with, by the first part of a type token. */
export const PROVIDER_PACKAGES = {
  aws: { name: '@pulumi/aws', version: '7.48.0' },
  alicloud: { name: '@pulumi/alicloud', version: '3.108.0' },
} as const;
export const PULUMI_PACKAGE = { name: '@pulumi/pulumi', version: '3.248.0' } as const;

export type ProviderPackage = keyof typeof PROVIDER_PACKAGES;

/** A parsed type token `pkg:module/file:Class`. */
export interface TypeToken {
  token: string;
  pkg: ProviderPackage;
  /** SDK namespace (`ec2` in `aws.ec2.Instance`); `index` means the package's top level. */
  namespace: string;
  className: string;
}

export function parseTypeToken(token: string): TypeToken {
  const m = /^([a-z0-9-]+):([A-Za-z0-9_]+)(?:\/[A-Za-z0-9_]+)?:([A-Za-z0-9_]+)$/.exec(token);
  if (!m) throw new UserError(`${JSON.stringify(token)} is not a Pulumi type token (expected e.g. aws:ec2/instance:Instance)`);
  const [, pkg, namespace, className] = m;
  if (!(pkg! in PROVIDER_PACKAGES)) {
    throw new UserError(`type ${token}: trailback applies only ${Object.keys(PROVIDER_PACKAGES).join(' and ')} resources`);
  }
  return { token, pkg: pkg as ProviderPackage, namespace: namespace!, className: className! };
}

function isMissingModule(err: unknown, name: string): boolean {
  const e = err as NodeJS.ErrnoException;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && String(e.message).includes(name);
}

function installHint(name: string, version: string): string {
  return `trailback apply and export need ${name}, which is not installed: run \`npm install ${name}@^${version}\` next to trailback`;
}

/** CommonJS packages imported from ESM: the namespace is on `default` when Node could not list named exports. */
function cjs<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m.default && typeof m.default === 'object' ? m.default : mod) as T;
}

let pulumiPromise: Promise<Pulumi> | undefined;

export function loadPulumi(): Promise<Pulumi> {
  pulumiPromise ??= import('@pulumi/pulumi').then(
    (m) => cjs<Pulumi>(m),
    (err: unknown) => {
      pulumiPromise = undefined;
      throw isMissingModule(err, PULUMI_PACKAGE.name) ? new UserError(installHint(PULUMI_PACKAGE.name, PULUMI_PACKAGE.version)) : err;
    },
  );
  return pulumiPromise;
}

const providerPromises = new Map<ProviderPackage, Promise<Record<string, unknown>>>();

export function loadProviderPackage(pkg: ProviderPackage): Promise<Record<string, unknown>> {
  const { name, version } = PROVIDER_PACKAGES[pkg];
  let p = providerPromises.get(pkg);
  if (!p) {
    // Literal specifiers keep bundlers and `tsc` aware of both packages.
    const load = pkg === 'aws' ? import('@pulumi/aws') : import('@pulumi/alicloud');
    p = load.then(
      (m) => cjs<Record<string, unknown>>(m),
      (err: unknown) => {
        providerPromises.delete(pkg);
        throw isMissingModule(err, name) ? new UserError(installHint(name, version)) : err;
      },
    );
    providerPromises.set(pkg, p);
  }
  return p;
}

/** The constructor shape every generated resource class has. */
export interface ResourceClass {
  new (name: string, args: Record<string, unknown>, opts?: PulumiModule.CustomResourceOptions): PulumiModule.CustomResource & { id: PulumiModule.Output<string> };
  get(name: string, id: PulumiModule.Input<string>, state?: Record<string, unknown>, opts?: PulumiModule.CustomResourceOptions): PulumiModule.CustomResource & { id: PulumiModule.Output<string> };
  __pulumiType?: string;
}

/** The SDK class of a type token, verified by the class's own `__pulumiType`; a clear error when there is none. */
export async function resolveResourceClass(token: string): Promise<ResourceClass> {
  const t = parseTypeToken(token);
  const pkg = await loadProviderPackage(t.pkg);
  const ns = (t.namespace === 'index' ? pkg : pkg[t.namespace]) as Record<string, unknown> | undefined;
  const cls = ns?.[t.className] as ResourceClass | undefined;
  if (typeof cls !== 'function' || cls.__pulumiType !== token) {
    throw new UserError(
      `type ${token} is not a resource of ${PROVIDER_PACKAGES[t.pkg].name}` +
        (typeof cls === 'function' ? ` (${t.pkg}.${t.namespace}.${t.className} is ${cls.__pulumiType ?? 'not a resource'})` : ` (no class ${t.pkg}.${t.namespace}.${t.className})`),
    );
  }
  return cls;
}

/** The provider resource class of a package (`aws.Provider`). */
export async function resolveProviderClass(pkg: ProviderPackage): Promise<ResourceClass> {
  const mod = await loadProviderPackage(pkg);
  const cls = mod.Provider as ResourceClass | undefined;
  if (typeof cls !== 'function') throw new UserError(`${PROVIDER_PACKAGES[pkg].name} has no Provider class`);
  return cls;
}
