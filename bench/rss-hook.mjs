// Loaded with `node --import` into a measured command when GNU time is not available:
// at exit, writes the process's own peak RSS and CPU time (getrusage) to the file named by
// TRAILBACK_BENCH_USAGE, as {"maxRssKb":…,"userSeconds":…,"systemSeconds":…}.
import { writeFileSync } from 'node:fs';

const target = process.env.TRAILBACK_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: u.maxRSS, userSeconds: u.userCPUTime / 1e6, systemSeconds: u.systemCPUTime / 1e6 }));
  });
}
