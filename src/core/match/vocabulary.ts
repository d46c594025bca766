// Bilingual design-review vocabulary: general software-design terms
// (security, reliability, structure, performance, data, API, operations),
// written from domain knowledge, not mined from any answer key. Beyond the
// four perspectives of the shared corpus it covers what every common design
// review looks at: performance (over-fetching, complexity, cold caches),
// consistency with the existing code (formats, ids, stack, layout),
// maintainability and testability, observability, data modelling
// (nullability, enums, history, relationships) and API design.
// CONCEPTS: concept groups, English phrases | Japanese terms, so 冪等性 and
// "idempotency" meet as one concept feature. (Loanwords → English, so
// タイムアウト meets "timeout" as a word: loanwords.ts and katakana.ts.)

/** Concept groups: `id: english phrase, … | 日本語, …`. English phrases are stemmed like review text. */
export const CONCEPTS_TEXT = `
# security: authentication, identity
authn: authentication, authenticate, authenticated, login, credential verification | 認証, ログイン, サインイン, sign in
authz: authorization, authorize, authorized, access control, permission check, permission, privilege check | 認可, アクセス制御, 権限チェック, 権限, アクセス権
rbac: rbac, role based access, role, roles | ロール, 役割, ロールベース
abac: abac, attribute based access, relationship based, rebac | 属性ベース, 属性に基づく
ownership: ownership, owner check, resource owner, belongs to | 所有者, 所有権, 本人確認, 自分の, 他人の, 他ユーザー, 他のユーザー, own resource
idor: idor, insecure direct object reference, object level authorization, bola | idor, 直接オブジェクト参照
privilege-escalation: privilege escalation, elevation of privilege, escalate privilege | 権限昇格, 特権昇格
least-privilege: minimal permission, principle of least privilege, excessive permission | 最小権限, 過剰な権限, 過大な権限, least privilege, over privileged
password: password, passphrase | パスワード
password-hash: bcrypt, argon2, scrypt, pbkdf2, password hashing, hash password, salt | ハッシュ化, ソルト, ストレッチング
password-policy: password policy, password complexity, password strength, password length | パスワードポリシー, パスワード強度, パスワードの複雑性, パスワード複雑性
mfa: mfa, multi factor, two factor, 2fa, otp, totp, one time password | 多要素認証, 二要素認証, 二段階認証, ワンタイムパスワード
brute-force: brute force, credential stuffing, account lockout, lockout, login attempt, failed attempt, password guessing | ブルートフォース, 総当たり, アカウントロック, ロックアウト, ログイン試行, リスト型攻撃, ログイン試行回数
session: session, session management, session fixation, session id | セッション, セッション管理, セッション固定
session-timeout: session timeout, idle timeout, session expiration, session expiry, absolute timeout | セッションタイムアウト, セッションの有効期限, 無操作
logout: logout, revoke session, session invalidation | ログアウト, サインアウト, セッション無効化, log out, sign out
jwt: jwt, json web token, bearer token, id token | jwt, ベアラートークン
token: token, access token, refresh token | トークン, アクセストークン, リフレッシュトークン
token-expiry: token expiration, token expiry, expiration time, expiry, expire, lifetime, ttl, short lived, validity period | 有効期限, 期限切れ, 失効期限, 有効期間, 短命
token-revocation: revocation, revoke, revoked, blacklist, denylist, token invalidation, invalidate token | 失効, 無効化, 取り消し, ブラックリスト
token-rotation: refresh token rotation, token rotation, rotate refresh, reuse detection | リフレッシュトークンのローテーション, トークンローテーション
token-storage: localstorage, local storage, sessionstorage, session storage, client side storage, browser storage, token storage | ローカルストレージ, セッションストレージ, トークンの保存先, トークンの保存, トークンの保管
cookie: cookie, httponly, secure flag, samesite, secure attribute | クッキー, cookie, httponly, samesite, http only, same site, cookie属性, クッキー属性, クッキーの属性
csrf: csrf, xsrf, cross site request forgery, request forgery, anti forgery, csrf token | csrf, クロスサイトリクエストフォージェリ, リクエスト強要
xss: xss, cross site scripting, script injection, content security policy, csp | xss, クロスサイトスクリプティング, スクリプト注入
sqli: sql injection, sqli, parameterized query, prepared statement, bind variable | sqlインジェクション, プレースホルダ, パラメータ化クエリ, バインド変数
injection: injection, command injection, ldap injection, nosql injection, template injection | インジェクション, 注入, コマンドインジェクション
input-validation: input validation, validate input, validation, sanitize, sanitization, sanitizing, whitelist, allowlist, schema validation, untrusted input | 入力検証, 入力値検証, 入力チェック, バリデーション, サニタイズ, 検証方針, 妥当性
output-encoding: output encoding, escaping, escape, html encoding, encode output | 出力エンコーディング, エスケープ, エスケープ処理
file-upload: file upload, upload, uploaded file, file type, content type, malware scan, virus scan, file size | ファイルアップロード, アップロード, ファイル形式, ファイルサイズ, ウイルススキャン, マルウェア
path-traversal: path traversal, directory traversal | パストラバーサル, ディレクトリトラバーサル
ssrf: ssrf, server side request forgery | ssrf, サーバーサイドリクエストフォージェリ
open-redirect: open redirect, redirect uri, redirect url, unvalidated redirect | オープンリダイレクト, リダイレクト
cors: cors, cross origin, access control allow origin, allowed origin, origin | cors, クロスオリジン, オリジン
oauth: oauth, oauth2, openid, oidc, authorization code, pkce, state parameter, client secret | oauth, openid, 認可コード, クライアントシークレット
saml-sso: sso, single sign on, saml, identity provider, idp | シングルサインオン, sso, idプロバイダ
api-key: api key, api keys, client credential | apiキー, クライアント認証情報
secrets: secret, secrets management, secret manager, vault, kms, key management, credential, credentials, hardcoded secret, hardcoded credential, hardcoded api key, hardcoded key, hardcoded password, hardcoded token | シークレット, 秘密情報, 機密情報の管理, 鍵管理, 認証情報, 資格情報, 秘密鍵, キーがハードコード, キーのハードコード, パスワードがハードコード, ハードコードされたapiキー, ハードコードされたパスワード, ハードコードされた鍵
key-rotation: key rotation, rotate key, rotation, rotate, rotated | 鍵のローテーション, キーローテーション, ローテーション, 定期的な更新
encryption: encryption, encrypt, encrypted, cipher, aes, decrypt | 暗号化, 暗号, 復号
encryption-at-rest: encryption at rest, data at rest, storage encryption, disk encryption, tde, transparent data encryption, column encryption, field level encryption | 保存時の暗号化, 保存データ, 保管時, 透過的データ暗号化, カラム暗号化, 列暗号化, ディスク暗号化, at rest
encryption-in-transit: in transit, tls, ssl, https, mtls, mutual tls, transport encryption, plaintext, plain text, unencrypted, cleartext | 通信の暗号化, 通信経路, 平文, 転送中, 通信暗号化, 相互tls
certificate: certificate, certificate validation, certificate pinning, pinning, x509 | 証明書, 証明書検証, ピンニング
hashing: hash, hashing, sha256, hmac, digest | ハッシュ, ハッシュ値, 改ざん検知
signature: signature, signing, signed, verify signature, signature verification, webhook signature | 署名, 署名検証, 電子署名
integrity: integrity, tamper, tampering, tamper proof, tamper evident, immutable, immutability, worm | 改ざん, 完全性, 改竄, 不変, 追記専用
pii: pii, personal data, personal information, personally identifiable, sensitive data, phi, health information, medical record, credit card, card number, pci | 個人情報, 個人データ, 機密データ, 機微情報, 医療情報, 要配慮個人情報, クレジットカード, カード番号, 機密情報
masking: masking, mask, redact, redaction, anonymize, anonymization, pseudonymize, tokenization | マスキング, マスク, 匿名化, 仮名化, 秘匿
data-retention: retention, retention period, data retention, deletion policy, purge, data deletion, right to erasure, gdpr | 保持期間, 保存期間, データ保持, 削除ポリシー, データ削除, 消去
privacy-compliance: gdpr, hipaa, compliance, regulation, regulatory, privacy, consent, pci dss, appi | コンプライアンス, 規制, 法令, 個人情報保護法, 同意, プライバシー
audit-log: audit log, audit logging, audit trail, audit, accountability, forensic | 監査ログ, 監査証跡, 監査, 証跡
sensitive-logging: log sensitive, sensitive data in log, log password, log token, logging of sensitive, log redaction, log masking, log exposure | ログへの機密情報, ログのマスキング, ログに個人情報, ログにパスワード, ログにトークン
error-disclosure: stack trace, verbose error, information disclosure, information leakage, internal error detail, detailed error message, internal error message | スタックトレース, 情報漏洩, 情報漏えい, 内部情報
data-leak: leak, leakage, exposure, exposed, disclose, disclosure, exfiltrate, exfiltration | 漏洩, 漏えい, 流出, 露出, 窃取, 持ち出し
rate-limit: rate limit, rate limiting, throttle, throttling, quota, request limit, too many requests | レート制限, レートリミット, 流量制限, スロットリング, リクエスト制限, 回数制限, 429, リクエスト数の上限
dos: dos, ddos, denial of service, resource exhaustion, flood, abuse | サービス拒否, dos攻撃, ddos, リソース枯渇, 大量リクエスト, 濫用, 悪用
network-segmentation: network segmentation, private subnet, vpc, security group, firewall, waf, network isolation, internal network, zero trust, network segment | ネットワーク分離, プライベートサブネット, ファイアウォール, 内部ネットワーク, 閉域, ゼロトラスト, セキュリティグループ, ネットワークセグメント
service-auth: service authentication, mutual authentication, service to service authentication, workload identity | サービス間認証, 相互認証
tenant-isolation: tenant, multi tenant, tenant isolation, cross tenant, tenant id, row level security | テナント, マルチテナント, テナント分離, テナント間, テナント横断, 行レベルセキュリティ
admin: admin, administrator, admin panel, admin api, superuser, privileged account, management console | 管理者, 管理画面, 特権, 管理api, 管理者権限
third-party: third party, vendor, supply chain, dependency vulnerability, outdated library | サードパーティ, ベンダー, サプライチェーン, 脆弱なライブラリ
replay: replay, replay attack, nonce, timestamp validation | リプレイ攻撃, 再送攻撃, ノンス
security-headers: security header, hsts, strict transport security, x frame options, clickjacking, content type options | セキュリティヘッダ, クリックジャッキング
account-enumeration: user enumeration, account enumeration, username enumeration | ユーザー列挙, アカウント列挙
password-reset: password reset, reset password, forgot password, reset token, reset link, account recovery | パスワードリセット, パスワード再設定, リセットトークン, パスワード変更
email-verification: email verification, verify email, email confirmation | メール確認, メールアドレス確認, メール認証
backup-security: backup encryption, backup access | バックアップの暗号化
threat-model: threat model, threat modeling, stride, attack surface | 脅威モデル, 脅威分析, 攻撃対象領域
vulnerability: vulnerability, vulnerable, exploit, attacker, malicious, attack | 脆弱性, 攻撃者, 悪意, 攻撃
impersonation: impersonation, impersonate, spoof, spoofing, hijack, hijacking, account takeover, session hijacking, takeover | なりすまし, 乗っ取り, ハイジャック
# reliability
circuit-breaker: circuit breaker, circuit breakers, open circuit | サーキットブレーカー, 遮断
retry: retry, retries, retrying, retry policy, retry strategy, exponential backoff, backoff, jitter, max attempt | リトライ, 再試行, 再送, バックオフ, 指数バックオフ, 指数的バックオフ
timeout: timeout, timeouts, deadline, connect timeout, read timeout | タイムアウト, 時間切れ, time out, timed out, タイムアウト値
fallback: fallback, fall back, degraded mode, graceful degradation, degrade gracefully, degradation | フォールバック, 縮退, 縮退運転, 代替手段, 機能縮退, 代替処理
bulkhead: bulkhead, isolation of failure, fault isolation, blast radius | バルクヘッド, 障害の分離, 障害分離, 障害の影響範囲
cascading-failure: cascading failure, cascade, cascading, chain failure, ripple | 連鎖障害, 障害の連鎖, 障害が波及, 波及, 連鎖的
fault-tolerance: fault tolerance, fault tolerant, resilience, resilient, failure handling, fault recovery, error recovery, failure recovery | 耐障害性, 障害回復, 障害時, 障害対策, 回復性, 復旧
spof: single point of failure, spof, single instance, single node, no redundancy, redundancy | 単一障害点, 冗長化, 冗長性, シングル構成, 単一構成, 単一インスタンス, 冗長構成
failover: failover, standby, hot standby, replica promotion, automatic failover, switchover | フェイルオーバー, フェールオーバー, 待機系, スタンバイ, fail over, 系切り替え, 自動切り替え, 自動切替
replication: replication, replica, read replica, multi az, multi region, availability zone, cross region | レプリケーション, レプリカ, 複製, マルチaz, マルチリージョン, アベイラビリティゾーン
high-availability: availability, high availability, uptime, sla | 可用性, 高可用性, 稼働率, 稼働時間
disaster-recovery: disaster recovery, dr, rpo, rto, recovery point, recovery time, region outage | 災害復旧, 災害対策, 目標復旧時点, 目標復旧時間, rpo, rto
backup: backup, backups, restore, snapshot, point in time recovery, pitr | バックアップ, リストア, 復元, スナップショット, ポイントインタイム
health-check: health check, health checks, liveness, readiness, health endpoint, probe, deep health check | ヘルスチェック, 死活監視, 疎通確認, 生存確認, 死活
idempotency: idempotency, idempotent, idempotency key, deduplication, dedupe, dedup, duplicate detection, duplicate request, duplicate message, duplicate delivery, duplicate submission, duplicate processing, duplicate charge, double submit, double charge | 冪等, べき等, 重複排除, 重複検出, 重複実行, 重複処理, exactly once, at least once, at most once, 二重処理, 二重送信, 二重登録, 二重決済, 二重課金, 二重実行, 二重計上, 重複送信, 重複登録, 重複配信, 重複リクエスト, 重複メッセージ
transaction: transaction, transactional, atomic, atomicity, commit, rollback transaction, acid, transaction boundary | トランザクション, 原子性, アトミック, トランザクション境界, コミット
distributed-transaction: distributed transaction, saga, two phase commit, 2pc, compensating transaction, compensation, outbox, transactional outbox | 分散トランザクション, サーガ, 補償トランザクション, 補償処理, 二相コミット, アウトボックス
consistency: consistency, consistent, inconsistency, inconsistent, eventual consistency, data integrity, integrity constraint, reconciliation | 整合性, 一貫性, 不整合, 結果整合性, 突合
concurrency: concurrency, concurrent, race condition, race, optimistic locking, pessimistic locking, lock, locking, version field, double booking, lost update, deadlock | 並行, 同時実行, 競合, 競合状態, 楽観ロック, 楽観的ロック, 悲観ロック, 排他制御, ロック, 二重予約, 同時更新, デッドロック
ordering: order guarantee, sequence number, sequencing, message ordering, event ordering, ordering guarantee, order of events, order of messages | 順序, 順序保証, 順序性, シーケンス番号, out of order
message-queue: message queue, queue, broker, kafka, rabbitmq, sqs, pub sub, pubsub, topic, consumer, producer | メッセージキュー, キュー, ブローカー, 非同期処理, コンシューマ, パブサブ
dead-letter: dead letter, dlq, dead letter queue, poison message, poison | デッドレター, デッドレターキュー, 処理不能
message-loss: message loss, lost message, data loss, delivery guarantee, acknowledgment, ack, durable, durability, message persistence | メッセージ損失, メッセージロスト, データ損失, データ消失, 配信保証, 永続化, 確認応答, 消失
backpressure: backpressure, back pressure, load shedding, overload, admission control, queue depth | バックプレッシャー, 負荷制御, 過負荷, 流量制御
connection-pool: connection pool, pool, pool size, pool exhaustion, connection limit, max connection | コネクションプール, 接続プール, プールサイズ, 接続数, 最大接続数
reconnect: reconnect, reconnection, reconnection strategy, heartbeat, ping, pong, keepalive, keep alive, connection drop, disconnect | 再接続, ハートビート, 接続断, 切断, 接続維持, キープアライブ
websocket: websocket, websockets, socket, persistent connection, long lived connection | websocket, ウェブソケット, 常時接続
monitoring: monitoring, monitor, metric, metrics, observability, instrumentation, dashboard, sli, slo, red metric, golden signal | 監視, モニタリング, メトリクス, 可観測性, オブザーバビリティ, ダッシュボード, 指標, slo, sli
alerting: alert, alerting, alarm, paging, escalation, notification of failure, threshold | アラート, 警告, エスカレーション, オンコール, 閾値, しきい値, on call, アラート通知, 障害通知
incident-response: incident, incident response, runbook, playbook, postmortem | インシデント, インシデント対応, 障害対応, 手順書, ランブック, ポストモーテム, on call procedure
tracing: tracing, distributed tracing, trace, correlation id, request id, trace id, opentelemetry, x ray | トレーシング, 分散トレーシング, トレース, 相関id, リクエストid
logging: logging, log, logs, structured logging, log level, log aggregation, centralized logging, log format, json log | ログ, ロギング, ログ出力, 構造化ログ, ログレベル, ログ集約, ログ形式, ログフォーマット
deployment: deployment, deploy, release, rollout, canary, blue green, rolling update, feature flag | デプロイ, デプロイメント, リリース, カナリア, ブルーグリーン, ローリング, 段階的リリース, フィーチャーフラグ
rollback: rollback, roll back, revert, downgrade, rollback plan, rollback procedure | ロールバック, 切り戻し, 巻き戻し
schema-migration: migration, schema migration, schema change, database migration, backward compatible, backward compatibility, expand contract, zero downtime | マイグレーション, スキーマ変更, スキーマ移行, データ移行, 後方互換, 後方互換性, 無停止
capacity: capacity, capacity planning, scaling, autoscaling, auto scaling, horizontal scaling, elasticity, load test, load testing | キャパシティ, 容量計画, スケーリング, オートスケーリング, スケールアウト, 水平スケール, 負荷試験, 負荷テスト, scale out
graceful-shutdown: graceful shutdown, drain, draining, sigterm, in flight request | グレースフルシャットダウン, 正常終了, 処理中のリクエスト, ドレイン
batch-job: batch, batch job, scheduled job, cron, job failure, job retry, checkpoint, partial failure | バッチ, バッチ処理, 定期実行, ジョブ, 部分失敗, チェックポイント, 途中失敗
external-dependency: external dependency, external service, third party api, downstream, upstream, dependency failure, external api, external system, integration | 外部依存, 外部サービス, 外部api, 外部システム, 依存サービス, 外部連携, 連携先
sla-contract: sla, service level, service level objective, error budget | sla, サービスレベル, エラーバジェット
# data
database: database, db, rdbms, sql, nosql, postgresql, mysql, mongodb, dynamodb | データベース, db
cache: cache, caching, cached, redis, memcached, ttl, cache invalidation, stale, cache stampede, cache aside, cache hit, cache layer, cache key, response cache | キャッシュ, キャッシュ無効化, キャッシュ戦略, キャッシュ層, キャッシュヒット, キャッシュキー, 古いデータを返す
cache-consistency: cache invalidation, stale data, stale cache, cache coherence, cache inconsistency | キャッシュの無効化, キャッシュの整合性, 古いキャッシュ
http-caching: etag, cache control, conditional request, last modified, http cache, not modified | 条件付きリクエスト, http キャッシュ, 304
index: index, indexes, indexing, secondary index, composite index, full table scan, missing index, covering index, unindexed, index scan | インデックス, 索引, フルスキャン, 全件走査, インデックス不足, インデックスがない, インデックス未設定, 未インデックス
n-plus-one: n plus one, lazy loading, eager loading, select in loop, query in loop, query per item, query per row, chatty, query per request, queries in a loop, loop of queries, one query per | n+1, n + 1, 遅延ロード, ループ内クエリ, 1件ずつ, ループ内でクエリ, 都度クエリ, 1件ごと, 個別に取得, 個別クエリ, n+1問題
query-performance: slow query, query performance, query optimization, execution plan, join | スロークエリ, クエリ性能, 実行計画, テーブル結合, 結合処理, join処理
pagination: pagination, paginate, paging, page size, cursor, limit offset, unbounded result, keyset pagination, seek pagination, page token, next page token, infinite scroll | ページネーション, ページング, 件数制限, 全件取得, 上限なし, カーソルページネーション, ページ分割, 分割取得
data-model: data model, schema, normalization, denormalization, foreign key, constraint, referential integrity, table design, normal form, third normal form, update anomaly, data redundancy, redundant data | データモデル, スキーマ, 正規化, 非正規化, 外部キー, 制約, 参照整合性, テーブル設計, 第三正規形, 更新時異常, データの冗長性, 冗長なデータ
nullability: nullable, not null, null value, null semantic, missing value, default value, optional field | null許容, not null制約, 未設定, デフォルト値, 任意項目, 必須項目
enumeration: enum, enumeration, status column, status field, check constraint, lookup table, code table, magic string | 列挙型, 区分値, コード値, コードマスタ, 区分マスタ, check制約
audit-columns: created at, updated at, created by, updated by, audit column, audit field, modification timestamp | 作成日時, 更新日時, 作成者, 更新者, 監査カラム
data-history: history table, change history, record versioning, temporal table, effective date, valid from, slowly changing dimension | 履歴テーブル, 変更履歴, 履歴管理, 適用開始日, 有効開始日
relationship: one to many, many to many, join table, junction table, association table, cardinality, relationship | 多対多, 一対多, 中間テーブル, 関連テーブル, リレーション, カーディナリティ
uniqueness: unique constraint, uniqueness, unique index, natural key, composite key | 一意制約, ユニーク制約, 一意性, 複合キー, 自然キー
semi-structured: json column, jsonb, document store, schemaless, schema less, entity attribute value, eav | json型, jsonb, スキーマレス, ドキュメント型
data-type: data type, column type, varchar, decimal, float, precision, rounding, timezone, timestamp | データ型, 精度, 丸め, タイムゾーン, 浮動小数点, 型定義, 型の不一致, 数値型, 文字列型
orphan-data: orphan, orphaned, dangling, cascade delete, soft delete, logical delete | 孤立, 孤児, 論理削除, 物理削除, カスケード削除
sharding: sharding, shard, partition, partitioning, hot partition, hot spot | シャーディング, シャード, パーティション, ホットスポット
storage: storage, object storage, s3, blob, bucket, file storage | ストレージ, オブジェクトストレージ, バケット
search-index: elasticsearch, opensearch, search index, full text search | 全文検索, 検索エンジン, 検索インデックス
# performance
latency: latency, response time, slow, p95, p99, percentile, round trip | レイテンシ, 応答時間, レスポンスタイム, 遅延, 応答速度, 待ち時間
throughput: throughput, requests per second, rps, qps, tps, peak load, high load, traffic spike, burst | スループット, 処理能力, ピーク, 高負荷, 急増, スパイク
performance: performance, bottleneck, optimize, optimization, efficient, inefficient, hot path | パフォーマンス, 性能, ボトルネック, 最適化, 非効率
memory: memory, memory leak, heap, out of memory, oom, memory usage | メモリ, メモリリーク, メモリ使用量, ヒープ
async: asynchronous, async, synchronous, sync, non blocking, background job, worker, blocking call, blocking io, blocking operation, blocking the thread | 非同期, 同期, ブロッキング, 同期処理, 非同期処理, バックグラウンド, ワーカー
thread-pool: thread pool, thread exhaustion, thread, worker pool, executor | スレッドプール, スレッド, スレッド枯渇
cdn: cdn, edge cache, static content | cdn, 静的コンテンツ
polling: polling, poll, long polling, busy wait, periodic check, short polling, polling interval, periodic polling | ポーリング, 定期的な問い合わせ, 定期取得, 定期ポーリング, ポーリング間隔, 定期的に取得
event-driven: event driven, push notification, server sent event, sse, event notification, change data capture, cdc, event subscription, subscribe to event, webhook notification | イベント駆動, プッシュ通知, 変更通知, 購読
fan-out: fan out, fanout, broadcast, scatter gather, fan out on write, fan out on read | ファンアウト, 一斉配信, 全件配信
pre-aggregation: pre aggregation, precompute, pre compute, materialized view, rollup, summary table, aggregate table, denormalized counter, aggregate on read, on the fly aggregation, real time aggregation, count query | 事前集計, 集計テーブル, 事前計算, マテリアライズドビュー, 非正規化カウンタ, 都度集計, リアルタイム集計, 毎回集計
unbounded-scan: full scan, table scan, unbounded query, unbounded scan, unbounded result, entire table, whole table, unlimited result, load all, fetch all, scan every row | 全件スキャン, フルスキャン, 全件読み込み, 全件検索, 全データを取得, 全レコード, 無制限に取得, 件数無制限, 無制限の取得
archival: archive, archival, archiving, cold storage, tiered storage, data lifecycle, ttl expiry, purge old | アーカイブ, 退避, コールドストレージ, ライフサイクル, 古いデータの削除
data-growth: data growth, table growth, unbounded growth, growing table, data volume, time based partition, partition by date | データ増加, データ量の増加, テーブルの肥大化, データの肥大化, 日付パーティション, 月次パーティション, データ量
batching: batching, batch request, bulk insert, bulk operation, coalesce, debounce | 一括処理, 一括取得, 一括登録
compression: compression, compress, gzip, payload size, response size | 圧縮, ペイロードサイズ, レスポンスサイズ
over-fetching: over fetching, overfetching, select star, select all columns, unused columns, unused fields, large payload, oversized response | 過剰取得, 不要なカラム, 不要な項目, 全カラム取得
algorithmic-complexity: time complexity, computational complexity, quadratic, nested loop, linear search, linear scan, in memory sort, in memory filter | 計算量, 二重ループ, 線形探索, 全件ループ, メモリ上でのソート
cache-warming: cache warming, warm up, warmup, cold start, cold cache, cache miss, hit rate, hit ratio | キャッシュウォームアップ, コールドスタート, キャッシュミス, ヒット率
serialization-cost: serialization, deserialization, serialize, marshalling, json parsing | シリアライズ, シリアライゼーション, 直列化, デシリアライズ
# consistency / conventions
naming-style: naming style, camel case, camelcase, snake case, snake_case, kebab case, pascal case, casing, prefix, suffix | 命名スタイル, キャメルケース, スネークケース, ケバブケース, パスカルケース, 大文字小文字, 接頭辞, 接尾辞
plurality: plural, singular, pluralization, plural noun, singular noun, plural resource name, collection name | 複数形, 単数形, 単複, 単数形と複数形
response-envelope: response envelope, envelope, wrapper object, response format, response structure, response shape, data wrapper | レスポンス形式, レスポンス構造, エンベロープ, ラッパー, 応答形式, レスポンスの形式, レスポンスの構造, 応答の形式
convention: convention, conventions, existing pattern, existing convention, project standard, coding standard, style guide, deviates from, consistent with the existing, inconsistent with the existing, existing implementation, existing code, existing endpoint, existing api, other endpoint, rest of the codebase, follow the existing, align with the existing | 規約, 慣例, 既存パターン, 既存の規約, 不統一, 逸脱, 既存実装, 既存の実装, 既存コード, 既存のコード, 既存api, 既存のapi, 既存のエンドポイント, 他のエンドポイント, 既存の設計, 既存の方針, 既存と異なる, 既存と不一致, 他のapiと異なる, 他のエンドポイントと異なる, 既存サービスとの一貫性, 既存との一貫性, 既存の実装との一貫性, 既存パターンとの
data-access-pattern: data access, data access layer, repository pattern, orm, active record, dao, raw sql, query builder, persistence layer | データアクセス, データアクセス層, リポジトリパターン, orm, 生sql, 永続化層, 永続化処理
date-format: date format, datetime format, timestamp format, iso 8601, iso8601, epoch, unix time | 日付形式, 日時形式, 日付フォーマット, 日時フォーマット, iso 8601
identifier-format: uuid, auto increment, autoincrement, serial id, sequential id, id format, id type, primary key type, surrogate key | 連番, 自動採番, 主キーの型, id形式, id体系
technology-consistency: tech stack, technology stack, existing library, existing framework, different library, new dependency, another library | 技術スタック, 既存ライブラリ, 既存のライブラリ, 既存のフレームワーク, 新規依存, 別のライブラリ
package-structure: package structure, directory structure, folder structure, module layout, file layout, project structure | パッケージ構成, ディレクトリ構成, フォルダ構成, ファイル構成, プロジェクト構成
# api
api-design: api design, rest api, restful, endpoint, http method, resource naming, uri design, url design, nested resource, resource name, hateoas | api設計, エンドポイント, restful, リソース設計, url設計, ネストしたリソース, リソース名
api-versioning: versioning, api version, breaking change, deprecation, backward compatible api, version number, url versioning, version header | バージョニング, バージョン管理, 破壊的変更, 非推奨, 互換性, apiバージョン, バージョンアップ
error-response: error response, error handling, error code, status code, http status, error format, problem details, exception handling, exception, error message, error detail, error body | エラーレスポンス, エラーハンドリング, エラー処理, エラーコード, ステータスコード, 例外処理, 例外, エラーメッセージ, エラー詳細, エラー形式, エラー応答
api-contract: contract, openapi, swagger, api specification, interface definition, schema definition, dto | openapi, api仕様, インターフェース定義, 仕様書, api契約, インターフェース契約
graphql: graphql, query depth, query complexity | graphql, クエリの深さ, クエリ複雑度
http-semantics: http method, http verb, safe method, put versus patch, rest semantics, resource oriented, get with side effect | httpメソッド, http動詞, restの原則
query-parameters: filtering, sorting, sort order, query parameter, search parameter, filter parameter | フィルタリング, ソート, 並び順, 検索条件, クエリパラメータ, 絞り込み
long-running-operation: long running, long running operation, 202 accepted, job status endpoint, asynchronous api, async api | 長時間処理, 非同期api, ジョブの状態, 処理状況の確認
api-granularity: coarse grained, fine grained, granularity, chatty api, too many calls, round trips, bulk endpoint, batch api | 粒度, 細粒度, 粗粒度, 往復回数, 一括api, バルクapi
webhook: webhook, callback url, callback | webhook, ウェブフック, コールバック
# structure / maintainability
coupling: coupling, tight coupling, tightly coupled, loosely coupled, loose coupling, dependency, dependencies, depend on, dependent | 結合, 密結合, 疎結合, 結合度, 依存, 依存関係
cohesion: cohesion, single responsibility, srp, responsibility, responsibilities, separation of concerns, god class, god object, too many responsibilities | 凝集, 凝集度, 単一責任, 責務, 関心の分離, 責務過多, 肥大化
service-communication: inter service, inter service communication, service to service call, internal api, internal service, service mesh, synchronous call chain | サービス間通信, サービス間連携, 内部api, 内部通信, サービスメッシュ
layering: layer, layered, layering, layer violation, presentation layer, domain layer, infrastructure layer, clean architecture, hexagonal | レイヤー, 層, 階層, レイヤー違反, プレゼンテーション層, ドメイン層, インフラ層, クリーンアーキテクチャ
dependency-inversion: dependency inversion, dependency injection, di, inversion of control, abstraction, interface, port, adapter | 依存性逆転, 依存性注入, 抽象化, インターフェース, 依存関係逆転
circular-dependency: circular dependency, cyclic dependency, dependency cycle, circular reference | 循環依存, 循環参照
duplication: duplication, duplicated, duplicate code, dry, copy paste, code reuse, redundant logic | 重複コード, コードの重複, 重複実装, 共通化, 再利用
testability: testability, testable, unit test, test, testing, mock, stub, test double, test strategy, integration test, hard to test, difficult to test, static dependency, hidden dependency, system clock | テスト容易性, テスト可能性, テスト, 単体テスト, モック, スタブ, テスト戦略, 結合テスト, テストしにくい, テストが困難, テストが難しい, 現在時刻
modularity: modularity, module, modular, boundary, bounded context, encapsulation, information hiding | モジュール, モジュール性, 境界, 境界づけられたコンテキスト, カプセル化, 情報隠蔽
shared-database: shared database, shared schema, shared table, database per service, direct database access | 共有データベース, データベース共有, db共有, テーブル共有, 直接参照
domain-model: domain model, anemic, anemic domain model, business logic, domain logic, entity, value object, aggregate root | ドメインモデル, ドメインロジック, ビジネスロジック, エンティティ, 値オブジェクト, 集約, ドメイン, 集約ルート
extensibility: extensibility, extensible, extension, open closed, hardcoded, hard coded, hardcode, configurable, plugin, strategy pattern | 拡張性, 拡張, 開放閉鎖, ハードコード, 設定可能, 変更容易性, ストラテジー
maintainability: maintainability, maintainable, maintenance, readability, complexity, technical debt | 保守性, 保守, 可読性, 複雑性, 複雑さ, 技術的負債
magic-number: magic number, magic value, hardcoded value, hard coded value, literal value, unnamed constant | マジックナンバー, 定数化, ハードコードされた値, 直書き
dead-code: dead code, unused code, unreachable code, commented out code | デッドコード, 未使用コード, 到達不能コード
long-method: long method, long function, large class, method length, deep nesting, cyclomatic complexity | 長大なメソッド, 巨大なクラス, ネストが深い, 循環的複雑度
test-data: test data, test fixture, seed data, test environment, flaky test, deterministic test, test isolation, clock dependency | テストデータ, テスト環境, テストの独立性, 再現性, 時刻依存
test-levels: end to end test, e2e test, contract test, consumer driven contract, component test, test pyramid | e2eテスト, 契約テスト, コンポーネントテスト, テストピラミッド
error-tracking: error tracking, exception tracking, crash reporting, sentry, error rate dashboard | エラー追跡, 例外通知, エラー通知
log-correlation: log correlation, correlate logs, log context, contextual logging, mdc | ログの相関, ログコンテキスト, 文脈情報
naming: naming, naming convention, inconsistent naming, terminology, naming rule, name clash | 命名, 命名規則, 用語, 名前の付け方, 名称の不統一
configuration: configuration, config, configuration management, environment, environment specific, settings, externalize configuration | 設定, 設定管理, 環境変数, 環境ごと, 設定ファイル, 構成管理, 設定値
state-management: state, stateful, stateless, global state, shared state, mutable state, session state | 状態, 状態管理, ステートフル, ステートレス, グローバル状態, 共有状態
data-ownership: data ownership, source of truth, single source of truth, master data, ownership of data | データ所有権, 信頼できる唯一の情報源, マスターデータ, データの所有
error-handling-structure: error handling strategy, exception hierarchy, error propagation, swallow exception, unified error handling, error handling pattern, exception strategy, result type, error wrapping | エラーハンドリング方針, 例外階層, エラー伝播, 例外の握りつぶし, 統一的なエラー処理, エラー処理方式, 例外処理方針, 例外の扱い
documentation: documentation, documented, undocumented, adr, design decision | ドキュメント, 文書化, 設計判断, ドキュメント化, 設計書
# operations
ci-cd: ci, cd, ci cd, pipeline, build pipeline, continuous integration, continuous delivery | ci/cd, パイプライン, 継続的インテグレーション, 継続的デリバリー
infrastructure: infrastructure, kubernetes, ecs, container, docker, terraform, infrastructure as code | インフラ, インフラストラクチャ, コンテナ, kubernetes
environment-separation: environment separation, staging, production, development environment, dev, prod | 環境分離, 本番環境, 開発環境, ステージング, 検証環境
`;

