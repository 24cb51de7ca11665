import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../trail/support/datasets.js';

// The committed example trails are exactly what their deterministic generators write.
describe('examples/_tools generators', () => {
  for (const tool of ['make-actiontrail-examples.mjs', 'make-cloudtrail-example.mjs']) {
    it(`${tool} --check: the committed trails match`, () => {
      const r = spawnSync(process.execPath, [join(REPO_ROOT, 'examples', '_tools', tool), '--check'], { encoding: 'utf8' });
      expect(r.stderr).toContain('trails match the generator');
      expect(r.status).toBe(0);
    });
  }
});
