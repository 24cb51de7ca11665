import { isAbsolute } from 'node:path';
import { Option, type Command } from 'commander';
import { builtinCatalog, type Catalog } from '../catalog/index.js';
import type { TrailEvent } from '../events/model.js';
import { buildPredicate, ipMatcher } from '../events/select.js';
import { buildPlanSteps, type KeyToContain } from '../plan/build.js';
import { stateDigest, trailDigest } from '../plan/digest.js';
import type { Mode, Plan } from '../plan/model.js';
import { makePlan } from '../plan/plan.js';
import { eventRef, replay, type ReplayReport } from '../replay/replay.js';
import { loadState } from '../state/io.js';
import type { State } from '../state/model.js';
import { UserError } from '../util/errors.js';
import { clockNow, isoTime } from '../util/time.js';
import { STDIN } from '../trail/source.js';
import { addReadOptions, collect, loadTrail, timeFlag, type ReadFlags } from './common.js';
import { reportReplay } from './replay-common.js';

/** The flags that say what the desired and the current state are (`diff` and `plan`). */
export interface DesiredFlags extends ReadFlags {
  at?: string;
  beforeEvent?: string;
  undoKey?: string[];
  undoActor?: string[];
  undoIp?: string[];
  since?: string;
  until?: string;
  current?: string;
  baseline?: string;
  keepKeys?: boolean;
}

export function addDesiredOptions(cmd: Command): Command {
  cmd
    .option('--at <time>', 'desired state: the state at this moment (ISO 8601 with a time of day; UTC when no zone)')
    .option('--before-event <eventId>', 'desired state: the state just before this event')
    .option('--undo-key <accessKeyId>', 'desired state: every write except those made with this access key; repeatable', collect)
    .option('--undo-actor <name>', 'undo the writes of this user or principal (* wildcards); repeatable', collect)
    .option('--undo-ip <cidr>', 'undo the writes from this IP or CIDR block; repeatable', collect)
    .option('--since <time>', 'undo only writes at or after this time')
    .option('--until <time>', 'undo only writes at or before this time')
    .option('--keep-keys', 'undo: do not add steps that deactivate the access keys the undone writes were made with')
    .addOption(new Option('--current <file>', 'current state: a trailback state file or Pulumi stack export (default: the end of the trail)'))
    .addOption(new Option('--baseline <file>', 'the state before the trail began (state file or Pulumi export): fills values the trail does not show'));
  return addReadOptions(cmd);
}

/** `--at` for a plan needs a time of day: "2026-10-14" alone could mean its start or its end. */
function atFlag(value: string | undefined): number | undefined {
  if (value !== undefined && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) {
    throw new UserError(`--at ${value}: a date alone is ambiguous; give a time of day, e.g. ${value.trim()}T00:00:00Z (UTC) or ${value.trim()}T08:00:00+08:00`);
  }
  return timeFlag('--at', value);
}

export function modeFromFlags(flags: DesiredFlags, writes: readonly TrailEvent[]): Mode {
  const undo = (flags.undoKey?.length ?? 0) + (flags.undoActor?.length ?? 0) + (flags.undoIp?.length ?? 0) > 0;
  const pit = flags.at !== undefined || flags.beforeEvent !== undefined;
  if (undo && pit) throw new UserError('choose one desired state: --at/--before-event (a moment) or --undo-key/--undo-actor/--undo-ip (undo writes), not both');
  if (!undo && !pit) throw new UserError('say what to restore: --at <time>, --before-event <id>, or --undo-key/--undo-actor/--undo-ip');
  if (flags.at !== undefined && flags.beforeEvent !== undefined) throw new UserError('use either --at or --before-event, not both');
  if (!undo && (flags.since !== undefined || flags.until !== undefined)) throw new UserError('--since/--until limit an undo (--undo-key/--undo-actor/--undo-ip); with --at they have no meaning');
  if (pit) {
    if (flags.beforeEvent !== undefined) {
      const e = writes.find((x) => x.id === flags.beforeEvent);
      if (!e) throw new UserError(`--before-event ${flags.beforeEvent}: no write event with this id in the trail`);
      return { kind: 'point-in-time', at: e.time, beforeEvent: e.id };
    }
    return { kind: 'point-in-time', at: isoTime(atFlag(flags.at)!) };
  }
  for (const ip of flags.undoIp ?? []) {
    try {
      ipMatcher(ip);
    } catch (err) {
      throw new UserError((err as Error).message.replace(/^--ip /, '--undo-ip '));
    }
  }
  const since = timeFlag('--since', flags.since);
  const until = timeFlag('--until', flags.until);
  if (since !== undefined && until !== undefined && since > until) throw new UserError(`--since ${flags.since} is after --until ${flags.until}`);
  return {
    kind: 'undo',
    match: {
      ...(flags.undoKey?.length && { keys: flags.undoKey }),
      ...(flags.undoActor?.length && { actors: flags.undoActor }),
      ...(flags.undoIp?.length && { ips: flags.undoIp }),
    },
    ...(since !== undefined && { since: isoTime(since) }),
    ...(until !== undefined && { until: isoTime(until) }),
  };
}

