// The manifest is localised the way VS Code does it: every user-visible
// string of package.json is a %key% that package.nls.json (English) and
// package.nls.ja.json (Japanese) both define, and neither file keeps a key
// the manifest no longer uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const english: Record<string, string> = JSON.parse(readFileSync('package.nls.json', 'utf8'));
const japanese: Record<string, string> = JSON.parse(readFileSync('package.nls.ja.json', 'utf8'));

/** Every string of the manifest with its JSON path. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

const placeholders = strings(manifest).flatMap(([at, s]) => {
  const m = /^%(.+)%$/.exec(s);
  return m ? [{ at, key: m[1] }] : [];
});

// the manifest's user-visible fields: VS Code shows these in menus, views, settings and the marketplace
const VISIBLE =
  /^(displayName|description|capabilities\.untrustedWorkspaces\.description)$|\.(title|category|name|description|markdownDescription|enumDescriptions\[\d+\]|contents)$/;

test('every user-visible manifest string is a %key%', () => {
  const literal = strings(manifest).filter(([at, s]) => VISIBLE.test(at) && !/^%.+%$/.test(s));
  assert.deepEqual(literal, [], 'manifest strings shown to users but not localised');
});

test('every %key% of the manifest is in package.nls.json and package.nls.ja.json', () => {
  assert.ok(placeholders.length > 20);
  for (const { at, key } of placeholders) {
    assert.equal(typeof english[key], 'string', `${at}: %${key}% is missing from package.nls.json`);
    assert.equal(typeof japanese[key], 'string', `${at}: %${key}% is missing from package.nls.ja.json`);
  }
});

test('package.nls.json and package.nls.ja.json hold no key the manifest does not use', () => {
  const used = new Set(placeholders.map((p) => p.key));
  assert.deepEqual(
    Object.keys(english).filter((k) => !used.has(k)),
    [],
  );
  assert.deepEqual(
    Object.keys(japanese).filter((k) => !used.has(k)),
    [],
  );
});

test('the Japanese keeps what must stay literal: command links, setting names, placeholders', () => {
  for (const [key, en] of Object.entries(english)) {
    const ja = japanese[key];
    const kept = (re: RegExp) => [...en.matchAll(re)].map((m) => m[0]).sort();
    const inJa = (re: RegExp) => [...ja.matchAll(re)].map((m) => m[0]).sort();
    for (const re of [/\(command:[\w.]+\)/g, /reviewGrader\.[\w.]+/g, /\{\w+\}/g])
      assert.deepEqual(inJa(re), kept(re), `${key}: ${re.source} differs between English and Japanese`);
    assert.notEqual(ja.trim(), '', `${key}: empty Japanese`);
  }
  // the verdict words are the UI's: 検出 / 部分検出 / 未検出
  assert.match(japanese['semanticTokenType.reviewGraderPartial.description'], /部分検出/);
});
