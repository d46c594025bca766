// Bundles the CLI (Node), the extension (Node and browser) and the
// integration-test suite (one bundle that runs in either extension host) with esbuild.
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const production = process.argv.includes('--production');
// --only=extension,tests builds a subset (targets: cli, extension, tests), so the
// extension's integration tests do not depend on the CLI compiling.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (target) => !only || only.includes(target);
// The web extension host is a worker: no DOM. The 'worker' export condition
// keeps DOM-only variants (e.g. micromark's entity decoder) out of web bundles.
const web = { platform: 'browser', conditions: ['worker'], format: 'cjs', target: 'es2022', external: ['vscode'] };
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };

const jobs = [];
if (wanted('cli'))
  jobs.push(
    // dist/cli.js only starts dist/cli-main.js through the V8 code cache made below (src/cli/codeCache.ts)
    build({
      ...common,
      entryPoints: ['src/cli/boot.ts'],
      outfile: 'dist/cli.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
    }),
    build({
      ...common,
      entryPoints: ['src/cli/main.ts'],
      outfile: 'dist/cli-main.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
    }),
    // the grading worker thread the CLI starts beside itself (src/cli/parallel/pool.ts): core only, no commands
    build({
      ...common,
      entryPoints: ['src/cli/parallel/workerBoot.ts'],
      outfile: 'dist/cli-worker.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
    }),
    build({
      ...common,
      entryPoints: ['src/cli/parallel/worker.ts'],
      outfile: 'dist/cli-worker-main.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
    }),
  );
if (wanted('extension') && existsSync('src/extension/extension.ts')) {
  jobs.push(
    build({
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    }),
    build({
      ...common,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/web/extension.js',
      ...web,
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
    // the grading workers the extension starts for round-wide work (src/extension/gradeWorkers.ts): core only, a message loop
    build({
      ...common,
      entryPoints: ['src/extension/gradeWorkerNode.ts'],
      outfile: 'dist/grade-worker.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
    }),
    // a classic script: the web host's nested worker loads it with importScripts
    build({
      ...common,
      entryPoints: ['src/extension/gradeWorkerWeb.ts'],
      outfile: 'dist/web/grade-worker.js',
      ...web,
      format: 'iife',
      define: { 'process.env.NODE_ENV': '"production"' },
    }),
  );
}
// Integration tests: one entry importing the mocha bootstrap first (it defines
// suite/test globals), then every *.test.ts; output must lie inside the
// extension folder because test-web serves the tests from there.
const suiteDir = 'test/integration/suite';
if (wanted('tests') && existsSync(`${suiteDir}/index.ts`)) {
  const tests = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  const contents = [`export { run } from './${suiteDir}/index.ts';`, ...tests.map((f) => `import './${suiteDir}/${f}';`)].join('\n');
  jobs.push(
    build({
      ...common,
      stdin: { contents, resolveDir: '.', sourcefile: 'suite-entry.ts', loader: 'ts' },
      outfile: 'dist/test/suite.js',
      ...web,
      minify: false,
    }),
  );
}
await Promise.all(jobs);
// The code caches (src/cli/codeCache.ts): the example graded on the main thread, then by the worker
// alone (the pool's idle-main hook); each run writes the bytecode of what its bundle compiled beside it.
// A failure only costs start-up time (without its cache a bundle is compiled as usual).
if (wanted('cli')) {
  const runs = ['v001-baseline-run1.md', 'v001-baseline-run2.md'].map((f) => `examples/order-service/results/${f}`);
  const train = (bundle, args, env = {}) => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'grade', '--format', 'json', ...runs, ...args], {
      env: { ...process.env, ...env, REVIEW_GRADER_WRITE_CODE_CACHE: bundle },
      encoding: 'utf8',
    });
    if (r.status !== 0) console.warn(`build: no code cache for ${bundle} (the example run failed: ${r.stderr || r.error})`);
  };
  train('dist/cli-main.js', []);
  train('dist/cli-worker-main.js', ['-j', '2'], { REVIEW_GRADER_TEST_POOL: 'idle-main' });
}
