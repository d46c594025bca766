// Lists of examples in a ○ criterion are alternatives: naming one names the list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerKey } from '../../src/core/answerKey';
import { coverage, indexKey, indexReview } from '../../src/core/match';
import { alternativeLists } from '../../src/core/match/alternatives';
import { parseReview } from '../../src/core/review';

test('alternatives: parenthesised and e.g. / such as / 例えば lists are found, running text is left alone', () => {
  assert.deepEqual(alternativeLists('Proposes a fix (e.g., a queue, a retry budget, or a bulkhead)').lists, [
    ['a queue', 'a retry budget', 'a bulkhead'],
  ]);
  assert.deepEqual(alternativeLists('Suggests a store such as Vault, KMS and SSM.').lists, [['Vault', 'KMS', 'SSM']]);
  const ja = alternativeLists('抽象化層（インターフェース、Adapterパターン等）の導入を提案している');
  assert.deepEqual(ja.lists, [['インターフェース', 'Adapterパターン']]);
  assert.ok(ja.rest.includes('抽象化層') && !ja.rest.includes('Adapter'), ja.rest);
  assert.deepEqual(alternativeLists('「期限切れ」「再発行」等の言及').lists, [], 'quotes outside parentheses: not a list');
  assert.deepEqual(alternativeLists('（「期限切れ」「再発行」等の言及）').lists, [['期限切れ', '再発行']]);
  assert.deepEqual(alternativeLists('Identifies X or Y in the cache layer').lists, [], 'a bare "or" joins required parts too');
  assert.deepEqual(alternativeLists('(only one item)').lists, []);
  assert.deepEqual(alternativeLists('例外処理（例: リトライ、フォールバック）').lists, [['リトライ', 'フォールバック']]);
});

/** A made-up two-problem key whose P01 ○ criterion lists the given examples. */
function keyWith(examples: string[]) {
  return parseAnswerKey(
    `# Answer Key

### P01: Settings hard-coded per environment
- **Description**: Each deployment edits the settings by hand.
- **Detection Criteria**:
  - ○ (Detected): Points out hand-edited settings and proposes externalizing them (e.g., ${examples.join(', ')})
  - △ (Partial): Mentions settings management vaguely
  - × (Not Detected): No mention

### P02: Session tokens never expire
- **Description**: Tokens live forever.
- **Detection Criteria**:
  - ○ (Detected): Points out the missing expiry
  - △ (Partial): Mentions tokens
  - × (Not Detected): No mention
`,
    'key.md',
  );
}

test('alternatives: a finding naming one example covers the list, however long the list is', () => {
  const review = parseReview(
    '# Review\n\n### 1. Hand-edited settings\nSettings are hard-coded and edited by hand per environment; read them from environment variables instead.\n',
    'r.md',
  );
  const covered = (examples: string[]) => {
    const ki = indexKey(keyWith(examples));
    const ri = indexReview(review, ki);
    return coverage(ki.problems[0], ri.findings[0], ri);
  };
  const short = covered(['environment variables', 'a configuration server']);
  const long = covered(['environment variables', 'a configuration server', 'a secrets vault', 'feature toggles', 'remote profiles']);
  // before: every further example added to what the finding had to cover (0.63 → 0.49 here)
  assert.ok(Math.abs(short - long) < 0.02, `two examples ${short}, five examples ${long}`);
  // naming another example of the list counts as much as naming the first one
  const other = parseReview(
    '# Review\n\n### 1. Hand-edited settings\nSettings are hard-coded and edited by hand per environment; use a configuration server instead.\n',
    'o.md',
  );
  const ki = indexKey(keyWith(['environment variables', 'a configuration server']));
  const ri = indexReview(other, ki);
  assert.ok(Math.abs(coverage(ki.problems[0], ri.findings[0], ri) - short) < 0.05);
});

test('alternatives: an example list in the description is read the same way', () => {
  const keyOf = (examples: string) =>
    parseAnswerKey(
      `# 正解キー

### P01: 外部入力の検証不足
- **説明**: 外部から受け取る値（${examples}）を検証せずに使っている。
- **検出判定基準**:
  - ○（検出）: 入力検証の欠如を指摘している
  - △（部分検出）: 入力に触れている
  - ×（未検出）: 言及なし

### P02: 監査ログがない
- **説明**: 操作履歴が残らない。
- **検出判定基準**:
  - ○（検出）: 監査ログの欠如を指摘している
  - △（部分検出）: ログに触れている
  - ×（未検出）: 言及なし
`,
      'key-ja.md',
    );
  const review = parseReview('# レビュー\n\n### 1. 入力検証\nファイル名を検証せずに使っているため、外部入力の検証を追加すべき。\n', 'r.md');
  const covered = (examples: string) => {
    const ki = indexKey(keyOf(examples));
    const ri = indexReview(review, ki);
    return coverage(ki.problems[0], ri.findings[0], ri);
  };
  const two = covered('ファイル名、ヘッダ等');
  const five = covered('ファイル名、ヘッダ、クエリ文字列、クッキー、リダイレクト先等');
  // before: 0.58 with two examples, 0.40 with five
  assert.ok(Math.abs(two - five) < 0.02, `two examples ${two}, five examples ${five}`);
});

test("alternatives: the △ criterion's example list is a group as well; the title never is", () => {
  const key = parseAnswerKey(
    `# Answer Key

### P01: Retries (with backoff, jitter) unbounded
- **Description**: Clients retry forever.
- **Detection Criteria**:
  - ○ (Detected): Points out unbounded retries
  - △ (Partial): Mentions a retry control (e.g., a budget, a cap, a circuit breaker) but not the storm
  - × (Not Detected): No mention
`,
    'k.md',
  );
  const groups = indexKey(key).problems[0].groups ?? [];
  // before: no groups at all; the title's parenthesis stays required
  assert.equal(groups.length, 1, JSON.stringify(groups.map((g) => g.items.map((i) => [...i.keys()]))));
  assert.ok(groups[0].items.every((item) => ![...item.keys()].some((f) => f.includes('backoff') || f.includes('jitter'))));
});
