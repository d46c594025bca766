// The project file `.review-grader.json` / `.review-grader.jsonc`, shared by
// the CLI and the editor (as markdownlint-cli2 and its extension share one
// file): key and run naming patterns, rubric, thresholds. JSON with comments
// and trailing commas. Pure: the caller finds and reads the file; a broken
// file yields diagnostics with their line, never a throw.
import type { Diagnostic, Verdict } from './model';
import { said, type SaidText } from './i18n';

export interface ProjectConfig {
  keys?: {
    /** where a review's key lives, relative to the review's folder: '../answer-key-round-{round}.md' */
    patterns?: string[];
    /** a scenario of a scenario rubric to grade against: 'rubric.md#T01' */
    scenario?: string;
  };
  runs?: {
    /** how run files are named: 'v{round}-{variant}-run{run}.md', '{variant}-run{run}.md' */
    patterns?: string[];
  };
  rubric?: {
    bonus?: { cap?: number; points?: number };
    penalty?: { points?: number };
    /** credit of each verdict, e.g. { detected: 2, partial: 1, missed: 0 } */
    ratings?: Partial<Record<Verdict, number>>;
    /** per-item weights by id */
    weights?: Record<string, number>;
    /** normalise the detection subtotal to this scale: Σ(rating × weight) / max × scale */
    scale?: number;
  };
  thresholds?: {
    /** stability by SD: ≤ high is high, ≤ medium is medium, else low */
    stability?: { high?: number; medium?: number };
    /** recommendation gaps: > clear picks the variant, ≥ close compares SDs */
    recommendation?: { clear?: number; close?: number };
    /** an improvement under this, two rounds in a row, may mean convergence */
    convergence?: number;
    /** automatic matcher scores for ○ and △ */
    match?: { detected?: number; partial?: number };
  };
}

export interface ProjectFile {
  config: ProjectConfig;
  diagnostics: Diagnostic[];
}

export const PROJECT_FILE_NAMES = ['.review-grader.jsonc', '.review-grader.json'] as const;

// ------------------------------------------------------------------ JSONC

class JsoncError extends Error {
  constructor(
    readonly text: SaidText,
    readonly offset: number,
  ) {
    super(text.message);
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Values with the offset each key starts at, so a wrong value is reported on its line. */
interface Parsed {
  value: Json;
  keyOffsets: Map<string, number>;
}

function parseJsonc(text: string): Parsed {
  const keyOffsets = new Map<string, number>();
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    for (;;) {
      while (i < n && /\s/.test(text[i]!)) i++;
      if (text.startsWith('//', i)) {
        while (i < n && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) throw new JsoncError(said('a /* comment is never closed'), i);
        i = end + 2;
      } else return;
    }
  };
  const value = (path: string, depth: number): Json => {
    if (depth > 64) throw new JsoncError(said('nested too deeply'), i);
    skip();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [k: string]: Json } = {};
      skip();
      while (text[i] !== '}') {
        if (i >= n) throw new JsoncError(said("expected '}' before the end of the file"), i);
        if (text[i] !== '"') throw new JsoncError(said("expected a property name in double quotes, found '{0}'", text[i]!), i);
        const at = i;
        const k = string();
        const p = path ? `${path}.${k}` : k;
        keyOffsets.set(p, at);
        skip();
        if (text[i] !== ':') throw new JsoncError(said('expected \':\' after "{0}"', k), i);
        i++;
        // defineProperty: a "__proto__" key is data, not the object's prototype
        Object.defineProperty(obj, k, { value: value(p, depth + 1), enumerable: true, writable: true, configurable: true });
        skip();
        if (text[i] === ',') {
          i++;
          skip();
        } else if (text[i] !== '}') throw new JsoncError(said("expected ',' or '}' after the value of \"{0}\"", k), i);
      }
      i++;
      return obj;
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      skip();
      while (text[i] !== ']') {
        if (i >= n) throw new JsoncError(said("expected ']' before the end of the file"), i);
        arr.push(value(`${path}[${arr.length}]`, depth + 1));
        skip();
        if (text[i] === ',') {
          i++;
          skip();
        } else if (text[i] !== ']') throw new JsoncError(said("expected ',' or ']' in a list"), i);
      }
      i++;
      return arr;
    }
    if (c === '"') return string();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 40));
    if (!lit) throw new JsoncError(i >= n ? said('expected a value before the end of the file') : said("unexpected '{0}'", text[i]!), i);
    i += lit[0].length;
    return lit[0] === 'true' ? true : lit[0] === 'false' ? false : lit[0] === 'null' ? null : Number(lit[0]);
  };
  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    while (i < n && text[i] !== '"') {
      if (text[i] === '\n') throw new JsoncError(said('a string runs past the end of its line'), start);
      if (text[i] === '\\') {
        const e = text[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && map[e]) {
          out += map[e];
          i += 2;
        } else throw new JsoncError(said('a bad escape in a string'), i);
      } else out += text[i++];
    }
    if (i >= n) throw new JsoncError(said('a string is never closed'), start);
    i++;
    return out;
  };
  const v = value('', 0);
  skip();
  if (i < n) throw new JsoncError(said("unexpected '{0}' after the end of the settings", text[i]!), i);
  return { value: v, keyOffsets };
}

function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let k = 0; k < offset && k < text.length; k++)
    if (text.charCodeAt(k) === 10) {
      line++;
      last = k;
    }
  return { line, column: offset - last };
}

