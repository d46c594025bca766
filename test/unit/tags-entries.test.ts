// The tag entries of a finding and the owner of an offset: one implementation
// in core (they used to be written out in tagCommands, codeLens and edits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TagEntry } from '../../src/core/model';
import { parseReview } from '../../src/core/review';
import { entriesOf, ownerOf, setTagVerdict, applyEdits, withProblem } from '../../src/core/tags';

const P = (id: string, verdict: 'detected' | 'partial' | 'missed'): TagEntry => ({ kind: 'problem', id, verdict });

const TEXT = [
  '# Review',
  '<!-- grade: P09 × -->',
  '#### C1: Retry storm on the payment API',
  '<!-- grade: P01 ○ -->',
  'Body of C1.',
  '<!-- grade: bonus B02 -->',
  '#### C2: No idempotency key',
  'Body of C2.',
  '',
].join('\n');

test('entriesOf gathers every tag of a finding, and the review-level ones apart', () => {
  const review = parseReview(TEXT, 'v001-baseline-run1.md');
  assert.equal(review.findings.length, 2);
  assert.deepEqual(entriesOf(review, 0), [P('P01', 'detected'), { kind: 'bonus', id: 'B02' }]);
  assert.deepEqual(entriesOf(review, 1), []);
  assert.deepEqual(entriesOf(review, 'review'), [P('P09', 'missed')]);
  assert.deepEqual(entriesOf(review, 7), []);
});

test('withProblem keeps other problems and their order, drops bonus/penalty', () => {
  const current = [P('P01', 'detected'), { kind: 'bonus' } as TagEntry, P('P03', 'partial')];
  assert.deepEqual(withProblem(current, 'P03', 'detected'), [P('P01', 'detected'), P('P03', 'detected')]);
  assert.deepEqual(withProblem(current, 'P02', 'partial'), [P('P01', 'detected'), P('P03', 'partial'), P('P02', 'partial')]);
  assert.deepEqual(withProblem([], 'P01', 'missed'), [P('P01', 'missed')]);
});

test('setTagVerdict (through entriesOf) keeps the bonus entry of the same finding', () => {
  const review = parseReview(TEXT, 'v001-baseline-run1.md');
  const out = applyEdits(TEXT, setTagVerdict(TEXT, review, 0, 'P04', 'partial'));
  assert.match(out, /<!-- grade: P01 ○, bonus B02, P04 △ -->|<!-- grade: P01 ○, P04 △, bonus B02 -->/);
});

test('ownerOf finds the finding whose span holds an offset (heading through body)', () => {
  const review = parseReview(TEXT, 'v001-baseline-run1.md');
  assert.equal(ownerOf(review.findings, TEXT.indexOf('Body of C1')), review.findings[0]);
  assert.equal(ownerOf(review.findings, TEXT.indexOf('#### C2')), review.findings[1]);
  assert.equal(ownerOf(review.findings, TEXT.indexOf('Body of C2') + 3), review.findings[1]);
  assert.equal(ownerOf(review.findings, 0), undefined, 'the title is no finding');
  assert.equal(ownerOf([], 5), undefined);
});
