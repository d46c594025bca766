// The extension's settings must default to the core's own defaults, or the
// editor would grade differently from the CLI and the benchmark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_THRESHOLDS } from '../../src/core/match/verdict';
import { DEFAULT_RUBRIC } from '../../src/core/score';

const settings = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties;
const english: Record<string, string> = JSON.parse(readFileSync('package.nls.json', 'utf8'));

test('threshold and bonus-cap settings default to the core defaults', () => {
  assert.equal(settings['reviewGrader.thresholds.detected'].default, DEFAULT_THRESHOLDS.detected);
  assert.equal(settings['reviewGrader.thresholds.partial'].default, DEFAULT_THRESHOLDS.partial);
  assert.equal(settings['reviewGrader.bonusCap'].default, DEFAULT_RUBRIC.bonusCap);
});

test('every setting the extension reads is declared', () => {
  const src = readdirSync('src/extension')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(`src/extension/${f}`, 'utf8'))
    .join('\n');
  for (const m of src.matchAll(/get<[^>]+>\('([\w.]+)'/g))
    assert.ok(settings[`reviewGrader.${m[1]}`], `reviewGrader.${m[1]} is not in package.json`);
});

test('capabilities: limited in untrusted workspaces (with the reason), settings that steer file reading restricted', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.equal(untrusted?.supported, 'limited');
  // the description is a %key% of package.nls.json (localised), like every manifest string
  const description: unknown = english[/^%(.+)%$/.exec(untrusted.description)?.[1] ?? ''];
  assert.ok(typeof description === 'string' && description.length > 40, 'a limited capability must say what is limited');
  const steering = ['reviewGrader.naming.keyPatterns', 'reviewGrader.useJudgeReports'];
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), steering);
  for (const key of steering) {
    assert.equal(settings[key].restricted, true, `${key} should be marked restricted`);
    assert.ok(description.includes(key), `the description should name ${key}`);
  }
  // the extension reads files through vscode.workspace.fs only, so virtual workspaces work
  assert.ok(manifest.capabilities.virtualWorkspaces === true || manifest.capabilities.virtualWorkspaces?.supported === true);
  const src = readdirSync('src/extension')
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(`src/extension/${f}`, 'utf8'))
    .join('\n');
  assert.doesNotMatch(src, /from 'node:|from '(fs|path)'/, 'a Node built-in in the extension would break virtual workspaces');
});
