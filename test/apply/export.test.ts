/** The exported Pulumi project: its files, and that it type-checks against the real provider SDKs. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject, writeProject } from '../../src/apply/export.js';
import { alicloudPlan, awsPlan, makePlan } from './helpers.js';

const repo = resolve(import.meta.dirname, '../..');
const both = makePlan([...alicloudPlan().steps, ...awsPlan().steps]);

describe('export', () => {
  it('writes Pulumi.yaml, a package.json pinning the SDKs, tsconfig.json, index.ts and import.json', () => {
    const { files } = exportProject(both, 'plans/leak.plan.json');
    expect(Object.keys(files).sort()).toEqual(['Pulumi.yaml', 'README.md', 'import.json', 'index.ts', 'package.json', 'tsconfig.json']);
    expect(JSON.parse(files['package.json']!).dependencies).toEqual({ '@pulumi/pulumi': '3.248.0', '@pulumi/aws': '7.48.0', '@pulumi/alicloud': '3.108.0' });
    expect(files['Pulumi.yaml']).toMatch(/^name: trailback-leak\nruntime:\n {2}name: nodejs/);
    const imports = JSON.parse(files['import.json']!).resources;
    expect(imports).toContainEqual({ type: 'alicloud:ecs/instance:Instance', name: 'ecs-instance-i-bp1leaked1', id: 'i-bp1leaked1' });
    expect(imports).toContainEqual({ type: 'aws:iam/userPolicy:UserPolicy', name: 'iam-userpolicy-deploy-inline', id: 'deploy:inline' });
    expect(imports.some((r: { type: string }) => r.type === 'alicloud:rds/instance:Instance')).toBe(false);
    const index = files['index.ts']!;
    expect(index).toContain('new aws.ec2.Instance("ec2-instance-i-0aaa1111"');
    expect(index).toContain('import: "i-0aaa1111"');
    expect(index).toMatch(/instanceId: rdsInstanceRmBp1orders\.id/);
    expect(index).toContain('ignoreChanges: ["secret"]');
    expect(index).not.toContain('[redacted]');
  });

  it('refuses a non-empty folder unless forced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailback-export-'));
    writeFileSync(join(dir, 'keep.txt'), 'x');
    const project = exportProject(awsPlan(), 'plans/leak.plan.json');
    await expect(writeProject(dir, project, false)).rejects.toThrow(/is not empty: .*--force/);
    await writeProject(dir, project, true);
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toContain('convergePhase');
  });

  it('type-checks with tsc against the installed @pulumi/aws and @pulumi/alicloud', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trailback-export-tsc-'));
    const out = join(dir, 'project');
    mkdirSync(out);
    await writeProject(out, exportProject(both, 'plans/leak.plan.json'), false);
    symlinkSync(join(repo, 'node_modules'), join(out, 'node_modules'), 'dir');
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json'), '--noEmit'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      output = String((err as { stdout?: string }).stdout) + String((err as { stderr?: string }).stderr);
    }
    expect(output).toBe('');
  }, 120_000);
});
