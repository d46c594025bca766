// core/findKey: the one key lookup of the CLI, the dashboard and the editor,
// over an in-memory FileAccess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryFiles } from '../../src/core/files';
import { findKey, findKeySync, type FindKeyOptions } from '../../src/core/findKey';
import { driveSync, gatherRuns, runFilesOf } from '../../src/core/dashboard';
import { isAnswerKeyName, keyLink, parseRunName, parseRunStem, patternCandidates } from '../../src/core/naming';

const KEY = '# Key\n\n### P01: Cache has no expiry\n- ○ (Detected): names the TTL\n- △ (Partial): caching\n- × (Missed): nothing\n';
const REVIEW = '# Review\n\n### C1: The cache never expires\nNo TTL is set on the cache entries.\n';

function lookup(files: Record<string, string>, review: string, text = '', options: FindKeyOptions = {}) {
  return findKeySync(review, text, memoryFiles(files).sync, options);
}

test('conventions: round key beside results/, then in the folder, numbered or doc layout', () => {
  assert.deepEqual(lookup({ 'p/answer-key-round-007.md': KEY }, 'p/results/v007-base-run1.md'), {
    ok: true,
    source: 'convention',
    path: 'p/answer-key-round-007.md',
  });
  assert.equal(lookup({ 'p/results/answer-key-round-7.md': KEY }, 'p/results/v007-base-run1.md').ok, true);
  assert.deepEqual(lookup({ 'p/answer-key-2.md': KEY }, 'p/results/v001-x-doc2-run1.md'), {
    ok: true,
    source: 'convention',
    path: 'p/answer-key-2.md',
  });
});

test('new layouts: answer-keys/ folder, one answer-key.md per folder, <name>.md with <name>-run2.md, three runs', () => {
  assert.equal(lookup({ 'p/answer-keys/round-007.md': KEY }, 'p/results/v007-base-run3.md').ok, true);
  assert.deepEqual(lookup({ 'p/answer-keys/answer-key-round-007.md': KEY }, 'p/results/v007-base-run1.md'), {
    ok: true,
    source: 'convention',
    path: 'p/answer-keys/answer-key-round-007.md',
  });
  const folderWide = { 'p/answer-key.md': KEY };
  for (const review of ['p/design-review.md', 'p/design-review-run2.md', 'p/design-review-run3.md', 'p/results/v009-x-run1.md']) {
    assert.deepEqual(lookup(folderWide, review), { ok: true, source: 'convention', path: 'p/answer-key.md' }, review);
  }
  // a key named for the run's stem wins over the folder-wide one
  assert.equal(
    lookup({ ...folderWide, 'p/answer-keys/design-review.md': KEY }, 'p/design-review-run2.md').ok && 'p/answer-keys/design-review.md',
    'p/answer-keys/design-review.md',
  );
  // a round's own key wins over the folder-wide one
  assert.equal(
    (lookup({ ...folderWide, 'p/answer-key-round-009.md': KEY }, 'p/results/v009-x-run1.md') as { path: string }).path,
    'p/answer-key-round-009.md',
  );
  assert.deepEqual(parseRunStem('p/design-review-run3.md'), { stem: 'design-review', run: 3, kind: 'run' });
  assert.deepEqual(parseRunStem('p/design-review.md'), { stem: 'design-review', run: undefined, kind: 'run' });
  assert.equal(parseRunName('v007-base-run12.md')?.run, 12);
  assert.equal(isAnswerKeyName('p/answer-keys/round-007.md'), true);
  assert.equal(isAnswerKeyName('p/answer-key.md'), true);
});

test('the link comment: read anywhere in the first 200 000 characters, relative to the review', () => {
  const text = `${'filler line\n'.repeat(5000)}<!-- answer-key: ../keys/k.md -->\n${REVIEW}`;
  assert.ok(text.length > 50_000);
  assert.deepEqual(lookup({ 'p/keys/k.md': KEY, 'p/answer-key-round-001.md': KEY }, 'p/results/v001-a-run1.md', text), {
    ok: true,
    source: 'link',
    path: 'p/keys/k.md',
  });
  const late = `${'x'.repeat(200_001)}\n<!-- answer-key: k.md -->`;
  assert.equal(keyLink(late), undefined);
});

