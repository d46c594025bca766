// Header facts of a key: round, perspective and the stated problem count.
// They sit above the first problem ('## 実行条件' / '## Execution Context'),
// except the round, which may only be in the file name.
import { asciiDigits, type LineIndex } from './lines';
import { headerName, matchField, matchHeading } from './vocabulary';

export interface HeaderFacts {
  round?: number;
  perspective?: string;
  statedCount?: number;
  statedCountLine?: number;
}

const ROUND_IN_TEXT = /(?:round|ラウンド)\s*[-#:：]?\s*0*(\d{1,4})|第\s*0*(\d{1,4})\s*(?:回|ラウンド)/i;
const ROUND_IN_NAME = /round[-_ ]?0*(\d{1,4})/i;

/** Read header facts from the given 1-based line numbers. */
export function parseHeader(ix: LineIndex, lines: number[], path?: string): HeaderFacts {
  const facts: HeaderFacts = {};
  for (const no of lines) {
    const line = ix.line(no);
    if (line.opaque) continue;
    const heading = matchHeading(line.text);
    if (heading) {
      const m = facts.round === undefined ? ROUND_IN_TEXT.exec(asciiDigits(heading.text)) : null;
      if (m) facts.round = Number(m[1] ?? m[2]);
      continue;
    }
    const f = matchHeaderField(line.text);
    if (!f) continue;
    const name = headerName(f.label);
    const value = line.text.slice(f.valueStart).trim();
    if (name === 'perspective' && facts.perspective === undefined && value) facts.perspective = value;
    else if (name === 'count' && facts.statedCount === undefined) {
      const n = /\d+/.exec(asciiDigits(value));
      if (n) {
        facts.statedCount = Number(n[0]);
        facts.statedCountLine = no;
      }
    } else if (name === 'round' && facts.round === undefined) {
      const n = /\d{1,4}/.exec(asciiDigits(value));
      if (n) facts.round = Number(n[0]);
    }
  }
  if (facts.round === undefined && path) {
    const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
    const m = ROUND_IN_NAME.exec(base);
    if (m) facts.round = Number(m[1]);
  }
  return facts;
}

/** A header fact line: a field line, or a bare 'Embedded Problems: 9' line with a known label. */
function matchHeaderField(line: string): { label: string; valueStart: number } | undefined {
  const f = matchField(line);
  if (f) return f;
  const m = /^\s{0,3}([^:：|#*\n]{1,40}?)\s*[:：]\s*/.exec(line.slice(0, 200));
  return m && headerName(m[1]!) ? { label: m[1]!, valueStart: m[0].length } : undefined;
}

/** Offset range of the stated number on its line, for a fix that corrects it. */
export function statedCountRange(text: string, lineStart: number, lineEnd: number): { start: number; end: number } | undefined {
  const line = text.slice(lineStart, lineEnd);
  const f = matchHeaderField(line);
  if (!f) return undefined;
  const m = /[0-9０-９]+/.exec(line.slice(f.valueStart));
  if (!m) return undefined;
  const start = lineStart + f.valueStart + m.index;
  return { start, end: start + m[0].length };
}
