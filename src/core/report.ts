// Render a variant's scoring report as markdown: matrix, per-run evidence,
// bonus/penalty, totals, mean/SD/stability. Same shape a judge writes, but
// every verdict says where it came from (tag, judge or auto).
import { findingPlace } from './findingPlace';
import type { GradedReview, ProblemGrade } from './model';
import { MARK } from './model';
import { DEFAULT_RUBRIC, fmt, summarizeVariant } from './score';
import { GENERIC_NOTE } from './answerKey/generic';
import { basename } from './naming';
import { verdictEvidence } from './grade';
import { escapeMarkdownInline, markdownCode } from './escape';

export interface ReportOptions {
  /** overrides the cap the scores carry (score.rubric), for a caller that graded without one */
  bonusCap?: number;
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
  return [...byVariant.entries()].map(([name, runs]) => renderVariant(name, sortRuns(runs), opts)).join('\n---\n\n');
}

function renderVariant(name: string, runs: GradedReview[], opts: ReportOptions): string {
  const key = runs[0].key;
  const s = runs[0].score;
  const r = s.rubric ?? DEFAULT_RUBRIC;
  const cap = opts.bonusCap ?? r.bonusCap;
  // the key's own detection rule when it states one (ratings, weights, a normalisation), else the classic marks
  const detection = s.detectionRule
    ? `detection by the key's rule: ${inline(s.detectionRule)}${s.detectionMax !== undefined ? ` (at most ${fmt(s.detectionMax)})` : ''}`
    : '○ detected 1, △ partial 0.5, × missed 0';
  const out: string[] = [`# Scoring Report: ${inline(name)}`, ''];
  out.push(
    `Answer key: ${markdownCode(runs[0].keyPath ?? '?')} (${key.problems.length} problems${key.bonus.length ? `, ${key.bonus.length} bonus rows` : ''}). ` +
      `Graded by review-grader: ${detection}; bonus +${fmt(r.bonusPoints)} each (at most ${cap}), penalty −${fmt(r.penaltyPoints)} each.`,
    '',
  );
  if (key.genericCriteria) out.push(inline(GENERIC_NOTE[key.language]), '');
  out.push('## Detection Matrix', '');
  out.push(`| Problem | ${runs.map((r) => cell(runLabel(r))).join(' | ')} |`);
  out.push(`|---|${runs.map(() => ':-:').join('|')}|`);
  key.problems.forEach((p, i) => {
    out.push(`| ${cell(p.id)}: ${cell(p.title)} | ${runs.map((r) => matrixCell(r.problems[i])).join(' | ')} |`);
  });
  out.push(
    '',
    '_Source: **tag** = a human grading tag in the review, **judge** = imported judge report, otherwise automatic with its confidence. ≠ marks a disagreement between sources._',
    '',
  );
  // appended line by line: a run with 150 000 unmatched findings must not become 150 000 call arguments
  for (const r of runs) renderRun(r, out);
  for (const line of renderSummary(name, runs)) out.push(line);
  return `${out.join('\n')}\n`;
}

function renderRun(g: GradedReview, out: string[]): void {
  out.push(`## ${inline(runLabel(g))} — ${markdownCode(basename(g.path ?? '?'))}`, '', '### Detection', '');
  g.problems.forEach((p, i) =>
    out.push(`- ${inline(p.id)} ${MARK[p.verdict]} (${points(g, p, i)}) — ${evidenceText(p)} _[${sourceText(p)}]_`),
  );
  out.push('', `### Bonus (${g.score.bonusCount}, counted from ${g.extrasSource === 'tag' ? 'tags' : g.extrasSource})`, '');
  if (g.bonus.length === 0) out.push('- none');
  for (const b of g.bonus)
    out.push(`- ${inline(b.id ?? 'extra')}: ${at(b.label, b.line)}${b.text ? ` — ${inline(b.text)}` : ''} _[${b.source}]_`);
  out.push('', `### Penalty (${g.score.penaltyCount})`, '');
  if (g.penalties.length === 0) out.push('- none');
  for (const p of g.penalties) out.push(`- ${at(p.label, p.line)} — ${inline(p.reason || 'penalty')} _[${p.source}]_`);
  if (g.unmatched.length) {
    out.push('', `### Unmatched findings (${g.unmatched.length}): bonus or penalty candidates`, '');
    for (const u of g.unmatched) out.push(`- ${at(u.label, u.line)}: ${inline(u.title)}`);
  }
  const s = g.score;
  out.push('', `**${inline(runLabel(g))} total: ${fmt(s.detection)} + ${fmt(s.bonus)} − ${fmt(s.penalty)} = ${fmt(s.total)}**`, '');
}

function renderSummary(name: string, runs: GradedReview[]): string[] {
  const v = summarizeVariant(
    name,
    runs.map((r) => r.score.total),
  );
  const out = ['## Summary', '', '| Run | Detection | Bonus | Penalty | Total |', '|---|--:|--:|--:|--:|'];
  for (const r of runs)
    out.push(
      `| ${cell(runLabel(r))} | ${fmt(r.score.detection)} | +${fmt(r.score.bonus)} | −${fmt(r.score.penalty)} | ${fmt(r.score.total)} |`,
    );
  out.push(
    '',
    `- **Mean**: ${fmt(v.mean)}`,
    `- **SD**: ${fmt(v.sd)} (population)`,
    `- **Stability**: ${v.stability} (SD ≤ 0.5 high, ≤ 1.0 medium, else low)`,
  );
  const disagreements = runs.flatMap((r) => r.problems.filter((p) => p.disagreement).map((p) => `${inline(runLabel(r))} ${inline(p.id)}`));
  if (disagreements.length) out.push(`- **Disagreements** between sources: ${disagreements.join(', ')}`);
  return out;
}

/** What the item earns: its credit, or under the key's own rule its rating × weight ('2 × 0.5'). */
function points(g: GradedReview, p: ProblemGrade, i: number): string {
  const s = g.key.scoring;
  if (!s) return fmt(p.credit);
  const item = g.key.problems[i]?.id === p.id ? g.key.problems[i] : g.key.problems.find((x) => x.id === p.id);
  const rating = s.ratings[p.verdict];
  return s.weighted ? `${fmt(rating)} × weight ${fmt(item?.weight ?? 1)}` : fmt(rating);
}

function matrixCell(p: ProblemGrade | undefined): string {
  if (!p) return '';
  const src = p.source === 'auto' ? `auto ${p.confidence.toFixed(2)}` : p.source;
  return `${MARK[p.verdict]} ${src}${p.disagreement ? ' ≠' : ''}`;
}

function evidenceText(p: ProblemGrade): string {
  const e = verdictEvidence(p);
  const closest = p.evidence[0];
  if (p.verdict === 'missed') return closest ? `not found (closest: ${at(closest.label, closest.line)})` : 'not found';
  if (!e) return 'tagged for the whole review';
  return `${at(e.label, e.line)}: ${inline(e.excerpt)}`;
}

function sourceText(p: ProblemGrade): string {
  const parts = [p.source === 'auto' ? `auto, confidence ${p.confidence.toFixed(2)}` : p.source];
  if (p.source !== 'auto') parts.push(`auto ${MARK[p.auto.verdict]}`);
  if (p.judge && p.source !== 'judge') parts.push(`judge ${MARK[p.judge]}`);
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

function at(label: string | undefined, line: number | undefined): string {
  return findingPlace(label && inline(label), line) || 'review';
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