/** The writes an undo plan leaves out: what `events --writes` lists with the same key/actor/IP/time flags. */
export function undoPredicate(mode: Extract<Mode, { kind: 'undo' }>): (e: TrailEvent) => boolean {
  return buildPredicate({
    keys: mode.match.keys,
    actors: mode.match.actors,
    ips: mode.match.ips,
    since: timeFlag('--since', mode.since),
    until: timeFlag('--until', mode.until),
  });
}

export interface PlanInputs {
  writes: TrailEvent[];
  mode: Mode;
  end: State;
  endReport: ReplayReport;
  desired: State;
  current: State;
  currentSource: string;
  baseline?: { state: State; source: string };
  undone?: Set<string>;
  contain?: KeyToContain[];
}

/** Long-term keys (AWS AKIA…, Alibaba Cloud LTAI…); temporary STS credentials expire on their own. */
function isLongTermKey(id: string): boolean {
  return /^AKIA[A-Z0-9]{12,}$/.test(id) || /^LTAI[A-Za-z0-9]{8,}$/.test(id);
}

/**
 * Undone writes made without a long-term key (console sessions, temporary credentials): the
 * plan cannot switch those off, so it says what to do instead.
 */
export function sessionWarnings(writes: readonly TrailEvent[], undone: Set<string>, catalog: Pick<Catalog, 'lookup'> = builtinCatalog()): string[] {
  const byActor = new Map<string, { count: number; ips: Set<string> }>();
  for (const e of writes) {
    const id = e.actor.accessKeyId;
    if (!undone.has(e.id) || (id && isLongTermKey(id)) || catalog.lookup(e).kind !== 'entry') continue;
    const who = e.actor.userName ?? e.actor.principal;
    const a = byActor.get(who) ?? { count: 0, ips: new Set<string>() };
    a.count++;
    if (e.actor.sourceIp) a.ips.add(e.actor.sourceIp);
    byActor.set(who, a);
  }
  return [...byActor].sort(([a], [b]) => (a < b ? -1 : 1)).map(
    ([who, a]) =>
      `${a.count} undone write(s) by ${who}${a.ips.size ? ` from ${[...a.ips].join(', ')}` : ''} were made without a long-term access key ` +
      `(console sign-in or temporary credentials): the plan cannot switch those off; reset the user's password and MFA, or revoke the role's sessions`,
  );
}

/** The keys the undone writes were made with, and what each did. */
export function keysToContain(writes: readonly TrailEvent[], undone: Set<string>, catalog: Pick<Catalog, 'lookup'> = builtinCatalog()): KeyToContain[] {
  const byKey = new Map<string, KeyToContain>();
  for (const e of writes) {
    const id = e.actor.accessKeyId;
    // Only writes that changed state: a reboot by the same key is not what the plan undoes.
    if (!undone.has(e.id) || !id || !isLongTermKey(id) || catalog.lookup(e).kind !== 'entry') continue;
    let k = byKey.get(id);
    if (!k) {
      k = { provider: e.provider, accessKeyId: id, account: e.account, uses: [], ...(e.actor.userName && { userName: e.actor.userName }) };
      byKey.set(id, k);
    }
    k.uses.push(eventRef(e));
  }
  return [...byKey.values()].sort((a, b) => (a.accessKeyId < b.accessKeyId ? -1 : 1));
}

/** Current state: the trail's end, with the resources of a `--current` file taking precedence. */
async function currentOf(end: State, file: string | undefined): Promise<{ state: State; source: string }> {
  if (file === undefined) return { state: end, source: 'trail' };
  const state = new Map(end);
  for (const [k, r] of (await loadState(file)).state) state.set(k, r);
  return { state, source: file };
}

