// The corpus's file-naming conventions: what a review's name says about its
// round, variant and run, and where its answer key and judge report live.
// Paths are handled as plain '/'-separated strings so this runs in a browser.
import { normalizePath } from './confine';

export interface RunName {
  round: number;
  variant: string;
  run?: number;
  /** the older one-key-per-document layout: `-docK-` */
  doc?: number;
  /** 'run' for a review, 'scoring' for a judge report */
  kind: 'run' | 'scoring';
}

const RUN_NAME = /^v(\d{1,4})-(.+?)(?:-doc(\d+))?-(?:run(\d+)|(scoring))\.md$/i;

/** Parse `v007-baseline-run1.md`, `v002-x-doc1-run2.md`, `v007-baseline-scoring.md`. */
export function parseRunName(fileName: string): RunName | undefined {
  const m = RUN_NAME.exec(basename(fileName));
  if (!m) return undefined;
  return {
    round: Number(m[1]),
    variant: m[2],
    doc: m[3] ? Number(m[3]) : undefined,
    run: m[4] ? Number(m[4]) : undefined,
    kind: m[5] ? 'scoring' : 'run',
  };
}

/** The label one variant's runs share: `v007-baseline`, `v002-x-doc1`. */
export function variantLabel(name: Pick<RunName, 'round' | 'variant' | 'doc'>): string {
  const doc = name.doc !== undefined ? `-doc${name.doc}` : '';
  return `v${String(name.round).padStart(3, '0')}-${name.variant}${doc}`;
}

/**
 * Any other run name: `<name>.md`, `<name>-run2.md`, `<name>-run3.md` (one
 * variant, any number of runs) or `<name>-scoring.md`. The stem is `<name>`.
 */
export interface RunStem {
  stem: string;
  run?: number;
  kind: 'run' | 'scoring';
}

export function parseRunStem(fileName: string): RunStem | undefined {
  const m = /^(.+?)(?:-(?:run(\d+)|(scoring)))?\.md$/i.exec(basename(fileName));
  if (!m || isAnswerKeyName(fileName)) return undefined;
  return { stem: m[1]!, run: m[2] ? Number(m[2]) : undefined, kind: m[3] ? 'scoring' : 'run' };
}

/** The key folder itself, then its parent (the parent first for a review in results/). */
function keyFolders(reviewPath: string): string[] {
  const dir = dirname(reviewPath);
  // the parent by path arithmetic: '.' (a bare file name) has '..' above it, not '.' again
  const parent = resolveBeside(join(dir, '_'), '..');
  return basename(dir) === 'results' ? [parent, dir] : [dir, parent];
}

/**
 * Candidate answer-key paths for a review or scoring file, most likely first:
 * per folder (see keyFolders) the round's key (`answer-key-round-007.md`, or
 * `answer-key-K.md` for `-docK-`) beside it or in an `answer-keys/` folder;
 * for other names `answer-keys/<name>.md` and `answer-key-<name>.md`; last, one
 * `answer-key.md` for the whole folder.
 */
export function keyCandidates(reviewPath: string): string[] {
  const folders = keyFolders(reviewPath);
  const name = parseRunName(reviewPath);
  let files: string[];
  if (name) {
    const round3 = String(name.round).padStart(3, '0');
    const beside =
      name.doc !== undefined ? [`answer-key-${name.doc}.md`] : [`answer-key-round-${round3}.md`, `answer-key-round-${name.round}.md`];
    const inFolder =
      name.doc !== undefined
        ? [`answer-keys/answer-key-${name.doc}.md`]
        : [`answer-keys/answer-key-round-${round3}.md`, `answer-keys/round-${round3}.md`];
    files = [...beside, ...inFolder];
  } else {
    const stem = parseRunStem(reviewPath)?.stem;
    if (!stem) return [];
    files = [`answer-keys/${stem}.md`, `answer-key-${stem}.md`];
  }
  const specific = folders.flatMap((p) => files.map((f) => join(p, f)));
  return [...new Set([...specific, ...folders.map((p) => join(p, 'answer-key.md'))])];
}

