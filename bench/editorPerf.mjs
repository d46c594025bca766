// The editor's figures in the real harness, without the rest of the suite:
// bundles the extension and a test bundle holding only perf.test.ts, runs it
// in the VS Code web workbench (test/integration/runWeb.mjs) and prints the
// `[perf]` lines, then the bundle sizes (dev and --production). Nothing is
// asserted. `node bench/editorPerf.mjs` (≈1 min; the full suite is `npm run test:web`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...opts });
  return { code: r.status ?? 1, out: r.stdout ?? '' };
};
// the suite files to run (default perf; e.g. `node bench/editorPerf.mjs gradingCache perf`)
const tests = process.argv.slice(2).length ? process.argv.slice(2) : ['perf'];
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// the production bundles' sizes first (the dev build below replaces them)
if (run('node', ['scripts/build.mjs', '--only=extension', '--production']).code !== 0) process.exit(1);
const bundles = ['dist/extension.js', 'dist/web/extension.js', 'dist/grade-worker.js', 'dist/web/grade-worker.js'];
const prod = bundles.map((f) => `${f} ${kb(statSync(f).size)} (${kb(gzipSync(readFileSync(f)).length)} gzip)`);
if (run('node', ['scripts/build.mjs', '--only=extension']).code !== 0) process.exit(1);
const dev = bundles.map((f) => `${f} ${kb(statSync(f).size)}`);

await build({
  bundle: true,
  sourcemap: true,
  logLevel: 'warning',
  stdin: {
    contents: [
      "export { run } from './test/integration/suite/index.ts';",
      // a name ending in .bench is a timing file outside the suite (e.g. workerPerf.bench: in-thread vs 1 and 2 grading workers;
      // dashboardReload.bench: the Round Dashboard cold, then in a new session, the persisted cache on disk)
      ...tests.map((t) => `import './test/integration/suite/${t.endsWith('.bench') ? `${t}.ts` : `${t}.test.ts`}';`),
    ].join('\n'),
    resolveDir: '.',
    sourcefile: 'perf-entry.ts',
    loader: 'ts',
  },
  outfile: 'dist/test/suite.js',
  platform: 'browser',
  conditions: ['worker'],
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
});
const web = run('node', ['test/integration/runWeb.mjs']);
for (const line of web.out.split('\n'))
  if (line.includes('[perf]') || /passed|failed|Error|✔|[0-9]+\) /.test(line)) console.log(line.trim());
console.log(`[perf] bundles, dev: ${dev.join(', ')}`);
console.log(`[perf] bundles, --production: ${prod.join(', ')}`);
console.log('(dist/test/suite.js now holds only perf.test.ts: `npm run test:web` rebuilds the whole suite)');
process.exitCode = web.code;
