// Summarises a .cpuprofile: node --import tsx bench/profile.ts <file.cpuprofile> [stretches]
// (self time by area, inclusive and self time by function, and the longest busy stretches).
import { longestBusy, profileMarkdown, summarizeProfile } from './lib/cpu-profile';

const [file, count] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node --import tsx bench/profile.ts <file.cpuprofile> [stretches]\n');
  process.exit(2);
}
process.stdout.write(`${profileMarkdown(file, summarizeProfile(file, 25))}\n\n## Longest busy stretches\n\n`);
for (const s of longestBusy(file, Number(count ?? 6))) {
  process.stdout.write(`- ${s.ms.toFixed(1)} ms busy from ${(s.at / 1000).toFixed(2)} s:\n`);
  for (const { stack, ms } of s.stacks) process.stdout.write(`  - ${ms.toFixed(1)} ms: ${stack}\n`);
}
