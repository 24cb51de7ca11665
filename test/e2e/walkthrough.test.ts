/** The README command extraction the walkthrough tests rely on (no CLI runs here). */
import { describe, expect, it } from 'vitest';
import { commandsOf, goldenName, shBlocks, shBlockUnder, shellWords } from './support/walkthrough.js';

describe('shellWords', () => {
  it('splits on blanks and honours quotes and escapes like a shell', () => {
    expect(shellWords(`trailback events trail --actor 'dev-*' --ip "AWS Internal" a\\ b x"y"'z'`).args).toEqual([
      'trailback', 'events', 'trail', '--actor', 'dev-*', '--ip', 'AWS Internal', 'a b', 'xyz',
    ]);
    expect(shellWords(`trailback show "a \\"quoted\\" \\$name"`).args).toEqual(['trailback', 'show', 'a "quoted" $name']);
  });

  it('drops a trailing comment but keeps a # inside a word', () => {
    const w = shellWords('trailback blame trail a#b   # who set it');
    expect(w.args).toEqual(['trailback', 'blame', 'trail', 'a#b']);
    expect(w.text).toBe('trailback blame trail a#b');
  });

  it.each(['trailback plan $TRAIL', 'trailback show plans/*.json', 'trailback events trail | head', 'trailback events trail > out', "trailback show 'open"])(
    'refuses what only a shell could run: %s',
    (line) => {
      expect(() => shellWords(line, 7)).toThrow(/README line 7/);
    },
  );
});

describe('commandsOf', () => {
  const md = [
    '# t',
    '```sh',
    'npm ci',
    'trailback events trail --summary',
    'trailback plan trail \\',
    '  --at 2026-01-01T00:00:00Z -o plans/x.plan.json',
    'trailback review plans/x.plan.json   # not run by the tests: interactive',
    '```',
    '```text',
    'trailback not a command here',
    '```',
    '## Quick start',
    'words',
    '```sh',
    'trailback catalog',
    '```',
    '## Next',
    '```sh',
    'trailback state trail',
    '```',
  ].join('\n');

  it('takes the trailback lines of sh blocks, joins continuations, marks skipped ones', () => {
    const cmds = commandsOf(shBlocks(md));
    expect(cmds.map((c) => [c.line, c.args, c.skip])).toEqual([
      [4, ['events', 'trail', '--summary'], undefined],
      [5, ['plan', 'trail', '--at', '2026-01-01T00:00:00Z', '-o', 'plans/x.plan.json'], undefined],
      [7, ['review', 'plans/x.plan.json'], 'interactive'],
      [15, ['catalog'], undefined],
      [19, ['state', 'trail'], undefined],
    ]);
  });

  it('finds the first sh block of a section, with its line in the whole file', () => {
    const block = shBlockUnder(md, 'Quick start');
    expect(block).toEqual({ line: 15, lines: ['trailback catalog'] });
    expect(shBlockUnder(md, 'Missing')).toBeUndefined();
  });
});

describe('goldenName', () => {
  it('numbers the file and names it after the subcommand and its flags', () => {
    expect(goldenName(3, ['plan', 'trail', '--undo-key', 'K', '--since', 'T', '-o', 'plans/x.plan.json'])).toBe('03-plan-undo-key-since.txt');
    expect(goldenName(12, ['events', 'trail', '--writes', '--format', 'table'])).toBe('12-events-writes.txt');
    expect(goldenName(1, ['show', 'p', '--format', 'markdown'])).toBe('01-show-markdown.txt');
    expect(goldenName(2, ['review', 'p', '--approve', 's1', '--reviewer', 'r'])).toBe('02-review-approve.txt');
  });
});
