import { Command, Option } from 'commander';
import type { EventRef, ResourceState } from '../state/model.js';
import { UserError } from '../util/errors.js';
import { sortKeys } from '../util/json.js';
import { writeOut } from './output.js';
import { addReplayOptions, loadAndReplay, type ReplayFlags } from './replay-common.js';
import { paint, useColor } from '../util/style.js';
import { renderTable } from './table.js';

interface BlameFlags extends ReplayFlags {
  format?: 'text' | 'json';
}

export function blameCommand(): Command {
  const cmd = new Command('blame')
    .description('who set each attribute of a resource (event, time, actor, key, IP), and its full history')
    .argument('<args...>', 'trail files/folders…, then the resource id (or its state key) last')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'));
  addReplayOptions(cmd);
  return cmd.action(async (args: string[], flags: BlameFlags) => {
    if (args.length < 2) throw new UserError('blame needs a trail and a resource id: trailback blame <trail…> <resource-id>');
    const id = args[args.length - 1]!;
    const { state } = await loadAndReplay(args.slice(0, -1), flags);
    const matches = [...state.entries()].filter(([key, r]) => r.id === id || key === id).map(([, r]) => r);
    if (matches.length === 0) {
      const near = [...state.values()].filter((r) => r.id.includes(id)).slice(0, 5).map((r) => r.id);
      throw new UserError(`no resource ${id} in the trail's write events${near.length ? ` (similar: ${near.join(', ')})` : ''}`);
    }
    if (flags.format === 'json') {
      await writeOut(JSON.stringify(sortKeys(matches), null, 2) + '\n');
      return;
    }
    await writeOut(matches.map((r) => renderBlame(r)).join('\n'));
  });
}

function who(ref: EventRef): string[] {
  return [ref.time, ref.name, ref.actor, ref.accessKeyId ?? '', ref.sourceIp ?? ''];
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function renderBlame(r: ResourceState, color = useColor()): string {
  const c = paint(color);
  const status = r.exists
    ? c('green', 'exists')
    : c('red', `deleted${r.deletedBy ? ` at ${r.deletedBy.time} by ${r.deletedBy.actor} (${r.deletedBy.name})` : ''}`);
  const origin = r.createdBy
    ? `created at ${r.createdBy.time} by ${r.createdBy.actor} (${r.createdBy.name})`
    : r.preexisting
      ? 'existed before the trail: attributes no event set are unknown'
      : 'from the baseline';
  const attributes = [...new Set([...Object.keys(r.inputs), ...r.unknown, ...Object.keys(r.provenance)])].sort();
  const rows = attributes.map((a) => {
    const ref = r.provenance[a];
    const value = r.unknown.includes(a) ? c('yellow', '(unknown: changed, value not in the trail)') : a in r.inputs ? show(r.inputs[a]) : c('gray', '(unset)');
    return [a, value, ...(ref ? who(ref) : [c('gray', 'baseline'), '', '', '', ''])];
  });
  const history = r.history.map((h) => who(h));
  return [
    `${c('bold', r.type)} ${c('bold', r.id)}  region ${r.region}${r.account ? `  account ${r.account}` : ''}`,
    `${status}; ${origin}`,
    '',
    renderTable(
      [{ header: 'ATTRIBUTE' }, { header: 'VALUE', max: 60 }, { header: 'SET AT' }, { header: 'BY EVENT' }, { header: 'ACTOR', max: 32 }, { header: 'KEY' }, { header: 'IP' }],
      rows,
    ),
    `HISTORY (${history.length} event${history.length === 1 ? '' : 's'})`,
    renderTable([{ header: 'TIME' }, { header: 'EVENT' }, { header: 'ACTOR', max: 32 }, { header: 'KEY' }, { header: 'IP' }], history),
  ].join('\n');
}
