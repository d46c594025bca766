// Locations shared by the web and Electron test runners.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

// The extension under test: the repository, or (runPackaged.mjs) the unpacked .vsix.
export const extensionDir = path.resolve(process.env.REVIEW_GRADER_EXTENSION_DIR ?? repoRoot);

// Bundled by scripts/build.mjs; must lie inside the extension folder (test-web serves it from there).
export const suiteBundle = path.join(extensionDir, 'dist/test/suite.js');

// The tests open real corpus files; the corpus sits next to the repo (../shared/corpus).
export const corpusDir = path.resolve(process.env.REVIEW_GRADER_CORPUS ?? path.join(repoRoot, '../shared/corpus'));

export function checkInputs() {
  if (!existsSync(suiteBundle)) fail(`${suiteBundle} is missing: run \`node scripts/build.mjs\` first`);
  if (!existsSync(path.join(corpusDir, 'labels.json'))) fail(`corpus not found at ${corpusDir} (set REVIEW_GRADER_CORPUS)`);
}

export function fail(message) {
  console.error(`integration tests: ${message}`);
  process.exit(2);
}

// test-web and test-electron have no overall timeout; a hung workbench would block CI forever.
export function startWatchdog(seconds, onTimeout = async () => {}) {
  const timer = setTimeout(async () => {
    console.error(`integration tests: no result after ${seconds} s, giving up`);
    await Promise.race([onTimeout().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    process.exit(3);
  }, seconds * 1000);
  timer.unref();
  return timer;
}
