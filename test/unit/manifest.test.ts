// The extension's settings must default to the core's own defaults, or the
// editor would grade differently from the CLI and the benchmark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_THRESHOLDS } from '../../src/core/match/verdict';
import { DEFAULT_RUBRIC } from '../../src/core/score';

const settings = JSON.parse(readFileSync('package.json', 'utf8')).contributes.configuration.properties;

test('threshold and bonus-cap settings default to the core defaults', () => {
  assert.equal(settings['reviewGrader.thresholds.detected'].default, DEFAULT_THRESHOLDS.detected);
  assert.equal(settings['reviewGrader.thresholds.partial'].default, DEFAULT_THRESHOLDS.partial);
  assert.equal(settings['reviewGrader.bonusCap'].default, DEFAULT_RUBRIC.bonusCap);
});

test('every setting the extension reads is declared', () => {
  const src = readdirSync('src/extension').filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`src/extension/${f}`, 'utf8')).join('\n');
  for (const m of src.matchAll(/get<[^>]+>\('([\w.]+)'/g)) assert.ok(settings[`reviewGrader.${m[1]}`], `reviewGrader.${m[1]} is not in package.json`);
});
