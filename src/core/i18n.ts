// One message catalogue for every user-visible string, in the format VS Code
// uses for extensions (l10n/bundle.l10n.<lang>.json: the English text is the
// key, "{0}" marks the arguments). The extension host reads the same bundle
// through vscode.l10n.t; the core and the CLI read it here, so a string is
// translated once whichever side prints it. English is the default.
import type { Verdict } from './model';
import ja from '../../l10n/bundle.l10n.ja.json';

export type Locale = 'en' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ja'];

export type MessageArg = string | number | boolean;
/** Translate an English message literal (keep it a literal: the catalogue test finds them in the source). */
export type Translate = (message: string, ...args: MessageArg[]) => string;

const BUNDLES: Record<Locale, Readonly<Record<string, string>>> = { en: {}, ja };

/** A BCP 47 tag or a POSIX locale ('ja', 'ja-JP', 'ja_JP.UTF-8') to a supported locale; anything else is English. */
export function localeOf(tag: string | undefined): Locale {
  const base = (tag ?? '')
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/** "{0} of {1}" with args, as vscode.l10n.t does: an index with no argument stays as written. */
export function formatMessage(message: string, args: readonly MessageArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

export function translator(locale: Locale): Translate {
  const bundle = BUNDLES[locale];
  return (message, ...args) => formatMessage(Object.hasOwn(bundle, message) ? bundle[message] : message, args);
}

/** English, for callers that were not given a locale. */
export const english: Translate = translator('en');

/** The verdict word in the UI language: detected / partial / missed, 検出 / 部分検出 / 未検出. */
export function verdictWord(v: Verdict, t: Translate): string {
  if (v === 'detected') return t('detected');
  if (v === 'partial') return t('partial');
  return t('missed');
}

// ------------------------------------------------ messages said at parse time
// A parser cannot take a `t`: its results are cached by content hash and
// shared by every language, and JSON output keeps English. So a parse
// diagnostic keeps its English `message` and, beside it, what was said: the
// English literal and its arguments. The edge that shows it to a person says
// it again in the person's language (messageIn).

/** A message as said: the English literal ({0} placeholders) and its arguments. */
export interface Said {
  message: string;
  args: SaidArg[];
}

/** An argument: a value as it is, or a message of its own (translated with the one it sits in). */
export type SaidArg = MessageArg | Said;

/** The English text and the record it was made from; spread into a Diagnostic. */
export interface SaidText {
  message: string;
  said: Said;
}

/**
 * Say an English message literal (keep it a literal: the catalogue test finds
 * them in the source, as for t): `{ message, said }`, message being the text
 * english(…) would give. An argument may itself be said.
 */
export function said(message: string, ...args: (MessageArg | SaidText)[]): SaidText {
  const shown: MessageArg[] = [];
  const kept: SaidArg[] = [];
  for (const a of args) {
    shown.push(typeof a === 'object' ? a.message : a);
    kept.push(typeof a === 'object' ? a.said : a);
  }
  return { message: formatMessage(message, shown), said: { message, args: kept } };
}

/** A diagnostic's (or any said message's) text in a language: its record translated, else its English message. */
export function messageIn(d: { message: string; said?: Said }, t: Translate): string {
  // a record read back from a cache file is checked, not trusted: a bad one is the English message
  return (d.said === undefined ? undefined : sayAgain(d.said, t, 0)) ?? d.message;
}

/** One argument of a record in a language (a value as it is, a said message translated). */
export function argIn(arg: SaidArg, t: Translate): string {
  return typeof arg === 'object' ? (sayAgain(arg, t, 0) ?? '') : String(arg);
}

const MAX_DEPTH = 8;

function sayAgain(s: unknown, t: Translate, depth: number): string | undefined {
  if (depth > MAX_DEPTH || typeof s !== 'object' || s === null) return undefined;
  const { message, args } = s as Partial<Said>;
  if (typeof message !== 'string' || !Array.isArray(args)) return undefined;
  const out: MessageArg[] = [];
  for (const a of args as unknown[]) {
    if (typeof a === 'string' || typeof a === 'number' || typeof a === 'boolean') out.push(a);
    else {
      const inner = sayAgain(a, t, depth + 1);
      if (inner === undefined) return undefined;
      out.push(inner);
    }
  }
  return t(message, ...out);
}
