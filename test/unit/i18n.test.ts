// The message catalogue: every translated literal in the source has its
// Japanese entry with the same arguments, and no entry is left that nothing uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, localeOf, translator, verdictWord } from '../../src/core/i18n';

const ja: Record<string, string> = JSON.parse(readFileSync('l10n/bundle.l10n.ja.json', 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every message passed as a literal to t(…), vscode.l10n.t(…) or said(…) (a parser's message, said again later in a language). */
function messagesInSource(): Map<string, string> {
  const found = new Map<string, string>();
  // said(…) is spread into a diagnostic: `...said('…')`
  const call = /(?:(?<![\w.$])t|(?<![\w$])said|\bl10n\.t)\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const file of sources('src'))
    for (const m of readFileSync(file, 'utf8').matchAll(call)) {
      const text = m[2].replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
      found.set(text, file);
    }
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();

test('every translated message has a Japanese entry with the same arguments', () => {
  const missing: string[] = [];
  for (const [message, file] of messagesInSource()) {
    if (!Object.hasOwn(ja, message)) missing.push(`${file}: ${JSON.stringify(message)}`);
    else assert.deepEqual(placeholders(ja[message]), placeholders(message), `arguments differ for ${JSON.stringify(message)}`);
  }
  assert.deepEqual(missing, [], 'messages without a Japanese entry in l10n/bundle.l10n.ja.json');
});

test('the catalogue holds no entry the source does not use', () => {
  const used = messagesInSource();
  assert.deepEqual(
    Object.keys(ja).filter((k) => !used.has(k)),
    [],
  );
});

test('localeOf reads BCP 47 tags and POSIX locales; everything else is English', () => {
  assert.equal(localeOf('ja'), 'ja');
  assert.equal(localeOf('ja-JP'), 'ja');
  assert.equal(localeOf('ja_JP.UTF-8'), 'ja');
  assert.equal(localeOf('en-US'), 'en');
  assert.equal(localeOf('C'), 'en');
  assert.equal(localeOf(''), 'en');
  assert.equal(localeOf(undefined), 'en');
  assert.equal(localeOf('jav'), 'en');
});

test('formatMessage fills {n} like vscode.l10n.t and leaves a missing argument as written', () => {
  assert.equal(formatMessage('{0} of {1}', [3, 'five']), '3 of five');
  assert.equal(formatMessage('{0} and {1}', ['a']), 'a and {1}');
});

test('verdict words follow the language; English is the default', () => {
  assert.equal(verdictWord('detected', translator('en')), 'detected');
  assert.deepEqual(
    (['detected', 'partial', 'missed'] as const).map((v) => verdictWord(v, translator('ja'))),
    ['検出', '部分検出', '未検出'],
  );
  // a message the catalogue lacks falls back to English, never to nothing
  assert.equal(translator('ja')('no such message {0}', 1), 'no such message 1');
});
