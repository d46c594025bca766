// Diagnostics in the editor, one collection for keys and reviews (the CLI's
// messages, same engine, same output):
// - answer keys: the core's lintAnswerKey;
// - reviews: what `review-grader grade` prints on stderr — the review's parse
//   messages (malformed tags, no findings) and grading's own (a tag naming an
//   id the key lacks).
// Refreshed when typing pauses (the GradingService's debounced change event),
// cleared on close. keyFixes.ts reads the cached key diagnostics for fixes.
import * as vscode from 'vscode';
import { lintAnswerKey } from '../core/lint';
import { messageIn } from '../core/i18n';
import { t } from './l10n';
import type { Diagnostic as CoreDiagnostic, GradedReview, Review } from '../core/model';
import type { Logger, Services } from './service';
import type { GradingService } from './gradingService';
import { recordTiming } from './stats';
import { registerProjectDiagnostics } from './projectDiagnostics';
import { isProjectFile } from './projectFiles';

export const SOURCE = 'review-grader';

interface Linted {
  version: number;
  diagnostics: CoreDiagnostic[];
}
const cache = new Map<string, Linted>();

export function registerKeyDiagnostics(context: vscode.ExtensionContext, deps: Services): void {
  const service = deps.grading;
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const generations = new Map<string, number>();
  const update = (doc: vscode.TextDocument) => void publish(service, collection, doc, generations, deps.log);
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      collection.delete(doc.uri);
      cache.delete(doc.uri.toString());
      generations.delete(doc.uri.toString());
    }),
    // already debounced: fires once typing pauses
    service.onDidChange((uri) => {
      const docs = vscode.workspace.textDocuments;
      const changed = docs.find((d) => d.uri.toString() === uri.toString());
      // settings, or a key the open reviews may be graded against: their unknown-id messages may differ
      const all = uri.scheme === 'review-grader' || (changed && service.kindOf(changed) === 'key');
      (all ? docs : changed ? [changed] : []).forEach(update);
    }),
    { dispose: () => cache.clear() },
  );
  // after activation returns: activation stays cheap (Foam style)
  setTimeout(() => vscode.workspace.textDocuments.forEach(update), 0);
  registerProjectDiagnostics(context, deps, collection); // .review-grader.json(c) problems, same collection
}

/** The core's diagnostics of a key document at its current version (linted on demand). */
export function coreDiagnosticsFor(service: GradingService, doc: vscode.TextDocument): CoreDiagnostic[] {
  const hit = cache.get(doc.uri.toString());
  if (hit && hit.version === doc.version) return hit.diagnostics;
  const started = performance.now();
  const diagnostics = lintAnswerKey(doc.getText(), doc.uri.path, service.keyOf(doc), t); // in the UI language
  recordTiming('lint', performance.now() - started);
  cache.set(doc.uri.toString(), { version: doc.version, diagnostics });
  return diagnostics;
}

async function publish(
  service: GradingService,
  collection: vscode.DiagnosticCollection,
  doc: vscode.TextDocument,
  generations: Map<string, number>,
  log: Logger,
): Promise<void> {
  if (isProjectFile(doc.uri)) return; // projectDiagnostics.ts owns those
  const id = doc.uri.toString();
  const mine = (generations.get(id) ?? 0) + 1;
  generations.set(id, mine); // a slower earlier grading must not overwrite a newer result
  const kind = service.kindOf(doc);
  try {
    await service.loadStored(doc); // a model persisted by an earlier session, rather than a parse now
    if (kind === 'key')
      return collection.set(
        doc.uri,
        coreDiagnosticsFor(service, doc).map((d) => toVscode(doc, d)),
      );
    if (kind === 'review') {
      const version = doc.version;
      const review = service.reviewOf(doc);
      const graded = await service.gradedOf(doc);
      if (generations.get(id) !== mine || doc.isClosed || doc.version !== version) return;
      return collection.set(
        doc.uri,
        reviewDiagnostics(review, graded).map((d) => toVscode(doc, d)),
      );
    }
  } catch (e) {
    log.error(`diagnostics of ${vscode.workspace.asRelativePath(doc.uri)}`, e);
  }
  if (collection.has(doc.uri)) collection.delete(doc.uri);
}

/** A review's own messages: its parse diagnostics and grading's (tags naming ids the key lacks). */
export function reviewDiagnostics(review: Review, graded: GradedReview | undefined): CoreDiagnostic[] {
  return [...(graded?.review ?? review).diagnostics, ...(graded?.gradingDiagnostics ?? [])];
}

/** Core positions → editor range: spans by offset (same text as the document), else the 1-based line. */
export function rangeOf(doc: vscode.TextDocument, d: CoreDiagnostic): vscode.Range {
  if (d.span) return new vscode.Range(doc.positionAt(d.span.start.offset), doc.positionAt(d.span.end.offset));
  const line = Math.min(Math.max(d.line - 1, 0), doc.lineCount - 1);
  const text = doc.lineAt(line);
  const start = d.column ? Math.min(d.column - 1, text.range.end.character) : text.firstNonWhitespaceCharacterIndex;
  return new vscode.Range(line, start, line, text.range.end.character);
}

function toVscode(doc: vscode.TextDocument, d: CoreDiagnostic): vscode.Diagnostic {
  // a review's parse messages are said again in the UI language (a key's come from lint already in it)
  const out = new vscode.Diagnostic(rangeOf(doc, d), messageIn(d, t), SEVERITY[d.severity]);
  out.source = SOURCE;
  out.code = d.code;
  return out;
}

export const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};