/**
 * User key patterns, relative to the review's folder (or absolute), tried after
 * the conventions: `{round}` (zero-padded to 3 digits), `{doc}`, `{variant}` from
 * a vNNN name, `{name}` the stem of any name. A pattern whose placeholder the
 * name cannot fill is skipped.
 */
export function patternCandidates(reviewPath: string, patterns: readonly string[]): string[] {
  const run = parseRunName(reviewPath);
  const stem = parseRunStem(reviewPath)?.stem;
  const values: Record<string, string | undefined> = {
    round: run && String(run.round).padStart(3, '0'),
    doc: run?.doc !== undefined ? String(run.doc) : undefined,
    variant: run?.variant,
    name: run ? basename(reviewPath).replace(/-(?:run\d+|scoring)\.md$/i, '') : stem,
  };
  const out: string[] = [];
  for (const pattern of patterns) {
    if (typeof pattern !== 'string' || !pattern.trim()) continue;
    let unfilled = false;
    const filled = pattern.replace(/\$?\{(round|doc|variant|name)\}/g, (_, k: string) => {
      const v = values[k];
      if (v === undefined) unfilled = true;
      return v ?? '';
    });
    if (!unfilled) out.push(resolveBeside(reviewPath, filled.trim()));
  }
  return [...new Set(out)];
}

/** The judge report beside a review run: `vNNN-variant[-docK]-scoring.md`. */
export function scoringPathFor(reviewPath: string): string | undefined {
  const name = parseRunName(reviewPath);
  if (!name || name.kind !== 'run') return undefined;
  return join(dirname(reviewPath), `${variantLabel(name)}-scoring.md`);
}

/** Is this the file name of an answer key (`answer-key*.md`, or any .md in an `answer-keys/` folder)? */
export function isAnswerKeyName(fileName: string): boolean {
  const name = basename(fileName);
  if (/^answer-key(?:[-_.].*)?\.md$/i.test(name)) return true;
  return /\.md$/i.test(name) && /^answer-keys$/i.test(basename(dirname(fileName)));
}

export function basename(p: string): string {
  const parts = p.replace(/\\/g, '/').split('/');
  return parts[parts.length - 1] ?? p;
}

export function dirname(p: string): string {
  const s = p.replace(/\\/g, '/');
  const i = s.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : s.slice(0, i);
}

export function join(dir: string, file: string): string {
  if (dir === '.' || dir === '') return file;
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}

/** A link comment in a review: `<!-- answer-key: ../answer-key-round-007.md -->`, or `rubric.md#T01` for one scenario. */
export interface KeyLink {
  /** as written */
  raw: string;
  /** the path part, before any '#' */
  path: string;
  /** after '#': the scenario of a multi-scenario key file */
  fragment?: string;
  /** offset of the comment in the review */
  offset: number;
}

/** Links are looked for in this many leading characters: a link further down is not one. */
export const LINK_SEARCH_LIMIT = 200_000;

/** The review's link comment, read anywhere in the first LINK_SEARCH_LIMIT characters. */
export function keyLink(text: string): KeyLink | undefined {
  const m = /<!--\s*answer[- ]key\s*:\s*(.+?)\s*-->/i.exec(text.length > LINK_SEARCH_LIMIT ? text.slice(0, LINK_SEARCH_LIMIT) : text);
  if (!m) return undefined;
  return { raw: m[1]!, ...splitFragment(m[1]!), offset: m.index };
}

/** `rubric.md#T01` → path and fragment; a '#' not after `.md` is part of the path. */
export function splitFragment(ref: string): { path: string; fragment?: string } {
  const m = /^(.*?\.md)#([^#/\\]+)$/i.exec(ref.trim());
  return m ? { path: m[1]!, fragment: m[2]!.trim() } : { path: ref.trim() };
}

/** An explicit pairing inside a review: `<!-- answer-key: ../answer-key-round-007.md -->`. */
export function linkedKeyPath(text: string): string | undefined {
  return keyLink(text)?.raw;
}

/** Resolve a relative path against the directory of a file ('/'-separated, normalized). */
export function resolveBeside(file: string, relative: string): string {
  const rel = relative.replace(/\\/g, '/');
  return normalizePath(rel.startsWith('/') ? rel : `${dirname(file)}/${rel}`);
}
