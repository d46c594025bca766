// Answer key → AnswerKey: problems P01.. with fields and ○/△/× criteria,
// bonus rows, header facts. Read line by line (see answerKey/lines.ts for
// why), tolerant of the many ways LLM-written keys spell the same thing.
// Never throws: bad input yields an empty key with a diagnostic.
import type { AnswerKey, Diagnostic, Problem } from './model';
import { parseBonusItems, parseBonusTables } from './answerKey/bonus';
import { parseHeader } from './answerKey/header';
import { LineIndex } from './answerKey/lines';
import { parseProblem, type ProblemHead } from './answerKey/problems';
import { firstStrayCriterion, parseShapes, type KeyFile } from './answerKey/shapes';
import { keyStructure, type KeyStructure } from './answerKey/structure';
import { BONUS_HEADING, detectLanguage, matchBoldLine, matchHeading, matchProblemHeading } from './answerKey/vocabulary';
import { pushAll } from './arrays';
import { said } from './i18n';

export { LineIndex } from './answerKey/lines';
export { bankEntryOf, type KeyFile } from './answerKey/shapes';
export { GENERIC_CRITERIA, GENERIC_NOTE } from './answerKey/generic';
export { detectionSubtotal, type Subtotal } from './answerKey/rating';
export {
  canonicalId,
  detectLanguage,
  fieldName,
  isKnownSeverity,
  matchCriterion,
  matchProblemHeading,
  SEVERITY_WORDS,
} from './answerKey/vocabulary';

/** A heading-like line that opens or closes a section. */
interface Marker {
  line: number;
  depth: number;
  kind: 'problem' | 'bonus' | 'other';
  problem?: ProblemHead;
}

/**
 * One key: a classic or single-section file is that key; in a scenario file
 * it is the scenario named (`'T01'`, or the `#T01` fragment of `path`), else
 * the first one — `key.scenarios` lists them all (parseKeyFile reads every one).
 */
export function parseAnswerKey(text: string, path?: string, scenario?: string): AnswerKey {
  // 'rubric.md#T01': a fragment that is an id (a file named 'notes#1.md' keeps its name)
  const hash = path?.lastIndexOf('#') ?? -1;
  const fragment = path && hash > 0 && /^[A-Za-z0-9][\w-]{0,30}$/.test(path.slice(hash + 1)) ? path.slice(hash + 1) : undefined;
  const wanted = scenario ?? fragment;
  const file = parseKeyFile(text, fragment !== undefined && scenario === undefined ? path!.slice(0, hash) : path);
  const found = wanted !== undefined ? file.sections.find((s) => s.scenario?.id.toLowerCase() === wanted.toLowerCase()) : undefined;
  if (wanted !== undefined && !found && file.sections[0]?.scenarios) {
    const first = file.sections[0];
    return {
      ...first,
      diagnostics: [
        {
          code: 'unknown-scenario',
          severity: 'error',
          line: 1,
          ...said(
            "no scenario '{0}' in this file (it holds {1}); read {2}",
            wanted,
            first.scenarios!.map((s) => s.id).join(', '),
            first.scenario!.id,
          ),
        },
        ...first.diagnostics,
      ],
    };
  }
  return found ?? file.sections[0]!;
}

/** Every key a file holds: one section per scenario ('## T01: …'), or one section. Never throws. */
export function parseKeyFile(text: string, path?: string): KeyFile {
  try {
    return parse(typeof text === 'string' ? text : '', path);
  } catch (e) {
    // a bug here must never cost the user a stack trace: report and carry on
    const diagnostics: Diagnostic[] = [
      {
        code: 'parse-failure',
        severity: 'error',
        line: 1,
        ...said('could not read the answer key: {0}', e instanceof Error ? e.message : String(e)),
      },
    ];
    return { path, sections: [{ path, language: 'en', problems: [], bonus: [], diagnostics }], diagnostics };
  }
}

function parse(text: string, path: string | undefined): KeyFile {
  const ix = new LineIndex(text);
  // one markdown parse: remark (or the scanner for risky input) says which lines are headings and tables
  const structure = keyStructure(text);
  const markers = findMarkers(ix, structure);
  // the classic '### P01:' reader stays exactly as it was; other shapes only where it finds no P-items
  if (!text.includes('\u0000') && !markers.some((m) => m.kind === 'problem')) {
    const shaped = parseShapes(ix, structure, path);
    if (shaped && shaped.sections.some((s) => s.problems.length)) return shaped;
  }
  const key = parseClassic(text, path, ix, structure, markers);
  const none = key.diagnostics.find((d) => d.code === 'no-problems');
  const stray = none ? firstStrayCriterion(ix, structure, path) : undefined;
  if (none && stray !== undefined) {
    // it says it is a key and has criteria: say where reading found no item to attach them to
    Object.assign(
      none,
      said(
        "no problems found: line {0} has ○/△/× criteria but no item above it carries an id (expected '### P01: Title', '### PB-01: Title', a bold lead '**ID: Title**' or a table row whose first cell is an id)",
        stray,
      ),
    );
    none.line = stray;
  }
  return { path, sections: [key], diagnostics: [] };
}

