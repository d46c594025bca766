// Review formats the corpus does not have: made-up reviews (never corpus
// text) in the shapes LLM design reviewers commonly write, English and
// Japanese, each with the reading a careful human would give it — which
// findings, their labels and titles, the section, and the lines each spans.
// Cases marked 'was:' read wrong before the fix they test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReview } from '../../src/core/review';

/** 'label|title|section|first-last' per finding (lines 1-based), '|+' for a positive one. */
function reading(md: string): string[] {
  return parseReview(md).findings.map(
    (f) => `${f.label ?? ''}|${f.title}|${f.section ?? ''}|${f.span.start.line}-${f.span.end.line}${f.positive ? '|+' : ''}`,
  );
}

const CASES: { name: string; md: string; want: string[] }[] = [
  {
    name: 'numbered bold-lead items under a Findings heading',
    md: `# Design Review: Payment Service

## Findings

1. **Missing timeout on the bank call** — The gateway client waits forever when the bank does not answer, so threads pile up.
2. **No idempotency key** — A retried charge request can bill the customer twice.
3. **Unbounded retry loop** — Retries have no cap and no backoff, which turns a short outage into a storm.
4. **Secrets in config file** — The API key sits in plain text in the repository.
`,
    want: [
      '|Missing timeout on the bank call|Findings|5-5',
      '|No idempotency key|Findings|6-6',
      '|Unbounded retry loop|Findings|7-7',
      '|Secrets in config file|Findings|8-8',
    ],
  },
  {
    name: "'1)' items of plain prose, each a point titled by its first sentence",
    md: `# Review

Issues found:

1) The queue consumer acknowledges a message before it is processed, so a crash loses the order.
2) There is no dead-letter queue; poison messages are retried forever and block the partition.
3) The cache has no expiry policy, so stale prices are served after an update.
`,
    want: [
      '|The queue consumer acknowledges a message before it is processed, so a crash loses the order|Review|5-5',
      '|There is no dead-letter queue; poison messages are retried forever and block the partition|Review|6-6',
      '|The cache has no expiry policy, so stale prices are served after an update|Review|7-7',
    ],
  },
  {
    name: 'a short item over nested details is the finding, titled by the item, body to its last detail (was: the details read as findings)',
    md: `# Architecture Review

## Summary

The design is reasonable but has gaps in resilience and security.

## Issues

- Session tokens never expire
  - Tokens issued at login stay valid forever; a stolen token is usable indefinitely.
  - Add a lifetime and refresh flow.
- Single Redis instance for sessions
  - When Redis restarts every user is logged out.
- Admin endpoints lack authorisation checks
  - Any logged-in user can call /admin/users.

## Recommendations

- Add token expiry.
- Run Redis with a replica.
`,
    want: [
      '|Session tokens never expire|Issues|9-11',
      '|Single Redis instance for sessions|Issues|12-13',
      '|Admin endpoints lack authorisation checks|Issues|14-15',
    ],
  },
  {
    name: 'numbered items with the title on the first line and the text indented below (was: title ran into the text)',
    md: `# Review

1. Missing timeout on the bank call
   The gateway client waits forever when the bank does not answer.
2. No idempotency key
   A retried charge request can bill the customer twice.
3. Unbounded retry loop
   Retries have no cap and no backoff.
`,
    want: ['|Missing timeout on the bank call|Review|3-4', '|No idempotency key|Review|5-6', '|Unbounded retry loop|Review|7-8'],
  },
  {
    name: 'numbered bold titles over nested bold fields: one finding each',
    md: `# Review

## Findings

1. **Missing timeout on the bank call**
   - **Impact:** threads pile up when the bank is slow.
   - **Fix:** set a 3 second timeout.
2. **No idempotency key**
   - **Impact:** a retried charge bills twice.
   - **Fix:** accept an Idempotency-Key header.
3. **Unbounded retries**
   - **Impact:** an outage becomes a storm.
   - **Fix:** cap retries and add jitter.
`,
    want: ['|Missing timeout on the bank call|Findings|5-7', '|No idempotency key|Findings|8-10', '|Unbounded retries|Findings|11-13'],
  },
  {
    name: "'### Finding 3 —' headings",
    md: `# Review of the Notification Service

### Finding 1 — Fan-out blocks the request thread
Sending to every subscriber happens inside the HTTP request, so a post with many followers times out.

### Finding 2 — No rate limit on the send endpoint
A client can send unlimited messages.

### Finding 3 — Template rendering is not escaped
User names are inserted into HTML without escaping.
`,
    want: [
      'Finding 1|Fan-out blocks the request thread||3-4',
      'Finding 2|No rate limit on the send endpoint||6-7',
      'Finding 3|Template rendering is not escaped||9-10',
    ],
  },
  {
    name: "'#### [P1] …' headings",
    md: `# Review

#### [P1] Database writes are not transactional
The order row and the stock row are updated in two separate commits.

#### [P1] No backup of the object store
Uploaded files exist in one bucket only.

#### [P2] Log lines lack a request id
Tracing a request across services is not possible.
`,
    want: [
      'P1|Database writes are not transactional||3-4',
      'P1|No backup of the object store||6-7',
      'P2|Log lines lack a request id||9-10',
    ],
  },
  {
    name: "'**[High]** title' leads",
    md: `# Review

**[High] Password reset tokens are guessable**
The token is a six digit number with no attempt limit.

**[Medium] Pagination is missing on the list endpoint**
The /orders endpoint returns every row.

**[Low] Inconsistent naming of JSON fields**
Some fields are camelCase, others snake_case.
`,
    want: [
      '|Password reset tokens are guessable||3-4',
      '|Pagination is missing on the list endpoint||6-7',
      '|Inconsistent naming of JSON fields||9-10',
    ],
  },
  {
    name: 'headings written in fields (**Issue:** / **Impact:** / **Recommendation:**): two findings (was: six, one per field)',
    md: `# Review

## 1. Missing circuit breaker

**Issue:** Calls to the inventory service have no circuit breaker.
**Impact:** A slow inventory service makes checkout slow too.
**Recommendation:** Wrap the client in a breaker with a fallback.

## 2. No audit log

**Issue:** Changes to user roles are not recorded.
**Impact:** An attacker who escalates privileges leaves no trace.
**Recommendation:** Write an append-only audit record for each change.
`,
    want: ['1|Missing circuit breaker||3-7', '2|No audit log||9-13'],
  },
  {
    name: 'field records with no headings: one finding per record, titled by its issue (was: every field a finding)',
    md: `# Review

**Issue:** Calls to the inventory service have no circuit breaker.
**Impact:** A slow inventory service makes checkout slow too.
**Recommendation:** Wrap the client in a breaker with a fallback.

**Issue:** Changes to user roles are not recorded.
**Impact:** An attacker who escalates privileges leaves no trace.
**Recommendation:** Write an append-only audit record for each change.

**Issue:** The search index is rebuilt from scratch every night.
**Impact:** Search is down for an hour.
**Recommendation:** Update the index incrementally.
`,
    want: [
      '|Calls to the inventory service have no circuit breaker|Review|3-5',
      '|Changes to user roles are not recorded|Review|7-9',
      '|The search index is rebuilt from scratch every night|Review|11-13',
    ],
  },
  {
    name: "'**Finding:**' records: titled without the field name (was: each titled 'Finding: …')",
    md: `# Review

**Finding:** The cache is shared between tenants without a tenant prefix.
**Severity:** High
**Recommendation:** Prefix every key with the tenant id.

**Finding:** Deleted users keep valid API keys.
**Severity:** High
**Recommendation:** Revoke keys on deletion.

**Finding:** The admin panel has no audit trail.
**Severity:** Medium
**Recommendation:** Log every admin action.
`,
    want: [
      '|The cache is shared between tenants without a tenant prefix|Review|3-5',
      '|Deleted users keep valid API keys|Review|7-9',
      '|The admin panel has no audit trail|Review|11-13',
    ],
  },
  {
    name: "'Severity: High' lines stay in the body of their heading's finding",
    md: `# Review

## Unencrypted backups
Severity: High

Nightly database dumps are copied to shared storage without encryption.

## Missing health checks
Severity: Medium

The load balancer cannot tell when an instance is broken.

## Verbose error messages
Severity: Low

Stack traces are returned to clients.
`,
    want: ['|Unencrypted backups||3-6', '|Missing health checks||8-11', '|Verbose error messages||13-16'],
  },
  {
    name: "'### Severity: High — title': the title without the severity (was: 'Severity: High — …')",
    md: `# Review

### Severity: High — Missing timeout on payment calls
The client uses the default infinite timeout.

### Severity: Medium — Missing index on orders.user_id
Listing a user's orders scans the whole table.

### Severity: Low — Inconsistent error format
Some endpoints return {error}, others {message}.
`,
    want: ['|Missing timeout on payment calls||3-4', '|Missing index on orders.user_id||6-7', '|Inconsistent error format||9-10'],
  },
  {
    name: 'severity-prefixed headings (CRITICAL:, High:, 重大:)',
    md: `# Review

### CRITICAL: Refresh tokens stored in localStorage
Any XSS steals them.

### High: No lockout after failed logins
Brute force is unlimited.

### 重大: 暗号鍵がソースコードに含まれている
リポジトリを見た人が復号できる。

### Low: Verbose server banner
The version string is exposed.
`,
    want: [
      '|Refresh tokens stored in localStorage||3-4',
      '|No lockout after failed logins||6-7',
      '|暗号鍵がソースコードに含まれている||9-10',
      '|Verbose server banner||12-13',
    ],
  },
  {
    name: 'a findings table above a details section: each finding once, from the details',
    md: `# Review

## Summary of Findings

| # | Severity | Issue |
|---|---|---|
| 1 | High | No timeout on payment calls |
| 2 | Medium | Missing index on orders.user_id |
| 3 | Low | Inconsistent error format |

## Details

### 1. No timeout on payment calls
The client uses the default infinite timeout.

### 2. Missing index on orders.user_id
Listing a user's orders scans the whole table.

### 3. Inconsistent error format
Some endpoints return {error}, others {message}.
`,
    want: [
      '1|No timeout on payment calls|Details|13-14',
      '2|Missing index on orders.user_id|Details|16-17',
      '3|Inconsistent error format|Details|19-20',
    ],
  },
  {
    name: 'a findings table above numbered bold leads: each finding once',
    md: `# Review

| # | Issue | Severity |
|---|-------|----------|
| 1 | No timeout on payment calls | High |
| 2 | Missing index on orders.user_id | Medium |
| 3 | Inconsistent error format | Low |

**1. No timeout on payment calls**
The client uses the default infinite timeout.

**2. Missing index on orders.user_id**
Listing a user's orders scans the whole table.

**3. Inconsistent error format**
Some endpoints return {error}, others {message}.
`,
    want: ['1|No timeout on payment calls||9-10', '2|Missing index on orders.user_id||12-13', '3|Inconsistent error format||15-16'],
  },
  {
    name: "per-severity sections ('## Critical Issues' › '### 1. …') are containers",
    md: `# Design Review

## Critical Issues

### 1. Payment webhook is not authenticated
Anyone can post a fake "paid" event.

### 2. Orders table has no backup
A disk failure loses every order.

## Medium Issues

### 3. No pagination on /products
The whole catalogue is returned in one response.

## Low Issues

### 4. Mixed date formats
Some fields use epoch seconds, others ISO strings.
`,
    want: [
      '1|Payment webhook is not authenticated|Critical Issues|5-6',
      '2|Orders table has no backup|Critical Issues|8-9',
      '3|No pagination on /products|Medium Issues|13-14',
      '4|Mixed date formats|Low Issues|18-19',
    ],
  },
  {
    name: "'## Key Findings' › '### Critical' › numbered bold leads",
    md: `# Review

## Key Findings

### Critical

1. **Unauthenticated internal API** — the billing API trusts any caller on the network.
2. **No encryption at rest** — customer records are stored in plain text.

### High

3. **Missing rate limits** — login can be brute-forced.

### Medium

4. **Weak password policy** — six characters are accepted.
`,
    want: [
      '|Unauthenticated internal API|Critical|7-7',
      '|No encryption at rest|Critical|8-8',
      '|Missing rate limits|High|12-12',
      '|Weak password policy|Medium|16-16',
    ],
  },
  {
    name: 'per-component sections of bold leads, one holding a single lead (was: that section read as a finding)',
    md: `# Design Review

## API Gateway

**Missing rate limiting**: Clients can send unlimited requests and starve others.

**No request size limit**: A huge JSON body exhausts memory.

## Order Service

**Synchronous call to inventory**: Every order waits for the inventory service.

**No idempotency on create**: Retried requests create duplicate orders.

## Database

**Single primary without replica**: A primary failure stops all writes.
`,
    want: [
      '|Missing rate limiting|API Gateway|5-5',
      '|No request size limit|API Gateway|7-7',
      '|Synchronous call to inventory|Order Service|11-11',
      '|No idempotency on create|Order Service|13-13',
      '|Single primary without replica|Database|17-17',
    ],
  },
  {
    name: 'category sections of bold items, one holding a single item (was: that section read as a finding)',
    md: `# Review

## Security

- **Plaintext secrets**: API keys are in environment files committed to git.
- **No CSRF protection**: forms accept cross-site posts.

## Performance

- **N+1 queries**: the order list loads each customer separately.

## Maintainability

- **God class**: OrderManager has 3000 lines and twelve responsibilities.
- **Duplicated validation**: the same rules are written in three services.
`,
    want: [
      '|Plaintext secrets|Security|5-5',
      '|No CSRF protection|Security|6-6',
      '|N+1 queries|Performance|10-10',
      '|God class|Maintainability|14-14',
      '|Duplicated validation|Maintainability|15-15',
    ],
  },
  {
    name: 'self-scored criterion sections hold their bold points, also a section with one (was: read as a finding)',
    md: `# Reliability Review

### 1. Availability — Score: 3/5

The service runs in two zones. However:

- **No health check endpoint**: the load balancer keeps routing to dead instances.
- **Sticky sessions**: losing one node logs its users out.

### 2. Fault tolerance — Score: 2/5

- **No circuit breaker**: a slow dependency blocks every thread.
- **Retries without backoff**: retries amplify an outage.

### 3. Observability — Score: 4/5

Metrics and logs are well covered. One gap:

- **No distributed tracing**: a slow request cannot be followed across services.
`,
    want: [
      '|No health check endpoint|Availability — Score: 3/5|7-7',
      '|Sticky sessions|Availability — Score: 3/5|8-8',
      '|No circuit breaker|Fault tolerance — Score: 2/5|12-12',
      '|Retries without backoff|Fault tolerance — Score: 2/5|13-13',
      '|No distributed tracing|Observability — Score: 4/5|19-19',
    ],
  },
  {
    name: "'**Violations found:**' over headings introduces them and is no finding (was: an empty finding)",
    md: `# Review

## 1. Module structure — Score: 2/5

**Score: 2/5**

**Violations found:**

#### OrderService does everything
It validates, prices, stores and notifies.

#### Controllers reach into repositories
Layering is skipped in three places.

## 2. Error handling — Score: 3/5

**Swallowed exceptions**: the import job catches and ignores every error.

**No error codes**: clients parse message strings.
`,
    want: [
      '|OrderService does everything|Module structure — Score: 2/5|9-10',
      '|Controllers reach into repositories|Module structure — Score: 2/5|12-13',
      '|Swallowed exceptions|Error handling — Score: 3/5|17-17',
      '|No error codes|Error handling — Score: 3/5|19-19',
    ],
  },
  {
    name: 'an executive summary and a summary table repeat the findings: each read once, positive aspects and recommendations left out',
    md: `# Security Review

## Executive Summary

The design has three significant weaknesses: unauthenticated webhooks, secrets in source control, and missing audit logging.

## Summary of Findings

| ID | Severity | Finding |
|----|----------|---------|
| F1 | High | Webhook not authenticated |
| F2 | High | Secrets in source control |
| F3 | Medium | No audit logging |

## Detailed Findings

### F1: Webhook not authenticated
The /webhook endpoint accepts any caller.

### F2: Secrets in source control
Database passwords are committed in config.yaml.

### F3: No audit logging
Administrative actions leave no record.

## Positive Aspects

- TLS is used on every hop.
- Passwords are hashed with bcrypt.

## Recommendations

1. Sign webhook payloads.
2. Move secrets to a vault.
3. Add an audit log.
`,
    want: [
      'F1|Webhook not authenticated|Detailed Findings|17-18',
      'F2|Secrets in source control|Detailed Findings|20-21',
      'F3|No audit logging|Detailed Findings|23-24',
    ],
  },
  {
    name: 'bold bullets in an executive summary are not findings beside the detailed ones',
    md: `# Review

## Executive Summary

- **Missing timeout**: the bank call can hang.
- **No idempotency**: retries can double charge.
- **Unbounded retries**: outages get worse.

## Detailed Findings

### 1. Missing timeout
The gateway client waits forever when the bank does not answer.

### 2. No idempotency
A retried charge request can bill the customer twice.

### 3. Unbounded retries
Retries have no cap and no backoff.
`,
    want: [
      '1|Missing timeout|Detailed Findings|11-12',
      '2|No idempotency|Detailed Findings|14-15',
      '3|Unbounded retries|Detailed Findings|17-18',
    ],
  },
  {
    name: 'a recommendations section of numbered headings restating the issues is not read again (was: six findings)',
    md: `# Review

## Issues

### 1. No connection pooling
Each request opens a new database connection.

### 2. Cache stampede on expiry
All nodes refresh the same key at once.

### 3. No graceful shutdown
In-flight requests are dropped on deploy.

## Recommendations

### 1. Add a connection pool
Use a pool of 20 connections.

### 2. Add jitter to expiry
Randomise the TTL.

### 3. Handle SIGTERM
Drain requests before exit.
`,
    want: ['1|No connection pooling|Issues|5-6', '2|Cache stampede on expiry|Issues|8-9', '3|No graceful shutdown|Issues|11-12'],
  },
  {
    name: 'positive aspects are read as positive',
    md: `# Review

## Positive aspects

**Clear service boundaries**: Each service owns its data.

**Good use of queues**: Work is decoupled from requests.

## Issues

**No retry limit**: Failed jobs are retried forever.

**Missing index**: The search query scans the table.

**No schema versioning**: Event consumers break on any change.
`,
    want: [
      '|Clear service boundaries|Positive aspects|5-5|+',
      '|Good use of queues|Positive aspects|7-7|+',
      '|No retry limit|Issues|11-11',
      '|Missing index|Issues|13-13',
      '|No schema versioning|Issues|15-15',
    ],
  },
  {
    name: 'bold items under Issues and Strengths',
    md: `# Review

## Issues

- **Missing timeout** – the bank call can hang forever and block workers.
- **No idempotency** – retries can double charge customers.
- **Unbounded retries** – outages get worse as clients retry in a loop.

## Strengths

- **Clear module boundaries** – each service owns its data.
`,
    want: [
      '|Missing timeout|Issues|5-5',
      '|No idempotency|Issues|6-6',
      '|Unbounded retries|Issues|7-7',
      '|Clear module boundaries|Strengths|11-11|+',
    ],
  },
  {
    name: 'numbered topic sections over n.n findings; the conclusion is no finding',
    md: `# Review

## 1. Security

### 1.1 Tokens never expire
Issued tokens stay valid forever.

### 1.2 No CSRF protection
Forms accept cross-site posts.

## 2. Reliability

### 2.1 Single database
No replica exists.

## 3. Conclusion

Fix the above.
`,
    want: ['1.1|Tokens never expire|Security|5-6', '1.2|No CSRF protection|Security|8-9', '2.1|Single database|Reliability|13-14'],
  },
  {
    name: 'phase sections are containers; the summary phase holds no finding',
    md: `# Review

## Phase 1: Structural analysis

The system has an API layer, a worker pool and a Postgres database.

## Phase 2: Issue detection

### Problem 1: Worker pool has no backpressure
Jobs are accepted faster than they are processed.

### Problem 2: Postgres is a single point of failure
There is no replica.

### Problem 3: API has no versioning
Breaking changes affect all clients.

## Phase 3: Summary

Three problems were found.
`,
    want: [
      'Problem 1|Worker pool has no backpressure|Phase 2: Issue detection|9-10',
      'Problem 2|Postgres is a single point of failure|Phase 2: Issue detection|12-13',
      'Problem 3|API has no versioning|Phase 2: Issue detection|15-16',
    ],
  },
  {
    name: "'Issue #n:' paragraphs",
    md: `# Review

Issue #1: The export job holds a table lock for its whole run, blocking writes for an hour.

Issue #2: Uploaded file names are used as storage paths without sanitising, allowing path traversal.

Issue #3: The notification worker has no concurrency limit and can exhaust the SMTP connection quota.
`,
    want: [
      'Issue #1|The export job holds a table lock for its whole run, blocking writes for an hour||3-3',
      'Issue #2|Uploaded file names are used as storage paths without sanitising, allowing path traversal||5-5',
      'Issue #3|The notification worker has no concurrency limit and can exhaust the SMTP connection quota||7-7',
    ],
  },
  {
    name: 'a review that is one long list',
    md: `# Review notes

- The upload endpoint accepts files of any size, so a single request can fill the disk.
- Passwords are stored with MD5, which is too fast to resist brute force.
- The job scheduler runs on one node; if it dies no jobs run.
- Errors are swallowed in the billing worker, so failed invoices are never noticed.
- There is no limit on login attempts, which allows credential stuffing.
- The cache key does not include the tenant id, so tenants can see each other's data.
`,
    want: [
      '|The upload endpoint accepts files of any size, so a single request can fill the disk|Review notes|3-3',
      '|Passwords are stored with MD5, which is too fast to resist brute force|Review notes|4-4',
      '|The job scheduler runs on one node; if it dies no jobs run|Review notes|5-5',
      '|Errors are swallowed in the billing worker, so failed invoices are never noticed|Review notes|6-6',
      '|There is no limit on login attempts, which allows credential stuffing|Review notes|7-7',
      "|The cache key does not include the tenant id, so tenants can see each other's data|Review notes|8-8",
    ],
  },
  {
    name: 'one section of prose paragraphs: a finding per paragraph',
    md: `# Review

## Findings

The API has no authentication on the export endpoint, so anyone who knows the URL can download all customer data.

The background worker keeps retrying failed jobs with no limit and no backoff, which overloads the mail server during outages.

Sessions are kept in memory on each web node, so a deploy logs every user out.

Audit logs are written to the same database they audit, so an attacker who gains write access can erase their tracks.
`,
    want: [
      '|The API has no authentication on the export endpoint, so anyone who knows the URL can download all customer data|Findings|5-5',
      '|The background worker keeps retrying failed jobs with no limit and no backoff, which overloads the mail server…|Findings|7-7',
      '|Sessions are kept in memory on each web node, so a deploy logs every user out|Findings|9-9',
      '|Audit logs are written to the same database they audit, so an attacker who gains write access can erase their tracks|Findings|11-11',
    ],
  },
  {
    name: 'no markdown at all: the opening and closing summaries are no findings (was: five findings)',
    md: `Overall the design is sound but I have several concerns.

First, the checkout flow calls the payment provider synchronously and has no timeout, so a slow provider blocks the web servers.

Second, the order events are published before the database commit, which means consumers can see orders that were rolled back.

Third, nothing limits how many password reset emails can be requested, so the endpoint can be used to spam users.

In conclusion, the team should address these before launch.
`,
    want: [
      '|First, the checkout flow calls the payment provider synchronously and has no timeout, so a slow provider blocks the…||3-3',
      '|Second, the order events are published before the database commit, which means consumers can see orders that were…||5-5',
      '|Third, nothing limits how many password reset emails can be requested, so the endpoint can be used to spam users||7-7',
    ],
  },
  {
    name: "bold points under an '## Analysis' heading when nothing else is read (was: no finding)",
    md: `# Review

## Analysis

The design covers the main flows. Several gaps stand out.

**Timeouts** The payment client has no timeout, so a slow provider blocks every web worker.

**Idempotency** Order creation has no idempotency key, so a retried request creates a duplicate.

**Backups** The orders database has no documented backup or restore procedure.

Overall the service needs work on resilience.
`,
    want: ['|Timeouts|Analysis|7-7', '|Idempotency|Analysis|9-9', '|Backups|Analysis|11-13'],
  },
  {
    name: 'a review with two findings keeps its two headings, not a finer reading',
    md: `# Review

## 1. Webhook signature not verified

The /webhook endpoint accepts any payload without checking the provider's signature, so anyone can mark an order as paid.

## 2. Refunds bypass approval

Support staff can issue refunds of any size with no second approval.
`,
    want: ['1|Webhook signature not verified||3-5', '2|Refunds bypass approval||7-9'],
  },
  {
    name: '【問題1】 lines (was: one finding for all)',
    md: `# 設計レビュー

【問題1】注文APIにタイムアウトが設定されていない
外部決済サービスが応答しない場合、スレッドが枯渇する。

【問題2】在庫更新が排他制御されていない
同時注文で在庫がマイナスになる。

【問題3】監査ログが存在しない
権限変更の履歴を追跡できない。
`,
    want: [
      '問題1|注文APIにタイムアウトが設定されていない||3-4',
      '問題2|在庫更新が排他制御されていない||6-7',
      '問題3|監査ログが存在しない||9-10',
    ],
  },
  {
    name: '①②③ written without blank lines between them (was: one finding)',
    md: `# レビュー

## 指摘事項

① 検索APIにページングがない。全件を返すため、データ量の増加に伴い応答が遅くなる。
② 画像アップロードのサイズ上限が設計書に記載されていない。巨大なファイルでディスクが埋まる。
③ バッチ処理の失敗時の再実行手順が定義されていない。途中で失敗した場合に二重処理が起きる。
`,
    want: [
      '①|検索APIにページングがない|指摘事項|5-5',
      '②|画像アップロードのサイズ上限が設計書に記載されていない|指摘事項|6-6',
      '③|バッチ処理の失敗時の再実行手順が定義されていない|指摘事項|7-7',
    ],
  },
  {
    name: '■ bullets under a title heading named レビュー結果 (was: no finding)',
    md: `# レビュー結果

■ セッションの有効期限がない
ログイン後に発行したトークンが無期限に有効である。盗まれた場合に悪用され続ける。

■ Redisが単一構成
Redisが停止すると全ユーザーがログアウトされる。冗長化が必要。

■ 管理画面に認可チェックがない
一般ユーザーでも管理APIを呼び出せてしまう。
`,
    want: ['|セッションの有効期限がない||3-4', '|Redisが単一構成||6-7', '|管理画面に認可チェックがない||9-10'],
  },
  {
    name: '● / ◆ bullets with a severity: title without it (was: no finding)',
    md: `# レビュー結果

● 重大：決済処理の再試行で二重課金が起きうる
冪等キーがないため、タイムアウト後の再送で同じ請求が二回行われる。

● 中：ログに個人情報が出力されている
メールアドレスがそのままアプリログに記録される。

◆ 軽微：API名の命名規則が不統一
getUser と fetch_orders のように形式が混在している。
`,
    want: ['|決済処理の再試行で二重課金が起きうる||3-4', '|ログに個人情報が出力されている||6-7', '|API名の命名規則が不統一||9-10'],
  },
  {
    name: "'問題点:' paragraphs (was: no finding)",
    md: `# レビュー

問題点: 通知サービスが同期呼び出しになっている。
通知の送信が遅れると注文確定も遅れる。

問題点: 削除APIに論理削除と物理削除が混在している。
データの復元可否が画面によって異なる。

問題点: エラーコードの体系が統一されていない。
クライアント側で分岐が複雑になる。
`,
    want: [
      '|通知サービスが同期呼び出しになっている||3-4',
      '|削除APIに論理削除と物理削除が混在している||6-7',
      '|エラーコードの体系が統一されていない||9-10',
    ],
  },
  {
    name: "'## 指摘事項1：…' headings (was: read as sections, no finding)",
    md: `# レビュー

## 指摘事項1：キャッシュの無効化方針がない
商品情報を更新してもキャッシュが残り、古い価格が表示される。

## 指摘事項2：ジョブキューの監視がない
キューが詰まっても誰も気づかない。

## 指摘事項3：パスワードのハッシュ方式が未記載
平文保存のおそれがある。
`,
    want: [
      '指摘事項1|キャッシュの無効化方針がない||3-4',
      '指摘事項2|ジョブキューの監視がない||6-7',
      '指摘事項3|パスワードのハッシュ方式が未記載||9-10',
    ],
  },
  {
    name: "'問題: / 影響: / 対策:' records: one finding each, titled without the field word (was: titled with it)",
    md: `# 設計レビュー

問題: 注文確定とメール送信が同一トランザクションになっている。
影響: メールサーバの障害で注文が確定できない。
対策: 送信をキュー経由の非同期処理にする。

問題: 在庫テーブルにインデックスがない。
影響: 商品数が増えると検索が遅くなる。
対策: 商品IDにインデックスを追加する。

問題: 管理APIにアクセス制限がない。
影響: 一般ユーザーが管理操作を実行できる。
対策: ロールによる認可を追加する。
`,
    want: [
      '|注文確定とメール送信が同一トランザクションになっている||3-5',
      '|在庫テーブルにインデックスがない||7-9',
      '|管理APIにアクセス制限がない||11-13',
    ],
  },
  {
    name: "'### 指摘1' headings written in bold fields: one finding each",
    md: `# レビュー

### 指摘1 セッション固定攻撃への対策がない

**問題:** ログイン後にセッションIDを再発行していない。
**影響:** 攻撃者が用意したIDでなりすましが可能になる。
**推奨対策:** 認証成功時にセッションIDを再生成する。

### 指摘2 パスワードリセットURLに有効期限がない

**問題:** リセット用URLが無期限に使える。
**影響:** 古いメールが漏れると乗っ取られる。
**推奨対策:** 有効期限を30分にする。
`,
    want: ['指摘1|セッション固定攻撃への対策がない||3-7', '指摘2|パスワードリセットURLに有効期限がない||9-13'],
  },
  {
    name: 'Japanese running text: 全体として / 以上 summaries are no points, short Japanese sentences are (was: two findings)',
    md: `全体として設計はよく整理されているが、いくつか懸念がある。

まず、決済サービスの呼び出しにタイムアウトがなく、外部サービスの遅延で全体が止まる。

次に、注文イベントがコミット前に発行されるため、取り消された注文が下流に届く。

さらに、パスワードリセットの要求回数に制限がなく、迷惑メールの送信に悪用できる。

以上、リリース前に対応すべきである。
`,
    want: [
      '|まず、決済サービスの呼び出しにタイムアウトがなく、外部サービスの遅延で全体が止まる||3-3',
      '|次に、注文イベントがコミット前に発行されるため、取り消された注文が下流に届く||5-5',
      '|さらに、パスワードリセットの要求回数に制限がなく、迷惑メールの送信に悪用できる||7-7',
    ],
  },
  {
    name: '良い点 items are not findings; 指摘事項 › numbered headings are',
    md: `# レビュー

## 良い点

- サービス間の責務分担が明確である。
- 認証にOAuth 2.0を採用している点は適切である。

## 指摘事項

### 1. 接続プールの上限が未定義
データベース接続が枯渇するおそれがある。

### 2. リトライ間隔が固定
障害時に一斉再試行が起きる。

### 3. メトリクスの収集対象が不明
遅延の監視ができない。
`,
    want: [
      '1|接続プールの上限が未定義|指摘事項|10-11',
      '2|リトライ間隔が固定|指摘事項|13-14',
      '3|メトリクスの収集対象が不明|指摘事項|16-17',
    ],
  },
  {
    name: '重大な問題 / 軽微な問題 sections are containers, 良い点 positive',
    md: `# 設計レビュー

## 重大な問題

### 1. 認証トークンの失効手段がない
ログアウトしてもトークンが有効なまま残る。

### 2. 決済APIの冪等性が保証されていない
再送で二重決済が起きる。

## 軽微な問題

### 3. ログの出力形式が統一されていない
サービスごとに形式が異なり、集約しにくい。

## 良い点

### 4. 責務の分離が明確
各サービスが自分のデータだけを持つ。
`,
    want: [
      '1|認証トークンの失効手段がない|重大な問題|5-6',
      '2|決済APIの冪等性が保証されていない|重大な問題|8-9',
      '3|ログの出力形式が統一されていない|軽微な問題|13-14',
      '4|責務の分離が明確|良い点|18-19|+',
    ],
  },
  {
    name: 'a Japanese table of findings',
    md: `# レビュー

| No | 重要度 | 指摘内容 | 推奨対策 |
|----|--------|----------|----------|
| 1 | 高 | APIキーが平文で保存されている | KMSで暗号化する |
| 2 | 中 | ログにトークンが出力される | マスキングする |
| 3 | 低 | エラーメッセージが詳細すぎる | 汎用メッセージにする |
`,
    want: ['1|APIキーが平文で保存されている|高|5-5', '2|ログにトークンが出力される|中|6-6', '3|エラーメッセージが詳細すぎる|低|7-7'],
  },
  {
    name: 'unlabelled topic sections of headings, one with a single sub-heading (was: that topic read as a finding)',
    md: `# Review

## Security

### Tokens never expire
Issued tokens stay valid forever.

### No CSRF protection
Forms accept cross-site posts.

## Reliability

### Single database
No replica exists.
`,
    want: ['|Tokens never expire|Security|5-6', '|No CSRF protection|Security|8-9', '|Single database|Reliability|13-14'],
  },
  {
    name: "'## Issue 1:' headings written in Severity/Location/Description fields: one finding each",
    md: `# Review

## Issue 1: Missing timeout
**Severity:** High
**Location:** Section 3.2
**Description:** The bank client has no timeout.
**Recommendation:** Set one.

## Issue 2: No idempotency
**Severity:** Medium
**Location:** Section 4
**Description:** Retries double charge.
**Recommendation:** Add keys.
`,
    want: ['Issue 1|Missing timeout||3-7', 'Issue 2|No idempotency||9-13'],
  },
  {
    name: "'- [High] title: text' items: rated findings titled by the name before the colon (was: titled '[High] …: …')",
    md: `# Review

- [High] Missing timeout: the bank client waits forever.
- [Medium] No idempotency: retries double charge customers.
- [Low] Mixed naming: some fields are camelCase, others snake_case.
`,
    want: ['|Missing timeout||3-3', '|No idempotency||4-4', '|Mixed naming||5-5'],
  },
  {
    name: "'**1. Title (High)**' numbered bold leads",
    md: `# Review

**1. Missing timeout (High)**
The bank client waits forever.

**2. No idempotency (Medium)**
Retries double charge customers.

**3. Mixed naming (Low)**
Some fields are camelCase, others snake_case.
`,
    want: ['1|Missing timeout||3-4', '2|No idempotency||6-7', '3|Mixed naming||9-10'],
  },
  {
    name: 'emoji-marked severity headings',
    md: `# Review

### 🔴 Critical: Missing timeout
The bank client waits forever.

### 🟠 High: No idempotency
Retries double charge.

### 🟢 Low: Mixed naming
Some fields are camelCase.
`,
    want: ['|Missing timeout||3-4', '|No idempotency||6-7', '|Mixed naming||9-10'],
  },
  {
    name: '（1）（2）（3） numbered points (was: none read)',
    md: `# レビュー

（1）タイムアウトが未設定
決済APIの呼び出しにタイムアウトがない。

（2）冪等性の欠如
再送で二重決済になる。

（3）命名規則の不統一
フィールド名の形式が混在している。
`,
    want: ['1|タイムアウトが未設定||3-4', '2|冪等性の欠如||6-7', '3|命名規則の不統一||9-10'],
  },
  {
    name: 'numbered bold Japanese titles under 指摘事項',
    md: `# レビュー

## 指摘事項

1. **タイムアウトが未設定**：決済APIの呼び出しにタイムアウトがない。
2. **冪等性の欠如**：再送で二重決済になる。
3. **命名規則の不統一**：フィールド名の形式が混在している。
`,
    want: ['|タイムアウトが未設定|指摘事項|5-5', '|冪等性の欠如|指摘事項|6-6', '|命名規則の不統一|指摘事項|7-7'],
  },
  {
    name: '1) items under a title heading named レビュー (was: none read, the title was taken for a review-summary section)',
    md: `# レビュー

1) 決済APIの呼び出しにタイムアウトがないため、外部の遅延で全体が止まる。
2) 注文作成に冪等キーがなく、再送で二重決済になる。
3) フィールド名の形式が混在しており、クライアント実装が煩雑になる。
`,
    want: [
      '|決済APIの呼び出しにタイムアウトがないため、外部の遅延で全体が止まる|レビュー|3-3',
      '|注文作成に冪等キーがなく、再送で二重決済になる|レビュー|4-4',
      '|フィールド名の形式が混在しており、クライアント実装が煩雑になる|レビュー|5-5',
    ],
  },
  {
    name: "category sections ('## 1. Reliability Concerns') of prose paragraphs: a finding per point (was: one per section)",
    md: `# Review

## 1. Reliability Concerns

The payment client has no timeout, so a slow provider blocks every web worker.

Order creation has no idempotency key, so a retried request creates a duplicate order.

The orders database has no replica, so a disk failure stops the shop.

## 2. Security Issues

Session tokens never expire, so a stolen token works forever.

The admin API checks only that the caller is logged in, not that they are an admin.

## 3. Performance Problems

The product list loads each price with its own query.

Search scans the whole table for every keystroke.
`,
    want: [
      '|The payment client has no timeout, so a slow provider blocks every web worker|Reliability Concerns|5-5',
      '|Order creation has no idempotency key, so a retried request creates a duplicate order|Reliability Concerns|7-7',
      '|The orders database has no replica, so a disk failure stops the shop|Reliability Concerns|9-9',
      '|Session tokens never expire, so a stolen token works forever|Security Issues|13-13',
      '|The admin API checks only that the caller is logged in, not that they are an admin|Security Issues|15-15',
      '|The product list loads each price with its own query|Performance Problems|19-19',
      '|Search scans the whole table for every keystroke|Performance Problems|21-21',
    ],
  },
  {
    name: '可用性に関する懸念 / セキュリティ上の問題 sections of paragraphs: a finding per point; a category with one point stays one finding (was: one per section)',
    md: `# 設計レビュー

## 1. 可用性に関する懸念

決済APIの呼び出しにタイムアウトがなく、外部の遅延で全体が止まる。

注文作成に冪等キーがなく、再送で二重の注文ができる。

## 2. セキュリティ上の問題

セッショントークンに有効期限がなく、盗まれると使われ続ける。

管理APIがログインの有無しか確認していない。

## 3. 性能面の課題

商品一覧で価格を一件ずつ取得している。
`,
    want: [
      '|決済APIの呼び出しにタイムアウトがなく、外部の遅延で全体が止まる|可用性に関する懸念|5-5',
      '|注文作成に冪等キーがなく、再送で二重の注文ができる|可用性に関する懸念|7-7',
      '|セッショントークンに有効期限がなく、盗まれると使われ続ける|セキュリティ上の問題|11-11',
      '|管理APIがログインの有無しか確認していない|セキュリティ上の問題|13-13',
      '3|性能面の課題||15-17',
    ],
  },
  {
    name: 'an author-labelled heading whose title ends in Issues/Problems/Concerns stays one finding',
    md: `# Review

### S-1: Session Handling Issues
Tokens never expire and are kept in localStorage, so a stolen token works forever.

### S-2: Upload Validation Problems
Uploaded files are not checked for type or size before they are stored.

### S-3: Logging Concerns
Passwords appear in the request log when login fails.
`,
    want: ['S-1|Session Handling Issues||3-4', 'S-2|Upload Validation Problems||6-7', 'S-3|Logging Concerns||9-10'],
  },
  {
    name: 'category sections over sub-headings, one with a single sub-heading (was: that one read as a finding)',
    md: `# Review

## Security Issues

### Tokens never expire
Issued tokens stay valid forever.

### No CSRF protection
Forms accept cross-site posts.

## Performance Issues

### N+1 queries on the order list
Each customer is loaded separately.
`,
    want: [
      '|Tokens never expire|Security Issues|5-6',
      '|No CSRF protection|Security Issues|8-9',
      '|N+1 queries on the order list|Performance Issues|13-14',
    ],
  },
  {
    name: 'findings written with field sub-headings (### Problem / ### Impact / ### Recommendation): one finding each (was: each field a finding)',
    md: `# Review

## Missing timeout on the bank call

### Problem
The gateway client waits forever.

### Impact
Threads pile up.

### Recommendation
Set a timeout.

## No idempotency key

### Problem
Retries can double charge.

### Impact
Customers are billed twice.

### Recommendation
Accept an idempotency key.
`,
    want: ['|Missing timeout on the bank call||3-12', '|No idempotency key||14-23'],
  },
  {
    name: "'Problem:' / 'Concern:' paragraphs: findings titled without the word (was: titled 'Problem: …')",
    md: `# Review

Problem: The cache has no expiry, so stale prices are shown after an update.

Problem: The job queue is not monitored, so a stuck queue goes unnoticed.

Concern: The admin API only checks that the caller is logged in.
`,
    want: [
      '|The cache has no expiry, so stale prices are shown after an update||3-3',
      '|The job queue is not monitored, so a stuck queue goes unnoticed||5-5',
      '|The admin API only checks that the caller is logged in||7-7',
    ],
  },
  {
    name: 'a table rating rows by severity with a Description column: one finding per row (was: none read)',
    md: `# Review

| Area | Description | Severity | Recommendation |
|------|-------------|----------|----------------|
| Payments | The bank call has no timeout | High | Add a timeout |
| Orders | Creation is not idempotent | High | Accept a key |
| Search | Every keystroke scans the table | Medium | Add an index |
`,
    want: ['|The bank call has no timeout|High|5-5', '|Creation is not idempotent|High|6-6', '|Every keystroke scans the table|Medium|7-7'],
  },
  {
    name: 'a Japanese table with 内容 and 重要度 columns: one finding per row (was: none read)',
    md: `# レビュー

| 観点 | 内容 | 重要度 |
|------|------|--------|
| 可用性 | 決済APIにタイムアウトがない | 高 |
| 整合性 | 注文作成が冪等でない | 高 |
| 性能 | 検索が全件走査になっている | 中 |
`,
    want: ['|決済APIにタイムアウトがない|高|5-5', '|注文作成が冪等でない|高|6-6', '|検索が全件走査になっている|中|7-7'],
  },
  {
    name: 'plain text with ■ section lines (総評 / 指摘事項 / 良い点) over ● findings: sections are no findings, 良い点 positive (was: one finding for the lot)',
    md: `レビュー結果

■ 総評
全体として構成は整理されているが、可用性と安全性に課題がある。

■ 指摘事項
● 決済APIにタイムアウトがない
外部の遅延で全体が止まる。
● 注文作成が冪等でない
再送で二重決済になる。
● 管理APIの認可が不足
一般ユーザーが管理操作を実行できる。

■ 良い点
● 責務の分離が明確
各サービスが自分のデータだけを持つ。
`,
    want: [
      '|決済APIにタイムアウトがない|指摘事項|7-8',
      '|注文作成が冪等でない|指摘事項|9-10',
      '|管理APIの認可が不足|指摘事項|11-12',
      '|責務の分離が明確|良い点|15-16|+',
    ],
  },
  {
    name: "'■ 重大な問題：title': a finding titled without the severity group words (was: none read)",
    md: `# R

■ 重大な問題：決済にタイムアウトがない
外部の遅延で止まる。

■ 軽微な問題：命名が不統一
形式が混在。

■ 重大な問題：冪等でない
二重決済。
`,
    want: ['|決済にタイムアウトがない||3-4', '|命名が不統一||6-7', '|冪等でない||9-10'],
  },
  {
    name: "'## 重大な問題: 2件' counts a group of findings",
    md: `# R

## 重大な問題: 2件

### 1. 決済にタイムアウトがない
外部の遅延で止まる。

### 2. 冪等でない
二重決済。

## 軽微な問題: 1件

### 3. 命名が不統一
形式が混在。
`,
    want: ['1|決済にタイムアウトがない|重大な問題: 2件|5-6', '2|冪等でない|重大な問題: 2件|8-9', '3|命名が不統一|軽微な問題: 1件|13-14'],
  },
];

