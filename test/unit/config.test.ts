// The extension's one settings reader (src/extension/config.ts): its defaults
// are the manifest's, a missing or mistyped value falls back to them, and the
// getter re-reads only after a reviewGrader setting changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configGetter, DEFAULTS, readConfig, type ConfigSource } from '../../src/extension/config';
import { DEFAULT_THRESHOLDS } from '../../src/core/match/verdict';
import { DEFAULT_RUBRIC } from '../../src/core/score';

const settings: Record<string, { default: unknown }> = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration
  .properties;

const source = (values: Record<string, unknown>): ConfigSource => ({ get: <T>(k: string) => values[k] as T | undefined });

test('the defaults table and package.json declare the same settings with the same defaults', () => {
  assert.deepEqual(
    Object.keys(DEFAULTS)
      .map((k) => `reviewGrader.${k}`)
      .sort(),
    Object.keys(settings).sort(),
  );
  for (const [k, v] of Object.entries(DEFAULTS)) assert.deepEqual(settings[`reviewGrader.${k}`].default, v, k);
});

test('with nothing set, readConfig gives the core defaults (the old 0.4/0.35 fallback is gone)', () => {
  const c = readConfig(source({}));
  assert.deepEqual(c.thresholds, DEFAULT_THRESHOLDS);
  assert.equal(c.bonusCap, DEFAULT_RUBRIC.bonusCap);
  assert.equal(c.lensesEnabled, true);
  assert.equal(c.useJudgeReports, true);
  assert.deepEqual(c.keyPatterns, []);
});

test('set values are read; partial never exceeds detected; mistyped values fall back', () => {
  const c = readConfig(
    source({
      bonusCap: 3,
      'thresholds.detected': 0.3,
      'thresholds.partial': 0.5,
      'lenses.enabled': false,
      'naming.keyPatterns': ['../k-{round}.md', 7],
    }),
  );
  assert.equal(c.bonusCap, 3);
  assert.deepEqual(c.thresholds, { detected: 0.3, partial: 0.3 });
  assert.equal(c.lensesEnabled, false);
  assert.deepEqual(c.keyPatterns, ['../k-{round}.md']);
  const bad = readConfig(source({ bonusCap: 'five', 'thresholds.detected': -1, useJudgeReports: 'yes', 'naming.keyPatterns': 'x' }));
  assert.equal(bad.bonusCap, 5);
  assert.equal(bad.thresholds.detected, DEFAULT_THRESHOLDS.detected);
  assert.equal(bad.useJudgeReports, true);
  assert.deepEqual(bad.keyPatterns, []);
});

test('the getter caches until a reviewGrader setting changes', () => {
  const values: Record<string, unknown> = { bonusCap: 2 };
  let listener: ((e: { affectsConfiguration(s: string): boolean }) => unknown) | undefined;
  let reads = 0;
  const { config } = configGetter({
    getConfiguration: () => {
      reads++;
      return source(values);
    },
    onDidChangeConfiguration: (l) => {
      listener = l as typeof listener;
      return { dispose() {} };
    },
  });
  assert.equal(config().bonusCap, 2);
  values.bonusCap = 4;
  assert.equal(config().bonusCap, 2);
  listener!({ affectsConfiguration: (s) => s === 'editor' });
  assert.equal(config().bonusCap, 2);
  listener!({ affectsConfiguration: (s) => s === 'reviewGrader' });
  assert.equal(config().bonusCap, 4);
  assert.equal(reads, 2);
});
