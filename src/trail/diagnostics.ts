import { UserError } from '../util/errors.js';

/** What can be wrong with one input file or record. */
export type ProblemKind =
  | 'unreadable'
  | 'corrupt-gzip'
  | 'binary'
  | 'empty'
  | 'invalid-json'
  | 'not-an-event'
  | 'bad-time'
  | 'missing-id';

export interface Problem {
  kind: ProblemKind;
  file: string;
  /** Record position in the file (0-based), when the problem concerns one record. */
  index?: number;
  /** 1-based line, for line-oriented files. */
  line?: number;
  message: string;
}

const KIND_LABEL: Record<ProblemKind, string> = {
  unreadable: 'unreadable files',
  'corrupt-gzip': 'corrupt gzip files',
  binary: 'binary files',
  empty: 'empty files',
  'invalid-json': 'records that are not JSON',
  'not-an-event': 'records that are not trail events',
  'bad-time': 'events without a usable eventTime (skipped)',
  'missing-id': 'events without an event id (kept, id derived from content)',
};

export function formatProblem(p: Problem): string {
  const where = [p.file];
  if (p.line !== undefined) where.push(`line ${p.line}`);
  else if (p.index !== undefined) where.push(`record ${p.index}`);
  return `${where.join(': ')}: ${p.message}`;
}

/**
 * Collects bad input. By default problems are counted and reading goes on; in strict mode
 * the first one stops the run with a one-line message.
 */
export class Diagnostics {
  readonly counts = new Map<ProblemKind, number>();
  readonly first: Problem[] = [];

  constructor(
    readonly strict = false,
    private readonly keepFirst = 5,
  ) {}

  report(problem: Problem): void {
    if (this.strict) throw new UserError(`${formatProblem(problem)} (--strict)`);
    this.counts.set(problem.kind, (this.counts.get(problem.kind) ?? 0) + 1);
    if (this.first.length < this.keepFirst) this.first.push(problem);
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** Lines for stderr: one per kind with its count, then the first few problems. */
  summaryLines(): string[] {
    if (this.total === 0) return [];
    const lines = [...this.counts].map(([kind, n]) => `warning: ${n} ${KIND_LABEL[kind]}`);
    for (const p of this.first) lines.push(`  ${formatProblem(p)}`);
    if (this.total > this.first.length) lines.push(`  … and ${this.total - this.first.length} more (--strict stops at the first)`);
    return lines;
  }
}
