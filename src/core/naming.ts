// The corpus's file-naming conventions: what a review's name says about its
// round, variant and run, and where its answer key and judge report live.
// Paths are handled as plain '/'-separated strings so this runs in a browser.

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

/** Candidate answer-key paths for a review or scoring file, most likely first. */
export function keyCandidates(reviewPath: string): string[] {
  const name = parseRunName(reviewPath);
  if (!name) return [];
  const dir = dirname(reviewPath);
  // the parent by path arithmetic: '.' (a bare file name) has '..' above it, not '.' again
  const parent = resolveBeside(join(dir, '_'), '..');
  const parents = basename(dir) === 'results' ? [parent, dir] : [dir, parent];
  const files = name.doc !== undefined
    ? [`answer-key-${name.doc}.md`]
    : [`answer-key-round-${String(name.round).padStart(3, '0')}.md`, `answer-key-round-${name.round}.md`];
  return [...new Set(parents.flatMap((p) => files.map((f) => join(p, f))))];
}

/** The judge report beside a review run: `vNNN-variant[-docK]-scoring.md`. */
export function scoringPathFor(reviewPath: string): string | undefined {
  const name = parseRunName(reviewPath);
  if (!name || name.kind !== 'run') return undefined;
  const doc = name.doc !== undefined ? `-doc${name.doc}` : '';
  return join(dirname(reviewPath), `v${String(name.round).padStart(3, '0')}-${name.variant}${doc}-scoring.md`);
}

/** Is this the file name of an answer key? */
export function isAnswerKeyName(fileName: string): boolean {
  return /^answer-key[-_.].*\.md$/i.test(basename(fileName)) || /^answer-key\.md$/i.test(basename(fileName));
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

/** Where a review's key may be: its link comment alone if it has one, else the naming conventions, in order. */
export interface KeyLookup {
  linked?: string;
  paths: string[];
}

export function keyLookup(reviewPath: string, reviewText: string): KeyLookup {
  const linked = linkedKeyPath(reviewText);
  return linked ? { linked, paths: [resolveBeside(reviewPath, linked)] } : { paths: keyCandidates(reviewPath) };
}

/** Why no key was found, naming the places looked at. */
export function keyNotFound(reviewPath: string, lookup: KeyLookup): string {
  if (lookup.linked) return `${reviewPath}: links answer key ${lookup.linked}, but ${lookup.paths[0]} does not exist`;
  return lookup.paths.length
    ? `${reviewPath}: no answer key found (looked for ${lookup.paths.join(', ')})`
    : `${reviewPath}: cannot tell its answer key from the file name (expected vNNN-variant-runR.md)`;
}

/** An explicit pairing inside a review: `<!-- answer-key: ../answer-key-round-007.md -->`. */
export function linkedKeyPath(text: string): string | undefined {
  const m = /<!--\s*answer[- ]key\s*:\s*(.+?)\s*-->/i.exec(text.length > 200_000 ? text.slice(0, 200_000) : text);
  return m ? m[1] : undefined;
}

/** Resolve a relative path against the directory of a file ('/'-separated, normalized). */
export function resolveBeside(file: string, relative: string): string {
  const rel = relative.replace(/\\/g, '/');
  const absolute = rel.startsWith('/');
  const joined = absolute ? rel : `${dirname(file)}/${rel}`;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (seg !== '..' || !joined.startsWith('/')) out.push(seg);
  }
  const path = out.join('/');
  return joined.startsWith('/') ? `/${path}` : path || '.';
}
