// The CLI's language, chosen in one place: `--lang en|ja` on any command, else
// the environment as POSIX tools read it (LC_ALL, then LC_MESSAGES, then LANG;
// the first that is set and not empty wins; 'C' and 'POSIX' are English).
// English is the default. The CLI is one process with one language, so its own
// messages read the translator set here (`t`); core functions get it passed.
import { localeOf, LOCALES, translator, type Locale, type MessageArg, type Translate } from '../core/i18n';
import { UsageError } from './io';

/** The locale the environment asks for. */
export function localeFromEnv(env: Record<string, string | undefined> = process.env): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return localeOf(value);
  }
  return 'en';
}

/** The value of `--lang` in `args` (`--lang ja` or `--lang=ja`), before a `--`; undefined when not given. */
export function langFlag(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--lang' && i + 1 < args.length) found = args[++i];
    else if (a.startsWith('--lang=')) found = a.slice('--lang='.length);
  }
  return found;
}

/** The locale for these arguments: `--lang` wins over the environment; an unknown `--lang` is a usage error. */
export function cliLocale(command: string | undefined, args: readonly string[], env = process.env): Locale {
  const flag = langFlag(args);
  if (flag === undefined) return localeFromEnv(env);
  if ((LOCALES as readonly string[]).includes(flag)) return flag as Locale;
  useLocale(localeFromEnv(env)); // the complaint itself in the environment's language
  const message = t("--lang must be en or ja, got '{0}'", flag);
  throw new UsageError(command ? `${command}: ${message}` : message);
}

let current: Locale = localeFromEnv();
let translate: Translate = translator(current);

/** Set the language of everything the CLI prints from now on. */
export function useLocale(locale: Locale): void {
  current = locale;
  translate = translator(locale);
}

export function cliLanguage(): Locale {
  return current;
}

/** The CLI's translator, in the language chosen by useLocale (passed on to the core as `t`). */
export function cliTranslator(): Translate {
  return translate;
}

/** Translate one of the CLI's own messages (an English literal, see core/i18n). */
export function t(message: string, ...args: MessageArg[]): string {
  return translate(message, ...args);
}
