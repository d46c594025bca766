// The `grade --format json` contract (other tools depend on it: keep the keys).
import type { GradedReview } from '../../core/model';

export function gradeJson(graded: GradedReview[]) {
  return {
    reviews: graded.map((g) => ({
      path: g.path,
      key: g.keyPath,
      variant: g.review.variant,
      run: g.review.run,
      problems: g.problems.map((p) => ({
        id: p.id,
        title: p.title,
        verdict: p.verdict,
        credit: p.credit,
        source: p.source,
        confidence: round3(p.confidence),
        auto: p.auto.verdict,
        ...(p.tag ? { tag: p.tag } : {}),
        ...(p.judge ? { judge: p.judge } : {}),
        disagreement: p.disagreement,
        findings: p.evidence.map((e) => ({ id: e.label || null, line: e.line, score: round3(e.score) })),
      })),
      bonus: g.bonus.map((b) => ({ id: b.id ?? null, finding: b.label ?? null, line: b.line ?? null, source: b.source, text: b.text })),
      penalty: g.penalties.map((p) => ({ finding: p.label ?? null, line: p.line ?? null, source: p.source, reason: p.reason })),
      unmatched: g.unmatched.map((u) => ({ id: u.label ?? null, line: u.line, title: u.title })),
      score: g.score,
      diagnostics: [
        ...g.key.diagnostics.map((d) => ({ file: g.keyPath, code: d.code, severity: d.severity, line: d.line, message: d.message })),
        ...g.review.diagnostics.map((d) => ({ file: g.path, code: d.code, severity: d.severity, line: d.line, message: d.message })),
        // grading's own (tags naming ids the key lacks) point into the review
        ...g.gradingDiagnostics.map((d) => ({ file: g.path, code: d.code, severity: d.severity, line: d.line, message: d.message })),
      ],
    })),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
