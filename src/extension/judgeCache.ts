// The judge reports a GradingService grades with: each report's text as last
// read (until the file watcher or its open document says it changed) and its
// parsed form (until that text or the key's ids change, not on every review
// edit). Apart from gradingService.ts so its per-review caching stays readable.
import * as vscode from 'vscode';
import { judgeRunOf, parseJudgeReport, type JudgeReport } from '../core/judge';
import { parseRunName } from '../core/naming';
import type { AnswerKey } from '../core/model';
import { readText } from './files';
import { textStamp, type TextStamps } from './textStamp';

/** A judge report's text as last read (undefined: no such file), until the file or its document changes. */
export interface JudgeText {
  text: string | undefined;
  stamp: string;
}

export class JudgeCache {
  private readonly texts = new Map<string, JudgeText>();
  private readonly reports = new Map<string, { stamp: string; value: JudgeReport }>();

  constructor(private readonly stamps: TextStamps) {}

  /** The judge report's text, read once until the watcher or its open document says it changed. */
  async textOf(uri: vscode.Uri): Promise<JudgeText> {
    const id = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === id);
    if (open) return { text: open.getText(), stamp: this.stamps.of(open) };
    const hit = this.texts.get(id);
    if (hit) return hit;
    const text = await readText(uri);
    const entry = { text, stamp: text === undefined ? 'missing' : textStamp(text) };
    // a file outside every workspace folder is not watched: read it afresh each time
    if (vscode.workspace.getWorkspaceFolder(uri)) this.texts.set(id, entry);
    return entry;
  }

  /** The review's run in the report at `uri` (text as read by textOf). */
  runFor(doc: vscode.TextDocument, uri: vscode.Uri, text: string, key: AnswerKey) {
    // Re-parse only when the report's text or the key's ids changed, not on every review edit.
    const ids = key.problems.map((p) => p.id);
    const stamp = `${ids.join(',')}\n${textStamp(text)}`;
    let report = this.reports.get(uri.toString());
    if (!report || report.stamp !== stamp) {
      report = { stamp, value: parseJudgeReport(text, uri.path, ids) };
      this.reports.set(uri.toString(), report);
    }
    const run = parseRunName(doc.uri.path)?.run;
    return judgeRunOf(report.value, run);
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
