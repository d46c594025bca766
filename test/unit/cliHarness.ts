// What the CLI tests that run from source share: a made-up folder of files
// in a temp dir, and `review-grader` run there through tsx (so a stale dist/
// cannot hide a change), never printing a stack trace.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const MAIN = resolve('src/cli/main.ts');
const TSX = resolve('node_modules/tsx/dist/loader.mjs');

/** A new temp folder holding `files` (relative path → text), sub-folders made as needed. */
export function writeFolder(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `review-grader ARGS…` from source in `cwd`; whatever it exits with, no stack trace. */
export function runCli(cwd: string, ...args: string[]): SpawnSyncReturns<string> {
  return runCliEnv(cwd, {}, ...args);
}

/**
 * The same with the locale variables (LC_ALL, LC_MESSAGES, LANG) unset, then
 * `env` laid over the rest of this process's environment.
 */
export function runCliEnv(cwd: string, env: Record<string, string>, ...args: string[]): SpawnSyncReturns<string> {
  const base = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) delete base[name];
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...base, ...env },
  });
  assert.doesNotMatch(r.stderr, /\n\s+at .+[(:]\d+:\d+\)?/, 'no stack trace');
  return r;
}
