import { structuredPatch } from 'diff';
import { sortKeys } from '../util/json.js';
import { paint, type Colour } from '../util/style.js';
import type { Cause, Plan, RiskKind, Step, StepAction } from './model.js';
import { describeMode, planCounts } from './plan.js';

/**
 * Human renders of a plan: text for the terminal (coloured on a TTY), markdown for a pull
 * request. Pure functions of the plan; the caller decides about colour.
 */

export interface RenderOptions {
  color?: boolean;
  /** Fold a diff longer than this many lines (the middle is elided). */
  maxDiffLines?: number;
  /** List at most this many conflicts and warnings in a summary (the plan file has them all). */
  maxListed?: number;
}

function listed<T>(items: T[], max: number | undefined, line: (x: T) => string): string[] {
  const shown = max === undefined ? items : items.slice(0, max);
  const out = shown.map((x) => `    ${line(x)}`);
  if (shown.length < items.length) out.push(`    … ${items.length - shown.length} more in the plan file`);
  return out;
}

const ACTION_COLOUR: Record<StepAction, Colour> = { create: 'green', update: 'yellow', replace: 'magenta', delete: 'red' };
const ACTION_SIGN: Record<StepAction, string> = { create: '+', update: '~', replace: '±', delete: '-' };
export const RISK_COLOUR: Record<RiskKind, Colour> = {
  destructive: 'red',
  'data-loss': 'red',
  'new-identity': 'magenta',
  'unknown-prior': 'yellow',
  replace: 'magenta',
  conflict: 'yellow',
  'external-actor': 'cyan',
};

const UNKNOWN_MARK = '\u0000unknown\u0000';

/** Pretty JSON with sorted keys; unknown inputs appear as `<unknown>` so a reader sees the gap. */
function inputsText(inputs: Record<string, unknown> | null, unknown: string[] = []): string {
  if (inputs === null) return '';
  const shown: Record<string, unknown> = { ...inputs };
  for (const p of unknown) shown[p] = UNKNOWN_MARK;
  return JSON.stringify(sortKeys(shown), null, 2).replaceAll(JSON.stringify(UNKNOWN_MARK), '<unknown>') + '\n';
}