test('a missing linked key is an error naming the line, not a fall back to the conventions', () => {
  const r = lookup({ 'p/answer-key-round-001.md': KEY }, 'p/results/v001-a-run1.md', '# R\n\n<!-- answer-key: ../gone.md -->\n');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.source === 'link' && r.line === 3);
  assert.ok(
    !r.ok && r.message === 'p/results/v001-a-run1.md:3: links answer key ../gone.md, but p/gone.md does not exist',
    !r.ok ? r.message : '',
  );
});

test('a link is followed only to a .md path, and only where isAllowed says', () => {
  const files = { 'p/secret.txt': 'x', 'p/k.md': KEY, '/etc/k.md': KEY };
  const txt = lookup(files, 'p/r.md', '<!-- answer-key: secret.txt -->');
  assert.ok(!txt.ok && /only a \.md file is followed/.test(txt.message));
  const isAllowed = (p: string) => p.startsWith('p/');
  assert.equal(lookup(files, 'p/r.md', '<!-- answer-key: k.md -->', { isAllowed }).ok, true);
  const out = lookup(files, 'p/r.md', '<!-- answer-key: /etc/k.md -->', { isAllowed });
  assert.ok(!out.ok && /outside the folder that may be read \(\/etc\/k\.md\); not read/.test(out.message), !out.ok ? out.message : '');
});

test('a refused link is reported and the naming conventions still find the key (CLI and editor alike)', () => {
  const files = { 'p/answer-key-round-001.md': KEY, '/etc/k.md': KEY };
  const isAllowed = (p: string) => p.startsWith('p/');
  const r = lookup(files, 'p/results/v001-a-run1.md', '# R\n<!-- answer-key: /etc/k.md -->', { isAllowed });
  assert.ok(r.ok && r.source === 'convention' && r.path === 'p/answer-key-round-001.md', JSON.stringify(r));
  assert.match(r.ok ? (r.refusedLink ?? '') : '', /:2: links answer key \/etc\/k\.md, outside the folder that may be read/);
  const none = lookup({ '/etc/k.md': KEY }, 'p/results/v001-a-run1.md', '<!-- answer-key: /etc/k.md -->', { isAllowed });
  assert.ok(!none.ok && /not read/.test(none.message) && none.looked.length > 0);
});

test('fragments: rubric.md#T01 names a scenario, in a link, a pairing or --key', () => {
  const files = { 'p/rubric.md': KEY };
  assert.deepEqual(lookup(files, 'p/r.md', '<!-- answer-key: rubric.md#T01 -->'), {
    ok: true,
    source: 'link',
    path: 'p/rubric.md',
    scenario: 'T01',
  });
  assert.deepEqual(lookup(files, 'p/r.md', '', { pairings: { 'p/r.md': 'p/rubric.md#T02' } }), {
    ok: true,
    source: 'pairing',
    path: 'p/rubric.md',
    scenario: 'T02',
  });
  assert.deepEqual(lookup(files, 'p/r.md', '', { explicit: 'p/rubric.md#T03' }), {
    ok: true,
    source: 'explicit',
    path: 'p/rubric.md',
    scenario: 'T03',
  });
});

