// The project file .review-grader.json(c): JSON with comments and trailing
// commas; a broken file is a diagnostic with its line, never a throw; the
// JSON schema VS Code validates with says what the parser accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseProjectFile } from '../../src/core/project';

const SAMPLE = `// project settings
{
  "$schema": "./schemas/review-grader.schema.json",
  "keys": { "patterns": ["../answer-keys/answer-key-{round}.md",], },
  /* runs named <name>.md and <name>-run2.md */
  "runs": { "patterns": ["{variant}.md", "{variant}-run{run}.md"] },
  "rubric": {
    "bonus": { "cap": 3, "points": 0.5 },
    "penalty": { "points": 1 },
    "ratings": { "detected": 2, "partial": 1, "missed": 0 },
    "weights": { "T01-C1": 2 },
    "scale": 10,
  },
  "thresholds": { "stability": { "high": 0.5, "medium": 1 }, "recommendation": { "clear": 1, "close": 0.5 }, "convergence": 0.5 },
}
`;

test('comments and trailing commas are accepted; every section is read', () => {
  const { config, diagnostics } = parseProjectFile(SAMPLE);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(config.keys?.patterns, ['../answer-keys/answer-key-{round}.md']);
  assert.deepEqual(config.runs?.patterns, ['{variant}.md', '{variant}-run{run}.md']);
  assert.deepEqual(config.rubric?.bonus, { cap: 3, points: 0.5 });
  assert.deepEqual(config.rubric?.ratings, { detected: 2, partial: 1, missed: 0 });
  assert.equal(config.rubric?.scale, 10);
  assert.equal(config.thresholds?.convergence, 0.5);
});

test('an empty or missing-content file means the defaults', () => {
  assert.deepEqual(parseProjectFile(''), { config: {}, diagnostics: [] });
  assert.deepEqual(parseProjectFile('\uFEFF{}\n'), { config: {}, diagnostics: [] });
});

test('a syntax error is one diagnostic naming its line and column', () => {
  const { config, diagnostics } = parseProjectFile(
    '{\n  "rubric": {\n    "bonus": { "cap": 5 }\n    "penalty": {}\n  }\n}\n',
    '.review-grader.jsonc',
  );
  assert.deepEqual(config, {});
  assert.equal(diagnostics.length, 1);
  assert.deepEqual([diagnostics[0]!.code, diagnostics[0]!.line, diagnostics[0]!.column], ['project-syntax', 4, 5]);
  assert.match(
    diagnostics[0]!.message,
    /^line 4: \.review-grader\.jsonc is not valid JSON: expected ',' or '}' after the value of "bonus"; the defaults are used$/,
  );
  assert.match(parseProjectFile('{ "keys": { /* open').diagnostics[0]!.message, /comment is never closed/);
  assert.match(parseProjectFile('{ "a": "b\n" }').diagnostics[0]!.message, /^line 1: .*string runs past the end of its line/);
});

test('wrong values and unknown settings are warnings on their own line; the rest is kept', () => {
  const text =
    '{\n  "rubric": {\n    "bonus": { "cap": -1, "points": 0.5 },\n    "bonsu": 1\n  },\n  "thresholds": { "stability": { "high": 2, "medium": 1 } }\n}';
  const { config, diagnostics } = parseProjectFile(text);
  assert.deepEqual(config.rubric?.bonus, { points: 0.5 });
  assert.deepEqual(
    diagnostics.map((d) => [d.line, d.code]),
    [
      [3, 'project-setting'],
      [4, 'project-setting'],
      [6, 'project-setting'],
    ],
  );
  assert.match(diagnostics[0]!.message, /^line 3: "rubric\.bonus\.cap": expected a whole number ≥ 0 and ≤ 1000; the default is used$/);
  assert.match(diagnostics[1]!.message, /unknown setting "rubric\.bonsu"/);
  assert.match(diagnostics[2]!.message, /expected high ≤ medium/);
  assert.match(parseProjectFile('[1, 2]').diagnostics[0]!.message, /the file: expected an object/);
});

