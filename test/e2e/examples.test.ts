/**
 * Every example's README is a walkthrough a newcomer types command by command: this runs the
 * `trailback …` lines of its ```sh blocks, in order, in a temporary copy of the example folder,
 * through the built bin, and compares each stdout with examples/<x>/expected/<NN>-<slug>.txt.
 * See support/walkthrough.ts for the conventions; UPDATE_GOLDEN=1 rewrites the expected files.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../cli/support/run.js';
import { REPO_ROOT } from '../trail/support/datasets.js';
import { commandsOf, copyExample, outputsOf, runWalkthrough, shBlocks, tempDir, warnSkipped } from './support/walkthrough.js';

const EXAMPLES = join(REPO_ROOT, 'examples');
/** The example folders with a trail to walk through (not _tools/, not ci/). */
const examples = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, 'trail')) && existsSync(join(EXAMPLES, d.name, 'README.md')))
  .map((d) => d.name)
  .sort();

const temps: string[] = [];

beforeAll(() => {
  ensureBuilt();
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
});

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('examples/*/README.md walkthroughs', () => {
  it('finds the four examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['alicloud-leaked-key', 'alicloud-ram-oss-exposure', 'alicloud-rds-released', 'aws-leaked-iam-key']));
  });

  describe.concurrent.each(examples)('%s', (name) => {
    it('runs the README commands and matches expected/', async () => {
      const dir = join(EXAMPLES, name);
      const readme = `examples/${name}/README.md`;
      const cmds = commandsOf(shBlocks(readFileSync(join(dir, 'README.md'), 'utf8')));
      expect(cmds.filter((c) => c.skip === undefined).length, `${readme} has no \`trailback …\` command the tests run`).toBeGreaterThan(0);
      warnSkipped(readme, cmds);
      const cwd = tempDir(name);
      temps.push(cwd);
      copyExample(dir, cwd, outputsOf(cmds));
      const problems = await runWalkthrough({ label: name, readme, cmds, cwd, goldenDir: join(dir, 'expected') });
      if (problems.length > 0) throw new Error(problems.join('\n\n'));
    });
  });
});
