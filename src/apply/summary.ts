/** The end of an apply: applied, failed, skipped — as text, markdown (CI step summaries) and JSON. */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Step } from '../plan/model.js';
import { writeFileAtomic } from '../util/fs.js';

export type StepStatus = 'applied' | 'failed' | 'skipped' | 'not-applied' | 'previewed';

export interface StepReport {
  id: string;
  action: Step['action'];
  type: string;
  resourceId: string;
  region: string;
  status: StepStatus;
  reason?: string;
  newId?: string;
  risks: string[];
}

export type RunStatus = 'succeeded' | 'failed' | 'declined' | 'previewed' | 'nothing-to-do' | 'refused';

export interface ApplySummary {
  plan: string;
  stack: string;
  backend: string;
  status: RunStatus;
  startedAt: string;
  finishedAt: string;
  steps: StepReport[];
  counts: Record<'applied' | 'failed' | 'skipped' | 'notApplied' | 'previewed', number>;
  /** Resources left in the stack (with --keep-managed, or when releasing failed). */
  held: string[];
  record?: string;
  warnings: string[];
}

export function stepReport(step: Step, status: StepStatus, extra: { reason?: string; newId?: string } = {}): StepReport {
  return {
    id: step.id,
    action: step.action,
    type: step.resource.type,
    resourceId: step.resource.id,
    region: step.resource.region,
    status,
    ...(extra.reason && { reason: extra.reason }),
    ...(extra.newId && { newId: extra.newId }),
    risks: [...new Set(step.risks.map((r) => r.kind))],
  };
}

export function countSteps(steps: readonly StepReport[]): ApplySummary['counts'] {
  const n = (s: StepStatus) => steps.filter((r) => r.status === s).length;
  return { applied: n('applied'), failed: n('failed'), skipped: n('skipped'), notApplied: n('not-applied'), previewed: n('previewed') };
}

const HEADLINE: Record<RunStatus, string> = {
  succeeded: 'applied',
  failed: 'FAILED part-way',
  declined: 'declined: nothing changed',
  previewed: 'preview only: nothing changed',
  'nothing-to-do': 'nothing to apply',
  refused: 'REFUSED: nothing changed',
};

/** The summary of an apply refused before Pulumi ran (unapproved, stale, live change…), for CI. */
export function refusedSummary(plan: string, steps: readonly Step[], reason: string, at: string): ApplySummary {
  const reports = steps.map((s) => stepReport(s, s.decision === 'approved' ? 'not-applied' : 'skipped', { reason: s.decision === 'approved' ? 'apply refused' : `decision: ${s.decision}` }));
  return { plan, stack: '-', backend: '-', status: 'refused', startedAt: at, finishedAt: at, steps: reports, counts: countSteps(reports), held: [], warnings: [reason] };
}

function countLine(c: ApplySummary['counts']): string {
  const parts = [`${c.applied} applied`, `${c.failed} failed`, `${c.skipped} skipped`];
  if (c.notApplied) parts.push(`${c.notApplied} not applied`);
  if (c.previewed) parts.push(`${c.previewed} previewed`);
  return parts.join(', ');
}

function detail(r: StepReport): string {
  return [r.newId && `new id ${r.newId}`, r.reason, r.risks.length > 0 && `risks: ${r.risks.join(', ')}`].filter(Boolean).join('; ');
}

export function renderSummaryText(s: ApplySummary): string {
  const lines = [`trailback apply ${s.plan} → stack ${s.stack}: ${HEADLINE[s.status]} (${countLine(s.counts)})`];
  for (const r of s.steps) {
    const d = detail(r);
    lines.push(`  ${r.status.padEnd(11)} ${r.id}  ${r.action} ${r.type} ${r.resourceId}${d ? `  (${d})` : ''}`);
  }
  for (const w of s.warnings) lines.push(`  warning: ${w}`);
  if (s.held.length > 0) lines.push(`  stack ${s.stack} (${s.backend}) still manages ${s.held.length} resource(s)`);
  if (s.record) lines.push(`  record: ${s.record}`);
  return lines.join('\n') + '\n';
}

const ICON: Record<StepStatus, string> = { applied: '✅', failed: '❌', skipped: '⏭️', 'not-applied': '⏸️', previewed: '👀' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderSummaryMarkdown(s: ApplySummary): string {
  const lines = [
    `### trailback apply: ${HEADLINE[s.status]}`,
    '',
    `Plan \`${s.plan}\`, stack \`${s.stack}\`: **${countLine(s.counts)}**.`,
    '',
    '| | step | action | resource | details |',
    '|---|---|---|---|---|',
    ...s.steps.map((r) => `| ${ICON[r.status]} ${r.status} | ${cell(r.id)} | ${r.action} | \`${cell(r.type)}\` ${cell(r.resourceId)} | ${cell(detail(r))} |`),
  ];
  if (s.warnings.length > 0) lines.push('', ...s.warnings.map((w) => `> ⚠️ ${cell(w)}`));
  if (s.held.length > 0) lines.push('', `Stack \`${s.stack}\` still manages ${s.held.length} resource(s).`);
  if (s.record) lines.push('', `Apply record: \`${s.record}\``);
  return lines.join('\n') + '\n';
}

/**
 * Writes the summary files CI asked for. `$GITHUB_STEP_SUMMARY` is appended to (other steps
 * write there too); a --summary-md naming that same file is written once.
 */
export async function writeSummaryFiles(s: ApplySummary, files: { json?: string; md?: string }, env: NodeJS.ProcessEnv): Promise<void> {
  const markdown = renderSummaryMarkdown(s);
  const step = env.GITHUB_STEP_SUMMARY ? resolve(env.GITHUB_STEP_SUMMARY) : undefined;
  if (files.json) await writeFileAtomic(files.json, JSON.stringify(s, null, 2) + '\n');
  if (files.md && resolve(files.md) !== step) await writeFileAtomic(files.md, markdown);
  if (step) await appendFile(step, markdown + '\n');
}