/** Unified diff lines (no file headers) of a step's before → after. */
export function diffLines(step: Pick<Step, 'before' | 'after' | 'unknown' | 'unknownBefore'>): string[] {
  const a = inputsText(step.before, step.unknownBefore ?? []);
  const b = inputsText(step.after, step.after === null ? [] : step.unknown);
  const patch = structuredPatch('current', 'desired', a, b, '', '', { context: 3 });
  const lines: string[] = [];
  for (const h of patch.hunks) {
    lines.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`);
    for (const l of h.lines) if (!l.startsWith('\\')) lines.push(l);
  }
  return lines;
}

export function colourDiff(lines: string[], c: ReturnType<typeof paint>, max?: number): string[] {
  let shown = lines;
  if (max !== undefined && lines.length > max) {
    const head = Math.ceil(max / 2);
    const tail = Math.max(1, max - head - 1);
    shown = [...lines.slice(0, head), `… ${lines.length - head - tail} more lines …`, ...lines.slice(-tail)];
  }
  return shown.map((l) => (l.startsWith('+') ? c('green', l) : l.startsWith('-') ? c('red', l) : l.startsWith('@@') ? c('cyan', l) : l.startsWith('…') ? c('gray', l) : l));
}

export function causeLine(e: Cause): string {
  return [e.time, e.name, e.actor, e.accessKeyId ?? '-', e.sourceIp ?? '-', e.eventId].join('  ');
}

export function stepTitle(step: Step): string {
  return `${step.id} ${changeTitle(step)}`;
}

/** `delete alicloud:ecs/instance:Instance i-… (cn-hangzhou)`: a change without its step id. */
export function changeTitle(step: Pick<Step, 'action' | 'resource'>): string {
  const r = step.resource;
  return `${step.action} ${r.type} ${r.id} (${r.region})`;
}

/** One step as a change review: header, risks, diff, causes, dependencies. */
export function renderStepText(step: Step, options: RenderOptions = {}): string {
  const c = paint(options.color ?? false);
  const r = step.resource;
  const out: string[] = [];
  out.push(
    `${c('bold', `${ACTION_SIGN[step.action]} ${step.id}`)} ${c(ACTION_COLOUR[step.action], step.action)} ${r.type} ${c('bold', r.id)} (${r.region}${r.account ? `, account ${r.account}` : ''})  [${step.decision}]`,
  );
  if (step.risks.length > 0) {
    out.push('  risks:');
    const width = Math.max(...step.risks.map((x) => x.kind.length));
    for (const risk of step.risks) out.push(`    ${c(RISK_COLOUR[risk.kind], risk.kind.padEnd(width))}  ${risk.detail}`);
  }
  if (step.unknown.length > 0) out.push(`  unknown: ${step.unknown.join(', ')}`);
  if (step.replaceOn?.length) out.push(`  replace on: ${step.replaceOn.join(', ')}`);
  const diff = diffLines(step);
  if (diff.length > 0) {
    out.push('  diff (current → desired):');
    for (const l of colourDiff(diff, c, options.maxDiffLines)) out.push(`    ${l}`);
  }
  if (step.edited && Object.keys(step.edited).length > 0) out.push(`  edited in review: ${Object.keys(step.edited).join(', ')}`);
  if (step.causedBy.length > 0) {
    out.push(`  caused by ${step.causedBy.length} event${step.causedBy.length === 1 ? '' : 's'}:`);
    for (const e of step.causedBy) out.push(`    ${causeLine(e)}`);
  } else out.push(c('gray', '  caused by: no event in the trail (the current state differs from it)'));
  if (step.dependsOn.length > 0) out.push(`  after: ${step.dependsOn.join(', ')}`);
  return out.join('\n') + '\n';
}

function countsLine(plan: Plan): string {
  const { actions, risks } = planCounts(plan);
  const a = actions.map(([k, n]) => `${n} ${k}`).join(', ');
  const r = risks.map(([k, n]) => `${k} ${n}`).join(', ');
  return `${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}${a ? `: ${a}` : ''}${r ? ` · risks: ${r}` : ''}`;
}

function decisionsLine(plan: Plan): string {
  const n = (d: string): number => plan.steps.filter((s) => s.decision === d).length;
  return `${n('approved')} approved, ${n('skipped')} skipped, ${n('pending')} pending`;
}

export function approvalLine(plan: Plan, valid: boolean): string {
  if (!plan.approval) return 'not approved';
  return `approved by ${plan.approval.by} at ${plan.approval.at}${valid ? '' : ' — INVALID: steps changed after approval'}`;
}

/** Summary block: mode, trail, current state, counts, conflicts, warnings. */
export function renderSummaryText(plan: Plan, approvalValid: boolean, options: RenderOptions = {}): string {
  const c = paint(options.color ?? false);
  const out = [
    `${c('bold', 'Plan')}: ${describeMode(plan.mode)}`,
    `  trail:   ${plan.trail.sources.join(', ')} — ${plan.trail.events} write events, ${plan.trail.writes} replayed (digest ${plan.trail.digest.slice(0, 12)})`,
    `  current: ${plan.current.source === 'trail' ? 'the state at the end of the trail' : plan.current.source} (digest ${plan.current.digest.slice(0, 12)})`,
    ...(plan.baseline ? [`  baseline: ${plan.baseline.source}`] : []),
    `  created: ${plan.createdAt} by ${plan.tool}`,
    `  ${countsLine(plan)}`,
    `  decisions: ${decisionsLine(plan)}; ${approvalLine(plan, approvalValid)}`,
  ];
  if (plan.conflicts.length > 0) {
    out.push(c('yellow', `  conflicts: ${plan.conflicts.length}`));
    out.push(...listed(plan.conflicts, options.maxListed, (k) => `${k.resource.type} ${k.resource.id}: ${k.resolution} (undone ${k.undone.name} at ${k.undone.time})`));
  }
  if (plan.warnings.length > 0) {
    out.push(c('yellow', `  warnings: ${plan.warnings.length}`));
    out.push(...listed(plan.warnings, options.maxListed, (w) => w));
  }
  return out.join('\n') + '\n';
}

export function renderPlanText(plan: Plan, approvalValid: boolean, options: RenderOptions = {}): string {
  const parts = [renderSummaryText(plan, approvalValid, options)];
  if (plan.steps.length === 0) parts.push('No changes: the desired state matches the current state.\n');
  for (const s of plan.steps) parts.push('\n' + renderStepText(s, options));
  return parts.join('');
}

const md = (text: string): string => text.replace(/[|\\`*_<>]/g, (ch) => `\\${ch}`);

