// Runs the same integration suite in desktop VS Code (Electron), for machines
// that can download VS Code. Not used in CI (no VS Code download there).
// Opens the corpus folder as the workspace, like the web runner does.
import { runTests } from '@vscode/test-electron';
import { checkInputs, corpusDir, repoRoot, startWatchdog, suiteBundle } from './paths.mjs';

const TIMEOUT_SECONDS = Number(process.env.TEST_ELECTRON_TIMEOUT ?? 600); // includes the download
checkInputs();
const watchdog = startWatchdog(TIMEOUT_SECONDS);
const started = Date.now();
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteBundle,
    // Fresh profile, no other extensions, no GPU: keeps runs reproducible on headless machines.
    launchArgs: [corpusDir, '--disable-extensions', '--disable-gpu', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log(`integration tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = 0;
} catch (error) {
  console.error(`integration tests failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
}
