// Argument parsing on node:util's parseArgs; its errors become usage errors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${command}: ${(e as Error).message.split('\n')[0]}`);
  }
}

export function needFiles(command: string, files: string[], what: string): void {
  if (files.length === 0) throw new UsageError(`${command}: no ${what} given (see --help)`);
}

export function bonusCapOf(command: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Number('') and Number(' ') are 0: only digits make a cap
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${command}: --bonus-cap takes a whole number ≥ 0, got '${value}'`);
  return n;
}
