// `npm run bench`: every benchmark in turn, each printing its own figures.
import { spawnSync } from 'node:child_process';

const benches = [
  'bench/accuracy.ts',
  'bench/speed.ts',
  'bench/robustness.ts',
  'bench/dashboard.ts',
  'bench/judge.ts',
  'bench/keyShapes.ts',
];
let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