test('a recommendation close gap above clear set together is a warning at its line', () => {
  const both = parseProjectFile('{\n  "thresholds": {\n    "recommendation": { "clear": 0.5,\n      "close": 0.8 }\n  }\n}');
  assert.deepEqual(
    both.diagnostics.map((d) => [d.line, d.code]),
    [[4, 'project-setting']],
  );
  assert.match(both.diagnostics[0]!.message, /"thresholds\.recommendation\.close" \(0\.8\) is above "clear" \(0\.5\)/);
  // one alone is not compared with the default: clear 0 (no lower-SD band) is a choice
  assert.deepEqual(parseProjectFile('{ "thresholds": { "recommendation": { "clear": 0 } } }').diagnostics, []);
  assert.deepEqual(parseProjectFile('{ "thresholds": { "recommendation": { "clear": 2, "close": 0.5 } } }').diagnostics, []);
});

test('never throws, whatever the bytes', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (s) => {
      const r = parseProjectFile(s);
      for (const d of r.diagnostics) assert.ok(d.line >= 1 && /^line \d+: /.test(d.message));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.json(), (s) => void parseProjectFile(s)),
    { numRuns: 300 },
  );
  // deep nesting is a diagnostic, not a stack overflow
  assert.match(parseProjectFile('['.repeat(10_000)).diagnostics[0]!.message, /nested too deeply/);
});

test('the JSON schema and the manifest describe the same settings as the parser', () => {
  const schema = JSON.parse(readFileSync('schemas/review-grader.schema.json', 'utf8'));
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(manifest.contributes.jsonValidation, [
    { fileMatch: ['.review-grader.json', '.review-grader.jsonc'], url: './schemas/review-grader.schema.json' },
  ]);
  // every leaf the schema names is accepted by the parser without a warning
  const leaves: [string, unknown][] = [];
  const walk = (
    node: { properties?: Record<string, { type?: string; properties?: unknown; items?: unknown; minimum?: number }> },
    path: string[],
  ) => {
    for (const [k, v] of Object.entries(node.properties ?? {})) {
      if (k === '$schema') continue;
      if (v.properties) walk(v as never, [...path, k]);
      else
        leaves.push([
          [...path, k].join('.'),
          v.type === 'array' ? ['x'] : v.type === 'string' ? 'x' : v.type === 'object' ? { A1: 1 } : (v.minimum ?? 0) + 0,
        ]);
    }
  };
  walk(schema, []);
  assert.ok(leaves.length >= 18, String(leaves.length));
  for (const [path, value] of leaves) {
    const obj: Record<string, unknown> = {};
    let cur = obj;
    const parts = path.split('.');
    parts.slice(0, -1).forEach((p) => (cur = (cur[p] = {}) as Record<string, unknown>));
    cur[parts[parts.length - 1]!] = value;
    assert.deepEqual(parseProjectFile(JSON.stringify(obj)).diagnostics, [], path);
  }
  assert.ok(readFileSync('.vscodeignore', 'utf8').includes('!schemas/**'), 'the schema ships in the .vsix');
});

test('schema defaults are the core defaults', async () => {
  const { DEFAULT_RUBRIC } = await import('../../src/core/score');
  const r = JSON.parse(readFileSync('schemas/review-grader.schema.json', 'utf8')).properties.rubric.properties;
  assert.equal(r.bonus.properties.cap.default, DEFAULT_RUBRIC.bonusCap);
  assert.equal(r.bonus.properties.points.default, DEFAULT_RUBRIC.bonusPoints);
  assert.equal(r.penalty.properties.points.default, DEFAULT_RUBRIC.penaltyPoints);
});

test('names of Object.prototype members are unknown settings, and "__proto__" is plain data', () => {
  for (const name of ['valueOf', 'toString', 'constructor', '__proto__']) {
    const r = parseProjectFile(`{"${name}": ""}`);
    assert.equal(r.diagnostics.length, 1, name);
    assert.match(r.diagnostics[0].message, new RegExp(`unknown setting "${name}"`));
    assert.equal(Object.getPrototypeOf(r.config), Object.prototype);
  }
});

test("the README's project-file example is one the reader takes without a warning", () => {
  const block = /```jsonc\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
  assert.ok(block, 'no jsonc example in README.md');
  const parsed = parseProjectFile(block, '.review-grader.jsonc');
  assert.deepEqual(parsed.diagnostics, []);
  assert.equal(parsed.config?.rubric?.bonus?.cap, 3);
  assert.equal(parsed.config?.thresholds?.recommendation?.clear, 1.0);
});
