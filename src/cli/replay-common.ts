import { Option, type Command } from 'commander';
import { builtinCatalog } from '../catalog/index.js';
import type { TrailEvent } from '../events/model.js';
import { replay, type ReplayReport, type ReplayResult } from '../replay/replay.js';
import { loadState } from '../state/io.js';
import type { State } from '../state/model.js';
import { UserError } from '../util/errors.js';
import { addReadOptions, loadTrail, timeFlag, type ReadFlags } from './common.js';
import { warn } from './output.js';

export interface ReplayFlags extends ReadFlags {
  at?: string;
  beforeEvent?: string;
  baseline?: string;
}

export function addReplayOptions(cmd: Command): Command {
  cmd
    .option('--at <time>', 'state at this moment: events after it are not replayed (ISO 8601, UTC when no zone)')
    .option('--before-event <eventId>', 'state just before this event')
    .addOption(new Option('--baseline <file>', 'start from this state: a trailback state file or a Pulumi stack export'));
  return addReadOptions(cmd);
}

export interface LoadedReplay extends ReplayResult {
  writes: TrailEvent[];
  baselineSource?: string;
}

/** Reads the trail's write events and replays them up to the requested moment. */
export async function loadAndReplay(inputs: string[], flags: ReplayFlags): Promise<LoadedReplay> {
  if (flags.at !== undefined && flags.beforeEvent !== undefined) throw new UserError('use either --at or --before-event, not both');
  const until = timeFlag('--at', flags.at);
  const { events } = await loadTrail(inputs, flags, {}, { writesOnly: true, quiet: true });
  if (flags.beforeEvent !== undefined && !events.some((e) => e.id === flags.beforeEvent)) {
    throw new UserError(`--before-event ${flags.beforeEvent}: no write event with this id in the trail`);
  }
  let baseline: State | undefined;
  let baselineSource: string | undefined;
  if (flags.baseline) ({ state: baseline, source: baselineSource } = await loadState(flags.baseline));
  const result = replay(events, {
    catalog: builtinCatalog(),
    ...(baseline && { baseline }),
    ...(until !== undefined && { until }),
    ...(flags.beforeEvent !== undefined && { beforeEventId: flags.beforeEvent }),
  });
  reportReplay(result.report);
  return { ...result, writes: events, ...(baselineSource && { baselineSource }) };
}

/** One line of what was replayed, plus what was not understood, on stderr. */
export function reportReplay(report: ReplayReport): void {
  const unknownTotal = [...report.unknown.values()].reduce((a, b) => a + b, 0);
  warn(
    `replayed ${report.writes} write events: ${report.applied} applied, ${report.failed} failed (no effect), ` +
      `${report.nonState} not state-changing, ${unknownTotal} not in the catalog, ${report.skipped.length} without the ids they need`,
  );
  if (unknownTotal > 0) {
    const top = [...report.unknown].sort((a, b) => b[1] - a[1]).slice(0, 5);
    warn(`warning: not replayed (unknown events): ${top.map(([n, c]) => `${n} ×${c}`).join(', ')}${report.unknown.size > 5 ? ', …' : ''} — see \`trailback catalog --coverage\``);
  }
  for (const s of report.skipped.slice(0, 3)) warn(`warning: ${s.ref.name} ${s.ref.eventId} at ${s.ref.time}: ${s.reason}`);
  for (const a of report.anomalies.slice(0, 3)) warn(`warning: ${a}`);
}