/** Markdown for a pull-request comment: summary table, then a section per step. */
export function renderPlanMarkdown(plan: Plan, approvalValid: boolean): string {
  const { actions, risks } = planCounts(plan);
  const out: string[] = [];
  out.push(`## trailback plan: ${md(describeMode(plan.mode))}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Trail | ${plan.trail.sources.map((s) => `\`${s}\``).join(', ')} — ${plan.trail.events} write events, ${plan.trail.writes} replayed |`);
  out.push(`| Current state | ${plan.current.source === 'trail' ? 'end of the trail' : `\`${plan.current.source}\``} |`);
  out.push(`| Steps | ${plan.steps.length}${actions.length ? ` (${actions.map(([k, n]) => `${n} ${k}`).join(', ')})` : ''} |`);
  out.push(`| Risks | ${risks.length ? risks.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'} |`);
  out.push(`| Decisions | ${decisionsLine(plan)} |`);
  out.push(`| Approval | ${md(approvalLine(plan, approvalValid))} |`);
  out.push(`| Digests | trail \`${plan.trail.digest.slice(0, 12)}\`, current \`${plan.current.digest.slice(0, 12)}\` |`, '');
  if (plan.conflicts.length > 0) {
    out.push(`### Conflicts (${plan.conflicts.length})`, '');
    for (const k of plan.conflicts) {
      out.push(`- \`${k.resource.type}\` \`${k.resource.id}\`: ${md(k.resolution)} — undone ${k.undone.name} at ${k.undone.time}, later ${k.later.name} at ${k.later.time} by ${md(k.later.actor)}`);
    }
    out.push('');
  }
  if (plan.warnings.length > 0) {
    out.push(`### Warnings (${plan.warnings.length})`, '');
    for (const w of plan.warnings) out.push(`- ${md(w)}`);
    out.push('');
  }
  if (plan.steps.length === 0) out.push('No changes: the desired state matches the current state.', '');
  for (const s of plan.steps) {
    const r = s.resource;
    out.push(`### ${s.id} · ${s.action} \`${r.type}\` \`${r.id}\``, '');
    out.push(`Region \`${r.region}\`${r.account ? `, account \`${r.account}\`` : ''} · decision **${s.decision}**${s.dependsOn.length ? ` · after ${s.dependsOn.join(', ')}` : ''}`, '');
    for (const risk of s.risks) out.push(`- **${risk.kind}**: ${md(risk.detail)}`);
    if (s.risks.length > 0) out.push('');
    if (s.unknown.length > 0) out.push(`Unknown: ${s.unknown.map((p) => `\`${p}\``).join(', ')}`, '');
    const diff = diffLines(s);
    if (diff.length > 0) out.push('<details><summary>diff (current → desired)</summary>', '', '```diff', ...diff, '```', '', '</details>', '');
    if (s.causedBy.length > 0) {
      out.push('| time | event | actor | key | source IP |', '|---|---|---|---|---|');
      for (const e of s.causedBy) out.push(`| ${e.time} | ${e.name} | ${md(e.actor)} | ${e.accessKeyId ?? ''} | ${e.sourceIp ?? ''} |`);
      out.push('');
    }
  }
  return out.join('\n');
}
