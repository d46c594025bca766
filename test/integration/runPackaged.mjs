// The extension as users get it: unpack the .vsix that `npm run package`
// made, check it carries only what it should, and run the same integration
// suite against the unpacked extension in the VS Code web workbench.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { fail, repoRoot } from './paths.mjs';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const vsix = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
let zip;
try {
  zip = await JSZip.loadAsync(readFileSync(vsix));
} catch (e) {
  fail(`cannot read ${vsix} (${e.message}): run \`npm run package\` first`);
}

// Only the manifest, bundles and static contributions: no sources, maps, tests or node_modules.
const allowed =
  /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|LICENSE\.txt|dist\/extension\.js|dist\/web\/extension\.js|dist\/(web\/)?grade-worker\.js|media\/icon\.svg|package\.nls(\.[\w-]+)?\.json|l10n\/bundle\.l10n\.[\w-]+\.json|snippets\/[\w.-]+\.json|syntaxes\/[\w.-]+\.json|schemas\/[\w.-]+\.json))$/;
const files = Object.values(zip.files)
  .filter((f) => !f.dir)
  .map((f) => f.name);
const unexpected = files.filter((f) => !allowed.test(f));
if (unexpected.length) fail(`the .vsix carries files it should not: ${unexpected.join(', ')}`);
// the grading workers the extension starts beside itself (src/extension/gradeWorkers.ts)
for (const needed of [manifest.main, manifest.browser, 'dist/grade-worker.js', 'dist/web/grade-worker.js'].map(
  (p) => `extension/${p.replace(/^\.\//, '')}`,
)) {
  if (!files.includes(needed)) fail(`the .vsix lacks its entry point ${needed}`);
}
console.log(`${path.basename(vsix)}: ${files.length} files, all expected`);

// Unpack under a temporary folder and add the test bundle (test-web serves tests from the extension folder).
const dir = path.join(mkdtempSync(path.join(tmpdir(), 'rg-vsix-')), 'extension');
for (const name of files.filter((f) => f.startsWith('extension/'))) {
  const target = path.join(dir, name.slice('extension/'.length));
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, await zip.file(name).async('nodebuffer'));
}
mkdirSync(path.join(dir, 'dist/test'), { recursive: true });
copyFileSync(path.join(repoRoot, 'dist/test/suite.js'), path.join(dir, 'dist/test/suite.js'));

const run = spawnSync(process.execPath, [path.join(repoRoot, 'test/integration/runWeb.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, REVIEW_GRADER_EXTENSION_DIR: dir },
});
process.exit(run.status ?? 1);
