// The coverage scale does not depend on the language pairing: the same
// finding, against the same problem written in English or in Japanese, in a
// review of either language, scores about the same (relevance.ts
// RESTATED_WORDING and the crossing rule). Made-up key and reviews.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerKey } from '../../src/core/answerKey';
import { coverage, indexKey, indexReview } from '../../src/core/match';
import { isWording } from '../../src/core/match/relevance';
import { parseReview } from '../../src/core/review';

const KEY_EN = `# Answer Key

### P01: Report exports run synchronously in the request thread
- **Location**: Section 4 (Reporting API)
- **Description**: The reporting endpoint builds the whole CSV export inside the HTTP request. A large export holds a worker thread for minutes, the request times out at the load balancer, and users retry, piling more exports onto the same servers.
- **Detection Criteria**:
  - ○ (Detected): Points out that exports are generated synchronously inside the request AND proposes moving them to a background job queue with a download link
  - △ (Partial): Mentions slow exports without identifying the synchronous generation
  - × (Not Detected): No mention

### P02: Passwords stored with a fast hash
- **Description**: User passwords are hashed with unsalted SHA-1, so a leaked table is cracked quickly.
- **Detection Criteria**:
  - ○ (Detected): Identifies the fast unsalted hash AND proposes bcrypt or argon2
  - △ (Partial): Mentions password storage vaguely
  - × (Not Detected): No mention
`;

const KEY_JA = `# 正解キー

### P01: レポートのエクスポートがリクエストスレッド内で同期実行される
- **箇所**: 4章（レポートAPI）
- **説明**: レポートのエンドポイントがCSVエクスポート全体をHTTPリクエスト内で生成している。大きなエクスポートはワーカースレッドを数分間占有し、ロードバランサでリクエストがタイムアウトし、利用者が再試行して同じサーバーにさらにエクスポートが積み重なる。
- **検出基準**:
  - ○ (検出): エクスポートがリクエスト内で同期的に生成されることを指摘し、かつダウンロードリンク付きのバックグラウンドジョブキューへの移行を提案している
  - △ (部分検出): エクスポートが遅いことに触れているが同期生成を特定していない
  - × (未検出): 言及なし

### P02: パスワードが高速なハッシュで保存されている
- **説明**: ユーザーのパスワードがソルトなしのSHA-1でハッシュ化されており、漏洩したテーブルはすぐに解読される。
- **検出基準**:
  - ○ (検出): 高速でソルトなしのハッシュを特定し、かつbcryptまたはargon2を提案している
  - △ (部分検出): パスワード保存に曖昧に触れている
  - × (未検出): 言及なし
`;

// finding 1 restates P01 in other words; finding 3 is about the same export, but another problem
const REVIEW_EN = `# Review

### 1. CSV export blocks the web worker
The reporting API generates the full CSV export synchronously while the HTTP request waits. Big exports tie up a worker thread until the load balancer times the request out, and users who retry add yet more exports. Move export generation to a background job queue and email a download link when it is ready.

### 2. Missing rate limits on login
Login has no throttling.

### 3. CSV export column names are inconsistent
The reporting API's CSV export names columns differently from the screens, which confuses users.
`;

const REVIEW_JA = `# レビュー

### 1. CSVエクスポートがWebワーカーをブロックする
レポートAPIはHTTPリクエストの待機中にCSVエクスポート全体を同期的に生成している。大きなエクスポートはロードバランサがリクエストをタイムアウトさせるまでワーカースレッドを占有し、再試行した利用者がさらにエクスポートを追加する。エクスポート生成をバックグラウンドジョブキューに移し、完了時にダウンロードリンクを送るべき。

### 2. ログインにレート制限がない
ログインに回数制限がない。

### 3. CSVエクスポートの列名が不統一
レポートAPIのCSVエクスポートで列名の表記が画面と一致しておらず、利用者が混乱する。
`;

/** Coverage of the key's P01 by each finding of the review. */
function coverages(keyText: string, reviewText: string): number[] {
  const key = parseAnswerKey(keyText, 'answer-key.md');
  const review = parseReview(reviewText, 'review.md');
  const ki = indexKey(key);
  const ri = indexReview(review, ki);
  return ri.findings.map((bag) => coverage(ki.problems[0], bag, ri));
}

const enEn = coverages(KEY_EN, REVIEW_EN);
const jaEn = coverages(KEY_JA, REVIEW_EN);
const jaJa = coverages(KEY_JA, REVIEW_JA);
const enJa = coverages(KEY_EN, REVIEW_JA);

test('scale: an English finding scores about the same against the English and the Japanese key', () => {
  // before: 0.67 against the English key, 0.79 against the Japanese one (its denominator all English prose)
  assert.ok(Math.abs(enEn[0] - jaEn[0]) < 0.06, `en/en ${enEn[0]} vs ja/en ${jaEn[0]}`);
  assert.ok(Math.abs(enEn[0] - jaJa[0]) < 0.1, `en/en ${enEn[0]} vs ja/ja ${jaJa[0]}`);
});

test('scale: a Japanese finding is not graded far more strictly against an English key', () => {
  // before: 0.38 — every English stem of the key was in the denominator, and only loanwords reach a Japanese review
  assert.ok(enJa[0] >= 0.6, `en/ja ${enJa[0]}`);
  assert.ok(Math.abs(enJa[0] - jaJa[0]) < 0.2, `en/ja ${enJa[0]} vs ja/ja ${jaJa[0]}`);
});

test('scale: a finding on a neighbouring topic and an unrelated one stay far below, in every pairing', () => {
  for (const [name, c] of Object.entries({ enEn, jaEn, jaJa, enJa })) {
    // a trace at most: an unrelated Japanese finding may share a kanji (数 of 回数 and 数分間), weightless but not nothing
    assert.ok(c[1] < 0.01, `${name}: unrelated finding ${c[1]}`);
    assert.ok(c[2] < 0.2 && c[2] < c[0] / 3, `${name}: neighbour ${c[2]} vs the detection ${c[0]}`);
  }
});

test('scale: wording is the prose of the script a problem is written in; concepts and names are anchors', () => {
  assert.equal(isWording('w:export', false), true);
  assert.equal(isWording('w:export', true), false, 'a Latin term or loanword in a Japanese entry is an anchor');
  assert.equal(isWording('j:同期', true), true);
  assert.equal(isWording('k:ほげ', true), true);
  for (const f of ['c:idempotency', 'i:paymentgateway']) {
    assert.equal(isWording(f, false), false);
    assert.equal(isWording(f, true), false);
  }
  const ja = indexKey(parseAnswerKey(KEY_JA, 'answer-key.md'));
  const en = indexKey(parseAnswerKey(KEY_EN, 'answer-key.md'));
  assert.equal(ja.problems[0].japanese, true);
  assert.equal(en.problems[0].japanese, false);
});
