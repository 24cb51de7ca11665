// The raw floor of reading a trail: gunzip + JSON.parse of every `.json.gz` file under a
// folder, one file at a time on one thread, nothing kept. Plain JavaScript run by bare
// `node` (no tsx loader) so its wall time and peak RSS compare with the built CLI's.
//
//   node bench/floor.mjs <folder>   → prints {"files":…,"events":…,"seconds":…} on stdout
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

function walk(dir, out) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) walk(path, out);
    else if (e.name.endsWith('.json.gz')) out.push(path);
  }
  return out;
}

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/floor.mjs <folder>\n');
  process.exit(2);
}
const started = performance.now();
const files = walk(root, []);
let events = 0;
for (const file of files) {
  const doc = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
  events += doc.Records.length;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ files: files.length, events, seconds }) + '\n');
