// Accuracy by how a review was segmented: kappa / MAE / bias of the
// corpus's runs grouped by the number of findings the parser read, and for
// runs where one finding holds more than half the review's text. Few findings
// or one dominant finding usually means a section (or the whole review) was
// read as one finding, and the matcher then grades it far worse; this makes
// that weakness visible in numbers. Run from the repo root:
//   node --import tsx bench/segments.ts
import { readFileSync } from 'node:fs';
import { CORPUS, figures, scoreCorpus, type ScoredRun } from './accuracy';
import { loadReviewParser } from './reviewLoader';

/** Finding-count bands: a design review of a document with planted problems usually names several. */
const BANDS: { name: string; holds: (n: number) => boolean }[] = [
  { name: '≤ 2 findings', holds: (n) => n <= 2 },
  { name: '3–5 findings', holds: (n) => n >= 3 && n <= 5 },
  { name: '6–10 findings', holds: (n) => n >= 6 && n <= 10 },
  { name: '11–20 findings', holds: (n) => n >= 11 && n <= 20 },
  { name: '> 20 findings', holds: (n) => n > 20 },
];
/** A finding whose span holds more than this share of the review's characters is a section read as one. */
const DOMINANT_SHARE = 0.5;

interface Shape {
  findings: number;
  /** the largest share of the review's text one finding spans */
  largest: number;
}

async function main(): Promise<void> {
  const parseReview = await loadReviewParser();
  const { runs } = await scoreCorpus(undefined, 1);
  // scoreCorpus grades labels.json's runs in order, one ScoredRun each
  const labels = JSON.parse(readFileSync(`${CORPUS}/labels.json`, 'utf8')) as { review: string }[];
  const shapes: Shape[] = labels.map((l) => {
    const text = readFileSync(`${CORPUS}/${l.review}`, 'utf8');
    const issues = parseReview(text, l.review).findings.filter((f) => !f.positive);
    let largest = 0;
    for (const f of issues) largest = Math.max(largest, (f.span.end.offset - f.span.start.offset) / Math.max(1, text.length));
    return { findings: issues.length, largest };
  });
  if (shapes.length !== runs.length) throw new Error(`labels.json has ${shapes.length} runs, the scorer graded ${runs.length}`);
  const rows: { name: string; runs: ScoredRun[] }[] = [{ name: 'all runs', runs }];
  for (const b of BANDS) rows.push({ name: b.name, runs: runs.filter((_, i) => b.holds(shapes[i].findings)) });
  rows.push({ name: `one finding > ${DOMINANT_SHARE * 100}% of text`, runs: runs.filter((_, i) => shapes[i].largest > DOMINANT_SHARE) });
  rows.push({
    name: 'neither (≥ 3, none dominant)',
    runs: runs.filter((_, i) => shapes[i].findings >= 3 && shapes[i].largest <= DOMINANT_SHARE),
  });
  console.log('Accuracy by segmentation — findings read per run (positive aspects not counted), shipped thresholds');
  for (const r of rows) console.log(line(r.name, r.runs));
}

const f3 = (x: number) => x.toFixed(3);

function line(name: string, runs: ScoredRun[]): string {
  if (runs.length === 0) return `  ${name.padEnd(32)} runs   0`;
  const f = figures(runs);
  return `  ${name.padEnd(32)} runs ${String(f.runs).padStart(3)}  verdicts ${String(f.n).padStart(4)}  kappa ${f3(f.kappa)}  MAE ${f3(f.mae)}  bias ${(f.bias >= 0 ? '+' : '') + f3(f.bias)}`;
}

void main();
