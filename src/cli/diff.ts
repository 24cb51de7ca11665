import { Command, Option } from 'commander';
import { changeTitle, colourDiff, diffLines } from '../plan/render.js';
import { paint, useColor } from '../util/style.js';
import { TOOL } from '../version.js';
import { requestExitCode, writeOut } from './output.js';
import { addDesiredOptions, loadPlanInputs, planFromInputs, type DesiredFlags } from './plan-inputs.js';

interface DiffFlags extends DesiredFlags {
  format?: 'text' | 'json';
  detailedExitcode?: boolean;
}

export function diffCommand(): Command {
  const cmd = new Command('diff')
    .description('compare the desired state (--at a moment, or --undo-… writes) with the current state, resource by resource')
    .argument('<trail...>', 'trail files, folders, .gz files, or - for stdin')
    .addOption(new Option('--format <format>', 'text: unified diffs (coloured on a terminal); json: RFC 6902 patches').choices(['text', 'json']).default('text'))
    .option('--detailed-exitcode', 'exit 0 when there is no difference, 2 when there are differences, 1 on error');
  addDesiredOptions(cmd);
  return cmd.action(async (inputs: string[], flags: DiffFlags) => {
    const plan = planFromInputs(await loadPlanInputs(inputs, flags), inputs, flags, TOOL);
    if (flags.format === 'json') {
      const changes = plan.steps.map((s) => ({ action: s.action, resource: s.resource, patch: s.patch, unknown: s.unknown, before: s.before, after: s.after }));
      await writeOut(JSON.stringify({ mode: plan.mode, changes, conflicts: plan.conflicts, warnings: plan.warnings }, null, 2) + '\n');
    } else {
      const c = paint(useColor());
      const out: string[] = [];
      for (const s of plan.steps) {
        out.push(c('bold', changeTitle(s)));
        out.push(...colourDiff(diffLines(s), c));
        if (s.unknown.length > 0) out.push(c('yellow', `# unknown desired value: ${s.unknown.join(', ')}`));
        out.push('');
      }
      out.push(plan.steps.length === 0 ? 'No differences.' : `${plan.steps.length} resource(s) differ.`);
      await writeOut(out.join('\n') + '\n');
    }
    if (flags.detailedExitcode && plan.steps.length > 0) requestExitCode(2);
  });
}
