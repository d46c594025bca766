// Where the ○ △ × marks, P/B ids and grading tags of a key or review are, for
// the semantic-token colouring (colouring.ts). Pure: no 'vscode', unit-tested.
// The patterns are the injection grammar's own (syntaxes/, the one place they
// are written), compiled to JavaScript; as in the grammar, nothing inside code
// spans, fenced code or ordinary HTML comments is coloured, and inside a
// `<!-- grade: … -->` tag its keyword, marks and ids are.
import grammar from '../../syntaxes/review-grader.injection.json';
import { pushAll } from '../core/arrays';

export type ColourKind = 'detected' | 'partial' | 'missed' | 'problemId' | 'bonusId' | 'tagKeyword';

/** One token: 0-based line, UTF-16 column, length. */
export interface ColourToken {
  line: number;
  start: number;
  length: number;
  kind: ColourKind;
}

interface Rule {
  re: RegExp;
  kind: ColourKind;
}

/** Scope name of a grammar pattern → token kind (the grammar names them; we only map). */
function kindOfScope(name: string): ColourKind | undefined {
  if (name.startsWith('markup.inserted.verdict')) return 'detected';
  if (name.startsWith('markup.changed.verdict')) return 'partial';
  if (name.startsWith('markup.deleted.verdict')) return 'missed';
  if (name.startsWith('constant.other.problem-id')) return 'problemId';
  if (name.startsWith('constant.other.bonus-id')) return 'bonusId';
  return undefined;
}

interface GrammarPattern {
  name?: string;
  match?: string;
  include?: string;
  patterns?: GrammarPattern[];
}

/** The grammar's `match` rules reachable from a repository entry; a pattern JavaScript cannot compile is skipped. */
function rulesOf(entry: string, seen = new Set<string>()): Rule[] {
  if (seen.has(entry)) return [];
  seen.add(entry);
  const repo = grammar.repository as Record<string, GrammarPattern>;
  const out: Rule[] = [];
  for (const p of repo[entry]?.patterns ?? []) {
    if (p.include?.startsWith('#')) pushAll(out, rulesOf(p.include.slice(1), seen));
    const kind = p.name && kindOfScope(p.name);
    if (!p.match || !kind) continue;
    try {
      out.push({ re: new RegExp(p.match, 'gu'), kind });
    } catch {
      // an Oniguruma-only construct: that rule goes uncoloured rather than breaking all colouring
    }
  }
  return out;
}

/** The grammar's top-level rules, grade tags apart (scanned below, as the grammar's begin/end does). */
const RULES: Rule[] = (grammar.patterns as GrammarPattern[]).flatMap((p) =>
  p.include?.startsWith('#') && p.include !== '#grade-tag' ? rulesOf(p.include.slice(1)) : [],
);
const TAG_OPEN = /<!--\s*(grade)\s*:/giu;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Tokens of one markdown text, in document order. */
export function colourTokens(text: string): ColourToken[] {
  const out: ColourToken[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.slice(f[0].length).trim() === '') fence = undefined;
      continue;
    }
    if (f && !inComment) {
      fence = f[1];
      continue;
    }
    inComment = scanLine(line, i, inComment, out);
  }
  return out;
}

/** Colour one line outside code; returns whether an ordinary comment is still open at its end. */
function scanLine(line: string, lineNo: number, inComment: boolean, out: ColourToken[]): boolean {
  let pos = 0;
  if (inComment) {
    const end = line.indexOf('-->');
    if (end < 0) return true;
    pos = end + 3;
  }
  while (pos < line.length) {
    const comment = line.indexOf('<!--', pos);
    const tick = line.indexOf('`', pos);
    const next = Math.min(comment < 0 ? line.length : comment, tick < 0 ? line.length : tick);
    plain(line, lineNo, pos, next, out);
    if (next >= line.length) return false;
    if (next === tick) {
      // a code span: the same run of backticks closes it; an unclosed run is literal text
      const run = /^`+/.exec(line.slice(tick))![0];
      const close = line.indexOf(run, tick + run.length);
      pos = close < 0 ? tick + run.length : close + run.length;
      continue;
    }
    const end = line.indexOf('-->', comment + 4);
    TAG_OPEN.lastIndex = comment;
    const tag = TAG_OPEN.exec(line);
    if (tag && tag.index === comment) {
      const kw = comment + tag[0].indexOf(tag[1]);
      out.push({ line: lineNo, start: kw, length: tag[1].length, kind: 'tagKeyword' });
      plain(line, lineNo, comment + tag[0].length, end < 0 ? line.length : end, out);
      if (end < 0) return false; // a tag is one line (tags/read.ts); an unclosed one colours no further
    } else if (end < 0) return true;
    pos = end + 3;
  }
  return false;
}

/** Marks and ids in line[from, to), in order. */
function plain(line: string, lineNo: number, from: number, to: number, out: ColourToken[]): void {
  if (to <= from) return;
  const part = line.slice(from, to);
  const found: ColourToken[] = [];
  for (const r of RULES) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(part); m; m = r.re.exec(part)) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      found.push({ line: lineNo, start: from + m.index, length: m[0].length, kind: r.kind });
    }
  }
  found.sort((a, b) => a.start - b.start);
  let last = -1;
  for (const t of found) {
    if (t.start < last) continue; // overlapping rules: the first match wins, as in a grammar
    out.push(t);
    last = t.start + t.length;
  }
}
