/**
 * With a real Pulumi CLI on PATH: an exported program previews against a local file backend.
 * No cloud is asked anything: the plan only creates (nothing to import) and the AWS provider is
 * pointed at a closed local port with fake credentials, so its credential check cannot leave
 * the machine; the test asserts that Pulumi ran the program, whatever the provider answered.
 * Skipped, saying why, where the CLI is not installed (our build machines).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject, writeProject } from '../../src/apply/export.js';
import { makePlan, step } from './helpers.js';

const hasPulumi = spawnSync('pulumi', ['version'], { encoding: 'utf8' }).status === 0;
if (!hasPulumi) console.warn('test/apply/real-cli.test.ts: skipped: no `pulumi` on PATH (install it from https://www.pulumi.com/docs/install/ to run it)');

describe('real Pulumi CLI', () => {
  it.skipIf(!hasPulumi)('previews an exported program with the file backend', async () => {
    const repo = resolve(import.meta.dirname, '../..');
    const dir = mkdtempSync(join(tmpdir(), 'trailback-real-'));
    const out = join(dir, 'project');
    const state = join(dir, 'state');
    mkdirSync(state);
    const plan = makePlan([step({ id: 'c', action: 'create', type: 'aws:iam/user:User', resourceId: 'bob', region: 'global', after: { name: 'trailback-test-bob' } })]);
    await writeProject(out, exportProject(plan, 'plans/real.plan.json'), false);
    symlinkSync(join(repo, 'node_modules'), join(out, 'node_modules'), 'dir');
    const env = {
      ...process.env,
      PULUMI_BACKEND_URL: `file://${state}`,
      PULUMI_CONFIG_PASSPHRASE: '',
      PULUMI_SKIP_UPDATE_CHECK: 'true',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIATRAILBACKTEST',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    };
    execFileSync('pulumi', ['stack', 'init', 'real', '--non-interactive'], { cwd: out, env, stdio: 'pipe' });
    const preview = spawnSync('pulumi', ['preview', '--non-interactive', '--config', 'trailback:phase=converge'], { cwd: out, env, encoding: 'utf8' });
    const text = `${preview.stdout}\n${preview.stderr}`;
    // The TypeScript program compiled and ran: Pulumi got as far as the resources.
    expect(text).not.toMatch(/error TS\d+|Unable to compile TypeScript/);
    expect(text).toMatch(/aws:iam:User|aws:iam\/user:User|pulumi:providers:aws|aws-global/);
  }, 300_000);
});
