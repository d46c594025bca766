// `review-grader lint` over the source (no build): the JSON contract with
// sections per scenario, and a text summary that says issues, not problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const lint = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lint', ...args], { encoding: 'utf8', timeout: 60_000 });

test('lint --format json: one object, a section per scenario (id null without scenarios), diagnostics by rule', () => {
  const r = lint('--format', 'json', 'test/fixtures/keys/shapes/scenario-en.md', 'test/fixtures/keys/lint-duplicate-id.md');
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as {
    keys: {
      path: string;
      sections: { id: string | null; title: string | null; problems: string[] }[];
      diagnostics: Record<string, unknown>[];
    }[];
  };
  assert.deepEqual(Object.keys(out), ['keys']);
  const [scen, dup] = out.keys as [(typeof out.keys)[0], (typeof out.keys)[0]];
  assert.equal(scen.path, 'test/fixtures/keys/shapes/scenario-en.md');
  assert.deepEqual(scen.sections, [
    { id: 'T01', title: 'Password reset flow', problems: ['T01-C1', 'T01-C2', 'T01-C3'] },
    { id: 'T02', title: 'Bulk export job', problems: ['AK-T02-01', 'AK-T02-02'] },
  ]);
  assert.deepEqual(
    scen.diagnostics.map((d) => Object.keys(d)),
    [['line', 'column', 'severity', 'rule', 'message']],
  );
  assert.deepEqual(dup.sections, [{ id: null, title: null, problems: ['P01', 'P01'] }]);
  assert.deepEqual(
    dup.diagnostics.map((d) => [d.line, d.rule]),
    [
      [13, 'duplicate-id'],
      [25, 'duplicate-id'],
    ],
  );
  assert.match(r.stderr, /^2 issues \(1 note\) in 2 keys\n$/);
});

test('lint text: a duplicated id is one line, its line number said once; the summary says issues', () => {
  const r = lint('test/fixtures/keys/lint-duplicate-id.md');
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.filter((l) => l.includes(':13:')).length, 1);
  assert.doesNotMatch(r.stdout, /line 13:/);
  assert.match(r.stderr, /^2 issues in 1 key\n$/);
  const clean = lint('test/fixtures/keys/en-basic.md');
  assert.equal(clean.status, 0);
  assert.equal(clean.stderr, 'no issues in 1 key\n');
});

test('lint on a file that is not a key says no problems were found', () => {
  const r = lint('README.md');
  assert.match(r.stdout, /\[no-problems\] no problems found/);
});
