// Throwaway review loader for early experiments (until src/core/review.ts exists):
// every markdown heading opens a finding.
import type { Review, Span } from '../src/core/model';
import { cjkRatio } from '../src/core/match/normalize';

const span = (line: number): Span => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 1, offset: 0 } });

export function crudeReview(text: string, path?: string): Review {
  const lines = text.split('\n');
  const findings: Review['findings'] = [];
  let current: { heading: string; line: number; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const m = /^([A-Z]+-?\d+(?:\.\d+)*|\d+(?:\.\d+)*)[.:)]?\s+(.*)$/.exec(current.heading);
    findings.push({
      label: m?.[1], title: m?.[2] ?? current.heading, heading: current.heading, body: current.body.join('\n'),
      headingSpan: span(current.line), span: span(current.line), index: findings.length,
    });
  };
  lines.forEach((l, i) => {
    const h = /^#{2,6}\s+(.*)$/.exec(l);
    if (h) { flush(); current = { heading: h[1].trim(), line: i + 1, body: [] }; }
    else current?.body.push(l);
  });
  flush();
  return { path, language: cjkRatio(text) > 0.4 ? 'ja' : 'en', findings, tags: [], diagnostics: [] };
}
