// Short, consistent wording of verdicts for lenses, hovers and the status bar,
// so every view says "detected · C3 (auto 0.82)" the same way.
import type { ProblemGrade, RunScore, TagEntry } from '../core/model';
import { MARK } from '../core/model';
import { verdictEvidence } from '../core/grade';

/** "(auto 0.82)", "(tagged)" or "(judge)". */
export function sourceMarker(p: ProblemGrade): string {
  if (p.source === 'tag') return '(tagged)';
  if (p.source === 'judge') return '(judge)';
  return `(auto ${p.confidence.toFixed(2)})`;
}

/** The sources that disagree with the verdict in force: "≠ auto partial, judge missed"; '' when all agree. */
export function disagreementText(p: ProblemGrade): string {
  if (!p.disagreement) return '';
  const others: string[] = [];
  if (p.source !== 'auto' && p.auto.verdict !== p.verdict) others.push(`auto ${p.auto.verdict}`);
  if (p.source !== 'judge' && p.judge && p.judge !== p.verdict) others.push(`judge ${p.judge}`);
  if (p.source !== 'tag' && p.tag && p.tag !== p.verdict) others.push(`tagged ${p.tag}`);
  return others.length ? `≠ ${others.join(', ')}` : '';
}

/** A finding's short name: its label ('C3'), else 'line 42'. */
export function evidenceName(e: { label?: string; line?: number }): string {
  return e.label ? e.label : e.line ? `line ${e.line}` : '?';
}

/** Full lens title of a problem: "detected · C3 (auto 0.82) ≠ judge missed". */
export function problemTitle(p: ProblemGrade): string {
  const e = verdictEvidence(p);
  const head = e ? `${p.verdict} · ${evidenceName(e)}` : p.verdict;
  return [head, sourceMarker(p), disagreementText(p)].filter(Boolean).join(' ');
}

/** "P01 ○", "bonus B01", "penalty: out of scope". */
export function entryText(e: TagEntry): string {
  if (e.kind === 'problem') return `${e.id} ${MARK[e.verdict]}`;
  if (e.kind === 'bonus') return e.id ? `bonus ${e.id}` : 'bonus';
  return e.reason ? `penalty: ${e.reason}` : 'penalty';
}

/** "6.5 = 6 + 0.5 − 0" */
export function scoreFormula(s: RunScore): string {
  return `${num(s.total)} = ${num(s.detection)} + ${num(s.bonus)} − ${num(s.penalty)}`;
}

export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}
