// Katakana loanwords → English words, so タイムアウト meets "timeout" as a
// word. General software-design vocabulary written from domain knowledge,
// plus the everyday words compounds are made of (イメージ, サイズ, ボディ):
// a compound is translated only when its words are all known (katakana.ts),
// so a missing everyday word would leave its compound untranslated.
// Both spellings of a word-final long vowel (サーバ/サーバー) are accepted by
// the segmenter; a word written with a middle long vowel either way
// (インターフェース/インタフェース) is listed twice.

/** `katakana english; …` entries, separated by ';' or new lines. */
export const LOANWORDS_TEXT = `
タイムアウト timeout; リトライ retry; サーキットブレーカー circuit breaker; ブレーカー breaker; サーキット circuit;
フォールバック fallback; フェイルオーバー failover; フェールオーバー failover; フェイルセーフ failsafe; バルクヘッド bulkhead;
バックオフ backoff; エクスポネンシャル exponential; ジッター jitter; ヘルスチェック health check; ヘルス health; チェック check;
レプリカ replica; レプリケーション replication; クラスタ cluster; クラスター cluster; シャーディング sharding; シャード shard;
パーティション partition; ロードバランサ load balancer; ロードバランサー load balancer; バランサ balancer; ロード load;
スケーリング scaling; スケール scale; オートスケーリング autoscaling; スケールアウト scale out; スケーラビリティ scalability;
キャッシュ cache; キャッシング caching; キュー queue; メッセージ message; メッセージキュー message queue; トピック topic;
デッドレター dead letter; デッドレターキュー dead letter queue; イベント event; イベントソーシング event sourcing; サーガ saga;
トランザクション transaction; ロック lock; ロールバック rollback; コミット commit; デッドロック deadlock; レース race; コンディション condition;
バックアップ backup; リストア restore; リカバリ recovery; リカバリー recovery; スナップショット snapshot; アーカイブ archive;
マイグレーション migration; スキーマ schema; インデックス index; クエリ query; クエリー query; データベース database; テーブル table;
カラム column; レコード record; ストレージ storage; ストア store; リスト list; リスク risk; ブロック block; ブロッキング blocking; マッピング mapping; ファイル file; アップロード upload; ダウンロード download; バケット bucket;
セキュリティ security; パスワード password; ハッシュ hash; ソルト salt; ストレッチング stretching; トークン token; リフレッシュ refresh;
アクセス access; アクセストークン access token; リフレッシュトークン refresh token; セッション session; クッキー cookie; クッキ cookie;
ログイン login; ログアウト logout; サインイン sign in; ユーザ user; ユーザー user; アカウント account; ロール role; パーミッション permission;
ポリシー policy; ポリシ policy; シークレット secret; キー key; ローテーション rotation; ローテート rotate; プロバイダ provider; プロバイダー provider;
サービス service; マイクロサービス microservice; ゲートウェイ gateway; プロキシ proxy; エンドポイント endpoint; インターフェース interface;
インタフェース interface; インターフェイス interface; バージョニング versioning; バージョン version; レスポンス response; リクエスト request;
ヘッダ header; ヘッダー header; パラメータ parameter; パラメーター parameter; ペイロード payload; エラー error; エラーハンドリング error handling;
ハンドリング handling; ステータス status; コード code; ステータスコード status code; レート rate; リミット limit; レートリミット rate limit;
スロットリング throttling; バックプレッシャー backpressure; バッチ batch; ジョブ job; スケジューラ scheduler; スケジューラー scheduler;
ワーカー worker; スレッド thread; プール pool; コネクション connection; コネクションプール connection pool; プーリング pooling;
レイテンシ latency; レイテンシー latency; スループット throughput; パフォーマンス performance; ボトルネック bottleneck; ページネーション pagination;
ページング paging; ストリーミング streaming; ストリーム stream; ポーリング polling; プッシュ push; ウェブソケット websocket; ソケット socket;
ログ log; ロギング logging; ログレベル log level; メトリクス metrics; メトリック metric; モニタリング monitoring; アラート alert; アラーム alarm;
トレーシング tracing; トレース trace; ダッシュボード dashboard; オブザーバビリティ observability; インシデント incident; エスカレーション escalation;
ランブック runbook; デプロイ deploy; デプロイメント deployment; リリース release; カナリア canary; カナリアリリース canary release;
ブルーグリーン blue green; ブルー blue; グリーン green; フィーチャーフラグ feature flag; フラグ flag; パイプライン pipeline; ビルド build;
テスト test; テスタビリティ testability; モック mock; スタブ stub; ユニットテスト unit test; カバレッジ coverage; リファクタリング refactoring;
モジュール module; コンポーネント component; レイヤー layer; レイヤ layer; アーキテクチャ architecture; アーキテクチャー architecture;
ドメイン domain; エンティティ entity; リポジトリ repository; コントローラ controller; コントローラー controller; ユースケース use case;
クラス class; メソッド method; オブジェクト object; ロジック logic; ビジネス business; ビジネスロジック business logic; ユーティリティ utility;
カップリング coupling; コヒージョン cohesion; インジェクション injection; ディペンデンシー dependency; シングルトン singleton; ファサード facade;
グローバル global; ステート state; ステートレス stateless; ステートフル stateful; ハードコード hardcode; ハードコーディング hardcoding;
コンフィグ config; コンフィギュレーション configuration; プロパティ property; テンプレート template; ライブラリ library; フレームワーク framework;
スクリプト script; クロスサイト cross site; スクリプティング scripting; フォージェリ forgery; リクエストフォージェリ request forgery;
サニタイズ sanitize; サニタイジング sanitizing; エスケープ escape; エンコード encode; エンコーディング encoding; バリデーション validation;
ホワイトリスト allowlist; ブラックリスト denylist; アローリスト allowlist; オリジン origin; リダイレクト redirect; コールバック callback;
ファイアウォール firewall; ネットワーク network; サブネット subnet; プライベート private; パブリック public; インターネット internet;
ブルートフォース brute force; アタック attack; ロックアウト lockout; キャプチャ captcha; ワンタイム one time; ワンタイムパスワード one time password;
フィッシング phishing; スプーフィング spoofing; リプレイ replay; リプレイアタック replay attack; ハイジャック hijack; セッションハイジャック session hijacking;
ゼロトラスト zero trust; テナント tenant; マルチテナント multi tenant; コンプライアンス compliance; プライバシー privacy;
マスキング masking; マスク mask; トークナイゼーション tokenization; ダンプ dump; スタックトレース stack trace; デバッグ debug; メッセージング messaging;
サードパーティ third party; ベンダー vendor; ベンダ vendor; クライアント client; サーバ server; サーバー server; ブラウザ browser; モバイル mobile;
アプリ app; アプリケーション application; フロントエンド frontend; バックエンド backend; コンテナ container; ポッド pod; ノード node; インスタンス instance;
リージョン region; ゾーン zone; アベイラビリティ availability; マルチ multi; シングル single; ポイント point; データ data; コンシステンシー consistency;
コンシステンシ consistency; デュプリケート duplicate; アイデンポテンシー idempotency; シーケンス sequence; オーダー order;
ハートビート heartbeat; ピング ping; ポン pong; リコネクト reconnect; ドレイン drain; グレースフル graceful; シャットダウン shutdown;
デグラデーション degradation; グレースフルデグラデーション graceful degradation; クォータ quota; サンドボックス sandbox; エクスポート export;
インポート import; ウェブフック webhook; シグネチャ signature; シグネチャー signature; サイン sign; ベリファイ verify; ノンス nonce;
タイムスタンプ timestamp; タイムゾーン timezone; ユニーク unique; プライマリ primary; セカンダリ secondary; リーダー leader; フォロワー follower;
クォーラム quorum; ウォーターマーク watermark; チェックポイント checkpoint; オフセット offset; コンシューマ consumer; コンシューマー consumer;
プロデューサ producer; プロデューサー producer; パブリッシュ publish; サブスクライブ subscribe; ブローカー broker; アック ack; リース lease;
ファンアウト fan out; オーケストレーション orchestration; コレオグラフィ choreography; ワークフロー workflow; ステートマシン state machine;
リソース resource; メモリ memory; メモリー memory; リーク leak; メモリリーク memory leak; ガベージ garbage; ヒープ heap; ディスク disk; シリアライズ serialize;
デシリアライズ deserialize; デシリアライゼーション deserialization; プロトコル protocol; ハンドシェイク handshake; サーティフィケート certificate;
ピンニング pinning; ドキュメント document; ドキュメンテーション documentation; コメント comment; ネーミング naming; ルール rule; ガイドライン guideline;
コンベンション convention; スタイル style; フォーマット format; エラーコード error code; リトライポリシー retry policy;
アグリゲーション aggregation; アーカイブ archive; アーカイビング archiving; パーティショニング partitioning; フルスキャン full scan;
イベント駆動 event driven; エンベロープ envelope; ラッパー wrapper; プレフィックス prefix; サフィックス suffix; キャメルケース camel case;
スネークケース snake case; ケバブケース kebab case; パスカルケース pascal case; プルーラル plural; 
ネスト nesting; カーソル cursor; オフセット offset; サブクエリ subquery;
ジョイン join; アンチパターン antipattern; デザインパターン design pattern; ポリモーフィズム polymorphism; 
インヘリタンス inheritance; コンポジション composition; イミュータブル immutable; ミュータブル mutable; バリューオブジェクト value object;
アグリゲート aggregate; ファクトリ factory; ファクトリー factory; デコレータ decorator; オブザーバ observer; オブザーバー observer;
コールグラフ call graph; テストケース test case; テストダブル test double; フィクスチャ fixture; カバレッジ coverage; モジュラー modular;
モノリス monolith; モノリシック monolithic; リファクタ refactor; デッドコード dead code; コードスメル code smell; トレーサビリティ traceability;
コリレーション correlation; サンプリング sampling; プロファイリング profiling; ヒストグラム histogram; パーセンタイル percentile;
ペイロードサイズ payload size; プリフェッチ prefetch; プリロード preload; イーガー eager; レイジー lazy; チャンク chunk;
コンプレッション compression; デノーマライズ denormalize; ノーマライズ normalize; マテリアライズドビュー materialized view; 
リレーション relation; リレーションシップ relationship; カーディナリティ cardinality; ユニーク制約 unique constraint;
マジックナンバー magic number; マジック magic; フィルタ filter; フィルター filter; フィルタリング filtering; ソート sort; ヌル null;
シリアライゼーション serialization; ウォームアップ warm up; コールドスタート cold start; ラウンドトリップ round trip;
オーバーフェッチ over fetch; エンドツーエンド end to end; フレーキー flaky; ディレクトリ directory; フォルダ folder; パッケージ package;
レスポンスタイム response time; エニュム enum; イーナム enum; ユーユーアイディー uuid
ハンドラ handler; ハンドラー handler; ミドルウェア middleware; スレーブ replica; スタンバイ standby; テーブルスキャン table scan; スレッドセーフ thread safe;
ロックフリー lock free; ミューテックス mutex; セマフォ semaphore; パージ purge; エビクション eviction; インバリデーション invalidation;
ライトスルー write through; ライトバック write back; ライトアラウンド write around; リードスルー read through; リードレプリカ read replica;
リードモデル read model; ステイル stale; サーバーレス serverless; スキーマレス schemaless; パスワードレス passwordless; プロファイル profile;
ベンチマーク benchmark; サブスクリプション subscription; アップサート upsert; バルク bulk; ジェネリクス generics; コンストラクタ constructor;
トラブルシューティング troubleshooting; ベストプラクティス best practice; リンター linter; リンタ linter; フォーマッタ formatter; フォーマッター formatter;
コレクション collection; アトリビュート attribute; フォーリンキー foreign key; ナンバリング numbering; ノーマライゼーション normalization; ローディング loading;
メンテナンス maintenance; メンテナビリティ maintainability; リーダビリティ readability; ユーザビリティ usability; アクセシビリティ accessibility;
シンギュラー singular; スパン span; ブール boolean; ブーリアン boolean; オーバーロード overload; ロードマップ roadmap; メタデータ metadata;
スケジューリング scheduling; プロシージャ procedure; プレースホルダ placeholder; プレースホルダー placeholder; ステートメント statement; ルーティング routing;
ハイパーメディア hypermedia; ホットパス hot path; ホットスポット hot spot; ガベージコレクション garbage collection; ワークロード workload;
アノテーション annotation; デコレーター decorator; バリデータ validator; バリデーター validator; ネーミングルール naming rule; エンティティー entity;
オーケストレータ orchestrator; ディスパッチャ dispatcher; リアルタイム real time; ログローテーション log rotation; アクセスログ access log;
アクセスパターン access pattern; オートインクリメント auto increment; サロゲートキー surrogate key; ナチュラルキー natural key; コンポジットキー composite key;
ステータスカラム status column; フラグカラム flag column; スパゲッティ spaghetti; ボイラープレート boilerplate; ラウンドロビン round robin; ホットキー hot key;
ストレステスト stress test; ロードテスト load test; スモークテスト smoke test; リグレッション regression; リグレッションテスト regression test;
スナップショットテスト snapshot test; クロックスキュー clock skew; プリアグリゲーション pre aggregation; ページサイズ page size; ホットパーティション hot partition;
キャッシュアサイド cache aside; ノンブロッキング non blocking
`;