// ------------------------------------------------------------ validation

type Check = (v: Json) => SaidText | undefined;
const isObj = (v: Json): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const num =
  (min: number, max = Infinity, int = false): Check =>
  (v) =>
    typeof v !== 'number' || v < min || v > max || (int && !Number.isInteger(v)) ? expectedNumber(min, max, int) : undefined;
function expectedNumber(min: number, max: number, int: boolean): SaidText {
  if (max === Infinity) return int ? said('expected a whole number ≥ {0}', min) : said('expected a number ≥ {0}', min);
  return int ? said('expected a whole number ≥ {0} and ≤ {1}', min, max) : said('expected a number ≥ {0} and ≤ {1}', min, max);
}
const strings: Check = (v) =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '') ? undefined : said('expected a list of non-empty strings');
const str: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? undefined : said('expected a non-empty string'));

/** The schema the parser enforces (schemas/review-grader.schema.json says the same to VS Code). */
const SHAPE: { [k: string]: Check | { [k: string]: unknown } } = {
  $schema: (v) => (typeof v === 'string' ? undefined : said('expected a string')),
  keys: { patterns: strings, scenario: str },
  runs: { patterns: strings },
  rubric: {
    bonus: { cap: num(0, 1000, true), points: num(0) },
    penalty: { points: num(0) },
    ratings: { detected: num(0), partial: num(0), missed: num(0) },
    weights: (v: Json) =>
      isObj(v) && Object.values(v).every((w) => typeof w === 'number' && w >= 0)
        ? undefined
        : said('expected an object of id → weight ≥ 0'),
    scale: num(0),
  },
  thresholds: {
    stability: { high: num(0), medium: num(0) },
    recommendation: { clear: num(0), close: num(0) },
    convergence: num(0),
    match: { detected: num(0, 1), partial: num(0, 1) },
  },
};

function validate(v: Json, shape: { [k: string]: unknown }, path: string, report: (path: string, msg: SaidText) => void): Json {
  if (!isObj(v)) {
    report(path, path ? said('{0}: expected an object', path) : said('the file: expected an object'));
    return {};
  }
  const out: { [k: string]: Json } = {};
  for (const [k, val] of Object.entries(v)) {
    const p = path ? `${path}.${k}` : k;
    const rule = Object.prototype.hasOwnProperty.call(shape, k) ? shape[k] : undefined; // "valueOf" is not a setting
    if (rule === undefined) {
      report(
        p,
        said(
          'unknown setting "{0}" (expected one of {1}); it is ignored',
          p,
          Object.keys(shape)
            .filter((s) => s !== '$schema')
            .join(', '),
        ),
      );
    } else if (typeof rule === 'function') {
      const msg = (rule as Check)(val);
      if (msg) report(p, said('"{0}": {1}; the default is used', p, msg));
      else out[k] = val;
    } else {
      out[k] = validate(val, rule as { [k: string]: unknown }, p, report);
    }
  }
  return out;
}

/** Parse a project file. `name` is used in messages. Never throws; problems become diagnostics. */
export function parseProjectFile(text: string, name = '.review-grader.json'): ProjectFile {
  const src = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const diagnostics: Diagnostic[] = [];
  if (src.trim() === '') return { config: {}, diagnostics };
  let parsed: Parsed;
  try {
    parsed = parseJsonc(src);
  } catch (e) {
    const offset = e instanceof JsoncError ? e.offset : 0;
    const at = lineOf(src, offset);
    diagnostics.push({
      code: 'project-syntax',
      severity: 'error',
      line: at.line,
      column: at.column,
      ...said(
        'line {0}: {1} is not valid JSON: {2}; the defaults are used',
        at.line,
        name,
        e instanceof JsoncError ? e.text : e instanceof Error ? e.message : String(e),
      ),
    });
    return { config: {}, diagnostics };
  }
  // a wrong setting: a warning at its key's line, and the default stays
  const warn = (path: string, msg: SaidText) => {
    const at = lineOf(src, parsed.keyOffsets.get(path) ?? 0);
    diagnostics.push({
      code: 'project-setting',
      severity: 'warning',
      line: at.line,
      column: at.column,
      ...said('line {0}: {1}', at.line, msg),
    });
  };
  const config = validate(parsed.value, SHAPE, '', warn) as ProjectConfig;
  const st = config.thresholds?.stability;
  if (st?.high !== undefined && st.medium !== undefined && st.high > st.medium)
    warn(
      'thresholds.stability.high',
      said('"thresholds.stability.high" ({0}) is above "medium" ({1}); expected high ≤ medium', st.high, st.medium),
    );
  const m = config.thresholds?.match;
  if (m?.detected !== undefined && m.partial !== undefined && m.partial > m.detected)
    warn(
      'thresholds.match.partial',
      said('"thresholds.match.partial" ({0}) is above "detected" ({1}); expected partial ≤ detected', m.partial, m.detected),
    );
  // both set with close > clear leaves no gap for the lower-SD rule (a gap is a clear win or keeps the
  // baseline); one alone against the default may mean just that, as clear: 0 does
  const r = config.thresholds?.recommendation;
  if (r?.clear !== undefined && r.close !== undefined && r.close > r.clear)
    warn(
      'thresholds.recommendation.close',
      said(
        '"thresholds.recommendation.close" ({0}) is above "clear" ({1}); expected close ≤ clear, or no gap is judged by the lower SD',
        r.close,
        r.clear,
      ),
    );
  return { config, diagnostics };
}
