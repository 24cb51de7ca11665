import { Command, Option } from 'commander';
import type { ResourceState, State } from '../state/model.js';
import { stateJsonChunks } from '../state/io.js';
import { globMatcher } from '../events/select.js';
import { writeOut } from './output.js';
import { addReplayOptions, loadAndReplay, type ReplayFlags } from './replay-common.js';
import { paint, useColor } from '../util/style.js';
import { renderTable } from './table.js';

interface StateFlags extends ReplayFlags {
  format?: 'json' | 'table';
  type?: string[];
  live?: boolean;
}

export function stateCommand(): Command {
  const cmd = new Command('state')
    .description('replay the trail\'s write events into resource state (at the end, or --at a moment)')
    .argument('<trail...>', 'trail files, folders, .gz files, or - for stdin')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json when piped)').choices(['json', 'table']))
    .option('--type <token>', 'only resources of this Pulumi type (* wildcards, e.g. "aws:iam/*"); repeatable', (v: string, p: string[] = []) => [...p, v])
    .option('--live', 'only resources that exist at that moment');
  addReplayOptions(cmd);
  return cmd.action(async (inputs: string[], flags: StateFlags) => {
    const { state, report } = await loadAndReplay(inputs, flags);
    const selected = selectResources(state, flags);
    const format = flags.format ?? (process.stdout.isTTY ? 'table' : 'json');
    const at = flags.at ?? report.lastEventTime;
    if (format === 'json') await writeChunks(stateJsonChunks(selected, at));
    else await writeOut(renderStateTable(selected));
  });
}

async function writeChunks(chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) await writeOut(chunk);
}

function selectResources(state: State, flags: StateFlags): State {
  const matchers = (flags.type ?? []).map(globMatcher);
  return new Map(
    [...state].filter(([, r]) => (!flags.live || r.exists) && (matchers.length === 0 || matchers.some((m) => m(r.type)))),
  );
}

export function renderStateTable(state: State, color = useColor()): string {
  const c = paint(color);
  const rows = [...state.values()]
    .sort((a, b) => (a.type + a.id < b.type + b.id ? -1 : 1))
    .map((r: ResourceState) => [
      r.type,
      r.id,
      r.region,
      r.exists ? c('green', 'exists') : c('red', 'deleted'),
      r.createdBy ? `${r.createdBy.time} ${r.createdBy.actor}` : r.preexisting ? c('gray', 'before trail') : c('gray', 'baseline'),
      r.deletedBy ? `${r.deletedBy.time} ${r.deletedBy.actor}` : '',
      String(Object.keys(r.inputs).length),
      r.unknown.join(','),
    ]);
  const live = [...state.values()].filter((r) => r.exists).length;
  return (
    renderTable(
      [
        { header: 'TYPE', max: 56 },
        { header: 'ID', max: 48 },
        { header: 'REGION' },
        { header: 'STATE' },
        { header: 'CREATED', max: 44 },
        { header: 'DELETED', max: 44 },
        { header: 'KNOWN', align: 'right' },
        { header: 'UNKNOWN', max: 40 },
      ],
      rows,
    ) + `${state.size} resources, ${live} exist, ${state.size - live} deleted\n`
  );
}
