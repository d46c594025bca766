// Answer-key lint as editor diagnostics: the core's lintAnswerKey on every
// open key, refreshed when typing pauses (the GradingService's debounced
// change event), cleared on close. keyFixes.ts reads the cached core
// diagnostics for their fixes.
import * as vscode from 'vscode';
import { lintAnswerKey } from '../core/lint';
import type { Diagnostic as CoreDiagnostic } from '../core/model';
import type { GradingService } from './gradingService';
import { sharedGradingService } from './service';
import { recordTiming } from './stats';

export const SOURCE = 'review-grader';

interface Linted { version: number; diagnostics: CoreDiagnostic[] }
const cache = new Map<string, Linted>();

export function registerKeyDiagnostics(context: vscode.ExtensionContext): void {
  const service = sharedGradingService(context);
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const update = (doc: vscode.TextDocument) => publish(service, collection, doc);
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      collection.delete(doc.uri);
      cache.delete(doc.uri.toString());
    }),
    // already debounced: fires once typing pauses
    service.onDidChange((uri) => {
      const docs = vscode.workspace.textDocuments;
      (uri.scheme === 'review-grader' ? docs : docs.filter((d) => d.uri.toString() === uri.toString())).forEach(update);
    }),
    { dispose: () => cache.clear() },
  );
  // after activation returns: activation stays cheap (Foam style)
  setTimeout(() => vscode.workspace.textDocuments.forEach(update), 0);
}

/** The core's diagnostics of a key document at its current version (linted on demand). */
export function coreDiagnosticsFor(service: GradingService, doc: vscode.TextDocument): CoreDiagnostic[] {
  const hit = cache.get(doc.uri.toString());
  if (hit && hit.version === doc.version) return hit.diagnostics;
  const started = performance.now();
  const diagnostics = lintAnswerKey(doc.getText(), doc.uri.path, service.keyOf(doc));
  recordTiming('lint', performance.now() - started);
  cache.set(doc.uri.toString(), { version: doc.version, diagnostics });
  return diagnostics;
}

function publish(service: GradingService, collection: vscode.DiagnosticCollection, doc: vscode.TextDocument): void {
  if (service.kindOf(doc) !== 'key') {
    if (collection.has(doc.uri)) collection.delete(doc.uri);
    return;
  }
  collection.set(doc.uri, coreDiagnosticsFor(service, doc).map((d) => toVscode(doc, d)));
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
  const out = new vscode.Diagnostic(rangeOf(doc, d), d.message, SEVERITY[d.severity]);
  out.source = SOURCE;
  out.code = d.code;
  return out;
}

const SEVERITY: Record<CoreDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};