function parseClassic(text: string, path: string | undefined, ix: LineIndex, structure: KeyStructure, markers: Marker[]): AnswerKey {
  const diagnostics: Diagnostic[] = [];

  const problems: Problem[] = [];
  const inSection = new Uint8Array(ix.lines.length + 2); // 1 = problem, 2 = bonus
  let bonus = [] as AnswerKey['bonus'];
  markers.forEach((m, i) => {
    const end = sectionEnd(markers, i, ix.lines.length + 1);
    if (m.kind === 'problem') {
      problems.push(parseProblem(ix, m.problem!, end, diagnostics));
      inSection.fill(1, m.line, end);
    } else if (m.kind === 'bonus') {
      pushAll(bonus, parseBonusTables(ix, structure.tables, m.line + 1, end, false), parseBonusItems(ix, m.line + 1, end));
      inSection.fill(2, m.line, end);
    }
  });
  // tables of B01.. rows outside a bonus section still count
  let runStart = 1;
  for (let no = 1; no <= ix.lines.length + 1; no++) {
    if (no <= ix.lines.length && inSection[no] === 0) continue;
    if (no > runStart) pushAll(bonus, parseBonusTables(ix, structure.tables, runStart, no, true));
    runStart = no + 1;
  }
  bonus = bonus.sort((a, b) => a.span.start.offset - b.span.start.offset);

  const firstProblem = markers.find((m) => m.kind === 'problem')?.line ?? ix.lines.length + 1;
  const headerLines: number[] = [];
  for (let no = 1; no < firstProblem; no++) if (inSection[no] === 0) headerLines.push(no);
  const header = parseHeader(ix, headerLines, path);

  if (text.includes('\u0000')) {
    diagnostics.push({
      code: 'not-text',
      severity: 'error',
      line: ix.point(text.indexOf('\u0000')).line,
      ...said('the file does not look like text (it contains NUL bytes); expected a markdown answer key'),
    });
  } else if (problems.length === 0) {
    diagnostics.push({
      code: 'no-problems',
      severity: 'warning',
      line: 1,
      ...said("no problems found (expected headings like '### P01: Title' followed by ○/△/× detection criteria)"),
    });
  }
  diagnostics.sort((a, b) => a.line - b.line);

  return {
    path,
    language: detectLanguage(text),
    round: header.round,
    perspective: header.perspective,
    statedCount: header.statedCount,
    statedCountLine: header.statedCountLine,
    problems,
    bonus,
    diagnostics,
  };
}

function findMarkers(ix: LineIndex, structure: KeyStructure): Marker[] {
  const markers: Marker[] = [];
  for (const line of ix.lines) {
    if (line.opaque) continue;
    const c = line.text.trimStart()[0];
    if (c !== '#' && c !== '*' && c !== '_') continue;
    // a '#' line is a heading only where markdown says so (not in a paragraph, html block or code)
    const heading = structure.headings.has(line.no) ? matchHeading(line.text) : undefined;
    const headText = heading ? heading.text : matchBoldLine(line.text);
    if (headText === undefined) continue;
    const depth = heading ? heading.depth : 7;
    const p = matchProblemHeading(headText);
    if (p) {
      markers.push({ line: line.no, depth, kind: 'problem', problem: { line: line.no, depth, number: p.number, title: p.title } });
    } else if (heading) {
      markers.push({ line: line.no, depth, kind: BONUS_HEADING.test(heading.text) ? 'bonus' : 'other' });
    }
  }
  return markers;
}

/** A section ends at the next problem, or the next heading no deeper than its own. */
function sectionEnd(markers: Marker[], i: number, eof: number): number {
  const m = markers[i]!;
  for (let j = i + 1; j < markers.length; j++) {
    const n = markers[j]!;
    if (n.kind === 'problem' || n.depth <= m.depth || (m.kind === 'problem' && n.kind === 'bonus')) return n.line;
  }
  return eof;
}
