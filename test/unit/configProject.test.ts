// The editor's settings over a project file (config.withProject): a setting
// the user set wins; one left at its default gives way to the project file;
// naming.keyPatterns is tried before the project's patterns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig, withProject, type ConfigSource } from '../../src/extension/config';
import { parseProjectFile } from '../../src/core/project';

/** A vscode.WorkspaceConfiguration-like source: get returns the default when unset; inspect says where a value was set. */
function vscodeLike(
  user: Record<string, unknown>,
  defaults: Record<string, unknown> = { bonusCap: 5, 'thresholds.detected': 0.36, 'thresholds.partial': 0.28 },
): ConfigSource {
  return {
    get: <T>(k: string) => (k in user ? user[k] : defaults[k]) as T | undefined,
    inspect: <T>(k: string) => ({ globalValue: user[k] as T | undefined }),
  };
}

const PROJECT = parseProjectFile(
  '{ "keys": { "patterns": ["../keys/{round}.md"] }, "rubric": { "bonus": { "cap": 1, "points": 1 } }, "thresholds": { "match": { "detected": 0.5, "partial": 0.4 } } }',
).config;

test('settings left at their defaults give way to the project file', () => {
  const c = withProject(readConfig(vscodeLike({})), PROJECT);
  assert.equal(c.bonusCap, 1);
  assert.deepEqual(c.rubric, { bonusCap: 1, bonusPoints: 1, penaltyPoints: 0.5 });
  assert.deepEqual(c.thresholds, { detected: 0.5, partial: 0.4 });
  assert.deepEqual(c.keyPatterns, ['../keys/{round}.md']);
});

test('settings the user set win over the project file; key patterns add up, the user’s first', () => {
  const c = withProject(
    readConfig(vscodeLike({ bonusCap: 3, 'thresholds.detected': 0.45, 'naming.keyPatterns': ['../mine/{round}.md'] })),
    PROJECT,
  );
  assert.equal(c.bonusCap, 3);
  assert.equal(c.rubric.bonusCap, 3);
  assert.equal(c.rubric.bonusPoints, 1, 'points are not a setting: the project file’s');
  assert.deepEqual(c.thresholds, { detected: 0.45, partial: 0.4 });
  assert.deepEqual(c.keyPatterns, ['../mine/{round}.md', '../keys/{round}.md']);
  // a value set equal to the default still counts as set
  assert.equal(withProject(readConfig(vscodeLike({ bonusCap: 5 })), PROJECT).bonusCap, 5);
});

test('no project file: the settings as read', () => {
  const c = readConfig(vscodeLike({ bonusCap: 2 }));
  assert.equal(withProject(c, undefined), c);
  assert.deepEqual(c.rubric, { bonusCap: 2, bonusPoints: 0.5, penaltyPoints: 0.5 });
});