/** Reads the trail and the state files, and replays the desired and the current state. */
export async function loadPlanInputs(inputs: string[], flags: DesiredFlags): Promise<PlanInputs> {
  const { events: writes } = await loadTrail(inputs, flags, {}, { writesOnly: true, quiet: true });
  const mode = modeFromFlags(flags, writes);
  const catalog = builtinCatalog();
  const baseline = flags.baseline ? await loadState(flags.baseline) : undefined;
  const base = baseline ? { baseline: baseline.state } : {};
  const { state: end, report: endReport } = replay(writes, { catalog, ...base });
  reportReplay(endReport);
  let desired: State;
  let undone: Set<string> | undefined;
  if (mode.kind === 'point-in-time') {
    desired = replay(writes, { catalog, ...base, ...(mode.beforeEvent ? { beforeEventId: mode.beforeEvent } : { until: timeFlag('--at', mode.at)! }) }).state;
  } else {
    const match = undoPredicate(mode);
    undone = new Set(writes.filter((e) => !e.error && match(e)).map((e) => e.id));
    desired = replay(writes, { catalog, ...base, exclude: (e) => undone!.has(e.id) }).state;
  }
  const contain = undone && !flags.keepKeys ? keysToContain(writes, undone) : undefined;
  const current = await currentOf(end, flags.current);
  return {
    writes,
    mode,
    end,
    endReport,
    desired,
    current: current.state,
    currentSource: current.source,
    ...(baseline && { baseline }),
    ...(undone && { undone }),
    ...(contain && { contain }),
  };
}

/** The plan for these inputs. `createdAt` honours SOURCE_DATE_EPOCH so renders can be reproduced. */
export function planFromInputs(p: PlanInputs, sources: string[], flags: DesiredFlags, tool: string): Plan {
  const built = buildPlanSteps({
    end: p.end,
    desired: p.desired,
    current: p.current,
    catalog: builtinCatalog(),
    ...(p.undone && { undone: (id: string) => p.undone!.has(id), writes: p.writes }),
    ...(p.contain && { contain: p.contain }),
  });
  const plan = makePlan({
    tool,
    createdAt: createdAtNow(),
    mode: p.mode,
    sources,
    ...(flags.inputFormat && { inputFormat: flags.inputFormat }),
    writes: p.writes,
    endReport: p.endReport,
    ...(p.undone && { undoneCount: p.undone.size }),
    current: { source: p.currentSource, digest: stateDigest(p.current) },
    ...(p.baseline && { baseline: { source: p.baseline.source, digest: stateDigest(p.baseline.state) } }),
    built,
  });
  if (p.undone) plan.warnings.push(...sessionWarnings(p.writes, p.undone));
  return plan;
}

export function createdAtNow(): string {
  return isoTime(Math.floor(clockNow() / 1000) * 1000);
}

/**
 * Why a plan no longer matches the world, read again from its own sources: the trail's writes
 * changed, or the current state did. Empty when it is fresh.
 */
export async function planStaleness(plan: Plan): Promise<string[]> {
  if (plan.trail.sources.includes(STDIN)) {
    return ['the plan was made from a trail read on stdin, which cannot be read again to check it: save the trail to a file and plan again from it'];
  }
  const reasons: string[] = [];
  const flags: ReadFlags = { ...(plan.trail.inputFormat && { inputFormat: plan.trail.inputFormat as ReadFlags['inputFormat'] }) };
  let writes: TrailEvent[];
  try {
    ({ events: writes } = await loadTrail(plan.trail.sources, flags, {}, { writesOnly: true, quiet: true }));
  } catch (err) {
    const relative = plan.trail.sources.some((p) => !isAbsolute(p));
    return [`the plan's trail cannot be read again: ${(err as Error).message}${relative ? ` (its paths are relative to the folder the plan was made in: run from there)` : ''}`];
  }
  if (trailDigest(writes) !== plan.trail.digest) {
    reasons.push(`the trail changed since the plan was made (${plan.trail.events} write events then, ${writes.length} now): make the plan again`);
  }
  const baseline = plan.baseline ? await loadState(plan.baseline.source) : undefined;
  if (baseline && stateDigest(baseline.state) !== plan.baseline!.digest) reasons.push(`the baseline ${plan.baseline!.source} changed since the plan was made`);
  const { state: end } = replay(writes, { catalog: builtinCatalog(), ...(baseline && { baseline: baseline.state }) });
  const { state: current } = await currentOf(end, plan.current.source === 'trail' ? undefined : plan.current.source);
  if (stateDigest(current) !== plan.current.digest) {
    reasons.push(`the current state (${plan.current.source === 'trail' ? 'end of the trail' : plan.current.source}) changed since the plan was made`);
  }
  return reasons;
}
