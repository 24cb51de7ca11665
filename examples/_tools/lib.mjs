/**
 * What the example generators share: deterministic values derived from labels (no clock, no
 * Math.random), and writing the trails or checking them against what is on disk.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const sha = (label) => createHash('sha256').update(label).digest();
export const hex = (label, n) => sha(label).toString('hex').slice(0, n);
/** A number in [0, mod) derived from a label. */
export const num = (label, mod) => sha(label).readUInt32BE(0) % mod;
/** Deterministic shuffle: order by the hash of (salt, item key). */
export const shuffled = (items, salt, keyOf) =>
  [...items].sort((a, b) => (hex(`${salt}:${keyOf(a)}`, 16) < hex(`${salt}:${keyOf(b)}`, 16) ? -1 : 1));

export const epoch = (iso) => Date.parse(iso);
export const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** What a scenario's trail holds, printed by the generators; `isWrite` is the format's read/write rule. */
export function scenarioCounts(scenario, isWrite) {
  const all = scenario.events.map((e) => e.record);
  const writes = all.filter(isWrite);
  const ok = (r) => !r.errorCode;
  const byKey = (k) => all.filter((r) => r.userIdentity?.accessKeyId === k);
  return {
    recordsWritten: scenario.files.reduce((n, f) => n + f.records, 0),
    uniqueEvents: all.length,
    reads: all.length - writes.length,
    writes: writes.length,
    successfulWrites: writes.filter(ok).length,
    failed: all.filter((r) => !ok(r)).length,
    files: scenario.files.length,
    byKey: Object.fromEntries(
      scenario.keys.map((k) => [k, { events: byKey(k).length, writes: byKey(k).filter(isWrite).length, successfulWrites: byKey(k).filter((r) => isWrite(r) && ok(r)).length }]),
    ),
  };
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

/**
 * Writes each scenario's `trail/` under `examples/<name>/` (replacing it), or with `--check`
 * compares it with the files on disk and exits 1 on any difference. Prints each scenario's counts.
 */
export function writeOrCheck(examples, scenarios, counts) {
  const check = process.argv.includes('--check');
  let differs = 0;
  for (const s of scenarios) {
    const root = join(examples, s.name);
    const trailDir = join(root, 'trail');
    if (check) {
      const want = new Map(s.files.map((f) => [join(root, f.path), f.bytes]));
      for (const p of listFiles(trailDir)) if (!want.has(p)) { console.error(`extra file: ${relative(examples, p)}`); differs++; }
      for (const [p, bytes] of want) {
        if (!existsSync(p)) { console.error(`missing file: ${relative(examples, p)}`); differs++; }
        else if (!readFileSync(p).equals(bytes)) { console.error(`differs: ${relative(examples, p)}`); differs++; }
      }
    } else {
      rmSync(trailDir, { recursive: true, force: true });
      for (const f of s.files) {
        const p = join(root, f.path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, f.bytes);
      }
    }
    console.log(JSON.stringify({ scenario: s.name, ...counts(s), facts: s.facts }, null, 2));
  }
  if (check) {
    if (differs > 0) {
      console.error(`${differs} file(s) differ from the generator's output`);
      process.exit(1);
    }
    console.error('trails match the generator');
  }
}
