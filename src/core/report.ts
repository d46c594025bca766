// Render a variant's scoring report as markdown: matrix, per-run evidence,
// bonus/penalty, totals, mean/SD/stability. Same shape a judge writes, but
// every verdict says where it came from (tag, judge or auto). The text follows
// `locale` (English by default); the seal the CLI appends is not part of it.
import type { GradedReview, ProblemGrade } from './model';
import { MARK } from './model';
import { DEFAULT_ROUND_RULE, DEFAULT_RUBRIC, fmt, summarizeVariant, threshold, type RoundRule } from './score';
import { GENERIC_NOTE } from './answerKey/generic';
import { basename } from './naming';
import { verdictEvidence } from './grade';
import { escapeMarkdownInline, markdownCode } from './escape';
import { translator, type Locale, type Translate } from './i18n';
import { sourceWord, stabilityWord } from './sourceWord';

export interface ReportOptions {
  /** overrides the cap the scores carry (score.rubric), for a caller that graded without one */
  bonusCap?: number;
  /** the report's language (default English); ids, marks and numbers are the same in every language */
  locale?: Locale;
  /** the round thresholds (stability words) in force: a project file's, else the rubric's */
  rule?: RoundRule;
}

/** One report per variant present in `graded`, runs in run order. */
export function renderScoringReport(graded: GradedReview[], opts: ReportOptions = {}): string {
  const byVariant = new Map<string, GradedReview[]>();
  for (const g of graded) {
    const name = variantName(g);
    const list = byVariant.get(name);
    if (list) list.push(g);
    else byVariant.set(name, [g]);
  }
  const t = translator(opts.locale ?? 'en');
  return [...byVariant.entries()].map(([name, runs]) => renderVariant(name, sortRuns(runs), opts, t)).join('\n---\n\n');
}

function renderVariant(name: string, runs: GradedReview[], opts: ReportOptions, t: Translate): string {
  const key = runs[0].key;
  const s = runs[0].score;
  const r = s.rubric ?? DEFAULT_RUBRIC;
  const cap = opts.bonusCap ?? r.bonusCap;
  // the key's own detection rule when it states one (ratings, weights, a normalisation), else the classic marks
  const detection = !s.detectionRule
    ? t('○ detected 1, △ partial 0.5, × missed 0')
    : s.detectionMax !== undefined
      ? t("detection by the key's rule: {0} (at most {1})", inline(s.detectionRule), fmt(s.detectionMax))
      : t("detection by the key's rule: {0}", inline(s.detectionRule));
  const out: string[] = [t('# Scoring Report: {0}', inline(name)), ''];
  const keyCode = markdownCode(runs[0].keyPath ?? '?');
  const rubric = [detection, fmt(r.bonusPoints), cap, fmt(r.penaltyPoints)] as const;
  out.push(
    key.bonus.length
      ? t(
          'Answer key: {0} ({1} problems, {2} bonus rows). Graded by review-grader: {3}; bonus +{4} each (at most {5}), penalty −{6} each.',
          keyCode,
          key.problems.length,
          key.bonus.length,
          ...rubric,
        )
      : t(
          'Answer key: {0} ({1} problems). Graded by review-grader: {2}; bonus +{3} each (at most {4}), penalty −{5} each.',
          keyCode,
          key.problems.length,
          ...rubric,
        ),
    '',
  );
  // the note speaks the report's language; in English, as before, the key's own
  if (key.genericCriteria) out.push(inline(GENERIC_NOTE[(opts.locale ?? 'en') === 'en' ? key.language : opts.locale!]), '');
  out.push(t('## Detection Matrix'), '');
  out.push(`| ${t('Problem')} | ${runs.map((r) => cell(runLabel(r))).join(' | ')} |`);
  out.push(`|---|${runs.map(() => ':-:').join('|')}|`);
  key.problems.forEach((p, i) => {
    out.push(`| ${cell(p.id)}: ${cell(p.title)} | ${runs.map((r) => matrixCell(r.problems[i], t)).join(' | ')} |`);
  });
  out.push(
    '',
    t(
      '_Source: **tag** = a human grading tag in the review, **judge** = imported judge report, otherwise automatic with its confidence. ≠ marks a disagreement between sources._',
    ),
    '',
  );
  // appended line by line: a run with 150 000 unmatched findings must not become 150 000 call arguments
  for (const r of runs) renderRun(r, out, t);
  for (const line of renderSummary(name, runs, t, opts.rule ?? DEFAULT_ROUND_RULE)) out.push(line);
  return `${out.join('\n')}\n`;
}

