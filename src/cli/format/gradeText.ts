// `grade` text output: one table per review, the score line last.
import { findingPlace } from '../../core/findingPlace';
import type { GradedReview, ProblemGrade } from '../../core/model';
import { MARK } from '../../core/model';
import { GENERIC_NOTE } from '../../core/answerKey/generic';
import { detectionRuleText, fmt } from '../../core/score';
import { verdictEvidence } from '../../core/grade';
import { pad, truncate } from './width';

export function renderGradeText(graded: GradedReview[]): string {
  return graded.map(renderOne).join('\n');
}

function renderOne(g: GradedReview): string {
  const out: string[] = [];
  out.push(`${g.path}  (key: ${g.keyPath}, ${g.key.problems.length} problems)`);
  for (const p of g.problems) out.push(problemRow(p));
  if (g.bonus.length) {
    out.push('  bonus:');
    for (const b of g.bonus)
      out.push(`    ${pad(b.id ?? '+', 4)} ${pad(where(b.label, b.line), 14)} ${b.source.padEnd(5)} ${truncate(b.text, 60)}`);
  }
  if (g.penalties.length) {
    out.push('  penalty:');
    for (const p of g.penalties) out.push(`    −    ${pad(where(p.label, p.line), 14)} ${p.source.padEnd(5)} ${truncate(p.reason, 60)}`);
  }
  if (g.unmatched.length) {
    out.push(`  unmatched findings (bonus/penalty candidates): ${g.unmatched.length}`);
    for (const u of g.unmatched.slice(0, 12)) out.push(`    ${pad(where(u.label, u.line), 14)} ${truncate(u.title, 70)}`);
    if (g.unmatched.length > 12) out.push(`    … and ${g.unmatched.length - 12} more`);
  }
  const s = g.score;
  out.push(`  score: detection ${fmt(s.detection)} + bonus ${fmt(s.bonus)} − penalty ${fmt(s.penalty)} = ${fmt(s.total)}`);
  const rule = detectionRuleText(s);
  if (rule) out.push(`  ${rule}`);
  if (g.key.genericCriteria) out.push(`  ${GENERIC_NOTE[g.key.language]}`);
  return `${out.join('\n')}\n`;
}

function problemRow(p: ProblemGrade): string {
  const source = p.source === 'auto' ? `auto ${p.confidence.toFixed(2)}` : p.source;
  const best = verdictEvidence(p);
  const ev = best ? where(best.label, best.line) : p.source === 'tag' && p.verdict !== 'missed' ? 'review tag' : '';
  const flag = p.disagreement ? `  ≠ ${others(p)}` : '';
  return `  ${p.id} ${MARK[p.verdict]} ${p.verdict.padEnd(8)} ${pad(source, 9)} ${pad(ev, 14)} ${truncate(p.title, 56)}${flag}`;
}

function others(p: ProblemGrade): string {
  const parts = [`auto ${MARK[p.auto.verdict]}`];
  if (p.tag) parts.push(`tag ${MARK[p.tag]}`);
  if (p.judge) parts.push(`judge ${MARK[p.judge]}`);
  return parts.join(', ');
}

function where(label: string | undefined, line: number | undefined): string {
  return findingPlace(label, line, 'l.');
}
