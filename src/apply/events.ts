/**
 * Pulumi engine events (what the Automation API hands `onEvent`) → per-resource outcomes and one
 * progress line per resource on stderr. Only the fields trailback uses are typed here.
 */

export interface StepEventState {
  urn?: string;
  id?: string;
  type?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StepEventMetadata {
  op: string;
  urn: string;
  type: string;
  old?: StepEventState;
  new?: StepEventState;
  diffs?: string[];
}

export interface EngineEvent {
  sequence?: number;
  timestamp?: number;
  diagnosticEvent?: { urn?: string; message: string; severity: string };
  resourcePreEvent?: { metadata: StepEventMetadata; planning?: boolean };
  resOutputsEvent?: { metadata: StepEventMetadata; planning?: boolean };
  resOpFailedEvent?: { metadata: StepEventMetadata; status: number; steps: number };
  summaryEvent?: { resourceChanges?: Record<string, number> };
}

export interface ResourceOutcome {
  /** Last operation Pulumi reported (create, update, delete, replace, import, read, same …). */
  op?: string;
  /** Pulumi finished the operation. */
  done: boolean;
  failed: boolean;
  errors: string[];
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

const ANSI = /\u001b\[[0-9;]*m|<\{%[a-z]+%\}>/g;

/** Pulumi's colour directives and line breaks out: one readable line per diagnostic. */
export function cleanMessage(message: string): string {
  return message.replace(ANSI, '').replace(/\s*\n\s*/g, ' ').trim();
}

const VERB: Record<string, string> = {
  create: 'creating',
  update: 'updating',
  delete: 'deleting',
  replace: 'replacing',
  'create-replacement': 'creating replacement of',
  'delete-replaced': 'deleting replaced',
  import: 'importing',
  'import-replacement': 'importing',
  read: 'reading',
  refresh: 'refreshing',
  discard: 'forgetting',
};

const DONE: Record<string, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  replace: 'replaced',
  'create-replacement': 'created replacement of',
  'delete-replaced': 'deleted replaced',
  import: 'imported',
  'import-replacement': 'imported',
  read: 'read',
  refresh: 'refreshed',
  discard: 'forgot',
};

const PREVIEW: Record<string, string> = {
  create: 'would create',
  update: 'would update',
  delete: 'would delete',
  replace: 'would replace',
  'create-replacement': 'would create replacement of',
  'delete-replaced': 'would delete replaced',
  import: 'would import',
  read: 'read',
};

/** Collects outcomes by URN and reports progress for the resources trailback knows by label. */
export class EventCollector {
  readonly byUrn = new Map<string, ResourceOutcome>();
  /** Errors not tied to a resource. */
  readonly errors: string[] = [];
  changes: Record<string, number> | undefined;
  /** Per-resource lines of the last preview, in order: what Pulumi would do. */
  readonly planned: string[] = [];

  constructor(
    private readonly labels: ReadonlyMap<string, string>,
    private readonly log: (line: string) => void,
    private readonly onResourceDone?: (urn: string, outcome: ResourceOutcome) => void,
  ) {}

  private outcome(urn: string): ResourceOutcome {
    let o = this.byUrn.get(urn);
    if (!o) this.byUrn.set(urn, (o = { done: false, failed: false, errors: [] }));
    return o;
  }

  readonly onEvent = (e: EngineEvent): void => {
    if (e.summaryEvent) this.changes = e.summaryEvent.resourceChanges ?? {};
    const d = e.diagnosticEvent;
    if (d && (d.severity === 'error' || d.severity === 'warning')) {
      const msg = cleanMessage(d.message);
      if (!msg) return;
      const label = d.urn ? this.labels.get(d.urn) : undefined;
      if (d.urn && d.severity === 'error') this.outcome(d.urn).errors.push(msg);
      else if (d.severity === 'error') this.errors.push(msg);
      this.log(`    ${d.severity}${label ? ` (${label})` : ''}: ${msg}`);
      return;
    }
    const pre = e.resourcePreEvent;
    if (pre) {
      const m = pre.metadata;
      const label = this.labels.get(m.urn);
      this.outcome(m.urn).op = m.op;
      if (!label || m.op === 'same') return;
      if (pre.planning) this.planned.push(`${PREVIEW[m.op] ?? m.op} ${label}${m.diffs?.length ? ` (${m.diffs.join(', ')})` : ''}`);
      else this.log(`  ${VERB[m.op] ?? m.op} ${label} …`);
      return;
    }
    const out = e.resOutputsEvent;
    if (out) {
      const m = out.metadata;
      const o = this.outcome(m.urn);
      o.op = m.op;
      o.done = true;
      const state = m.new ?? m.old;
      if (state?.id) o.id = state.id;
      if (state?.inputs) o.inputs = state.inputs;
      if (state?.outputs) o.outputs = state.outputs;
      const label = this.labels.get(m.urn);
      if (label && m.op !== 'same' && !out.planning) this.log(`  ✓ ${DONE[m.op] ?? m.op} ${label}`);
      if (label && m.op === 'read' && out.planning) this.log(`  ✓ read ${label}`);
      this.onResourceDone?.(m.urn, o);
      return;
    }
    const failed = e.resOpFailedEvent;
    if (failed) {
      const m = failed.metadata;
      const o = this.outcome(m.urn);
      o.failed = true;
      o.op = m.op;
      const label = this.labels.get(m.urn);
      if (label) this.log(`  ✗ ${VERB[m.op] ?? m.op} ${label} failed`);
      this.onResourceDone?.(m.urn, o);
    }
  };

  /** Error messages of a resource: its diagnostics, or the update's general ones. */
  errorsOf(urn: string): string[] {
    return this.byUrn.get(urn)?.errors ?? [];
  }
}
