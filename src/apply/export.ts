/**
 * `trailback export`: the apply program as a standalone Pulumi TypeScript project a team can
 * commit, review and run with `pulumi up`, plus a bulk-import file (`pulumi import --file`) for
 * resources a team would rather adopt than restore. Code generation is pure; only
 * `writeProject` touches the disk.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plan, Step } from '../plan/model.js';
import { UserError } from '../util/errors.js';
import { writeFileAtomic } from '../util/fs.js';
import { resourceNames, stackNameFromPlanPath } from './names.js';
import { registrationOrder } from './program.js';
import { PROVIDER_PACKAGES, PULUMI_PACKAGE, parseTypeToken, type ProviderPackage } from './sdk.js';
import { buildSpec, IdRef, type ProgramSpec, type ProviderSpec, type ResourceSpec } from './spec.js';
import { checkKnown } from './steps.js';

export interface ExportedProject {
  /** Relative path → content. */
  files: Record<string, string>;
  steps: Step[];
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function identifier(name: string, taken: Set<string>): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let id = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('') || 'resource';
  if (!/^[A-Za-z_$]/.test(id)) id = `r${id}`;
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}${n}`;
  taken.add(unique);
  return unique;
}

/** A value as TypeScript source; another step's new id becomes `<variable>.id`. */
export function tsValue(v: unknown, vars: ReadonlyMap<string, string>, indent = ''): string {
  if (v instanceof IdRef) return `${vars.get(v.stepId)}.id`;
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map((x) => tsValue(x, vars, indent)).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, x]) => `${inner}${IDENT.test(k) ? k : JSON.stringify(k)}: ${tsValue(x, vars, inner)},`).join('\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

function classExpr(type: string): string {
  const t = parseTypeToken(type);
  return t.namespace === 'index' ? `${t.pkg}.${t.className}` : `${t.pkg}.${t.namespace}.${t.className}`;
}

function stepComment(step: Step): string {
  const risks = [...new Set(step.risks.map((r) => r.kind))];
  const who = [...new Set(step.causedBy.map((c) => c.name))].slice(0, 3).join(', ');
  return `  // ${step.id}: ${step.action} ${step.resource.type} ${step.resource.id} (${step.resource.region})` +
    (risks.length ? ` — risks: ${risks.join(', ')}` : '') + (who ? ` — undoes ${who}` : '');
}

function resourceSource(r: ResourceSpec, step: Step, vars: ReadonlyMap<string, string>, providerVars: ReadonlyMap<string, string>): string {
  const opts = [
    `provider: ${providerVars.get(r.provider)}`,
    'protect: false',
    ...(r.mode === 'import' ? [`import: ${JSON.stringify(r.id)}`] : []),
    ...(r.dependsOn.length ? [`dependsOn: [${r.dependsOn.map((d) => vars.get(d)).join(', ')}]`] : []),
    ...(r.ignoreChanges.length ? [`ignoreChanges: ${JSON.stringify(r.ignoreChanges)}`] : []),
  ];
  return [
    stepComment(step),
    `  const ${vars.get(r.stepId)} = new ${classExpr(r.type)}(${JSON.stringify(r.name)}, ${tsValue(r.inputs, vars, '  ')}, { ${opts.join(', ')} });`,
  ].join('\n');
}

function phaseFunction(fn: string, spec: ProgramSpec, steps: ReadonlyMap<string, Step>, vars: ReadonlyMap<string, string>, providerVars: ReadonlyMap<string, string>): string {
  const body = registrationOrder(spec.resources).map((r) => resourceSource(r, steps.get(r.stepId)!, vars, providerVars));
  const ids = spec.exportIds.map((s) => `    ${JSON.stringify(s)}: ${vars.get(s)}.id,`);
  return [
    `function ${fn}(): Record<string, pulumi.Output<string>> {`,
    ...(body.length ? body : ['  // nothing in this phase']),
    ids.length ? `  return {\n${ids.join('\n')}\n  };` : '  return {};',
    '}',
  ].join('\n');
}

function providerSource(p: ProviderSpec, v: string): string {
  const args: Record<string, unknown> = { region: p.region, ...(p.allowedAccountIds && { allowedAccountIds: p.allowedAccountIds }) };
  return `const ${v} = new ${p.pkg}.Provider(${JSON.stringify(p.name)}, ${tsValue(args, new Map())});`;
}

