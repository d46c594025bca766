// A review run read from disk for round-wide work, as a document: grading a
// folder then does not open (and have every feature react to) one per run.
import type * as vscode from 'vscode';

/** What grading reads of a document (uri, text, version, dirtiness, language), for a file not open in the editor. */
export function snapshot(uri: vscode.Uri, text: string): vscode.TextDocument {
  const doc: Pick<
    vscode.TextDocument,
    'uri' | 'fileName' | 'version' | 'isDirty' | 'isClosed' | 'isUntitled' | 'languageId' | 'getText' | 'lineCount'
  > = {
    uri,
    fileName: uri.path,
    version: 0,
    isDirty: false,
    isClosed: false,
    isUntitled: false,
    languageId: 'markdown',
    getText: () => text,
    lineCount: text.split('\n').length,
  };
  return doc as vscode.TextDocument;
}
