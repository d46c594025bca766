// Argument parsing on node:util's parseArgs; its errors become usage errors.
// Every command takes `--lang en|ja` (read before the command runs, cli/locale.ts).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';
import { t } from './locale';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...options, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** `what`: the English name of the missing input, one of needFiles' callers' literals (translated here). */
export function needFiles(command: string, files: string[], what: 'review file' | 'answer key' | 'scoring report' | 'review run'): void {
  if (files.length === 0) throw new UsageError(`${command}: ${t('no {0} given (see --help)', missingName(what))}`);
}

function missingName(what: 'review file' | 'answer key' | 'scoring report' | 'review run'): string {
  if (what === 'review file') return t('review file');
  if (what === 'answer key') return t('answer key');
  if (what === 'scoring report') return t('scoring report');
  return t('review run');
}

export function bonusCapOf(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Number('') and Number(' ') are 0: only digits make a cap
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${command}: ${t("--bonus-cap takes a whole number ≥ 0, got '{0}'", value)}`);
  return n;
}

/** `--format` must be one of `allowed` (two formats, as every command has). */
export function formatOf<F extends string>(command: string, value: string | undefined, allowed: readonly [F, F]): F {
  if (value === allowed[0] || value === allowed[1]) return value as F;
  throw new UsageError(`${command}: ${t("--format must be {0} or {1}, got '{2}'", allowed[0], allowed[1], String(value))}`);
}