export function exportProject(plan: Plan, planPath: string): ExportedProject {
  // A code review replaces the interactive one: every step not skipped is in the program.
  const steps = plan.steps.filter((s) => s.decision !== 'skipped');
  if (steps.length === 0) throw new UserError(`${planPath}: every step is skipped: nothing to export`);
  checkKnown(steps, planPath);
  const names = resourceNames(plan.steps);
  const importSpec = buildSpec({ phase: 'import', planSteps: plan.steps, apply: steps, names });
  const convergeSpec = buildSpec({ phase: 'converge', planSteps: plan.steps, apply: steps, names });
  const byStep = new Map(steps.map((s) => [s.id, s]));
  const taken = new Set(['pulumi', 'aws', 'alicloud', 'phase', 'ids', 'importPhase', 'convergePhase']);
  const vars = new Map(steps.map((s) => [s.id, identifier(names.get(s.id)!, taken)]));
  const providers = new Map<string, ProviderSpec>();
  for (const p of [...importSpec.providers, ...convergeSpec.providers]) providers.set(p.name, p);
  const providerVars = new Map([...providers.keys()].map((n) => [n, identifier(`${n}-provider`, taken)]));
  const pkgs = [...new Set([...providers.values()].map((p) => p.pkg))].sort() as ProviderPackage[];
  const project = `trailback-${stackNameFromPlanPath(planPath)}`;

  const index = [
    `// Generated by trailback from ${planPath} (made ${plan.createdAt}${plan.approval ? `, approved by ${plan.approval.by} at ${plan.approval.at}` : ', not approved yet'}).`,
    '// Run it in two phases (see README.md):',
    '//   pulumi up                                   adopt the resources as they are now; Pulumi refuses the',
    '//                                               import of one that changed since the plan was made',
    '//   pulumi config set trailback:phase converge',
    '//   pulumi up                                   update, create, and delete what this program leaves out',
    'import * as pulumi from "@pulumi/pulumi";',
    ...pkgs.map((p) => `import * as ${p} from "${PROVIDER_PACKAGES[p].name}";`),
    '',
    'const phase = new pulumi.Config("trailback").get("phase") ?? "import";',
    'if (phase !== "import" && phase !== "converge") throw new Error(`trailback:phase is import or converge, not ${phase}`);',
    '',
    ...[...providers.values()].map((p) => providerSource(p, providerVars.get(p.name)!)),
    '',
    phaseFunction('importPhase', importSpec, byStep, vars, providerVars),
    '',
    phaseFunction('convergePhase', convergeSpec, byStep, vars, providerVars),
    '',
    '/** New cloud ids of re-created resources, by step. */',
    'export const ids = phase === "import" ? importPhase() : convergePhase();',
    '',
  ].join('\n');

  const packageJson = {
    name: project,
    private: true,
    main: 'index.ts',
    dependencies: Object.fromEntries([[PULUMI_PACKAGE.name, PULUMI_PACKAGE.version], ...pkgs.map((p) => [PROVIDER_PACKAGES[p].name, PROVIDER_PACKAGES[p].version])]),
    devDependencies: { '@types/node': '^20.19.0', typescript: '^5.9.3' },
  };
  const tsconfig = {
    compilerOptions: { strict: true, outDir: 'bin', target: 'es2020', module: 'commonjs', moduleResolution: 'node', sourceMap: true, skipLibCheck: true, forceConsistentCasingInFileNames: true },
    files: ['index.ts'],
  };
  const importFile = {
    resources: importSpec.resources.map((r) => ({ type: r.type, name: r.name, id: r.id! })),
  };
  const pulumiYaml = [`name: ${project}`, 'runtime:', '  name: nodejs', '  options:', '    typescript: true', `description: Rollback of ${planPath}, generated by trailback`, ''].join('\n');
  const readme = [
    `# ${project}`,
    '',
    `The rollback of \`${planPath}\` as a Pulumi program (${steps.length} step(s)). Credentials come from the usual`,
    'environment (AWS_* / ALICLOUD_*); the providers pin each resource to its region' + (pkgs.includes('aws') ? ' and AWS account.' : '.'),
    '',
    '```sh',
    'npm install',
    'pulumi stack init rollback',
    'pulumi preview                               # import phase: reads and adopts the resources as they are',
    'pulumi up',
    'pulumi config set trailback:phase converge',
    'pulumi preview --diff                        # the rollback itself',
    'pulumi up',
    '```',
    '',
    'Afterwards, to stop managing the resources without deleting them: `pulumi state delete <urn>` for',
    'each one (or `pulumi stack rm --force` on a stack used only for this).',
    '',
    'To adopt the existing resources into another stack instead of restoring them:',
    '`pulumi import --file import.json` (one entry per resource that exists now).',
    '',
  ].join('\n');
  return {
    steps,
    files: {
      'Pulumi.yaml': pulumiYaml,
      'package.json': JSON.stringify(packageJson, null, 2) + '\n',
      'tsconfig.json': JSON.stringify(tsconfig, null, 2) + '\n',
      'index.ts': index,
      'import.json': JSON.stringify(importFile, null, 2) + '\n',
      'README.md': readme,
    },
  };
}

/** Writes the project (each file through temp + rename); refuses a non-empty folder unless forced. */
export async function writeProject(dir: string, project: ExportedProject, force: boolean): Promise<void> {
  let existing: string[] = [];
  try {
    existing = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(`cannot use ${dir}: ${(err as NodeJS.ErrnoException).code}`);
  }
  if (existing.length > 0 && !force) throw new UserError(`${dir} is not empty: choose another --out folder, or pass --force to overwrite`);
  for (const [name, content] of Object.entries(project.files)) await writeFileAtomic(join(dir, name), content);
}
