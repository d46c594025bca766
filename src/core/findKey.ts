// Which answer key grades a review: ONE lookup for the CLI (grade, report,
// audit, dashboard) and the editor (lenses, Coverage view, Round Dashboard).
// In order: a key named by the user, a pairing made by hand, the review's link
// comment, the naming conventions, the user's key patterns. A pairing or link
// that leads nowhere is an error, never a silent fallback to a convention.
import { runExists, runExistsSync, type ExistsTask, type FileAccess, type FileAccessSync } from './files';
import { keyCandidates, keyLink, patternCandidates, resolveBeside, splitFragment } from './naming';
import { lineOf } from './text';
import { said, type Said, type SaidText } from './i18n';

export type KeySource = 'explicit' | 'pairing' | 'link' | 'convention' | 'pattern';

export interface FindKeyOptions {
  /** a key the user named (CLI --key): taken as is, not looked up */
  explicit?: string;
  /** reviews paired by hand: review path → key path (absolute, as the FileAccess understands it; may end in #scenario) */
  pairings?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** user key patterns, tried after the conventions (see naming.patternCandidates) */
  patterns?: readonly string[];
  /**
   * Confinement hook: may a link comment lead to this resolved path? A link
   * elsewhere is reported with its line and not read. Unset: every .md path.
   */
  isAllowed?(path: string): boolean;
}

export interface KeyFound {
  ok: true;
  path: string;
  source: KeySource;
  /** after '#' in `rubric.md#T01`: the scenario of a multi-scenario key file */
  scenario?: string;
  /** a link comment was refused (outside what may be read): reported, and the conventions found this key instead */
  refusedLink?: string;
}

export interface KeyMissing {
  ok: false;
  /** names the review (and the link's line) and the places looked at; `said` keeps it for the host's language */
  message: string;
  said?: Said;
  /** 'pairing' or 'link' when one was given but leads nowhere */
  source?: KeySource;
  looked: string[];
  /** 1-based line of the link comment */
  line?: number;
}

export type KeyLookup = KeyFound | KeyMissing;

/** The lookup as a task that asks which paths exist; see findKey / findKeySync to run it. */
export function* findKeyTask(reviewPath: string, reviewText: string, options: FindKeyOptions = {}): ExistsTask<KeyLookup> {
  if (options.explicit) return { ok: true, source: 'explicit', ...found(splitFragment(options.explicit)) };

  const paired = pairingOf(options.pairings, reviewPath);
  if (paired) {
    const ref = splitFragment(paired);
    if (yield ref.path) return { ok: true, source: 'pairing', ...found(ref) };
    return {
      ok: false,
      source: 'pairing',
      looked: [ref.path],
      ...said('{0}: paired with answer key {1}, which does not exist', reviewPath, ref.path),
    };
  }

  const link = keyLink(typeof reviewText === 'string' ? reviewText : '');
  if (link) {
    const line = lineOf(reviewText, link.offset);
    const at = said('{0}:{1}: links answer key {2}', reviewPath, line, link.raw);
    const missing = (message: SaidText, looked: string[] = []): KeyMissing => ({ ok: false, source: 'link', line, looked, ...message });
    if (!/\.md$/i.test(link.path)) return missing(said('{0}, but only a .md file is followed', at));
    const path = resolveBeside(reviewPath, link.path);
    if (options.isAllowed && !options.isAllowed(path)) {
      // an untrusted link is reported and not read; the naming conventions still apply
      const refused = missing(said('{0}, outside the folder that may be read ({1}); not read', at, path));
      const fallback = yield* conventionsAndPatterns(reviewPath, options);
      return fallback.ok ? { ...fallback, refusedLink: refused.message } : { ...refused, looked: fallback.looked };
    }
    if (yield path) return { ok: true, source: 'link', ...found({ path, fragment: link.fragment }) };
    return missing(said('{0}, but {1} does not exist', at, path), [path]);
  }
  return yield* conventionsAndPatterns(reviewPath, options);
}

/** The naming conventions, then the user's key patterns. */
function* conventionsAndPatterns(reviewPath: string, options: FindKeyOptions): ExistsTask<KeyLookup> {
  const conventions = keyCandidates(reviewPath);
  for (const path of conventions) if (yield path) return { ok: true, source: 'convention', path };
  const patterns = patternCandidates(reviewPath, options.patterns ?? []).filter((p) => !conventions.includes(p));
  for (const path of patterns) if (yield path) return { ok: true, source: 'pattern', path };

  const looked = [...conventions, ...patterns];
  return {
    ok: false,
    looked,
    ...(looked.length
      ? said('{0}: no answer key found (looked for {1})', reviewPath, looked.join(', '))
      : said('{0}: cannot tell its answer key from the file name (expected vNNN-variant-runR.md)', reviewPath)),
  };
}

/** Find a review's key through the editor's (asynchronous) file access. */
export function findKey(
  reviewPath: string,
  reviewText: string,
  files: Pick<FileAccess, 'exists'>,
  options: FindKeyOptions = {},
): Promise<KeyLookup> {
  return runExists(findKeyTask(reviewPath, reviewText, options), files);
}

/** Find a review's key through the CLI's (synchronous) file access. */
export function findKeySync(
  reviewPath: string,
  reviewText: string,
  files: Pick<FileAccessSync, 'exists'>,
  options: FindKeyOptions = {},
): KeyLookup {
  return runExistsSync(findKeyTask(reviewPath, reviewText, options), files);
}

function found(ref: { path: string; fragment?: string }): { path: string; scenario?: string } {
  return ref.fragment ? { path: ref.path, scenario: ref.fragment } : { path: ref.path };
}

function pairingOf(pairings: FindKeyOptions['pairings'], reviewPath: string): string | undefined {
  if (!pairings) return undefined;
  const value = pairings instanceof Map ? pairings.get(reviewPath) : (pairings as Readonly<Record<string, string>>)[reviewPath];
  return typeof value === 'string' && value ? value : undefined;
}
