import { visibleLength } from '../util/style.js';

export interface Column {
  header: string;
  /** Longer cells are cut with an ellipsis; undefined = no limit. */
  max?: number;
  align?: 'left' | 'right';
}

function cut(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return text.slice(0, Math.max(1, max - 1)) + '…';
}

/** Plain aligned columns, two spaces apart; cells may carry colour codes. */
export function renderTable(columns: Column[], rows: string[][]): string {
  const cells = rows.map((r) => r.map((c, i) => (visibleLength(c) === c.length ? cut(c, columns[i]?.max) : c)));
  const widths = columns.map((col, i) => Math.max(visibleLength(col.header), ...cells.map((r) => visibleLength(r[i] ?? ''))));
  const line = (r: string[]): string =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - visibleLength(c)));
        return columns[i]?.align === 'right' ? pad + c : i === r.length - 1 ? c : c + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}
