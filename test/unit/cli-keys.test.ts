// The CLI's key lookup (core/findKey over cli/nodeFiles) on real files: new
// folder layouts, and a missing linked key as an error naming the line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { findKeyFor } from '../../src/cli/inputs';
import { writeFolder } from './cliHarness';
import { UsageError } from '../../src/cli/io';
import { nodeFiles } from '../../src/cli/nodeFiles';

const KEY = '# Key\n\n### P01: Cache has no expiry\n- ○ (Detected): names the TTL\n';

const folder = (files: Record<string, string>) => writeFolder('rg-keys-', files);

test('one answer-key.md for a folder of <name>.md / <name>-run2.md / <name>-run3.md runs', () => {
  const dir = folder({ 'answer-key.md': KEY, 'design.md': '# R\n', 'design-run2.md': '# R\n', 'design-run3.md': '# R\n' });
  for (const run of ['design.md', 'design-run2.md', 'design-run3.md']) {
    assert.deepEqual(findKeyFor(join(dir, run), '# R\n'), { ok: true, source: 'convention', path: join(dir, 'answer-key.md') });
  }
});

test('keys in an answer-keys/ folder beside results/', () => {
  const dir = folder({ 'answer-keys/round-004.md': KEY, 'results/v004-base-run1.md': '# R\n' });
  assert.equal(findKeyFor(join(dir, 'results/v004-base-run1.md'), '# R\n').path, join(dir, 'answer-keys/round-004.md'));
});

test('a missing linked key stops with the link line, even when a conventional key exists', () => {
  const dir = folder({ 'answer-key-round-001.md': KEY, 'results/v001-a-run1.md': '' });
  const review = join(dir, 'results/v001-a-run1.md');
  const cwd = process.cwd();
  process.chdir(dir); // links are followed only inside the working directory
  try {
    assert.throws(
      () => findKeyFor(review, '# R\n<!-- answer-key: ../old.md -->\n'),
      (e: unknown) =>
        e instanceof UsageError && e.message === `${review}:2: links answer key ../old.md, but ${join(dir, 'old.md')} does not exist`,
    );
  } finally {
    process.chdir(cwd);
  }
  assert.throws(
    () => findKeyFor(join(dir, 'results/v009-a-run1.md'), ''),
    (e: unknown) => e instanceof UsageError && /; pass --key KEY$/.test(e.message),
  );
});

test('nodeFiles: read, exists and list', () => {
  const dir = folder({ 'a.md': 'A', 'sub/b.md': 'B' });
  assert.equal(nodeFiles.read(join(dir, 'a.md')), 'A');
  assert.equal(nodeFiles.read(join(dir, 'none.md')), undefined);
  assert.equal(nodeFiles.exists(join(dir, 'sub')), false, 'a folder is not a file');
  assert.deepEqual(nodeFiles.list(dir), ['a.md']);
  assert.equal(nodeFiles.list(join(dir, 'none')), undefined);
});
