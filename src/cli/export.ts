import { Command } from 'commander';
import { exportProject, writeProject } from '../apply/export.js';
import { resolveResourceClass } from '../apply/sdk.js';
import { readPlan } from '../plan/io.js';
import { warn } from './output.js';

export function exportCommand(): Command {
  return new Command('export')
    .description('write a plan\'s rollback as a standalone Pulumi TypeScript project to review, commit and run with `pulumi up`')
    .argument('<plan>', 'plan file (plans/<name>.plan.json); every step not skipped in review is exported')
    .requiredOption('--out <dir>', 'folder for the project (must be empty or new)')
    .option('--force', 'overwrite the files in a non-empty --out folder')
    .addHelpText(
      'after',
      `
Writes Pulumi.yaml, package.json (pinning @pulumi/pulumi and the provider SDKs), tsconfig.json,
index.ts (the program: an import phase, then \`pulumi config set trailback:phase converge\`),
README.md, and import.json: a \`pulumi import --file\` file for adopting the resources that
exist now instead of restoring them. Type tokens are checked against the installed SDKs.`,
    )
    .action(async (planPath: string, flags: { out: string; force?: boolean }) => {
      const plan = await readPlan(planPath);
      const project = exportProject(plan, planPath);
      for (const type of new Set(project.steps.map((s) => s.resource.type))) await resolveResourceClass(type);
      await writeProject(flags.out, project, flags.force ?? false);
      warn(`wrote ${Object.keys(project.files).length} files for ${project.steps.length} step(s) to ${flags.out}: cd ${flags.out} && npm install && pulumi preview`);
    });
}
