// The CLI's code cache (cli/codeCache.ts): a bundle runs as a CommonJS
// program either way; its cache is used only for the very bytes it was made
// from, so a rebuilt bundle never runs stale bytecode, even when its length is
// unchanged (all V8 itself would notice).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cacheFileBytes, cachedDataFor, WRITE_CODE_CACHE_ENV } from '../../src/cli/codeCache';

const TSX = resolve('node_modules/tsx/dist/loader.mjs');
const CODE_CACHE = resolve('src/cli/codeCache.ts');

/** A made-up program using what a CommonJS bundle relies on: require, module.exports, __filename, __dirname, argv. */
const program = (word: string) =>
  `const { basename } = require('node:path');
module.exports = { word: '${word}' };
function shout(w) { return w.toUpperCase(); }
process.stdout.write([shout(module.exports.word), basename(__filename), basename(__dirname) === basename(process.cwd()), basename(process.argv[1])].join(' ') + '\\n');
`;

function run(dir: string, env: Record<string, string> = {}) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      TSX,
      '-e',
      `process.stderr.write(require(${JSON.stringify(CODE_CACHE)}).runBundle(${JSON.stringify(join(dir, 'bundle.js'))}))`,
    ],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  assert.equal(r.status, 0, r.stderr);
  return { out: r.stdout, use: r.stderr };
}

test('a bundle runs as a program with its cache, without it, and after a rebuild of the same length', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-codecache-'));
  const bundle = join(dir, 'bundle.js');
  writeFileSync(bundle, program('kiln'));
  assert.deepEqual(run(dir), { out: 'KILN bundle.js true bundle.js\n', use: 'none' }, 'no cache yet');
  assert.equal(existsSync(`${bundle}.cache`), false, 'a normal run writes no cache');
  // the build's training run: only the bundle it names gets a cache
  run(dir, { [WRITE_CODE_CACHE_ENV]: join(dir, 'other.js') });
  assert.equal(existsSync(`${bundle}.cache`), false);
  assert.equal(run(dir, { [WRITE_CODE_CACHE_ENV]: bundle }).out, 'KILN bundle.js true bundle.js\n');
  assert.ok(existsSync(`${bundle}.cache`));
  assert.deepEqual(run(dir), { out: 'KILN bundle.js true bundle.js\n', use: 'used' });
  // rebuilt with other bytes of the same length: the old cache is not used, the new code runs
  writeFileSync(bundle, program('vase'));
  assert.deepEqual(run(dir), { out: 'VASE bundle.js true bundle.js\n', use: 'none' });
  // a cache V8 cannot read (right header, foreign data) is refused by V8 and costs nothing else
  writeFileSync(`${bundle}.cache`, cacheFileBytes(readFileSync(bundle), Buffer.from('not V8 code cache data at all')));
  assert.deepEqual(run(dir), { out: 'VASE bundle.js true bundle.js\n', use: 'rejected' });
});

test('the cache header binds the data to the exact bundle bytes', () => {
  const a = Buffer.from(program('kiln'));
  const b = Buffer.from(program('vase'));
  const data = Buffer.from([1, 2, 3, 4]);
  const file = cacheFileBytes(a, data);
  assert.deepEqual(cachedDataFor(a, file), data);
  assert.equal(a.length, b.length);
  assert.equal(cachedDataFor(b, file), undefined, 'same length, other bytes');
  assert.equal(cachedDataFor(a, undefined), undefined, 'no cache file');
  assert.equal(cachedDataFor(a, file.subarray(0, 20)), undefined, 'truncated');
  assert.equal(cachedDataFor(a, file.subarray(0, file.length - data.length)), undefined, 'a header with no data');
});
