// `npm run bench`: every benchmark in turn, each printing its own figures.
import { spawnSync } from 'node:child_process';

const benches = [
  'bench/accuracy.ts',
  'bench/transfer.ts',
  'bench/segments.ts',
  'bench/speed.ts',
  'bench/robustness.ts',
  'bench/dashboard.ts',
  'bench/judge.ts',
  'bench/keyShapes.ts',
];
// `npm run bench -- speed judge`: only the benchmarks whose names are given
const only = process.argv.slice(2);
let failed = 0;
for (const file of benches.filter((f) => only.length === 0 || only.some((name) => f.includes(name)))) {
  console.log(`\n━━ ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