function renderRun(g: GradedReview, out: string[], t: Translate): void {
  out.push(`## ${inline(runLabel(g))} — ${markdownCode(basename(g.path ?? '?'))}`, '', t('### Detection'), '');
  g.problems.forEach((p, i) =>
    out.push(`- ${inline(p.id)} ${MARK[p.verdict]} (${points(g, p, i, t)}) — ${evidenceText(p, t)} _[${sourceText(p, t)}]_`),
  );
  const n = g.score.bonusCount;
  const bonusHead =
    g.extrasSource === 'tag'
      ? t('### Bonus ({0}, counted from tags)', n)
      : g.extrasSource === 'judge'
        ? t('### Bonus ({0}, counted from judge)', n)
        : t('### Bonus ({0}, counted from auto)', n);
  out.push('', bonusHead, '');
  if (g.bonus.length === 0) out.push(`- ${t('none')}`);
  for (const b of g.bonus)
    out.push(
      `- ${inline(b.id ?? t('extra'))}: ${at(b.label, b.line, t)}${b.text ? ` — ${inline(b.text)}` : ''} _[${sourceWord(b.source, t)}]_`,
    );
  out.push('', t('### Penalty ({0})', g.score.penaltyCount), '');
  if (g.penalties.length === 0) out.push(`- ${t('none')}`);
  for (const p of g.penalties) out.push(`- ${at(p.label, p.line, t)} — ${inline(p.reason || t('penalty'))} _[${sourceWord(p.source, t)}]_`);
  if (g.unmatched.length) {
    out.push('', t('### Unmatched findings ({0}): bonus or penalty candidates', g.unmatched.length), '');
    for (const u of g.unmatched) out.push(`- ${at(u.label, u.line, t)}: ${inline(u.title)}`);
  }
  const s = g.score;
  out.push(
    '',
    t('**{0} total: {1} + {2} − {3} = {4}**', inline(runLabel(g)), fmt(s.detection), fmt(s.bonus), fmt(s.penalty), fmt(s.total)),
    '',
  );
}

function renderSummary(name: string, runs: GradedReview[], t: Translate, rule: RoundRule): string[] {
  const v = summarizeVariant(
    name,
    runs.map((r) => r.score.total),
    rule,
  );
  const out = [t('## Summary'), '', t('| Run | Detection | Bonus | Penalty | Total |'), '|---|--:|--:|--:|--:|'];
  for (const r of runs)
    out.push(
      `| ${cell(runLabel(r))} | ${fmt(r.score.detection)} | +${fmt(r.score.bonus)} | −${fmt(r.score.penalty)} | ${fmt(r.score.total)} |`,
    );
  out.push(
    '',
    t('- **Mean**: {0}', fmt(v.mean)),
    t('- **SD**: {0} (population)', fmt(v.sd)),
    t(
      '- **Stability**: {0} (SD ≤ {1} high, ≤ {2} medium, else low)',
      stabilityWord(v.stability, t),
      threshold(rule.stability.high),
      threshold(rule.stability.medium),
    ),
  );
  const disagreements = runs.flatMap((r) => r.problems.filter((p) => p.disagreement).map((p) => `${inline(runLabel(r))} ${inline(p.id)}`));
  if (disagreements.length) out.push(t('- **Disagreements** between sources: {0}', disagreements.join(', ')));
  return out;
}

/** What the item earns: its credit, or under the key's own rule its rating × weight ('2 × 0.5'). */
function points(g: GradedReview, p: ProblemGrade, i: number, t: Translate): string {
  const s = g.key.scoring;
  if (!s) return fmt(p.credit);
  const item = g.key.problems[i]?.id === p.id ? g.key.problems[i] : g.key.problems.find((x) => x.id === p.id);
  const rating = s.ratings[p.verdict];
  return s.weighted ? t('{0} × weight {1}', fmt(rating), fmt(item?.weight ?? 1)) : fmt(rating);
}

function matrixCell(p: ProblemGrade | undefined, t: Translate): string {
  if (!p) return '';
  const src = p.source === 'auto' ? t('auto {0}', p.confidence.toFixed(2)) : sourceWord(p.source, t);
  return `${MARK[p.verdict]} ${src}${p.disagreement ? ' ≠' : ''}`;
}

function evidenceText(p: ProblemGrade, t: Translate): string {
  const e = verdictEvidence(p);
  const closest = p.evidence[0];
  if (p.verdict === 'missed') return closest ? t('not found (closest: {0})', at(closest.label, closest.line, t)) : t('not found');
  if (!e) return t('tagged for the whole review');
  return `${at(e.label, e.line, t)}: ${inline(e.excerpt)}`;
}

function sourceText(p: ProblemGrade, t: Translate): string {
  const parts = [p.source === 'auto' ? t('auto, confidence {0}', p.confidence.toFixed(2)) : sourceWord(p.source, t)];
  if (p.source !== 'auto') parts.push(t('auto {0}', MARK[p.auto.verdict]));
  if (p.judge && p.source !== 'judge') parts.push(t('judge {0}', MARK[p.judge]));
  return parts.join('; ');
}

function variantName(g: GradedReview): string {
  const r = g.review;
  if (r.variant) return r.round !== undefined ? `v${String(r.round).padStart(3, '0')}-${r.variant}` : r.variant;
  return basename(g.path ?? 'review').replace(/\.md$/i, '');
}

function runLabel(g: GradedReview): string {
  return g.review.run !== undefined ? `Run ${g.review.run}` : basename(g.path ?? 'review');
}

function sortRuns(runs: GradedReview[]): GradedReview[] {
  return [...runs].sort((a, b) => (a.review.run ?? 0) - (b.review.run ?? 0));
}

/** "C3 (line 5)" as core/findingPlace names a finding, the line unit in the report's language; 'review' when neither is known. */
function at(label: string | undefined, line: number | undefined, t: Translate): string {
  const where = line === undefined ? '' : t('line {0}', line);
  const name = label && inline(label);
  return (name ? (where ? `${name} (${where})` : name) : where) || t('review');
}

/** Text safe inside a markdown table cell (escapeMarkdownInline escapes `|` too). */
function cell(s: string): string {
  return inline(s);
}

/**
 * One line of text from a review or key as literal markdown: no HTML, links,
 * comments or emphasis can come through, so the report (and a pull request
 * rendering it) shows exactly the characters the file holds.
 */
function inline(s: string): string {
  return escapeMarkdownInline(s);
}
