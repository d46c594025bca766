// Lexicon tests with made-up fixtures: katakana compounds translated only by
// whole words, concept terms on katakana word boundaries, everyday words that
// must not stand for a concept, concepts of perspectives beyond the corpus
// meeting across languages, and ambiguous concepts gated by the key's domain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerKey } from '../../src/core/answerKey';
import { indexKey, stem, textFeatures, tokenize } from '../../src/core/match';
import { findConcepts } from '../../src/core/match/concepts';
import { katakanaBreaks, splitKatakana } from '../../src/core/match/katakana';
import { autoGrade } from '../../src/core/match';
import { loadReviewParser } from '../../bench/reviewLoader';

const concepts = (text: string) => new Set(findConcepts(tokenize(text)).keys());
const englishOf = (run: string) => splitKatakana(run).flatMap((p) => (p.english ? p.english.split(' ') : []));

test('katakana: no loanword is read out of a fragment of another word', () => {
  // before: プロファイル gave "file", サーバーレス "server race", ブール "blue", アンフォーマット "format"
  assert.deepEqual(englishOf('プロファイル'), ['profile']);
  assert.deepEqual(englishOf('サーバーレス'), ['serverless']);
  assert.ok(!englishOf('ブール').includes('blue'), 'ブール is not ブルー: a middle long vowel is not optional');
  assert.deepEqual(englishOf('アンフォーマット'), [], 'a two-kana affix beside a known word: the compound stays unknown');
  assert.ok(!englishOf('スキーマレス').includes('race'));
  for (const [run, wrong] of [
    ['リスト', 'lease'],
    ['リスク', 'lease'],
    ['ブロック', 'lock'],
    ['マッピング', 'ping'],
    ['インバリデーション', 'validation'],
  ])
    assert.ok(!englishOf(run).includes(wrong), `${run} is not "${wrong}"`);
});

test('katakana: compounds split into whole words, either long-vowel spelling of a word end', () => {
  assert.deepEqual(englishOf('ユーザーアカウント'), ['user', 'account']);
  assert.deepEqual(englishOf('ユーザアカウント'), ['user', 'account']);
  assert.deepEqual(englishOf('キャッシュインバリデーション'), ['cache', 'invalidation']);
  assert.deepEqual(englishOf('コンテナイメージ'), ['container'], 'a long known word beside a long unknown one is a word');
  assert.deepEqual(katakanaBreaks('セッションタイムアウト'), [5]);
  assert.deepEqual(katakanaBreaks('ブロック'), []);
  // an unknown word stays one kana feature, long vowels dropped so both spellings meet
  assert.deepEqual(tokenize('フーバリング').kana, tokenize('フバリング').kana);
});

test('concepts: a term inside a katakana word is not that term', () => {
  // before: ロック was found in ブロック (concurrency), ログ in カタログ (logging), ロール in コントロール (rbac)
  assert.ok(!concepts('ブロック単位で処理する').has('concurrency'));
  assert.ok(!concepts('商品カタログの画面').has('logging'));
  assert.ok(!concepts('フローコントロールがない').has('rbac'));
  assert.ok(concepts('楽観ロックがない').has('concurrency'), 'after a kanji the term starts a word');
  assert.ok(concepts('メッセージキューの設計').has('message-queue'), 'a compound of known words splits at its words');
  assert.ok(concepts('サーキットブレーカがない').has('circuit-breaker'), 'the other spelling of a word-final long vowel');
});

