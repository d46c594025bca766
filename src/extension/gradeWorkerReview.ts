// One review document of round-wide work (Grade Folder) graded by a grading
// worker: what this thread has parsed already goes along as the model, the
// worker parses the rest and grades, and this thread only files the models
// and the result in the content cache under the ids GradingService names them
// by. A job that does not come back is graded in-thread by the service.
import type * as vscode from 'vscode';
import type { AnswerKey, GradedReview, Review } from '../core/model';
import type { Thresholds } from '../core/match/verdict';
import { parseRunName } from '../core/naming';
import type { ReviewGraderConfig } from './config';
import type { GradingCache } from './gradingCache';
import type { GradeWorkerPool } from './gradeWorkerPool';
import { modelSize, SentKeys } from './gradeWorkerPrefill';
import { judgeReportId } from './judgeCache';

/** A review to grade, with its key, its judge report and the cache ids its models and result go under. */
export interface WorkerReview {
  doc: vscode.TextDocument;
  keyDoc: vscode.TextDocument;
  scenario?: string;
  judge?: { uri: vscode.Uri; text: string; hash: string };
  options: { keyPath: string; rubric: ReviewGraderConfig['rubric']; match: Thresholds };
  reviewId: string;
  keyId: string;
  stamp: string;
  persist: boolean;
  path: string;
}

export class WorkerGrading {
  /** which worker job brings a key back (the others wait for it) */
  private readonly keysSent = new SentKeys();

  constructor(private readonly cache: GradingCache) {}

  /** One review graded by a worker, its models and result filed in the cache; undefined: grade it in-thread. */
  async grade(pool: GradeWorkerPool, w: WorkerReview): Promise<GradedReview | undefined> {
    // what this thread has parsed already goes as the model (the dashboard or a lens parsed it): the worker only grades
    const hadKey = this.cache.peek<AnswerKey>(w.keyId);
    const hadReview = this.cache.peek<Review>(w.reviewId);
    const ticket = this.keysSent.ticket(w.keyId, hadKey !== undefined);
    const reviewText = w.doc.getText();
    const keyText = w.keyDoc.getText();
    let result;
    let key: AnswerKey | undefined;
    try {
      result = await pool.run({
        review: { text: reviewText, path: w.doc.uri.path, model: hadReview },
        key: { id: w.keyId, text: keyText, path: w.keyDoc.uri.path, scenario: w.scenario, model: hadKey, send: ticket.send },
        judge: w.judge && { text: w.judge.text, path: w.judge.uri.path, run: parseRunName(w.doc.uri.path)?.run },
        options: w.options,
      });
      key = result.key
        ? this.cache.offer(w.keyId, 'key', modelSize(keyText), result.key, !w.keyDoc.isDirty)
        : this.cache.peek<AnswerKey>(w.keyId);
    } catch {
      return undefined; // the workers are gone (said once in the output channel), or this job failed: in-thread
    } finally {
      ticket.settle(key);
    }
    key ??= await ticket.wait();
    const review = result.review ? this.cache.offer(w.reviewId, 'review', modelSize(reviewText), result.review, !w.doc.isDirty) : hadReview;
    if (w.judge && result.judge)
      this.cache.offer(
        judgeReportId(w.judge.uri.path, w.judge.hash, result.ids),
        undefined,
        w.judge.text.length * 2,
        result.judge,
        false,
        'judge',
      );
    if (!key || !review) return undefined;
    const graded: GradedReview = { ...result.graded, review, key };
    graded.path = w.path;
    this.cache.putGraded(w.stamp, graded, modelSize(reviewText) / 2, w.persist);
    return graded;
  }
}
