// Finding the project file from a graded file's folder upwards (never above
// the root the host may read) and merging defaults < project file < overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFiles } from '../../src/core/files';
import { findProjectFile, findProjectFileSync, projectFolders } from '../../src/core/findProjectFile';
import { DEFAULT_SETTINGS, effectiveSettings } from '../../src/core/effectiveSettings';
import { parseProjectFile } from '../../src/core/project';

const CAP1 = '{ "rubric": { "bonus": { "cap": 1 } }, // one bonus counts\n}';
const CAP2 = '{ "rubric": { "bonus": { "cap": 2 } } }';

test('the nearest project file wins, found from the file folder upwards', async () => {
  const files = memoryFiles({ '/w/.review-grader.json': CAP2, '/w/p/.review-grader.jsonc': CAP1, '/w/p/results/v001-a-run1.md': '' });
  const near = findProjectFileSync('/w/p/results', files.sync, '/w');
  assert.equal(near?.path, '/w/p/.review-grader.jsonc');
  assert.equal(near?.config.rubric?.bonus?.cap, 1);
  assert.deepEqual(near?.diagnostics, []);
  assert.equal((await findProjectFile('/w/p/results', files, '/w'))?.path, '/w/p/.review-grader.jsonc', 'the async walk agrees');
  assert.equal(findProjectFileSync('/w/q', files.sync, '/w')?.path, '/w/.review-grader.json', 'a sibling folder gets the one above');
});

test('the walk stops at the root: a project file above it is never read', () => {
  const read: string[] = [];
  const files = memoryFiles({ '/.review-grader.json': CAP2, '/w/a/x.md': '' });
  const spy = { read: (p: string) => (read.push(p), files.sync.read(p)) };
  assert.equal(findProjectFileSync('/w/a', spy, '/w'), undefined);
  assert.ok(
    read.every((p) => p.startsWith('/w/')),
    `read outside the root: ${read.join(', ')}`,
  );
  assert.deepEqual(projectFolders('/w/a/b', '/w'), ['/w/a/b', '/w/a', '/w']);
  assert.deepEqual(projectFolders('/w', '/w'), ['/w']);
  assert.deepEqual(projectFolders('/w/ab', '/w/a'), ['/w/a'], 'outside the root (not a prefix match): the root alone');
  assert.deepEqual(projectFolders('/elsewhere/x', '/w'), ['/w']);
  assert.deepEqual(projectFolders('/a', '/'), ['/a', '/']);
});

test('.jsonc wins over .json in one folder, and the other is named', () => {
  const files = memoryFiles({ '/w/.review-grader.json': CAP2, '/w/.review-grader.jsonc': CAP1 });
  const found = findProjectFileSync('/w', files.sync, '/w');
  assert.equal(found?.path, '/w/.review-grader.jsonc');
  assert.equal(found?.shadowed, '/w/.review-grader.json');
});

test('a broken project file is found with its diagnostic and line; the defaults apply', () => {
  const files = memoryFiles({ '/w/.review-grader.jsonc': '{\n  "rubric": { "bonus": { "cap": 1 }\n  "keys": {}\n}\n' });
  const found = findProjectFileSync('/w/r', files.sync, '/w');
  assert.ok(found);
  assert.equal(found.diagnostics.length, 1);
  assert.equal(found.diagnostics[0]!.code, 'project-syntax');
  assert.equal(found.diagnostics[0]!.line, 3);
  assert.deepEqual(effectiveSettings(found.config), DEFAULT_SETTINGS);
});

test('no project file, no overrides: the defaults', () => {
  assert.deepEqual(effectiveSettings(undefined), DEFAULT_SETTINGS);
  assert.deepEqual(effectiveSettings({}, {}), DEFAULT_SETTINGS);
  assert.equal(DEFAULT_SETTINGS.rubric.bonusCap, 5);
});

test('defaults < project file < overrides, setting by setting', () => {
  const project = parseProjectFile(`{
    "keys": { "patterns": ["../keys/{round}.md"], "scenario": "rubric.md#T01" },
    "runs": { "patterns": ["{variant}-run{run}.md"] },
    "rubric": { "bonus": { "cap": 1, "points": 1 }, "penalty": { "points": 0.25 }, "ratings": { "detected": 2, "partial": 1 }, "scale": 10 },
    "thresholds": { "stability": { "high": 0.3 }, "recommendation": { "clear": 2 }, "convergence": 0.2, "match": { "detected": 0.5, "partial": 0.4 } },
  }`).config;
  const s = effectiveSettings(project);
  assert.deepEqual(s.rubric, { bonusCap: 1, bonusPoints: 1, penaltyPoints: 0.25 });
  assert.deepEqual(s.match, { detected: 0.5, partial: 0.4 });
  assert.deepEqual(s.keyPatterns, ['../keys/{round}.md']);
  assert.deepEqual(s.runPatterns, ['{variant}-run{run}.md']);
  assert.equal(s.scenario, 'rubric.md#T01');
  assert.deepEqual(s.ratings, { detected: 2, partial: 1 });
  assert.equal(s.scale, 10);
  assert.deepEqual(s.stability, { high: 0.3, medium: 1 });
  assert.deepEqual(s.recommendation, { clear: 2, close: 0.5 });
  assert.equal(s.convergence, 0.2);

  const o = effectiveSettings(project, {
    bonusCap: 3,
    keyPatterns: ['../mine/{round}.md', '../keys/{round}.md'],
    match: { detected: 0.3 },
  });
  assert.equal(o.rubric.bonusCap, 3, 'an explicit cap wins');
  assert.equal(o.rubric.bonusPoints, 1, 'what the override leaves unset stays the project file’s');
  assert.deepEqual(o.keyPatterns, ['../mine/{round}.md', '../keys/{round}.md'], 'override patterns first, then the project’s, once each');
  assert.deepEqual(o.match, { detected: 0.3, partial: 0.3 }, 'partial is clamped to at most detected');
  assert.equal(effectiveSettings(project, { bonusCap: 0 }).rubric.bonusCap, 0, 'a cap of 0 is a value, not unset');
});