test('concepts: everyday words do not stand for a concept', () => {
  const none: [string, string][] = [
    ['patient names are shown on the list', 'naming'],
    ['重複テストが発生しやすい', 'idempotency'],
    ['the Aggregation Service writes rollups', 'domain-model'],
    ['プッシュ型の通知', 'data-type'],
    ['接続数の上限との整合性', 'rate-limit'],
    ['エンティティの属性を追加する', 'cookie'],
    ['ユーザーと注文の紐付け', 'abac'],
    ['Service→Service→Repository', 'service-auth'],
    ['ログに記録する', 'documentation'],
    ['a breaking change to the API', 'circuit-breaker'],
    ['古いデータのアーカイブ', 'cache'],
    ['ログファイルの保存先', 'token-storage'],
    ['外部連携先のAPIが遅い', 'third-party'],
    ['件数が指数関数的に増える', 'retry'],
  ];
  for (const [text, id] of none) assert.ok(!concepts(text).has(id), `${text} is not ${id}`);
  assert.ok(concepts('cookie属性の設定').has('cookie'));
  assert.ok(concepts('同じ決済リクエストの二重送信').has('idempotency'));
});

test('concepts: perspectives beyond the corpus meet across languages', () => {
  const pairs: [string, string, string][] = [
    ['テーブルの肥大化でデータ量の増加に対応できない', 'the table has unbounded growth', 'data-growth'],
    ['条件付きリクエストに対応していない', 'responses carry no ETag', 'http-caching'],
    ['既存のエンドポイントと命名が異なる', 'not consistent with the existing endpoints', 'convention'],
    ['現在時刻に依存しテストしにくい', 'the service is hard to test', 'testability'],
    ['一覧を都度集計している', 'counts are computed with on the fly aggregation', 'pre-aggregation'],
    ['ページ分割がない', 'add keyset pagination', 'pagination'],
    ['ログフォーマットが統一されていない', 'the log format differs per service', 'logging'],
  ];
  for (const [ja, en, id] of pairs) {
    assert.ok(concepts(ja).has(id), `${ja} → ${id}`);
    assert.ok(concepts(en).has(id), `${en} → ${id}`);
  }
  // a one-word phrase written with a hyphen whose second half is a stop word
  assert.ok(concepts('the fan-out is unbounded').has('fan-out'));
  assert.ok(concepts('ファンアウトに上限がない').has('fan-out'));
  assert.ok(concepts('レスポンスの形式が他のAPIと異なる').has('response-envelope'));
  // loanwords meet English words directly
  const ja = textFeatures('ミドルウェアでリードレプリカに振り分ける');
  const en = textFeatures('the middleware routes reads to a read replica');
  for (const f of [`w:${stem('middleware')}`, 'c:replication']) assert.ok(ja.has(f) && en.has(f), f);
});

test('domains: an ambiguous concept counts only where the key or the problem supports its domain', () => {
  const keyOf = (items: string[]) =>
    parseAnswerKey(
      '# 正解キー\n\n' +
        items
          .map(
            (t, i) =>
              `### P0${i + 1}: ${t}\n- **問題の説明**: ${t}。\n- **検出判定基準**:\n  - ○（検出）: 指摘している\n  - △（部分検出）: 触れている\n  - ×（未検出）: 指摘がない\n`,
          )
          .join('\n'),
      'k.md',
    );
  const features = (items: string[], i: number) => new Set(indexKey(keyOf(items)).problems[i].weights.keys());
  // before: "一貫性" (consistent naming) was data consistency in a conventions key
  const conventions = [
    '命名スタイルが既存APIと一貫性がない',
    'レスポンス形式がエンベロープで統一されていない',
    'APIバージョニングの方針がない',
  ];
  assert.ok(!features(conventions, 0).has('c:consistency'));
  assert.ok(features(conventions, 0).has('c:naming-style'));
  const reliability = ['在庫の更新で一貫性が崩れる', 'リトライにバックオフがない', 'タイムアウト未設定で連鎖障害', '単一障害点となる'];
  assert.ok(features(reliability, 0).has('c:consistency'), 'a reliability key keeps data consistency');
  // "無効化" of a cache is not token revocation outside a security key, unless the problem names security itself
  const performance = ['キャッシュを無効化する方針がない', '一覧APIがN+1クエリを発行する', 'ページネーションがない'];
  assert.ok(!features(performance, 0).has('c:token-revocation'));
  const mixed = ['アクセストークンを無効化する仕組みがなく認証が破られる', '一覧APIがN+1クエリを発行する', 'ページネーションがない'];
  assert.ok(features(mixed, 0).has('c:token-revocation'), 'the problem itself names authentication');
});

