// "Never lose a byte": every file the tool writes ends with a marker holding
// the SHA-256 of the rest of the file. A later write may replace that file
// only while the marker still matches (nobody edited it); any other existing
// file (a judge's report, a run, a key, a page someone saved) is left alone
// unless the user says --force. Pure: the hosts do the reading and writing.
import { sha256 } from './sha256';
import { english, type Translate } from '../i18n';

/** The last line of every output: an HTML comment, invisible in markdown and in the page. */
const OPEN = '<!-- review-grader: sha256=';
const MARKER = /^<!-- review-grader: sha256=([0-9a-f]{64}) -->/;

/** Line ends normalised before hashing, so a git checkout's CRLF conversion is not "an edit". */
function digest(body: string): string {
  return sha256(body.replace(/\r\n?/g, '\n'));
}

/** `content` with the marker appended (on its own final line). */
export function sealOutput(content: string): string {
  const body = content.endsWith('\n') ? content : `${content}\n`;
  return `${body}${OPEN}${digest(body)} -->\n`;
}

/** What an existing file is, for the question "may we replace it?". */
export type ExistingState =
  /** written by review-grader and unchanged since */
  | 'ours'
  /** written by review-grader, then edited (the marker no longer matches) */
  | 'edited'
  /** no marker: written by someone else, or by an older version we cannot vouch for */
  | 'foreign';

export function existingState(text: string): ExistingState {
  const at = text.lastIndexOf(OPEN);
  const m = at < 0 ? null : MARKER.exec(text.slice(at));
  if (!m) return 'foreign';
  // text added after the marker is an edit too
  const after = text.slice(at + m[0].length);
  return after.trim() === '' && digest(text.slice(0, at)) === m[1] ? 'ours' : 'edited';
}

export type Refusal = Exclude<ExistingState, 'ours'> | 'symlink' | 'not-a-file';
export type ReplaceDecision = { ok: true } | { ok: false; state: Refusal };

/**
 * May an output replace what sits at its path? `existing` is the file's text
 * (undefined: nothing there); `kind` what the host found at the path.
 */
export function mayReplace(
  existing: string | undefined,
  opts: { force?: boolean; kind?: 'file' | 'symlink' | 'other' } = {},
): ReplaceDecision {
  if (opts.kind === 'symlink') return opts.force ? { ok: true } : { ok: false, state: 'symlink' };
  if (opts.kind === 'other') return { ok: false, state: 'not-a-file' };
  if (existing === undefined || opts.force) return { ok: true };
  const state = existingState(existing);
  return state === 'ours' ? { ok: true } : { ok: false, state };
}

/** Why an existing file is left alone, in a few words (in the host's language when it passes its translator). */
export function refusalReason(state: Refusal, t: Translate = english): string {
  switch (state) {
    case 'symlink':
      return t('it is a symbolic link (not followed)');
    case 'not-a-file':
      return t('it is not a regular file');
    case 'edited':
      return t('edited since review-grader wrote it');
    case 'foreign':
      return t('not written by review-grader');
  }
}

/** One line naming the file and the way out (`--force`, or the host's own words). */
export function refusalMessage(path: string, state: Refusal, force = '--force'): string {
  if (state === 'not-a-file') return `refusing to write ${path}: ${refusalReason(state)}`;
  const how = state === 'symlink' ? `pass ${force} to replace the link itself, never its target` : `pass ${force} to replace it`;
  return `refusing to ${state === 'symlink' ? 'write' : 'replace'} ${path}: ${refusalReason(state)}; ${how}`;
}
