import { Command, Option } from 'commander';
import { readPlan } from '../plan/io.js';
import { approvalIsValid } from '../plan/model.js';
import { renderPlanMarkdown, renderPlanText } from '../plan/render.js';
import { useColor } from '../util/style.js';
import { writeOut } from './output.js';

export function showCommand(): Command {
  return new Command('show')
    .description('print a plan for review: text (a change review), markdown (a pull-request comment) or json')
    .argument('<plan>', 'plan file (plans/*.plan.json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .action(async (path: string, flags: { format: 'text' | 'markdown' | 'json' }) => {
      const plan = await readPlan(path);
      const valid = approvalIsValid(plan);
      if (flags.format === 'json') await writeOut(JSON.stringify(plan, null, 2) + '\n');
      else if (flags.format === 'markdown') await writeOut(renderPlanMarkdown(plan, valid));
      else await writeOut(renderPlanText(plan, valid, { color: useColor() }));
    });
}