// A made-up performance / conventions key in Japanese and a review in English.
const PERFORMANCE_KEY = `# 正解キー

## 埋め込み問題一覧

### P01: 注文一覧APIのN+1クエリ
- **カテゴリ**: パフォーマンス
- **該当箇所**: セクション4「注文一覧API」
- **問題の説明**: 注文一覧の取得で注文ごとに明細をクエリしており、N+1問題が発生する。
- **検出判定基準**:
  - ○（検出）: 注文一覧のN+1クエリを指摘し、一括取得やJOINを提案している
  - △（部分検出）: クエリ数の多さに触れているがN+1と特定していない
  - ×（未検出）: 指摘がない

### P02: 配送状況のポーリング
- **カテゴリ**: パフォーマンス
- **該当箇所**: セクション5「配送状況」
- **問題の説明**: クライアントが5秒ごとにポーリングして配送状況を取得しており、イベント駆動のプッシュ通知を使っていない。
- **検出判定基準**:
  - ○（検出）: ポーリングによる負荷を指摘し、WebSocketやプッシュ通知などイベント駆動を提案している
  - △（部分検出）: 更新の取得方法に触れている
  - ×（未検出）: 指摘がない

### P03: 命名スタイルが既存APIと一貫性がない
- **カテゴリ**: 一貫性
- **該当箇所**: セクション6「レスポンス」
- **問題の説明**: 新しいエンドポイントのフィールド名がキャメルケースで、既存のエンドポイントのスネークケースと異なる。
- **検出判定基準**:
  - ○（検出）: 命名スタイルの不統一を既存APIとの比較で指摘している
  - △（部分検出）: 命名に触れている
  - ×（未検出）: 指摘がない

### P04: キャッシュの無効化方針がない
- **カテゴリ**: パフォーマンス
- **該当箇所**: セクション7「キャッシュ」
- **問題の説明**: 商品情報をキャッシュするが、更新時の無効化方針がなく古い価格を返す。
- **検出判定基準**:
  - ○（検出）: キャッシュ無効化の欠如と古いデータの返却を指摘している
  - △（部分検出）: キャッシュに触れている
  - ×（未検出）: 指摘がない
`;
const PERFORMANCE_REVIEW = `# Performance review

### 1. N+1 queries in the order list
The order list endpoint runs one query per order to load its line items: an N+1 pattern. Batch the lookup or use a JOIN.

### 2. Polling for delivery status
Clients poll every five seconds. Push updates over WebSocket or server-sent events instead.

### 3. Field naming differs from the existing API
New fields use camelCase while the existing endpoints use snake_case; follow the existing convention.

### 4. No cache invalidation for product data
Cached product prices are never invalidated on update, so stale prices are served.

### 5. Refresh tokens are never revoked
Logout does not revoke refresh tokens, so a stolen token stays valid.
`;

test('a Japanese performance and conventions key grades an English review through the lexicon', async () => {
  const parseReview = await loadReviewParser();
  const key = parseAnswerKey(PERFORMANCE_KEY, 'answer-key.md');
  const review = parseReview(PERFORMANCE_REVIEW, 'run1.md');
  const grade = autoGrade(key, review);
  grade.problems.forEach((p, i) => {
    assert.equal(p.verdict, 'detected', JSON.stringify(p));
    assert.equal(p.evidence[0].label, `${i + 1}`, JSON.stringify(p));
  });
  // the security finding (revoking tokens) is no evidence for the cache invalidation problem
  const p04 = grade.problems[3];
  assert.ok(
    p04.evidence.every((e) => e.label !== '5'),
    JSON.stringify(p04),
  );
});
