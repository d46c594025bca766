// Authoring snippets, expanded with their defaults, must yield keys that read
// cleanly in every shape and language (a default that warns at once, e.g. a
// stated count of 10 for one problem, is a bug), and end with a blank line so
// the next heading is not glued to the inserted item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAnswerKey, parseKeyFile } from '../../src/core/answerKey';
import { lintAnswerKey } from '../../src/core/lint';

const SNIPPETS = JSON.parse(readFileSync('snippets/answer-key.json', 'utf8')) as Record<
  string,
  { prefix: string; body: string[]; description: string }
>;
const byPrefix = new Map(Object.values(SNIPPETS).map((s) => [s.prefix, s]));

/** The text VS Code inserts when every placeholder keeps its default. */
function expand(prefix: string): string {
  const s = byPrefix.get(prefix);
  assert.ok(s, `no snippet ${prefix}`);
  return s.body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const issues = (text: string) =>
  lintAnswerKey(text, 'answer-key.md')
    .filter((d) => d.severity !== 'info')
    .map((d) => d.message);

test('every authoring shape has an English and a Japanese snippet', () => {
  for (const p of ['rg-key', 'rg-problem', 'rg-table-key', 'rg-bank-item', 'rg-scenario']) {
    assert.ok(byPrefix.has(p), p);
    assert.ok(byPrefix.has(`${p}-ja`), `${p}-ja`);
  }
});

test('key snippets lint clean with their defaults (the stated count matches)', () => {
  for (const p of ['rg-key', 'rg-key-ja']) assert.deepEqual(issues(expand(p)), [], p);
});

test('item snippets end with a blank line, so the next heading is not glued to them', () => {
  for (const s of Object.values(SNIPPETS)) if (s.body.length > 1) assert.match(expand(s.prefix), /\n\n$/, s.prefix);
});

test('rg-problem-ja writes Japanese fields that read as the classic ones', () => {
  const text = `${expand('rg-key-ja').replace(/## ボーナス[\s\S]*$/, '')}${expand('rg-problem-ja').replace('P01', 'P02')}`.replace(
    '1問',
    '2問',
  );
  const key = parseAnswerKey(text);
  assert.equal(key.language, 'ja');
  const p2 = key.problems[1]!;
  assert.deepEqual(
    p2.fields.map((f) => f.name),
    ['category', 'severity', 'location', 'description', 'criteria'],
  );
  assert.deepEqual(Object.keys(p2.criteria), ['detected', 'partial', 'missed']);
  assert.deepEqual(
    issues(text).filter((m) => !/bonus/.test(m)),
    [],
  );
});

test('table-key snippets give a generic-criteria table key', () => {
  for (const p of ['rg-table-key', 'rg-table-key-ja']) {
    const key = parseAnswerKey(expand(p), 'answer-key.md');
    assert.equal(key.shape, 'table', p);
    assert.equal(key.genericCriteria, true, p);
    assert.equal(key.problems.length, 1, p);
    assert.deepEqual(issues(expand(p)), [], p);
  }
});

test('bank-item snippets give an item with importance and three criteria', () => {
  for (const p of ['rg-bank-item', 'rg-bank-item-ja']) {
    const text = `# Problem Bank\n\n${expand(p)}`;
    const key = parseAnswerKey(text, 'bank.md');
    assert.deepEqual(
      key.problems.map((x) => x.id),
      ['PB-01'],
      p,
    );
    assert.deepEqual(Object.keys(key.problems[0]!.criteria), ['detected', 'partial', 'missed'], p);
    assert.ok(key.problems[0]!.severity, p);
    assert.deepEqual(issues(text), [], p);
  }
});

test('scenario snippets give a scenario with rated, weighted criteria', () => {
  for (const p of ['rg-scenario', 'rg-scenario-ja']) {
    const text = `# Rubric\n\n${expand(p)}${expand(p).replace(/T01/g, 'T02')}`;
    const file = parseKeyFile(text, 'rubric.md');
    assert.deepEqual(
      file.sections.map((s) => [s.scenario?.id, s.problems.map((x) => x.id)]),
      [
        ['T01', ['T01-C1']],
        ['T02', ['T02-C1']],
      ],
      p,
    );
    const s = file.sections[0]!;
    assert.deepEqual(s.scoring?.ratings, { detected: 2, partial: 1, missed: 0 }, p);
    assert.equal(s.problems[0]!.weight, 1, p);
    assert.deepEqual(issues(text), [], p);
  }
});
