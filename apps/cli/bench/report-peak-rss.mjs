/** Preloaded into a benchmark child (`node --import`): prints the process's peak RSS on stderr at exit. */
import { readFileSync } from 'node:fs';

process.on('exit', () => {
  let mib = process.resourceUsage().maxRSS / 1024;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) mib = Number(match[1]) / 1024;
  } catch {
    // not Linux: maxRSS it is
  }
  process.stderr.write(`\nPEAK_RSS_MIB=${mib.toFixed(1)}\n`);
});
