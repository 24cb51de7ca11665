/**
 * `trailback apply`: the approved steps of a plan through Pulumi's Automation API.
 *
 *   refuse     unapproved/edited/stale plans, unknown or redacted desired values, no TTY without --yes
 *   release    anything an interrupted earlier run left in the stack
 *   read       preview of `Class.get(id)`: Pulumi reads each live resource; compared with `before`
 *   import     `up` adopting the resources as they are (state only, no cloud change)   [--preview: preview]
 *   converge   preview (shown; confirmed on a TTY unless --yes), then `up`: updates, creates, deletes
 *   release    drop the resources from the stack again, unless --keep-managed
 *
 * Everything outside (staleness check, the Pulumi CLI, prompts, streams, clock) is injected.
 */
import { mkdir } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type * as Automation from '@pulumi/pulumi/automation/index.js';
import { stepsDigest, type Plan, type Step } from '../plan/model.js';
import { UserError } from '../util/errors.js';
import { EventCollector, type EngineEvent, type ResourceOutcome } from './events.js';
import { checkLive, liveRead, renderLiveChecks, type LiveCheck } from './live.js';
import { applyRecordPath, PROJECT, resourceNames, resourceUrn, stackNameFromPlanPath } from './names.js';
import { inlineProgram, loadClasses, type ProgramClasses } from './program.js';
import { readApplyRecord, RecordWriter } from './record.js';
import { globalRegionsFromEnv } from './regions.js';
import { heldUrns, withoutResources } from './release.js';
import { loadPulumi } from './sdk.js';
import { buildSpec, type LiveRead, type Phase, type ProgramSpec } from './spec.js';
import { changesIdentity, checkApproval, checkKnown, selectSteps } from './steps.js';
import { countSteps, stepReport, type ApplySummary, type RunStatus, type StepReport } from './summary.js';

export interface ApplyRequest {
  planPath: string;
  plan: Plan;
  stack?: string;
  /** Backend URL, or a folder for the local file backend. */
  backend?: string;
  preview?: boolean;
  yes?: boolean;
  forceStale?: boolean;
  keepManaged?: boolean;
}

/** The structural part of the Automation API's PulumiCommand that the workspace uses. */
export type PulumiCommandLike = Automation.PulumiCommand;

