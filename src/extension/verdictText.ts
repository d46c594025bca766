// Short, consistent wording of verdicts for lenses, hovers, the tree and the
// status bar, so every view says "detected · C3 (auto 0.82)" the same way, and
// every view tells the judge's own evidence from the matcher's candidates.
// Every function that makes text takes the translator (`t` of ./l10n in the
// extension, core translator(locale) in tests): this file stays free of vscode.
import type { BonusGrade, Evidence, Finding, GradedReview, ProblemGrade, RunScore, TagEntry, VerdictSource } from '../core/model';
import { MARK } from '../core/model';
import { fmt } from '../core/score';
import { verdictEvidence } from '../core/grade';
import { verdictWord, type Translate } from '../core/i18n';

/** "(auto 0.82)", "(tagged)" or "(judge)". */
export function sourceMarker(p: ProblemGrade, t: Translate): string {
  if (p.source === 'tag') return t('(tagged)');
  if (p.source === 'judge') return t('(judge)');
  return t('(auto {0})', p.confidence.toFixed(2));
}

// the source ("auto", "judge", "tag") and stability (high / medium / low) as words: the core's, as the CLI says them
import { sourceWord } from '../core/sourceWord';
export { sourceWord, stabilityWord } from '../core/sourceWord';

/** "auto 0.82", "judge", "tag": a problem's source with the matcher's confidence. */
export function sourceWithConfidence(p: ProblemGrade, t: Translate): string {
  return p.source === 'auto' ? t('auto {0}', p.confidence.toFixed(2)) : sourceWord(p.source, t);
}

/** "auto", "judge", "tagged": who decided a bonus row or the extras' count. */
export function sourceName(source: VerdictSource, t: Translate): string {
  return source === 'tag' ? t('tagged') : sourceWord(source, t);
}

/** The sources that disagree with the verdict in force: "≠ auto partial, judge missed"; '' when all agree. */
export function disagreementText(p: ProblemGrade, t: Translate): string {
  if (!p.disagreement) return '';
  const others: string[] = [];
  if (p.source !== 'auto' && p.auto.verdict !== p.verdict) others.push(t('auto {0}', verdictWord(p.auto.verdict, t)));
  if (p.source !== 'judge' && p.judge && p.judge !== p.verdict) others.push(t('judge {0}', verdictWord(p.judge, t)));
  if (p.source !== 'tag' && p.tag && p.tag !== p.verdict) others.push(t('tagged {0}', verdictWord(p.tag, t)));
  return others.length ? `≠ ${others.join(', ')}` : '';
}

/** A finding's short name: its label ('C3'), else 'line 42'. */
export function evidenceName(e: { label?: string; line?: number }, t: Translate): string {
  return e.label ? e.label : e.line ? t('line {0}', e.line) : '?';
}

/**
 * What backs the verdict in force, as the views show it:
 * - evidence: the finding the source itself points to (the human's tagged
 *   finding, the finding the judge's report cites, the matcher's best match);
 * - uncited: a judge verdict whose report names no finding (or one not found
 *   in the review): the matcher's findings are only candidates;
 * - none: nothing backs it (a miss, a review-level tag); candidates, if the
 *   matcher related any finding, e.g. behind a disputed "missed".
 */
export type Backing =
  | { kind: 'evidence'; evidence: Evidence }
  | { kind: 'uncited'; unresolved: boolean; candidates: Evidence[] }
  | { kind: 'none'; candidates: Evidence[] };

export function backingOf(p: ProblemGrade): Backing {
  const candidates = p.evidence.filter((e) => !e.fromTag);
  if (p.source === 'judge') {
    // judgeEvidence/judgeCited come from the judge import; until it fills them, nothing is cited
    if (p.judgeEvidence && p.judgeCited !== 'none') return { kind: 'evidence', evidence: p.judgeEvidence };
    if (p.verdict !== 'missed') return { kind: 'uncited', unresolved: p.judgeCited === 'unresolved', candidates };
    return { kind: 'none', candidates };
  }
  const e = verdictEvidence(p);
  return e ? { kind: 'evidence', evidence: e } : { kind: 'none', candidates };
}

/** "judge: no finding cited" / "judge: cited finding not in the review". */
export function uncitedText(b: Extract<Backing, { kind: 'uncited' }>, t: Translate): string {
  return b.unresolved ? t('judge: cited finding not in the review') : t('judge: no finding cited');
}

