// Ids and counts are not cut at three or four digits (issue 7 item 7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseTagBody } from '../../src/core/tags';

const problem = (id: string) => [`### ${id}: Title of ${id}`, '- ○ (Detected): yes', '- △ (Partial): half', '- × (Missed): no', ''];

test('a four-digit problem id (P1000) is a problem, not ignored', () => {
  const key = parseAnswerKey(['# Key', '', ...problem('P999'), ...problem('P1000'), ...problem('P1001')].join('\n'));
  assert.deepEqual(
    key.problems.map((p) => p.id),
    ['P999', 'P1000', 'P1001'],
  );
  assert.equal(key.problems[1]!.title, 'Title of P1000');
});

test('a bold-line four-digit id and a four-digit tag id are read too', () => {
  const key = parseAnswerKey(['# Key', '', '**P1000: Bold title**', '- ○ (Detected): yes', ''].join('\n'));
  assert.deepEqual(
    key.problems.map((p) => p.id),
    ['P1000'],
  );
  assert.deepEqual(parseTagBody('P1000 ○, bonus B1000').entries, [
    { kind: 'problem', id: 'P1000', verdict: 'detected' },
    { kind: 'bonus', id: 'B1000' },
  ]);
});

test('a stated count of 12345 reads as 12345, not 1234', () => {
  const key = parseAnswerKey(['# Key', '', '- **Embedded Problems**: 12345', '', ...problem('P01')].join('\n'));
  assert.equal(key.statedCount, 12345);
});
