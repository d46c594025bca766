// Which files make up a dashboard and how each run is graded, written once
// for both hosts: the CLI reads with Node fs (synchronously), the extension
// with vscode.workspace.fs (asynchronously). So the logic is a generator that
// yields each path it needs and receives the file's text (undefined when the
// file does not exist); driveSync / driveAsync feed it with the host's reader.
import { parseAnswerKey } from '../answerKey';
import { gradeReview } from '../grade';
import { judgeRunOf, parseJudgeReport, type JudgeReport } from '../judge';
import type { MatchOptions } from '../match';
import type { AnswerKey } from '../model';
import { findKeyTask, type FindKeyOptions } from '../findKey';
import { parseRunName, scoringPathFor, type RunName } from '../naming';
import { parseReview } from '../review';
import { DEFAULT_RUBRIC, type RubricOptions } from '../score';
import type { DashboardRunInput } from './model';

export interface GatherOptions {
  autoOnly?: boolean;
  /** read the judge report beside each run (default true) */
  judge?: boolean;
  rubric?: RubricOptions;
  match?: MatchOptions;
  /** only this round (and document, in the -docK- layout) */
  round?: number;
  doc?: number;
  /** how a run finds its key besides the conventions: pairings made by hand, user key patterns, link confinement */
  keyLookup?: Omit<FindKeyOptions, 'explicit'>;
  /** the parsers, when the host caches them (cli/cache.ts); they must return what the core's would */
  parse?: { review?: typeof parseReview; key?: typeof parseAnswerKey; grade?: typeof gradeReview; judge?: typeof parseJudgeReport };
}

/** A file that exists but cannot be read: the run is skipped with this message. */
export class ReadError extends Error {}

/** Yields a path to read, receives its text (undefined: no such file), returns T. */
export type Gather<T> = Generator<string, T, string | undefined>;

export interface RunFile {
  path: string;
  name: RunName & { run: number };
}

/** The review runs among `paths` (any folder listing), filtered to a round, in path order. */
export function runFilesOf(paths: string[], opts: Pick<GatherOptions, 'round' | 'doc'> = {}): RunFile[] {
  const out: RunFile[] = [];
  for (const path of paths) {
    const name = parseRunName(path);
    if (!name || name.kind !== 'run' || name.run === undefined) continue;
    if (opts.round !== undefined && name.round !== opts.round) continue;
    if (opts.doc !== undefined && name.doc !== opts.doc) continue;
    out.push({ path, name: { ...name, run: name.run } });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Grade every run; unreadable or keyless runs are skipped with a warning. */
export function* gatherRuns(files: RunFile[], opts: GatherOptions, warn: (line: string) => void): Gather<DashboardRunInput[]> {
  const rubric = { ...DEFAULT_RUBRIC, ...opts.rubric };
  const parseKey = opts.parse?.key ?? parseAnswerKey;
  const parseRun = opts.parse?.review ?? parseReview;
  const grade = opts.parse?.grade ?? gradeReview;
  const parseJudge = opts.parse?.judge ?? parseJudgeReport;
  // Rounds share keys and variants share judge reports: read each once.
  const keys = new Map<string, AnswerKey>(); // by path, or path#scenario for one scenario of a rubric
  const keyTexts = new Map<string, string>(); // by path: the other scenarios of a file are read from it
  const judges = new Map<string, JudgeReport | undefined>();
  const runs: DashboardRunInput[] = [];
  for (const { path, name } of files) {
    try {
      const text = yield path;
      if (text === undefined) throw new ReadError(`${path}: no such file`);
      const found = yield* findKey(path, text, keyTexts, opts.keyLookup);
      const keyPath = found.scenario ? `${found.path}#${found.scenario}` : found.path;
      const key = keys.get(keyPath) ?? parseKey(keyTexts.get(found.path) ?? '', found.path, found.scenario);
      keys.set(keyPath, key);
      const scoring = opts.judge === false ? undefined : scoringPathFor(path);
      if (scoring && !judges.has(scoring)) {
        const judgeText = yield scoring;
        judges.set(
          scoring,
          judgeText === undefined
            ? undefined
            : parseJudge(
                judgeText,
                scoring,
                key.problems.map((p) => p.id),
              ),
        );
      }
      const judgeRun = judgeRunOf(scoring ? judges.get(scoring) : undefined, name.run);
      const graded = grade(key, parseRun(text, path), {
        autoOnly: opts.autoOnly,
        judge: judgeRun,
        rubric,
        match: opts.match,
        keyPath,
      });
      runs.push({
        graded,
        round: name.round,
        doc: name.doc,
        variant: name.variant,
        run: name.run,
        path,
        judge:
          judgeRun && scoring
            ? {
                path: scoring,
                detection: judgeRun.statedDetection,
                total: judgeRun.statedTotal,
                detectionLine: judgeRun.lines.detection,
                totalLine: judgeRun.lines.total,
              }
            : undefined,
      });
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      warn(`${e.message}; run skipped`);
    }
  }
  return runs;
}

/**
 * The review's key by core/findKey (pairing, link, conventions, patterns),
 * probing by reading. Keys already read are not read again; the key found
 * is left in `keyTexts`.
 */
function* findKey(
  reviewPath: string,
  reviewText: string,
  keyTexts: Map<string, string>,
  lookup?: FindKeyOptions,
): Gather<{ path: string; scenario?: string }> {
  const texts = new Map<string, string>();
  const task = findKeyTask(reviewPath, reviewText, { ...lookup, explicit: undefined });
  let step = task.next();
  while (!step.done) {
    const p = step.value;
    let exists = keyTexts.has(p) || texts.has(p);
    if (!exists) {
      const text = yield p;
      if (text !== undefined) texts.set(p, text);
      exists = text !== undefined;
    }
    step = task.next(exists);
  }
  const found = step.value;
  if (!found.ok) throw new ReadError(found.message);
  const text = texts.get(found.path);
  if (text !== undefined) keyTexts.set(found.path, text);
  return { path: found.path, scenario: found.scenario };
}

/** Run a gather with a synchronous reader; a reader that throws skips that run. */
export function driveSync<T>(gen: Gather<T>, read: (path: string) => string | undefined): T {
  let step = gen.next();
  while (!step.done) {
    let text: string | undefined;
    try {
      text = read(step.value);
    } catch (e) {
      step = gen.throw(new ReadError((e as Error)?.message ?? String(e)));
      continue;
    }
    step = gen.next(text);
  }
  return step.value;
}

/** Run a gather with an asynchronous reader (vscode.workspace.fs). */
export async function driveAsync<T>(gen: Gather<T>, read: (path: string) => Promise<string | undefined>): Promise<T> {
  let step = gen.next();
  while (!step.done) {
    let text: string | undefined;
    try {
      text = await read(step.value);
    } catch (e) {
      step = gen.throw(new ReadError((e as Error)?.message ?? String(e)));
      continue;
    }
    step = gen.next(text);
  }
  return step.value;
}
