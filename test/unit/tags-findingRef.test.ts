// A lens or quick fix computed for one version of a review and used after an
// edit: the finding is found again by its heading, or the action is refused.
// Never the finding that now sits at the old index (issue 7, item 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReview } from '../../src/core/review';
import { messageIn, translator } from '../../src/core/i18n';
import { applyEdits, findingRef, isFindingRef, resolveFindingRef, tagEdits } from '../../src/core/tags';

const URI = 'file:///w/results/v001-baseline-run1.md';
const before = [
  '# Review',
  '#### C1: Retry storm on the payment API',
  '<!-- grade: P01 ○ -->',
  'C1 body.',
  '#### C2: No idempotency key',
  'C2 body.',
  '',
].join('\n');
// a finding inserted above the others: every index moves by one
const after = before.replace('#### C1:', '#### C0: Missing timeouts\nC0 body.\n#### C1:');

test('same version: the finding at the index', () => {
  const review = parseReview(before, 'r.md');
  const ref = findingRef(URI, 1, review.findings[1]);
  assert.ok(isFindingRef(ref));
  assert.deepEqual(ref, { uri: URI, version: 1, index: 1, heading: 'C2: No idempotency key', line: 5 });
  const r = resolveFindingRef(review, 1, ref);
  assert.ok(r.ok && r.finding.index === 1 && !r.stale);
});

test("after a finding was inserted above, the lens for C2 tags C2 and leaves C1's human tag alone", () => {
  const ref = findingRef(URI, 1, parseReview(before, 'r.md').findings[1]);
  const review = parseReview(after, 'r.md');
  assert.equal(review.findings[1].label, 'C1', 'index 1 is C1 now: the old code tagged it');
  const r = resolveFindingRef(review, 2, ref);
  assert.ok(r.ok, 'C2 is found by its heading');
  assert.equal(r.finding.label, 'C2');
  assert.ok(r.stale);
  const out = applyEdits(after, tagEdits(after, review, r.finding.index, [{ kind: 'problem', id: 'P02', verdict: 'detected' }]));
  assert.match(out, /#### C1: Retry storm on the payment API\n<!-- grade: P01 ○ -->\n/);
  assert.match(out, /#### C2: No idempotency key\n<!-- grade: P02 ○ -->\n/);
});

test('the finding is gone, or its heading is no longer unique: refused with a message naming it', () => {
  const ref = findingRef(URI, 1, parseReview(before, 'r.md').findings[1]);
  const gone = resolveFindingRef(parseReview(before.replace('No idempotency key', 'Idempotency'), 'r.md'), 2, ref);
  assert.ok(!gone.ok);
  assert.match(gone.message, /"C2: No idempotency key" \(line 5 .*no longer there/);
  const twice = resolveFindingRef(parseReview(`${before}#### C2: No idempotency key\nagain\n`, 'r.md'), 2, ref);
  assert.ok(!twice.ok);
  assert.match(twice.message, /2 findings are now headed "C2: No idempotency key"/);
});

test('the refusal is said in the UI language (Japanese), the heading kept as written', () => {
  const ref = findingRef(URI, 1, parseReview(before, 'r.md').findings[1]);
  const gone = resolveFindingRef(parseReview(before.replace('No idempotency key', 'Idempotency'), 'r.md'), 2, ref);
  assert.ok(!gone.ok);
  assert.equal(
    messageIn(gone, translator('ja')),
    'レビューが変更され、指摘「C2: No idempotency key」（操作を表示した時点の 5 行目）が見つからなくなりました。何も書き込んでいません',
  );
});

test('same version number but another text (a reopened file restarts at 1): the heading is checked', () => {
  const ref = findingRef(URI, 1, parseReview(before, 'r.md').findings[1]);
  const r = resolveFindingRef(parseReview(after, 'r.md'), 1, ref);
  assert.ok(r.ok && r.finding.label === 'C2');
});

test('isFindingRef rejects a bare uri or a partial object', () => {
  assert.ok(!isFindingRef(URI));
  assert.ok(!isFindingRef({ uri: URI, index: 1 }));
  assert.ok(!isFindingRef(null));
});
