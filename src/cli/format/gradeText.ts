// `grade` text output: one table per review, the score line last, in the
// language of `locale` (English by default; --format json never changes).
import type { GradedReview, ProblemGrade } from '../../core/model';
import { MARK } from '../../core/model';
import { GENERIC_NOTE } from '../../core/answerKey/generic';
import { fmt } from '../../core/score';
import { verdictEvidence } from '../../core/grade';
import { translator, verdictWord, type Locale, type Translate } from '../../core/i18n';
import { sourceWord } from '../../core/sourceWord';
import { pad, truncate } from './width';

export function renderGradeText(graded: GradedReview[], locale: Locale = 'en'): string {
  const t = translator(locale);
  return graded.map((g) => renderOne(g, t, locale)).join('\n');
}

function renderOne(g: GradedReview, t: Translate, locale: Locale): string {
  const out: string[] = [];
  out.push(t('{0}  (key: {1}, {2} problems)', String(g.path), String(g.keyPath), g.key.problems.length));
  for (const p of g.problems) out.push(problemRow(p, t));
  if (g.bonus.length) {
    out.push(`  ${t('bonus:')}`);
    for (const b of g.bonus)
      out.push(
        `    ${pad(b.id ?? '+', 4)} ${pad(where(b.label, b.line, t), 14)} ${pad(sourceWord(b.source, t), 5)} ${truncate(b.text, 60)}`,
      );
  }
  if (g.penalties.length) {
    out.push(`  ${t('penalty:')}`);
    for (const p of g.penalties)
      out.push(`    −    ${pad(where(p.label, p.line, t), 14)} ${pad(sourceWord(p.source, t), 5)} ${truncate(p.reason, 60)}`);
  }
  if (g.unmatched.length) {
    out.push(`  ${t('unmatched findings (bonus/penalty candidates): {0}', g.unmatched.length)}`);
    for (const u of g.unmatched.slice(0, 12)) out.push(`    ${pad(where(u.label, u.line, t), 14)} ${truncate(u.title, 70)}`);
    if (g.unmatched.length > 12) out.push(`    ${t('… and {0} more', g.unmatched.length - 12)}`);
  }
  const s = g.score;
  out.push(`  ${t('score: detection {0} + bonus {1} − penalty {2} = {3}', fmt(s.detection), fmt(s.bonus), fmt(s.penalty), fmt(s.total))}`);
  if (s.detectionRule)
    out.push(
      `  ${
        s.detectionMax !== undefined
          ? t("detection by the key's rule: {0}; at most {1}", s.detectionRule, fmt(s.detectionMax))
          : t("detection by the key's rule: {0}", s.detectionRule)
      }`,
    );
  // the note speaks the UI's language; in English, as before, the key's own
  if (g.key.genericCriteria) out.push(`  ${GENERIC_NOTE[locale === 'en' ? g.key.language : locale]}`);
  return `${out.join('\n')}\n`;
}

function problemRow(p: ProblemGrade, t: Translate): string {
  const source = p.source === 'auto' ? t('auto {0}', p.confidence.toFixed(2)) : sourceWord(p.source, t);
  const best = verdictEvidence(p);
  const ev = best ? where(best.label, best.line, t) : p.source === 'tag' && p.verdict !== 'missed' ? t('review tag') : '';
  const flag = p.disagreement ? `  ≠ ${others(p, t)}` : '';
  return `  ${p.id} ${MARK[p.verdict]} ${pad(verdictWord(p.verdict, t), 8)} ${pad(source, 9)} ${pad(ev, 14)} ${truncate(p.title, 56)}${flag}`;
}

function others(p: ProblemGrade, t: Translate): string {
  const parts = [t('auto {0}', MARK[p.auto.verdict])];
  if (p.tag) parts.push(t('tag {0}', MARK[p.tag]));
  if (p.judge) parts.push(t('judge {0}', MARK[p.judge]));
  return parts.join(', ');
}

/** "C3 (l.5)" as core/findingPlace names a finding, with the line unit translated ("C3 (5行目)"). */
function where(label: string | undefined, line: number | undefined, t: Translate): string {
  const at = line === undefined ? '' : t('l.{0}', line);
  if (!label) return at;
  return at ? `${label} (${at})` : label;
}
