// Where a verdict came from, and how stable a variant is, in the UI language
// (the JSON formats keep 'tag' / 'judge' / 'auto' and 'high' / 'medium' / 'low').
import type { Translate } from './i18n';
import type { VerdictSource } from './model';
import type { Stability } from './score';

export function sourceWord(s: VerdictSource, t: Translate): string {
  if (s === 'tag') return t('tag');
  if (s === 'judge') return t('judge');
  return t('auto');
}

export function stabilityWord(s: Stability, t: Translate): string {
  if (s === 'high') return t('high');
  if (s === 'medium') return t('medium');
  return t('low');
}