for (const c of CASES) test(`format: ${c.name}`, () => assert.deepEqual(reading(c.md), c.want));
test('bodies: fields, nested details and the lines under a marked lead belong to their finding', () => {
  const fields = parseReview(CASES.find((c) => c.name.startsWith('field records'))!.md).findings;
  assert.match(fields[0].body, /^Impact: A slow inventory service[^]*Recommendation: Wrap the client/);
  assert.ok(!/roles/.test(fields[0].body), 'a record ends where the next one starts');
  const nested = parseReview(CASES.find((c) => c.name.startsWith('a short item'))!.md).findings;
  assert.match(nested[0].body, /stolen token[^]*refresh flow/);
  const ja = parseReview(CASES.find((c) => c.name.startsWith('【問題1】'))!.md).findings;
  assert.match(ja[0].body, /スレッドが枯渇する/);
  assert.ok(!/在庫/.test(ja[0].body));
});

test('marker leads stay linear and never throw on large or degenerate input', () => {
  const many = Array.from({ length: 4000 }, (_, i) => `■ 問題${i} の見出し\n本文${i}。`).join('\n');
  let t = performance.now();
  assert.equal(parseReview(many).findings.length, 4000);
  const circled = `# R\n\n${'① '.repeat(50000)}\n${'【'.repeat(100000)}\n${'問題点'.repeat(30000)}\n`;
  assert.doesNotThrow(() => parseReview(circled));
  t = performance.now() - t;
  assert.ok(t < 8000, `took ${t.toFixed(0)} ms`);
});

test('a field record is a finding however short its issue line, with or without a title heading (was: none read)', () => {
  const md =
    '**Issue:** No timeout.\n**Impact:** Hangs.\n**Fix:** Add one.\n\n**Issue:** No backups.\n**Impact:** Data loss.\n**Fix:** Back up.\n\n**Issue:** No alerts.\n**Impact:** Silent outages.\n**Fix:** Alert.\n';
  assert.deepEqual(reading(md), ['|No timeout||1-3', '|No backups||5-7', '|No alerts||9-11']);
});

test('a recommendations section with more numbered points than findings elsewhere holds findings of its own', () => {
  const md =
    '# Review\n\n## Issues\n\n### 1. No connection pooling\nEach request opens a connection.\n\n## Recommendations\n\n### 1. Add a pool\nUse 20 connections.\n\n### 2. Add tracing\nNothing traces requests today.\n\n### 3. Add alerts\nNo one is paged on errors.\n';
  assert.deepEqual(
    reading(md).map((r) => r.split('|')[1]),
    ['No connection pooling', 'Add a pool', 'Add tracing', 'Add alerts'],
  );
});
