import { Command, Option } from 'commander';
import { builtinCatalog, type Catalog } from '../catalog/index.js';
import type { CatalogEntry, NonStateEvent } from '../catalog/types.js';
import { replay } from '../replay/replay.js';
import { UserError } from '../util/errors.js';
import { addReadOptions, loadTrail, type ReadFlags } from './common.js';
import { writeOut } from './output.js';
import { renderTable } from './table.js';

interface CatalogFlags extends ReadFlags {
  provider?: 'aws' | 'alicloud';
  format?: 'table' | 'json' | 'markdown';
  coverage?: boolean;
}

export function catalogCommand(): Command {
  const cmd = new Command('catalog')
    .description('what trailback understands: write events → Pulumi resource types; --coverage <trail…> measures a trail against it')
    .argument('[trail...]', 'with --coverage: trails to measure (each argument is reported on its own)')
    .addOption(new Option('--provider <provider>', 'only this provider').choices(['aws', 'alicloud']))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--coverage', 'per trail: share of successful write events replayed, and the unhandled event names with counts');
  addReadOptions(cmd);
  return cmd.action(async (inputs: string[], flags: CatalogFlags) => {
    const catalog = builtinCatalog();
    if (flags.coverage) {
      if (inputs.length === 0) throw new UserError('--coverage needs trails to measure: trailback catalog --coverage <trail…>');
      await writeOut(await coverage(inputs, catalog, flags));
      return;
    }
    if (inputs.length > 0) throw new UserError('trails are only read with --coverage');
    const entries = catalog.entries.filter((e) => !flags.provider || e.provider === flags.provider);
    const nonState = catalog.nonState.filter((e) => !flags.provider || e.provider === flags.provider);
    await writeOut(renderCatalog(entries, nonState, flags.format ?? 'table'));
  });
}

const order = (a: { provider: string; service: string; names: string[] }, b: typeof a): number =>
  `${a.provider}:${a.service}:${a.names[0]}` < `${b.provider}:${b.service}:${b.names[0]}` ? -1 : 1;

export function renderCatalog(entries: CatalogEntry[], nonState: NonStateEvent[], format: 'table' | 'json' | 'markdown'): string {
  const sorted = [...entries].sort(order);
  const ignored = [...nonState].sort(order);
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          entries: sorted.map(({ provider, service, names, types, action, summary }) => ({ provider, service, names, types, action, summary })),
          nonState: ignored,
        },
        null,
        2,
      ) + '\n'
    );
  }
  if (format === 'markdown') {
    const esc = (s: string): string => s.replace(/\|/g, '\\|');
    const lines = ['| provider | service | events | Pulumi type | effect |', '|---|---|---|---|---|'];
    for (const e of sorted) {
      lines.push(`| ${e.provider} | ${e.service} | ${e.names.map((n) => `\`${n}\``).join(', ')} | ${e.types.map((t) => `\`${t}\``).join('<br>')} | ${e.action}: ${esc(e.summary)} |`);
    }
    lines.push('', 'Write events deliberately not replayed (they change no resource state trailback models):', '');
    lines.push('| provider | service | events | why |', '|---|---|---|---|');
    for (const n of ignored) lines.push(`| ${n.provider} | ${n.service} | ${n.names.map((x) => `\`${x}\``).join(', ')} | ${esc(n.reason)} |`);
    return lines.join('\n') + '\n';
  }
  return (
    renderTable(
      [{ header: 'PROVIDER' }, { header: 'SERVICE' }, { header: 'EVENTS', max: 70 }, { header: 'ACTION' }, { header: 'PULUMI TYPE' }],
      sorted.map((e) => [e.provider, e.service, e.names.join(', '), e.action, e.types.join(', ')]),
    ) +
    `\n${sorted.length} entries, ${sorted.reduce((n, e) => n + e.names.length, 0)} event names; ` +
    `${ignored.reduce((n, e) => n + e.names.length, 0)} names known not to change state (--format json lists them with reasons)\n`
  );
}

async function coverage(inputs: string[], catalog: Catalog, flags: CatalogFlags): Promise<string> {
  const reports = [];
  for (const input of inputs) {
    const { events } = await loadTrail([input], flags, {}, { writesOnly: true, quiet: true });
    const { report } = replay(events, { catalog });
    const successful = report.writes - report.failed;
    const unknown = [...report.unknown].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    reports.push({ input, successful, applied: report.applied, nonState: report.nonState, skipped: report.skipped.length, unknown });
  }
  if (flags.format === 'json') {
    return JSON.stringify(reports.map((r) => ({ ...r, unknown: Object.fromEntries(r.unknown) })), null, 2) + '\n';
  }
  const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  let out = renderTable(
    [
      { header: 'TRAIL', max: 60 },
      { header: 'SUCCESSFUL WRITES', align: 'right' },
      { header: 'REPLAYED', align: 'right' },
      { header: 'NOT STATE', align: 'right' },
      { header: 'NO ID', align: 'right' },
      { header: 'UNKNOWN', align: 'right' },
      { header: 'UNDERSTOOD', align: 'right' },
    ],
    reports.map((r) => {
      const unknown = r.unknown.reduce((n, [, c]) => n + c, 0);
      return [r.input, String(r.successful), `${r.applied} (${pct(r.applied, r.successful)})`, String(r.nonState), String(r.skipped), String(unknown), pct(r.applied + r.nonState, r.successful)];
    }),
  );
  for (const r of reports) {
    if (r.unknown.length === 0) continue;
    out += `\nunhandled in ${r.input}:\n` + r.unknown.map(([name, n]) => `  ${String(n).padStart(6)}  ${name}`).join('\n') + '\n';
  }
  return out;
}
