import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../src/catalog/index.js';
import { renderCatalog } from '../../src/cli/catalog.js';

const DOC = join(import.meta.dirname, '..', '..', 'docs', 'catalog.md');

describe('docs/catalog.md', () => {
  it('is the current output of `trailback catalog --format markdown` (regenerate with `npm run docs:catalog`)', () => {
    const catalog = builtinCatalog();
    const expected = renderCatalog(catalog.entries, catalog.nonState, 'markdown');
    const actual = readFileSync(DOC, 'utf8');
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const line = e.findIndex((l, i) => l !== a[i]);
      expect.fail(`docs/catalog.md is out of date at line ${line + 1}: run \`npm run docs:catalog\`\n  file:    ${a[line] ?? '(end)'}\n  catalog: ${e[line] ?? '(end)'}`);
    }
  });
});
