// The judge reports a GradingService grades with: each report's text as last
// read (until the file watcher or its open document says it changed), with
// its content hash, and its parsed form, kept in the shared content cache
// (gradingCache.ts) under the text's hash, its path and the key's ids: not
// re-parsed on every review edit, nor for a second run of the same report.
// Apart from gradingService.ts so its per-review caching stays readable.
import * as vscode from 'vscode';
import { judgeRunOf, parseJudgeReport, type JudgeReport } from '../core/judge';
import { parseRunName } from '../core/naming';
import type { AnswerKey } from '../core/model';
import { readText } from './files';
import { contentHash, type TextStamps } from './textStamp';
import type { GradingCache } from './gradingCache';

/** A judge report's text as last read (undefined: no such file), until the file or its document changes. */
export interface JudgeText {
  text: string | undefined;
  /** contentHash of the text ('missing' when there is none) */
  hash: string;
  /** the report was read from an open document with unsaved edits */
  dirty?: boolean;
}

export class JudgeCache {
  private readonly texts = new Map<string, JudgeText>();

  constructor(
    private readonly stamps: TextStamps,
    private readonly cache: GradingCache,
  ) {}

  /** The judge report's text, read once until the watcher or its open document says it changed. */
  async textOf(uri: vscode.Uri): Promise<JudgeText> {
    const id = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
    if (open) return { text: open.getText(), hash: this.stamps.hashOf(open), dirty: open.isDirty };
    const hit = this.texts.get(id);
    if (hit) return hit;
    const text = await readText(uri);
    const entry = { text, hash: text === undefined ? 'missing' : contentHash(text) };
    // a file outside every workspace folder is not watched: read it afresh each time
    if (vscode.workspace.getWorkspaceFolder(uri)) this.texts.set(id, entry);
    return entry;
  }

  /** The review's run in the report at `uri` (text as read by textOf). */
  runFor(doc: vscode.TextDocument, uri: vscode.Uri, judge: JudgeText & { text: string }, key: AnswerKey) {
    // Re-parse only when the report's text or the key's ids changed, not on every review edit.
    const report = parsedJudgeReport(
      this.cache,
      judge.text,
      uri.path,
      key.problems.map((p) => p.id),
      judge.hash,
    );
    const run = parseRunName(doc.uri.path)?.run;
    return judgeRunOf(report, run);
  }

  /** Forget the text read from this file (the parsed report stays, keyed by its text); true if there was one. */
  forgetText(id: string): boolean {
    return this.texts.delete(id);
  }

  /** Forget every text read: read each report afresh. */
  forgetTexts(): void {
    this.texts.clear();
  }
}

/**
 * A judge report parsed once per text, path and key ids, in the shared cache:
 * the lenses (JudgeCache.runFor) and the dashboard (dashboardParsers.ts)
 * name it alike, so one parse serves both.
 */
export function parsedJudgeReport(
  cache: GradingCache,
  text: string,
  path: string | undefined,
  ids: string[] | undefined,
  hash = contentHash(text),
): JudgeReport {
  return cache.make<JudgeReport>(
    judgeReportId(path, hash, ids),
    undefined,
    text.length * 2,
    () => parseJudgeReport(text, path, ids),
    false,
  );
}

/** The cache id of a judge report parsed from a text (by its hash) with a key's ids (a grading worker's goes there too). */
export function judgeReportId(path: string | undefined, hash: string, ids: string[] | undefined): string {
  return `judge\n${path ?? ''}\n${hash}\n${(ids ?? []).join(',')}`;
}
