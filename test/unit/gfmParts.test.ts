// Parsing with only the GFM extensions a text triggers (core/gfmParts.ts)
// must give exactly the tree remark-gfm gives: on every corpus file, on each
// extension's own constructs, and on generated markdown made of the
// characters the triggers look for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { GFM_PARTS, gfmMask } from '../../src/core/gfmParts';
import { parseMarkdown } from '../../src/core/markdown';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const fullGfm = unified().use(remarkParse).use(remarkGfm).freeze();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(p) : p.endsWith('.md') ? [p] : [];
  });
}

function sameAsFullGfm(text: string, name: string): void {
  assert.deepStrictEqual(parseMarkdown(text), fullGfm.parse(text), `${name}: tree differs from remark-gfm's`);
}

const partIndex = (name: string) => GFM_PARTS.findIndex((p) => p.name === name);
const has = (text: string, name: string) => (gfmMask(text) & (1 << partIndex(name))) !== 0;

test('every corpus file parses to the tree remark-gfm gives', () => {
  const files = markdownFiles(CORPUS);
  assert.ok(files.length > 400);
  let gated = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // with every part triggered the processors are the same by construction
    if (gfmMask(text) === (1 << GFM_PARTS.length) - 1) continue;
    gated++;
    sameAsFullGfm(text, path.relative(CORPUS, file));
  }
  assert.ok(gated > 100, `only ${gated} files parsed without some part`);
});

test('each extension is triggered by its own constructs, and they parse as GFM', () => {
  const cases: [string, string][] = [
    ['table', '| a | b |\n| --- | :-: |\n| 1 | 2 |\n'],
    ['table', 'a | b\n--|--\n'],
    ['table', 'a\n:-\n'],
    ['table', '> | a |\n> | - |\n'],
    ['table', '- item\n\n  | a |\n  |---|\n'],
    ['table', 'a | b\r\n-|-\r\n'],
    ['strikethrough', 'a ~~b~~ c ~d~\n'],
    ['footnote', 'claim[^1]\n\n[^1]: source\n'],
    ['task list item', '- [ ] open\n- [x] done\n- [X] done\n'],
    ['task list item', '* [\t] tab\n'],
    ['autolink literal', 'see www.example.com and https://example.org/x\n'],
    ['autolink literal', 'write to someone@example.com or mailto:a@b.co\n'],
    ['autolink literal', 'HTTP://EXAMPLE.COM\n'],
  ];
  for (const [name, text] of cases) {
    assert.ok(has(text, name), `${name} not triggered by ${JSON.stringify(text)}`);
    sameAsFullGfm(text, JSON.stringify(text));
  }
});

test('text without the constructs triggers nothing, and still parses as GFM', () => {
  const plain = '# Title\n\n---\n\nSome *text* with `code`, a [link](x) and a list:\n\n- one\n- two\n\nSetext\n---\n';
  assert.equal(gfmMask(plain), 0);
  sameAsFullGfm(plain, 'plain');
});

test('generated markdown of trigger characters parses as GFM', () => {
  const piece = fc.constantFrom(
    '|',
    '-',
    ':',
    '~',
    '~~',
    '[',
    ']',
    '^',
    '[^1]',
    '[^1]: ',
    '[ ]',
    '[x]',
    'www.',
    'example.com',
    'http',
    '://',
    '@',
    'a',
    'word',
    ' ',
    '  ',
    '\t',
    '\n',
    '\n\n',
    '\r\n',
    '> ',
    '- ',
    '* ',
    '1. ',
    '`',
    '*',
    '_',
    '#',
    '\\',
    '<',
    '>',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      sameAsFullGfm(pieces.join(''), JSON.stringify(pieces.join('')));
    }),
    { numRuns: 400 },
  );
});