/** A label that says nothing on its own: none, or only digits ('1', '2.3', '5.'). */
export function labelIsBare(label: string | undefined): boolean {
  return !label || /^[\d.\-\s]+$/.test(label);
}

/** The finding's title cut to `max` characters ('' when unknown). */
export function shortTitle(f: Finding | undefined, max = 40): string {
  const t = (f?.title ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** "C3", or "1 Circuit breaker missing…" when the label is only a number (lenses: little room). */
export function findingName(
  e: { label?: string; line?: number; findingIndex?: number },
  g: GradedReview | undefined,
  t: Translate,
  max = 28,
): string {
  if (!labelIsBare(e.label) || !g || e.findingIndex === undefined) return evidenceName(e, t);
  const title = shortTitle(g.review.findings[e.findingIndex], max);
  return title ? `${evidenceName(e, t)} ${title}` : evidenceName(e, t);
}

/** "C3: Circuit breaker missing for external APIs" (hover, tree: room for the whole title). */
export function findingFullName(
  e: { label?: string; line?: number; findingIndex?: number },
  g: GradedReview | undefined,
  t: Translate,
): string {
  const f = g && e.findingIndex !== undefined ? g.review.findings[e.findingIndex] : undefined;
  const title = shortTitle(f, 80);
  return title ? `${evidenceName(e, t)}: ${title}` : evidenceName(e, t);
}

/** Full lens title of a problem: "detected · C3 (auto 0.82) ≠ judge missed", "partial (judge) · no finding cited". */
export function problemTitle(p: ProblemGrade, g: GradedReview | undefined, t: Translate): string {
  const b = backingOf(p);
  const verdict = verdictWord(p.verdict, t);
  const head =
    b.kind === 'evidence'
      ? `${verdict} · ${findingName(b.evidence, g, t)} ${sourceMarker(p, t)}`
      : b.kind === 'uncited'
        ? `${verdict} ${sourceMarker(p, t)} · ${uncitedText(b, t)}`
        : `${verdict} ${sourceMarker(p, t)}`;
  return [head, disagreementText(p, t)].filter(Boolean).join(' ');
}

/** "P01 ○", "bonus B01", "penalty: out of scope". */
export function entryText(e: TagEntry, t: Translate): string {
  if (e.kind === 'problem') return `${e.id} ${MARK[e.verdict]}`;
  if (e.kind === 'bonus') return e.id ? t('bonus {0}', e.id) : t('bonus');
  return e.reason ? t('penalty: {0}', e.reason) : t('penalty');
}

/** "6.5 = 6 + 0.5 − 0" */
export function scoreFormula(s: RunScore): string {
  return `${fmt(s.total)} = ${fmt(s.detection)} + ${fmt(s.bonus)} − ${fmt(s.penalty)}`;
}

/** Which bonus findings count toward the score (the core decides: the source in force, within the cap). */
export function bonusCounts(g: GradedReview): boolean[] {
  return g.bonus.map((b) => b.counts);
}

/** "+2.5 (5 of 8 bonus findings count, cap 5)": points and counts apart. */
export function bonusSummary(s: RunScore, cap: number, t: Translate): string {
  const counted = Math.min(s.bonusCount, cap);
  const over = s.bonusCount - counted;
  const head = t('+{0} for {1} bonus finding(s)', fmt(s.bonus), counted);
  return over > 0 ? `${head} ${t('({0} more over the cap of {1})', over, cap)}` : head;
}

/** "−0.5 for 1 penalty". */
export function penaltySummary(s: RunScore, t: Translate): string {
  return s.penaltyCount === 1 ? t('−{0} for 1 penalty', fmt(s.penalty)) : t('−{0} for {1} penalties', fmt(s.penalty), s.penaltyCount);
}

/** "counts", "over the cap", "judge's count used": why a bonus row adds (or not). */
export function bonusStatus(b: BonusGrade, counts: boolean, g: GradedReview, t: Translate): string {
  if (counts) return t('counts');
  if (b.source !== g.extrasSource)
    return g.extrasSource === 'judge' ? t("not counted: the judge's count is used") : t('not counted: your tags are used');
  return t('over the cap');
}