/**
 * Concepts whose words are everyday words in other perspectives: they stand
 * for the concept only where the key's domain supports it (domains.ts).
 * Security: "role", "owner", "leak" as in memory leak, "flood", "attack",
 * "origin", "replay" a queue, "immutable", "hash", "rotate" logs, "mask", a
 * cache's "TTL" and "invalidation", a page "token", a file "upload", a
 * "tenant" column, an external "vendor". (A "session" is the same thing in a
 * session store and in session management: not ambiguous.)
 */
export const AMBIGUOUS_SECURITY = new Set([
  'rbac',
  'ownership',
  'data-leak',
  'dos',
  'vulnerability',
  'impersonation',
  'cors',
  'replay',
  'integrity',
  'hashing',
  'key-rotation',
  'masking',
  'token-revocation',
  'token',
]);

/**
 * The same fault outside security: "consistent with the existing naming" is
 * not data consistency, the "state" of an order not state management, a
 * timeout "setting" not configuration management, "depends on" the load not
 * coupling between modules.
 */
export const AMBIGUOUS_OTHER = new Set(['consistency']);

/** Is this concept ambiguous (counts only where its domain is supported)? */
export function isAmbiguous(id: string): boolean {
  return AMBIGUOUS_SECURITY.has(id) || AMBIGUOUS_OTHER.has(id);
}

/** Concept id → its section of the vocabulary ("security", "reliability", "data", …: the first word of its # line). */
export function conceptSections(): Map<string, string> {
  const out = new Map<string, string>();
  let section = '';
  for (const line of CONCEPTS_TEXT.split('\n')) {
    if (line.startsWith('#')) section = /^#\s*([a-z]+)/.exec(line)?.[1] ?? '';
    else {
      const m = /^([a-z0-9-]+):/.exec(line.trim());
      if (m) out.set(m[1], section);
    }
  }
  return out;
}

export interface ConceptEntry {
  id: string;
  english: string[];
  japanese: string[];
}

/** The parsed concept groups. */
export function conceptEntries(): ConceptEntry[] {
  const entries: ConceptEntry[] = [];
  for (const line of CONCEPTS_TEXT.split('\n')) {
    const m = /^([a-z0-9-]+):\s*(.*?)\s*(?:\|\s*(.*))?$/.exec(line.trim());
    if (!m) continue;
    const split = (s: string | undefined) =>
      (s ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    entries.push({ id: m[1], english: split(m[2]), japanese: split(m[3]) });
  }
  return entries;
}
