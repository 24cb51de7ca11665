import { Option, type Command } from 'commander';
import type { EventFilter } from '../events/select.js';
import { buildPredicate } from '../events/select.js';
import { Diagnostics } from '../trail/diagnostics.js';
import { INPUT_FORMATS, readTrail, type InputFormat, type ReadResult } from '../trail/read.js';
import { UserError } from '../util/errors.js';
import { parseTime } from '../util/time.js';
import { warn } from './output.js';

/** Repeatable, comma-separable list option: `--key A,B --key C`. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
}

export function timeFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseTime(value);
  if (t === undefined) {
    throw new UserError(`${flag} ${value}: not an ISO 8601 time (e.g. 2023-07-10T12:05:00Z or 2023-07-10; no zone means UTC)`);
  }
  return t;
}

/** Options every trail-reading command has: how to read, and bad-input policy. */
export function addReadOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--input-format <format>', 'force the trail format instead of detecting it').choices([...INPUT_FORMATS]).default('auto'))
    .option('--strict', 'stop at the first bad record or file instead of skipping and counting it')
    .option('--keep-raw', 'keep each record as read in the output (`raw`), secrets redacted');
}

/** The selection flags of DESIGN.md's CLI contract. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--since <time>', 'only events at or after this time (ISO 8601, UTC when no zone)')
    .option('--until <time>', 'only events at or before this time')
    .option('--actor <name>', 'user name, principal/ARN or its last part; * wildcards; repeatable', collect)
    .option('--key <accessKeyId>', 'access key id; repeatable', collect)
    .option('--ip <cidr>', 'source IP or CIDR block (or a literal such as "AWS Internal"); repeatable', collect)
    .option('--service <name>', 'service: ec2, iam, s3 / ecs, ram, oss …; repeatable', collect)
    .option('--event <name>', 'event name, * wildcards; repeatable', collect)
    .option('--region <region>', 'region; repeatable', collect)
    .option('--writes', 'only write (state-changing) events')
    .option('--failed', 'only failed calls');
}

export interface ReadFlags {
  inputFormat?: InputFormat;
  strict?: boolean;
  keepRaw?: boolean;
}

export interface FilterFlags {
  since?: string;
  until?: string;
  actor?: string[];
  key?: string[];
  ip?: string[];
  service?: string[];
  event?: string[];
  region?: string[];
  writes?: boolean;
  failed?: boolean;
}

export function filterFromFlags(f: FilterFlags): EventFilter {
  const filter: EventFilter = {
    since: timeFlag('--since', f.since),
    until: timeFlag('--until', f.until),
    actors: f.actor,
    keys: f.key,
    ips: f.ip,
    services: f.service,
    events: f.event,
    regions: f.region,
    writes: f.writes,
    failed: f.failed,
  };
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) {
    throw new UserError(`--since ${f.since} is after --until ${f.until}`);
  }
  return filter;
}

/** Reads the trail for a command, reporting bad input and a one-line tally on stderr. */
export async function loadTrail(
  inputs: string[],
  read: ReadFlags,
  filter: EventFilter,
  options: { writesOnly?: boolean; quiet?: boolean } = {},
): Promise<ReadResult> {
  if (inputs.length === 0) throw new UserError('no trail given: name files, folders, or - for stdin');
  const diagnostics = new Diagnostics(read.strict ?? false);
  const keep = buildPredicate(filter);
  const result = await readTrail(inputs, {
    diagnostics,
    inputFormat: read.inputFormat ?? 'auto',
    writesOnly: options.writesOnly ?? filter.writes ?? false,
    keep,
    keepRaw: read.keepRaw ?? false,
  });
  for (const line of diagnostics.summaryLines()) warn(line);
  const s = result.stats;
  if (!options.quiet && process.stderr.isTTY) {
    const ignored = s.ignoredFiles.length > 0 ? `, ${s.ignoredFiles.length} non-trail files in folders ignored` : '';
    warn(
      `read ${s.files} files, ${s.records} records: ${result.events.length} events selected` +
        (s.duplicates > 0 ? `, ${s.duplicates} duplicate deliveries dropped` : '') +
        ignored,
    );
  }
  return result;
}