test('explicit > pairing > link > conventions > patterns', () => {
  const files = { 'p/a.md': KEY, 'p/b.md': KEY, 'p/answer-key-round-001.md': KEY, 'p/keys/001.md': KEY };
  const review = 'p/results/v001-x-run1.md';
  const link = '<!-- answer-key: ../b.md -->';
  const pairings = new Map([[review, 'p/a.md']]);
  const patterns = ['../keys/{round}.md'];
  assert.equal((lookup(files, review, link, { explicit: 'k.md', pairings, patterns }) as { source: string }).source, 'explicit');
  assert.deepEqual(lookup(files, review, link, { pairings, patterns }), { ok: true, source: 'pairing', path: 'p/a.md' });
  assert.deepEqual(lookup(files, review, link, { patterns }), { ok: true, source: 'link', path: 'p/b.md' });
  assert.deepEqual(lookup(files, review, '', { patterns }), { ok: true, source: 'convention', path: 'p/answer-key-round-001.md' });
  const { 'p/answer-key-round-001.md': _, ...noConvention } = files;
  assert.deepEqual(lookup(noConvention, review, '', { patterns }), { ok: true, source: 'pattern', path: 'p/keys/001.md' });
});

test('a pairing to a key that is gone is an error', () => {
  const r = lookup({}, 'p/r.md', '', { pairings: { 'p/r.md': 'p/old-key.md' } });
  assert.ok(!r.ok && r.source === 'pairing' && /paired with answer key p\/old-key\.md, which does not exist/.test(r.message));
});

test('key patterns: {round} {doc} {variant} {name}, relative or absolute, unfillable ones skipped', () => {
  const review = 'p/results/v007-red-team-doc2-run1.md';
  assert.deepEqual(patternCandidates(review, ['../keys/answer-key-{round}.md', '/k/{variant}-{doc}.md', '${name}.key.md']), [
    'p/keys/answer-key-007.md',
    '/k/red-team-2.md',
    'p/results/v007-red-team-doc2.key.md',
  ]);
  assert.deepEqual(patternCandidates('p/notes-run2.md', ['k-{round}.md', 'keys/{name}.md', '']), ['p/keys/notes.md']);
  assert.deepEqual(patternCandidates('p/r.md', ['../../../../k.md']), ['../../../k.md'], 'resolved like any relative path (no lost ..)');
});

test('nothing found: the message names every place looked at', () => {
  const r = lookup({}, 'p/results/v007-a-run1.md');
  assert.ok(!r.ok && r.message.startsWith('p/results/v007-a-run1.md: no answer key found (looked for p/answer-key-round-007.md, '));
  assert.ok(!r.ok && r.looked.includes('p/answer-key.md'));
});

test('the async findKey gives the same answers', async () => {
  const files = memoryFiles({ 'p/answer-key.md': KEY });
  assert.deepEqual(await findKey('p/x-run2.md', '', files), { ok: true, source: 'convention', path: 'p/answer-key.md' });
  assert.deepEqual(
    await findKey('p/x.md', '<!-- answer-key: nope.md -->', files),
    lookup({ 'p/answer-key.md': KEY }, 'p/x.md', '<!-- answer-key: nope.md -->'),
  );
});

test('the dashboard gatherer grades a review paired by hand or found by a pattern (it skipped them)', () => {
  const files = memoryFiles({
    'p/results/v001-base-run1.md': REVIEW,
    'p/results/v001-base-run2.md': REVIEW,
    'p/keys/round-one.md': KEY,
    'p/keys/001.md': KEY,
  }).sync;
  const runs = runFilesOf(['p/results/v001-base-run1.md', 'p/results/v001-base-run2.md']);
  const warnings: string[] = [];
  const graded = driveSync(
    gatherRuns(
      runs,
      {
        judge: false,
        keyLookup: { pairings: { 'p/results/v001-base-run1.md': 'p/keys/round-one.md' }, patterns: ['../keys/{round}.md'] },
      },
      (w) => warnings.push(w),
    ),
    files.read,
  );
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    graded.map((r) => r.graded.keyPath),
    ['p/keys/round-one.md', 'p/keys/001.md'],
  );
  // without them, both runs are skipped with the lookup's message
  const skipped: string[] = [];
  assert.equal(
    driveSync(
      gatherRuns(runs, { judge: false }, (w) => skipped.push(w)),
      files.read,
    ).length,
    0,
  );
  assert.match(skipped[0]!, /no answer key found .*; run skipped$/);
});