export interface ApplyDeps {
  /** Reasons the plan is stale (empty: fresh). */
  staleness(plan: Plan): Promise<string[]>;
  pulumiCommand(): Promise<PulumiCommandLike>;
  confirm(question: string): Promise<boolean>;
  isTTY: boolean;
  /** Progress and warnings (stderr), one line at a time. */
  log(line: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now(): Date;
  /** Sees each program before Pulumi runs it (tests, --debug). */
  trace?(spec: ProgramSpec): void;
}

/** A CLI URL (`file://`, `s3://`, `https://`…) or a folder for the file backend; PULUMI_BACKEND_URL when none given. */
export function backendUrl(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): { url: string; dir?: string } {
  const value = flag ?? env.PULUMI_BACKEND_URL;
  if (value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const m = /^file:\/\/(.*)$/.exec(value);
    const dir = m && m[1] && !m[1].startsWith('~') ? resolve(cwd, m[1]) : undefined;
    return { url: value, ...(dir && { dir }) };
  }
  const dir = value ? (isAbsolute(value) ? value : resolve(cwd, value)) : resolve(cwd, '.trailback', 'pulumi');
  return { url: `file://${dir}`, dir };
}

/** The Pulumi CLI on PATH; its absence is one line that says how to install it. */
export async function findPulumiCommand(): Promise<PulumiCommandLike> {
  const pulumi = await loadPulumi();
  try {
    return await pulumi.automation.PulumiCommand.get();
  } catch (err) {
    const text = String((err as Error).message);
    if (/ENOENT|not found|No such file/i.test(text)) {
      throw new UserError(
        'the Pulumi CLI is not installed or not on PATH: trailback apply drives it through the Automation API; install it (https://www.pulumi.com/docs/install/) and run again, or use `trailback export` to get a Pulumi project',
      );
    }
    throw new UserError(`the Pulumi CLI cannot be used: ${text.split('\n').find((l) => l.trim()) ?? text}`);
  }
}

function stepLabel(step: Step): string {
  return `${step.id} ${step.resource.type} ${step.resource.id}`;
}

/** One line for a failed Pulumi command: its first error line, not the whole transcript. */
function commandErrorLine(err: unknown): string {
  const e = err as { commandResult?: { stderr?: string; stdout?: string }; message?: string };
  const text = [e.commandResult?.stderr, e.commandResult?.stdout, e.message].filter(Boolean).join('\n');
  const line = text.split('\n').map((l) => l.trim()).find((l) => /error/i.test(l)) ?? text.split('\n').find((l) => l.trim()) ?? String(err);
  return line.replace(/\u001b\[[0-9;]*m/g, '').slice(0, 300);
}

interface Context {
  req: ApplyRequest;
  deps: ApplyDeps;
  stackName: string;
  backend: string;
  names: Map<string, string>;
  urnOf: Map<string, string>;
  labels: Map<string, string>;
  classes: ProgramClasses;
  stack: Automation.Stack;
}

export async function runApply(req: ApplyRequest, deps: ApplyDeps): Promise<ApplySummary> {
  const { plan, planPath } = req;
  const startedAt = deps.now().toISOString();

  checkApproval(plan, planPath);
  const stale = await deps.staleness(plan);
  if (stale.length > 0) throw new UserError(`${planPath} is stale: ${stale.join('; ')}`);
  if (!req.preview && !req.yes && !deps.isTTY) {
    throw new UserError('refusing to apply without confirmation: not a terminal; pass --yes to apply (or --preview to only look)');
  }

  const recordPath = applyRecordPath(planPath);
  const previous = await readApplyRecord(recordPath);
  const digest = stepsDigest(plan);
  if (previous && previous.stepsDigest !== digest) {
    throw new UserError(`${recordPath} records an apply of another version of this plan: move it away to start over`);
  }
  const appliedBefore = new Map(Object.entries(previous?.steps ?? {}).filter(([, r]) => r.status === 'applied'));
  const selection = selectSteps(plan, new Set(appliedBefore.keys()));
  checkKnown(selection.apply, planPath);

  const stackName = req.stack ?? stackNameFromPlanPath(planPath);
  const { url: backend, dir } = backendUrl(req.backend, deps.env, deps.cwd);
  const names = resourceNames(plan.steps);
  const urnOf = new Map(plan.steps.map((s) => [s.id, resourceUrn(stackName, s.resource.type, names.get(s.id)!)]));
  const labels = new Map(plan.steps.map((s) => [urnOf.get(s.id)!, stepLabel(s)]));
  const appliedIds = new Map([...appliedBefore].filter(([, r]) => r.newId).map(([id, r]) => [id, r.newId!]));
  const globalRegions = globalRegionsFromEnv(deps.env);
  const specFor = (phase: Phase, apply: readonly Step[], live?: Map<string, LiveRead>): ProgramSpec =>
    buildSpec({ phase, planSteps: plan.steps, apply, names, appliedIds, globalRegions, ...(live && { live }) });

  const reports = new Map<string, StepReport>();
  for (const { step, reason } of selection.skipped) {
    const prior = appliedBefore.get(step.id);
    reports.set(step.id, prior ? stepReport(step, 'applied', { reason: `applied by an earlier run (${prior.at ?? 'earlier'})`, newId: prior.newId }) : stepReport(step, 'skipped', { reason }));
  }
  const warnings: string[] = [];
  const finish = (status: RunStatus, held: string[] = []): ApplySummary => {
    const steps = plan.steps.map((s) => reports.get(s.id) ?? stepReport(s, 'not-applied'));
    return {
      plan: planPath,
      stack: stackName,
      backend,
      status,
      startedAt,
      finishedAt: deps.now().toISOString(),
      steps,
      counts: countSteps(steps),
      held,
      ...(status !== 'previewed' && status !== 'nothing-to-do' && { record: recordPath }),
      warnings: [...new Set(warnings)],
    };
  };
  if (selection.apply.length === 0 && (previous?.held.length ?? 0) === 0) return finish('nothing-to-do');

  // Every SDK class is resolved before Pulumi runs: a wrong token or a missing package stops here.
  const classes = await loadClasses([specFor('read', selection.apply), specFor('converge', selection.apply)]);
  const pulumiCommand = await deps.pulumiCommand();
  const pulumi = classes.pulumi;

  const envVars: Record<string, string> = { PULUMI_BACKEND_URL: backend, PULUMI_SKIP_UPDATE_CHECK: 'true' };
  if (deps.env.PULUMI_CONFIG_PASSPHRASE === undefined && deps.env.PULUMI_CONFIG_PASSPHRASE_FILE === undefined) {
    deps.log('trailback: PULUMI_CONFIG_PASSPHRASE is not set: the stack uses an empty passphrase for its secrets');
    envVars.PULUMI_CONFIG_PASSPHRASE = '';
  }
  if (dir) await mkdir(dir, { recursive: true });
  // A stable work folder keeps the stack's settings (passphrase salt) between runs.
  const workDir = resolve(deps.cwd, '.trailback', 'workspace');
  await mkdir(workDir, { recursive: true });
  deps.log(`trailback: stack ${stackName} in ${backend}`);
  const stack = await pulumiStep('could not open the stack', () => pulumi.automation.LocalWorkspace.createOrSelectStack(
    { stackName, projectName: PROJECT, program: async () => ({}) },
    {
      workDir,
      pulumiCommand,
      envVars,
      secretsProvider: 'passphrase',
      projectSettings: { name: PROJECT, runtime: 'nodejs', backend: { url: backend }, description: 'trailback rollbacks (inline programs)' },
    },
  ));
  const program = (spec: ProgramSpec) => {
    deps.trace?.(spec);
    return inlineProgram(spec, classes);
  };
  const ctx: Context = { req, deps, stackName, backend, names, urnOf, labels, classes, stack };

  const record = new RecordWriter(
    recordPath,
    previous ?? {
      kind: 'trailback-apply',
      schemaVersion: 1,
      plan: planPath,
      stepsDigest: digest,
      stack: stackName,
      backend,
      startedAt,
      updatedAt: startedAt,
      status: 'running',
      held: [],
      steps: {},
    },
    deps.now,
  );
  const owned = new Set(urnOf.values());
  if (!req.preview) {
    // Whatever an interrupted run left in the stack goes first, so nothing is deleted by omission.
    const left = await release(ctx, owned);
    if (left.length > 0) deps.log(`trailback: released ${left.length} resource(s) an earlier run left in the stack`);
    record.record.held = [];
  }
  if (selection.apply.length === 0) {
    if (!req.preview) await record.save();
    return finish('nothing-to-do');
  }

  // Read: what is live now, against what the plan was made from.
  const existing = selection.apply.filter((s) => s.action !== 'create');
  const checks = new Map<string, LiveCheck>();
  const live = new Map<string, LiveRead>();
  if (existing.length > 0) {
    deps.log(`trailback: reading ${existing.length} live resource(s) through Pulumi …`);
    const reader = new EventCollector(labels, deps.log);
    try {
      await stack.preview({ program: program(specFor('read', selection.apply)), onEvent: reader.onEvent as (e: unknown) => void, message: 'trailback: read', color: 'never' });
    } catch (err) {
      if (reader.byUrn.size === 0) throw new UserError(`Pulumi could not read the live resources: ${commandErrorLine(err)}`);
    }
    for (const s of existing) {
      const outcome = reader.byUrn.get(urnOf.get(s.id)!);
      const check = checkLive(s, outcome);
      checks.set(s.id, check);
      const read = outcome && liveRead(outcome);
      if (read) live.set(s.id, read);
    }
  }
  const problems = [...checks.values()].filter((c) => c.status !== 'same');
  if (problems.length > 0) {
    for (const line of renderLiveChecks(problems, stepLabel)) deps.log(line);
    if (!req.forceStale && !req.preview) {
      throw new UserError(
        `${problems.length} resource(s) changed after the plan was made (listed above): make the plan again, or pass --force-stale to apply it to what is there now`,
      );
    }
    if (!req.preview) deps.log('trailback: --force-stale: going on; resources that are gone or unreadable are left out');
  }
  const gone = new Set(problems.filter((c) => c.status !== 'changed').map((c) => c.step.id));
  for (const id of gone) reports.set(id, stepReport(checks.get(id)!.step, 'not-applied', { reason: checks.get(id)!.status === 'missing' ? 'no longer exists' : 'could not be read' }));
  const apply = selection.apply.filter((s) => !gone.has(s.id));

  const importSpec = specFor('import', apply, live);
  const convergeSpec = specFor('converge', apply, live);
  warnings.push(...convergeSpec.warnings);

  if (req.preview) {
    const viewer = new EventCollector(labels, deps.log);
    if (importSpec.resources.length > 0) {
      try {
        await stack.preview({ program: program(importSpec), onEvent: viewer.onEvent as (e: unknown) => void, message: 'trailback: import (preview)', color: 'never' });
      } catch (err) {
        throw new UserError(`Pulumi's preview of the import failed: ${commandErrorLine(err)}`);
      }
    }
    deps.log('Pulumi preview of the import (no change to the cloud or the stack):');
    for (const line of viewer.planned) deps.log(`  ${line}`);
    deps.log('then the converge phase would:');
    for (const s of apply) deps.log(`  ${s.action} ${stepLabel(s)}${riskNote(s)}`);
    for (const s of apply) reports.set(s.id, stepReport(s, 'previewed', { reason: checks.get(s.id)?.status === 'changed' ? 'changed after the plan was made' : undefined }));
    return finish('previewed');
  }

  record.record.status = 'running';
  for (const s of apply) record.record.steps[s.id] = { status: 'not-applied', action: s.action, type: s.resource.type, resourceId: s.resource.id, urn: urnOf.get(s.id)! };
  await record.save();

  // Import: state only. A failure here changed nothing in the cloud.
  if (importSpec.resources.length > 0) {
    deps.log(`trailback: importing ${importSpec.resources.length} resource(s) into the stack (no cloud change) …`);
    const importer = new EventCollector(labels, deps.log);
    try {
      await stack.up({ program: program(importSpec), onEvent: importer.onEvent as (e: unknown) => void, message: 'trailback: import', color: 'never' });
    } catch (err) {
      for (const r of importSpec.resources) {
        const o = importer.byUrn.get(urnOf.get(r.stepId)!);
        if (o?.failed || (o?.errors.length ?? 0) > 0 || !o?.done) {
          const error = `import failed: ${o?.errors.join('; ') || commandErrorLine(err)}`;
          record.record.steps[r.stepId] = { ...record.record.steps[r.stepId]!, status: 'failed', error };
          reports.set(r.stepId, stepReport(plan.steps.find((s) => s.id === r.stepId)!, 'failed', { reason: error }));
        }
      }
      return failRun(ctx, record, owned, finish);
    }
    record.record.held = importSpec.resources.map((r) => urnOf.get(r.stepId)!);
    await record.save();
  }

  // Converge: Pulumi's own preview of the real change, confirmed before anything changes.
  const planner = new EventCollector(labels, () => undefined);
  try {
    await stack.preview({ program: program(convergeSpec), onEvent: planner.onEvent as (e: unknown) => void, message: 'trailback: converge (preview)', color: 'never' });
  } catch (err) {
    deps.log(`trailback: Pulumi's preview of the changes failed: ${commandErrorLine(err)}`);
    for (const s of apply) reports.set(s.id, stepReport(s, 'not-applied', { reason: 'preview failed' }));
    return failRun(ctx, record, owned, finish);
  }
  deps.log('Pulumi preview:');
  for (const line of planner.planned) deps.log(`  ${line}`);
  for (const s of apply.filter((x) => x.action === 'replace' || x.risks.some((r) => r.kind === 'data-loss'))) deps.log(`  note: ${stepLabel(s)}${riskNote(s)}`);
  if (!req.yes) {
    const ok = await deps.confirm(`Apply ${apply.length} step(s) of ${planPath} to stack ${stackName}?`);
    if (!ok) {
      await release(ctx, owned);
      record.record.held = [];
      record.record.status = 'declined';
      await record.save();
      return finish('declined');
    }
  }

  deps.log(`trailback: applying ${apply.length} step(s) …`);
  const stepByUrn = new Map(apply.map((s) => [urnOf.get(s.id)!, s]));
  const markDone = (urn: string, o: ResourceOutcome): void => {
    const s = stepByUrn.get(urn);
    if (!s || o.failed || (s.action === 'delete' && o.op !== 'delete') || o.op === 'create-replacement') return;
    const newId = changesIdentity(s) && o.id ? o.id : undefined;
    record.record.steps[s.id] = { ...record.record.steps[s.id]!, status: 'applied', at: deps.now().toISOString(), ...(newId && { newId }) };
    record.save().catch((err: unknown) => deps.log(`trailback: could not write ${record.path}: ${(err as Error).message}; the final save retries`));
  };
  const applier = new EventCollector(labels, deps.log, markDone);
  let upError: unknown;
  let ids: Record<string, string> = {};
  try {
    const result = await stack.up({ program: program(convergeSpec), onEvent: applier.onEvent as (e: unknown) => void, message: 'trailback: converge', color: 'never' });
    ids = (result.outputs.ids?.value ?? {}) as Record<string, string>;
  } catch (err) {
    upError = err;
  }
  for (const s of apply) {
    const urn = urnOf.get(s.id)!;
    const o = applier.byUrn.get(urn);
    const rec = record.record.steps[s.id]!;
    const failed = o?.failed || (o?.errors.length ?? 0) > 0;
    if (!upError || (rec.status === 'applied' && !failed)) {
      const newId = ids[s.id] ?? rec.newId ?? (changesIdentity(s) ? o?.id : undefined);
      record.record.steps[s.id] = { ...rec, status: 'applied', at: rec.at ?? deps.now().toISOString(), ...(newId && { newId }) };
      reports.set(s.id, stepReport(s, 'applied', { newId }));
    } else {
      const error = failed ? o!.errors.join('; ') || 'failed' : undefined;
      record.record.steps[s.id] = { ...rec, status: failed ? 'failed' : 'not-applied', ...(error && { error }) };
      reports.set(s.id, stepReport(s, failed ? 'failed' : 'not-applied', { reason: error ?? 'not reached' }));
    }
  }
  if (upError) {
    deps.log(`trailback: Pulumi stopped: ${commandErrorLine(upError)}`);
    for (const e of applier.errors) warnings.push(e);
    return failRun(ctx, record, owned, finish);
  }

  let held: string[] = [];
  if (req.keepManaged) {
    held = heldUrns((await pulumiStep('could not export the stack', () => stack.exportStack())) as unknown as Record<string, unknown>, owned);
    deps.log(`trailback: --keep-managed: stack ${stackName} keeps managing ${held.length} resource(s)`);
  } else {
    const released = await release(ctx, owned);
    deps.log(`trailback: released ${released.length} resource(s) from the stack: Pulumi no longer manages them`);
  }
  record.record.held = held;
  record.record.status = 'succeeded';
  await record.save();
  return finish('succeeded', held);
}

function riskNote(s: Step): string {
  const kinds = [...new Set(s.risks.map((r) => r.kind))];
  return kinds.length > 0 ? `  [risks: ${kinds.join(', ')}]` : '';
}

/** Drops the owned resources from the stack (never from the cloud); returns what was dropped. */
async function release(ctx: Context, owned: ReadonlySet<string>): Promise<string[]> {
  return pulumiStep(`could not release resources from stack ${ctx.stackName}`, async () => {
    const exported = (await ctx.stack.exportStack()) as unknown as Record<string, unknown>;
    const { deployment, removed } = withoutResources(exported, owned);
    if (removed.length > 0) await ctx.stack.importStack(deployment as unknown as Automation.Deployment);
    return removed.filter((u) => owned.has(u));
  });
}

/** A Pulumi call outside the phases' own handling: its failure is one line, not an internal error. */
async function pulumiStep<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`Pulumi ${what}: ${commandErrorLine(err)}`);
  }
}

/** A run that stopped part-way: release what can be released, record it all, report. */
async function failRun(
  ctx: Context,
  record: RecordWriter,
  owned: ReadonlySet<string>,
  finish: (s: RunStatus, held?: string[]) => ApplySummary,
): Promise<ApplySummary> {
  let held: string[] = [];
  try {
    if (!ctx.req.keepManaged) await release(ctx, owned);
    else held = heldUrns((await ctx.stack.exportStack()) as unknown as Record<string, unknown>, owned);
  } catch (err) {
    held = [...owned];
    ctx.deps.log(`trailback: could not release the resources from stack ${ctx.stackName}: ${commandErrorLine(err)}; the next run releases them first`);
  }
  record.record.held = held;
  record.record.status = 'failed';
  await record.save();
  return finish('failed', held);
}

