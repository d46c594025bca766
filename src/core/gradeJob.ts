// One grading done away from the thread that asked for it (the editor's
// workers, src/extension/gradeWorker*.ts, and the CLI's, src/cli/parallel):
// texts in, the parsed models and the graded result out, all structured-clone
// friendly. The steps are the ones the in-thread paths take
// (GradingService.grade, core/dashboard/gather, the CLI's gradeFiles), so the
// results are the same; the host files them under the ids it names them by.
// Pure: no host API.
import { parseAnswerKey } from './answerKey';
import { gradeReview, type GradeOptions } from './grade';
import { judgeRunOf, parseJudgeReport, type JudgeReport } from './judge';
import type { JudgeRun } from './judge';
import type { AnswerKey, GradedReview, Review } from './model';
import { parseReview } from './review';

export interface GradeJob {
  id: number;
  /** `model`: the host has it parsed already (a clone costs far less than a parse): then only graded here, and not sent back */
  review: { text: string; path: string; model?: Review };
  /**
   * `id` names the key's text (the worker keeps a few parsed keys by it);
   * `model`: the host's parsed key; `send`: the host wants the parsed key back
   */
  key: { id: string; text: string; path: string; scenario?: string; model?: AnswerKey; send: boolean };
  /**
   * the run's judge report, parsed with the key's ids; `run` picks the run's verdicts in it ('review': the run the
   * parsed review names, by its file name or a "Run:" header line, as the CLI takes it)
   */
  judge?: { text: string; path?: string; run?: number | 'review' };
  /** the grading options but the judge's verdicts (computed here from `judge`) */
  options: Omit<GradeOptions, 'judge'>;
}

export interface GradeJobResult {
  id: number;
  /** the parsed review, unless the host sent it */
  review?: Review;
  /** the parsed key, when the job asked for it */
  key?: AnswerKey;
  /** the key's problem ids (what the judge report was parsed with) */
  ids: string[];
  judge?: JudgeReport;
  judgeRun?: JudgeRun;
  /** its `review` is `review` above, or null when the host sent it; its `key` is the key when sent, else null (the host has it) */
  graded: GradedReview;
}

/** host → worker */
export type ToWorker = { type: 'job'; job: GradeJob } | { type: 'die' };
/** worker → host */
export type FromWorker = { type: 'ready' } | { type: 'done'; result: GradeJobResult } | { type: 'failed'; id: number; message: string };

/** The parsed keys and judge reports a worker keeps (runs of a round share one key, a variant's runs one report). */
const KEPT_KEYS = 8;

/** Keep `value` under `id`, the oldest going past KEPT_KEYS entries. */
function keep<T>(kept: Map<string, T>, id: string, value: T): void {
  kept.set(id, value);
  if (kept.size > KEPT_KEYS) kept.delete(kept.keys().next().value as string);
}

export function gradeJobRunner(): (job: GradeJob) => GradeJobResult {
  const keys = new Map<string, AnswerKey>();
  const judges = new Map<string, { text: string; report: JudgeReport }>();
  /** a report parsed once for the runs it holds (the same path, text and problem ids) */
  const judgeOf = (j: NonNullable<GradeJob['judge']>, ids: string[]): JudgeReport => {
    const id = [j.path ?? '', ...ids].join('\u0000');
    const kept = judges.get(id);
    if (kept && kept.text === j.text) return kept.report;
    const report = parseJudgeReport(j.text, j.path, ids);
    keep(judges, id, { text: j.text, report });
    return report;
  };
  return (job) => {
    let key = keys.get(job.key.id);
    if (!key) {
      const k = job.key;
      key = k.model ?? (k.scenario ? parseAnswerKey(k.text, k.path, k.scenario) : parseAnswerKey(k.text, k.path));
      keep(keys, k.id, key);
    }
    const review = job.review.model ?? parseReview(job.review.text, job.review.path);
    const ids = key.problems.map((p) => p.id);
    const judge = job.judge ? judgeOf(job.judge, ids) : undefined;
    const run = job.judge?.run === 'review' ? review.run : job.judge?.run;
    const judgeRun = judge ? judgeRunOf(judge, run) : undefined;
    const graded = gradeReview(key, review, { ...job.options, judge: judgeRun });
    const back = <T>(value: T, send: boolean) => (send ? value : (null as unknown as T));
    const sendReview = !job.review.model;
    return {
      id: job.id,
      review: sendReview ? review : undefined,
      key: job.key.send ? key : undefined,
      ids,
      judge,
      judgeRun,
      graded: { ...graded, review: back(review, sendReview), key: back(key, job.key.send) },
    };
  };
}

/** A worker's message loop, whatever the worker API: answers each job, in order; `die` ends the worker (a test hook). */
export function serveGradeJobs(post: (message: FromWorker) => void, die: () => void): (message: ToWorker) => void {
  const run = gradeJobRunner();
  post({ type: 'ready' });
  return (message) => {
    if (message.type === 'die') {
      die(); // the host must carry on without this worker
      return;
    }
    try {
      post({ type: 'done', result: run(message.job) });
    } catch (e) {
      post({ type: 'failed', id: message.job.id, message: (e as Error)?.message ?? String(e) });
    }
  };
}
