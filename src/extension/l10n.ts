// The extension's one place for the UI language: `t` is vscode.l10n.t (it
// reads l10n/bundle.l10n.<lang>.json for the display language, English by
// default) as the core's `Translate`, for code that takes a translator
// (verdictText.ts, which stays testable without vscode); `uiLocale()` is the
// same language as the core's Locale, for core functions that make text
// themselves (lint messages, the dashboard).
import * as vscode from 'vscode';
import { localeOf, type Locale, type Translate } from '../core/i18n';

export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);

/** The display language VS Code runs in, as a locale the core knows ('en' for any other). */
export function uiLocale(): Locale {
  return localeOf(vscode.env.language);
}
