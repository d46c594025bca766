// The pure pieces behind "never lose a byte" and "a file is untrusted input":
// SHA-256, the output seal and the replace decision, path confinement, the
// escapes for markdown and terminals, and a report over an input-sized run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { existingState, mayReplace, refusalMessage, sealOutput, sha256, sha256Bytes } from '../../src/core/output';
import { isInside, lineOf, linkAllowed, normalizePath } from '../../src/core/confine';
import { escapeControls, escapeHtml, escapeMarkdownInline, markdownCode } from '../../src/core/escape';
import { esc } from '../../src/core/dashboard/html';
import { parseAnswerKey } from '../../src/core/answerKey';
import { parseReview } from '../../src/core/review';
import { gradeReview } from '../../src/core/grade';
import { renderScoringReport } from '../../src/core/report';

const EXAMPLE = resolve('examples/order-service');
const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

test('sha256 agrees with Node crypto on every length around the block boundaries and on random bytes', () => {
  assert.equal(sha256(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  for (let n = 0; n < 200; n++) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 255);
    assert.equal(sha256Bytes(bytes), nodeSha(bytes), `length ${n}`);
  }
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), (b) => sha256Bytes(b) === nodeSha(b)),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => sha256(s) === nodeSha(Buffer.from(s, 'utf8'))),
    { numRuns: 200 },
  );
});

test('a sealed output is ours until any byte changes; unsealed files are foreign', () => {
  const page = '# Report\n\n| P01 | ○ |\n';
  const sealed = sealOutput(page);
  assert.ok(sealed.startsWith(page));
  assert.equal(existingState(sealed), 'ours');
  // a git checkout turning LF into CRLF is not an edit
  assert.equal(existingState(sealed.replace(/\n/g, '\r\n')), 'ours');
  assert.equal(existingState(sealed.replace('○', '△')), 'edited');
  assert.equal(existingState(`${sealed}a note added at the end\n`), 'edited');
  assert.equal(existingState(sealed.replace(/sha256=[0-9a-f]{4}/, 'sha256=0000')), 'edited');
  assert.equal(existingState(page), 'foreign');
  assert.equal(existingState('Graded by review-grader (an older version, no seal)\n'), 'foreign');
  assert.equal(existingState(''), 'foreign');
  // no trailing newline: sealed the same way
  assert.equal(existingState(sealOutput('x')), 'ours');
  fc.assert(
    fc.property(fc.string(), (s) => existingState(sealOutput(s)) === 'ours'),
    { numRuns: 300 },
  );
});

test('mayReplace: nothing there or ours → yes; foreign, edited, symlink → no unless forced; not a file → never', () => {
  const ours = sealOutput('x\n');
  assert.deepEqual(mayReplace(undefined), { ok: true });
  assert.deepEqual(mayReplace(ours), { ok: true });
  assert.deepEqual(mayReplace('judge report\n'), { ok: false, state: 'foreign' });
  assert.deepEqual(mayReplace(`${ours}edit\n`), { ok: false, state: 'edited' });
  assert.deepEqual(mayReplace(undefined, { kind: 'symlink' }), { ok: false, state: 'symlink' });
  assert.deepEqual(mayReplace('judge report\n', { force: true }), { ok: true });
  assert.deepEqual(mayReplace(undefined, { kind: 'symlink', force: true }), { ok: true });
  assert.deepEqual(mayReplace(undefined, { kind: 'other', force: true }), { ok: false, state: 'not-a-file' });
  assert.match(
    refusalMessage('out.md', 'edited'),
    /^refusing to replace out\.md: edited since review-grader wrote it; pass --force to replace it$/,
  );
  assert.match(
    refusalMessage('l.md', 'symlink'),
    /l\.md: it is a symbolic link \(not followed\); pass --force to replace the link itself, never its target/,
  );
});

test('isInside compares whole segments after resolving . and ..', () => {
  assert.ok(isInside('/w/proj', '/w/proj/results/a.md'));
  assert.ok(isInside('/w/proj', '/w/proj'));
  assert.ok(isInside('/w/proj/', '/w/proj/./x/../a.md'));
  assert.ok(!isInside('/w/proj', '/w/project/a.md'));
  assert.ok(!isInside('/w/proj', '/w/proj/../other/a.md'));
  assert.ok(!isInside('/w/proj', '/etc/passwd'));
  assert.ok(!isInside('/w/proj', '/w/proj/../../../etc/x.md'));
  assert.ok(isInside('C:\\w\\proj', 'c:\\W\\proj\\a.md'));
  assert.ok(!isInside('C:\\w\\proj', 'D:\\w\\proj\\a.md'));
  assert.equal(normalizePath('/a/b/../../../c'), '/c');
  assert.equal(normalizePath('a/../../b'), '../b');
  assert.deepEqual(linkAllowed('/w', '/w/k.MD'), { ok: true });
  assert.deepEqual(linkAllowed('/w', '/w/k.txt'), { ok: false, why: 'not-markdown' });
  assert.deepEqual(linkAllowed('/w', '/x/k.md'), { ok: false, why: 'outside' });
  assert.equal(lineOf('a\nb\n<!-- answer-key: /x.md -->\n', '/x.md'), 3);
});

test("escapes: controls visible, markdown literal, HTML unchanged from the dashboard's", () => {
  assert.equal(escapeControls('a\x1b]0;t\x07b\x9b\u202e\tc\n'), 'a\\u001b]0;t\\u0007b\\u009b\\u202e\tc\n');
  assert.equal(JSON.parse(`"${escapeControls('\x9b\x1b')}"`), '\x9b\x1b');
  assert.equal(esc, escapeHtml);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(
    escapeMarkdownInline('<b>[x](command:y)</b> *a* _b_ `c` | d\n e'),
    '&lt;b&gt;\\[x\\](command:y)&lt;/b&gt; \\*a\\* \\_b\\_ \\`c\\` \\| d e',
  );
  assert.equal(escapeMarkdownInline('<!-- review-grader: sha256=00 -->'), '&lt;!-- review-grader: sha256=00 --&gt;');
  assert.equal(markdownCode('a`b'), '``a`b``');
  assert.equal(markdownCode('`x'), '`` `x ``');
});

test('the report renders a run with 300 000 unmatched findings (no spread of input-sized arrays)', () => {
  const key = parseAnswerKey(readFileSync(join(EXAMPLE, 'answer-key-round-001.md'), 'utf8'), 'answer-key-round-001.md');
  const g = gradeReview(key, parseReview('# R\n\n### C1: x\nbody\n', 'v001-flat-run1.md'));
  const N = 300_000;
  const unmatched = Array.from({ length: N }, (_, i) => ({ findingIndex: i, label: `C${i}`, line: i + 3, title: `finding ${i}` }));
  g.unmatched = unmatched;
  g.penalties = unmatched.map((u) => ({
    findingIndex: u.findingIndex,
    label: u.label,
    line: u.line,
    reason: 'out of scope',
    source: 'tag' as const,
  }));
  const t0 = performance.now();
  const md = renderScoringReport([g]);
  assert.ok(performance.now() - t0 < 20_000);
  assert.match(md, /### Unmatched findings \(300000\)/);
  assert.ok(md.includes(`- C${N - 1} (line ${N + 2}): finding ${N - 1}`));
});
