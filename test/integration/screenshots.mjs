// README pictures of the real workbench (web build, offline, system Chromium):
// `node test/integration/screenshots.mjs` → media/screenshot-*.png.
// Same setup as runWeb.mjs (webSetup.mjs); instead of the test suite it loads
// screenshots/driver.ts, which arranges each scene and logs "@@screenshot <name>".
// `--locale=ja`: the workbench in Japanese and screenshots/driver-ja.ts, which
// takes the Japanese pictures (media/screenshot-ja-*.png) only.
import { build } from 'esbuild';
import path from 'node:path';
import { corpusDir, repoRoot, startWatchdog } from './paths.mjs';
import { dataDir, freePort, localisedExtension, prepareOfflineBuild, testWeb, useSystemChromium } from './webSetup.mjs';

const locale = process.argv.find((a) => a.startsWith('--locale='))?.slice('--locale='.length) ?? 'en';
const runDir = locale === 'en' ? dataDir : path.join(dataDir, locale);
const extension = localisedExtension(repoRoot, locale, path.join(runDir, 'extension'));
const driver = locale === 'en' ? 'driver' : `driver-${locale}`;
const expected = locale === 'en' ? 5 : 2;

const driverBundle = path.join(extension, `dist/test/screenshot-${driver}.js`); // must lie inside the extension folder
await build({
  entryPoints: [path.join(repoRoot, `test/integration/screenshots/${driver}.ts`)],
  outfile: driverBundle,
  bundle: true,
  platform: 'browser',
  conditions: ['worker'],
  format: 'cjs',
  target: 'es2022',
  external: ['vscode'],
  logLevel: 'warning',
});

const launched = [];
// persistent: a regular profile, where the dashboard webview can load (see webSetup.mjs)
useSystemChromium(launched, ['--window-size=1600,1000', '--force-device-scale-factor=1'], { persistent: true, locale });
const watchdog = startWatchdog(180, () => Promise.all(launched.map((b) => b.close())));
const taken = [];

// test-web relays the extension host's console.log to ours (through an exposed
// page function, not a console event): watch for the driver's requests there.
const log = console.log.bind(console);
for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
  const original = console[type].bind(console);
  console[type] = (...args) => {
    const m = /@@screenshot (\S+)/.exec(args.map(String).join(' '));
    if (!m) return original(...args);
    const page = launched.flatMap((b) => b.contexts()).flatMap((c) => c.pages())[0];
    if (m[1] === 'done' || !page) return;
    const file = path.join(repoRoot, 'media', `screenshot-${m[1]}.png`);
    page.screenshot({ path: file }).then(
      () => {
        taken.push(file);
        log(`wrote ${path.relative(repoRoot, file)}`);
      },
      (e) => log(`screenshot ${m[1]} failed: ${e.message}`),
    );
  };
}

try {
  await testWeb.runTests({
    browserType: 'chromium',
    headless: true,
    quality: 'stable',
    commit: prepareOfflineBuild(runDir),
    testRunnerDataDir: runDir,
    extensionDevelopmentPath: extension,
    extensionTestsPath: driverBundle,
    folderPath: corpusDir,
    port: await freePort(),
  });
  process.exitCode = taken.length === expected ? 0 : 1;
} catch (error) {
  console.error(`screenshots failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await Promise.all(launched.map((b) => b.close().catch(() => {})));
  process.exit();
}
