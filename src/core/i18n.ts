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
