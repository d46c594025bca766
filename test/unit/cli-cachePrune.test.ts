// Cache pruning (cli/cachePrune.ts): entries of ours that this run did not
// use go after their age or beyond the size cap, oldest first; anything that
// is not provably one of our entries — a user's file, a look-alike name with
// other content, a symlink, a folder — is never removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { entryText } from '../../src/core/cache';
import { isOurEntry, pruneCache } from '../../src/cli/cachePrune';
import { parseReview } from '../../src/core/review';
import { runCli, writeFolder } from './cliHarness';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1);
const hex = (n: number) => n.toString(16).padStart(64, '0');
const REVIEW = parseReview('# Review\n\n#### C1: Kiln has no limit\nThe kiln overheats.\n', 'r.md');

/** An entry of ours named for `id`, last used `daysAgo` days before NOW. */
function entry(dir: string, id: string, daysAgo: number, pad = 0): string {
  const name = `${id}.json`;
  writeFileSync(join(dir, name), entryText(id, 'review', { ...REVIEW, path: 'x'.repeat(pad) }));
  const t = (NOW - daysAgo * DAY) / 1000;
  utimesSync(join(dir, name), t, t);
  return name;
}

function aged(path: string, daysAgo: number): void {
  const t = (NOW - daysAgo * DAY) / 1000;
  utimesSync(path, t, t);
}

test('old unused entries go; used, recent and foreign files stay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-prune-'));
  const old = entry(dir, hex(1), 30);
  const oldButUsed = entry(dir, hex(2), 30);
  const recent = entry(dir, hex(3), 2);
  // look-alikes that are not ours: same name shape, other content or another id inside
  writeFileSync(join(dir, `${hex(4)}.json`), '{"mine": true}\n');
  writeFileSync(join(dir, `${hex(5)}.json`), entryText(hex(6), 'review', REVIEW));
  writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
  mkdirSync(join(dir, `${hex(7)}.json`));
  const outside = mkdtempSync(join(tmpdir(), 'rg-prune-target-'));
  writeFileSync(join(outside, 'precious.json'), entryText(hex(8), 'review', REVIEW));
  symlinkSync(join(outside, 'precious.json'), join(dir, `${hex(8)}.json`));
  // temporary files of ours left by a crash: an old one goes, a fresh one (a run in progress) stays
  const oldTemp = `${hex(9)}.json.123.abc.tmp`;
  const freshTemp = `${hex(10)}.json.124.def.tmp`;
  writeFileSync(join(dir, oldTemp), '{"sche');
  writeFileSync(join(dir, freshTemp), '{"sche');
  for (const f of [`${hex(4)}.json`, `${hex(5)}.json`, 'notes.txt', oldTemp]) aged(join(dir, f), 40);
  aged(join(dir, freshTemp), 0.1);

  const removed = pruneCache(dir, new Set([oldButUsed]), { now: NOW, maxAgeDays: 14 });
  assert.deepEqual(removed.sort(), [old, oldTemp].sort());
  const left = readdirSync(dir).sort();
  for (const kept of [oldButUsed, recent, `${hex(4)}.json`, `${hex(5)}.json`, 'notes.txt', `${hex(7)}.json`, `${hex(8)}.json`, freshTemp])
    assert.ok(left.includes(kept), `${kept} kept`);
  assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'my notes\n');
  assert.ok(existsSync(join(outside, 'precious.json')), 'a symlink target is never touched');
});

test('beyond the size cap the oldest unused entries go first, until the rest fit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-prune-cap-'));
  const names = [5, 4, 3, 2, 1].map((age, i) => entry(dir, hex(20 + i), age, 1000));
  const size = readFileSync(join(dir, names[0])).length;
  // room for three of the five; the oldest is in use, so the next two oldest go
  const removed = pruneCache(dir, new Set([names[0]]), { now: NOW, maxAgeDays: 14, maxBytes: 3 * size });
  assert.deepEqual(removed, [names[1], names[2]]);
  assert.deepEqual(readdirSync(dir).sort(), [names[0], names[3], names[4]].sort());
});

test('isOurEntry reads only the head of the file and wants our id there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-prune-id-'));
  const name = entry(dir, hex(30), 0);
  assert.ok(isOurEntry(join(dir, name), hex(30)));
  assert.ok(!isOurEntry(join(dir, name), hex(31)));
  assert.ok(!isOurEntry(join(dir, 'absent.json'), hex(30)));
});

test('a --cache run prunes an old entry it did not use and leaves a foreign file in the folder alone', () => {
  const dir = writeFolder('rg-prune-cli-', {
    'key.md': '# Answer Key\n\n### P01: Kiln Has No Limit\n- ○ (Detected): names the kiln limit\n',
    'r1.md': '# Review\n\n#### C1: Kiln has no limit\nThe kiln overheats.\n',
  });
  const cache = join(dir, '.review-grader-cache');
  mkdirSync(cache);
  const stale = entry(cache, hex(40), (Date.now() - NOW) / DAY + 60);
  writeFileSync(join(cache, 'README.txt'), 'not an entry\n');
  aged(join(cache, 'README.txt'), (Date.now() - NOW) / DAY + 60);
  const r = runCli(dir, 'grade', '--key', 'key.md', 'r1.md', '--cache');
  assert.equal(r.status, 0, r.stderr);
  const left = readdirSync(cache);
  assert.ok(!left.includes(stale), 'the stale entry is gone');
  assert.ok(left.includes('README.txt'), 'the foreign file stays');
  assert.equal(left.length, 4, 'the run’s three entries and the foreign file');
  const again = runCli(dir, 'grade', '--key', 'key.md', 'r1.md', '--cache');
  assert.equal(again.stdout, r.stdout);
  assert.equal(readdirSync(cache).length, 4, 'a warm run keeps its own entries');
});
