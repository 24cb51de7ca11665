/**
 * The top-level README's quick start, run as written: the `trailback …` lines of the first ```sh
 * block under "## Quick start", from a temporary folder holding a copy of the examples they name
 * (a plan without -o writes into plans/, so never the repository itself), compared with
 * test/e2e/expected/readme-quick-start/<NN>-<slug>.txt. UPDATE_GOLDEN=1 rewrites those files.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from '../cli/support/run.js';
import { REPO_ROOT } from '../trail/support/datasets.js';
import { commandsOf, copyExample, outputsOf, runWalkthrough, shBlockUnder, tempDir, warnSkipped } from './support/walkthrough.js';

const SECTION = 'Quick start';
let cwd: string | undefined;

beforeAll(() => {
  ensureBuilt();
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
});

afterAll(() => {
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('README.md quick start', () => {
  it('runs the quick start commands and matches test/e2e/expected/readme-quick-start/', async () => {
    const block = shBlockUnder(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8'), SECTION);
    if (!block) throw new Error(`README.md has no "## ${SECTION}" section with a \`\`\`sh block: the quick start is tested from there (npm ci, alias trailback=…, then \`trailback …\` lines)`);
    const cmds = commandsOf([block]);
    if (!cmds.some((c) => c.skip === undefined)) throw new Error(`README.md "## ${SECTION}": its first \`\`\`sh block (line ${block.line}) has no \`trailback …\` line to run`);
    warnSkipped('README.md', cmds);
    cwd = tempDir('readme');
    // Copy the examples the commands name (paths like examples/<x>/trail), nothing else.
    const named = new Set(cmds.flatMap((c) => c.args.map((a) => /^(?:\.\/)?examples\/([^/]+)/.exec(a)?.[1]).filter((x): x is string => !!x)));
    for (const x of named) {
      const src = join(REPO_ROOT, 'examples', x);
      if (!existsSync(src)) throw new Error(`README.md "## ${SECTION}" names examples/${x}, which does not exist`);
      copyExample(src, join(cwd, 'examples', x), outputsOf(cmds));
    }
    const problems = await runWalkthrough({ label: 'quick start', readme: 'README.md', cmds, cwd, goldenDir: join(REPO_ROOT, 'test', 'e2e', 'expected', 'readme-quick-start') });
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  });
});
