import { Command, Option } from 'commander';
import type { TrailEvent } from '../events/model.js';
import { primaryResource } from '../events/select.js';
import { actorLabel, summarize, type Summary, type Tally } from '../events/summary.js';
import { addFilterOptions, addReadOptions, filterFromFlags, loadTrail, type FilterFlags, type ReadFlags } from './common.js';
import { writeLines, writeOut } from './output.js';
import { paint, useColor } from '../util/style.js';
import { renderTable } from './table.js';

type Format = 'table' | 'json' | 'jsonl';

interface EventsFlags extends ReadFlags, FilterFlags {
  format?: Format;
  summary?: boolean;
}

export function eventsCommand(): Command {
  const cmd = new Command('events')
    .description('list the trail\'s events, normalized, sorted and deduplicated; --summary for who/key/IP/what counts')
    .argument('<trail...>', 'trail files, folders (read recursively), .gz files, or - for stdin')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, jsonl when piped)').choices(['table', 'json', 'jsonl']))
    .option('--summary', 'counts per actor, access key, source IP, event name and service, with first/last seen');
  addFilterOptions(cmd);
  addReadOptions(cmd);
  return cmd.action(async (inputs: string[], flags: EventsFlags) => {
    const filter = filterFromFlags(flags);
    const { events } = await loadTrail(inputs, flags, filter);
    const format: Format = flags.format ?? (process.stdout.isTTY ? 'table' : flags.summary ? 'table' : 'jsonl');
    if (flags.summary) {
      const summary = summarize(events);
      await writeOut(format === 'table' ? renderSummary(summary) : JSON.stringify(summary, null, 2) + '\n');
      return;
    }
    if (format === 'jsonl') await writeLines(jsonLines(events));
    else if (format === 'json') await writeLines(jsonArrayLines(events));
    else await writeOut(renderEventTable(events));
  });
}

/** One line per event, made as it is written: all of them at once would double the peak memory. */
function* jsonLines(events: TrailEvent[]): Generator<string> {
  for (const e of events) yield JSON.stringify(e);
}

function* jsonArrayLines(events: TrailEvent[]): Generator<string> {
  if (events.length === 0) {
    yield '[]';
    return;
  }
  yield '[';
  for (let i = 0; i < events.length; i++) yield JSON.stringify(events[i], null, 2) + (i < events.length - 1 ? ',' : '');
  yield ']';
}

export function renderEventTable(events: TrailEvent[], color = useColor()): string {
  const c = paint(color);
  const rows = events.map((e) => [
    e.time,
    actorLabel(e),
    e.actor.accessKeyId ?? '',
    e.actor.sourceIp ?? '',
    `${e.service}:${e.name}`,
    primaryResource(e),
    e.error ? c('red', e.error.code) : e.readOnly ? c('gray', 'ok (read)') : c('green', 'ok'),
  ]);
  return renderTable(
    [
      { header: 'TIME' },
      { header: 'ACTOR', max: 32 },
      { header: 'KEY', max: 24 },
      { header: 'IP', max: 39 },
      { header: 'EVENT', max: 48 },
      { header: 'RESOURCE', max: 48 },
      { header: 'RESULT' },
    ],
    rows,
  );
}

function tallyTable(title: string, rows: Tally[], relatedHeader: string | undefined, limit = 20): string {
  const shown = rows.slice(0, limit);
  const table = renderTable(
    [
      { header: title, max: 60 },
      { header: 'EVENTS', align: 'right' },
      { header: 'WRITES', align: 'right' },
      { header: 'FAILED', align: 'right' },
      { header: 'FIRST' },
      { header: 'LAST' },
      ...(relatedHeader ? [{ header: relatedHeader }] : []),
    ],
    shown.map((t) => [
      t.value,
      String(t.events),
      String(t.writes),
      String(t.failed),
      t.first,
      t.last,
      ...(relatedHeader ? [t.related.slice(0, 3).join(', ') + (t.related.length > 3 ? ` (+${t.related.length - 3})` : '')] : []),
    ]),
  );
  const more = rows.length > limit ? `  … ${rows.length - limit} more (--format json lists all)\n` : '';
  return table + more;
}

export function renderSummary(s: Summary): string {
  const parts = [
    `${s.events} events (${s.writes} writes, ${s.failed} failed)` + (s.first ? `, ${s.first} … ${s.last}` : '') + '\n',
    tallyTable('ACTOR', s.actors, 'FROM IPS'),
    tallyTable('ACCESS KEY', s.keys, 'USED BY'),
    tallyTable('SOURCE IP', s.ips, 'USED BY'),
    tallyTable('EVENT', s.eventNames, undefined),
    tallyTable('SERVICE', s.services, undefined),
  ];
  return parts.join('\n');
}
