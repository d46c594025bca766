// A project file's problems in the Problems view, on the project file itself
// at their lines: a syntax error (the defaults are then used) or a setting
// of the wrong type. Uses keyDiagnostics' collection (one collection for the
// extension). Published for every project file in the workspace, open or
// not, so a broken file nobody opened is still seen; refreshed when
// ProjectFiles reports a change.
import * as vscode from 'vscode';
import { parseProjectFile } from '../core/project';
import { withoutLinePrefix } from '../core/lint';
import { basename } from '../core/naming';
import type { Diagnostic as CoreDiagnostic } from '../core/model';
import { readText } from './files';
import { t } from './l10n';
import { isProjectFile, PROJECT_FILE_GLOB } from './projectFiles';
import { SEVERITY, SOURCE } from './keyDiagnostics';
import type { Services } from './service';

export function registerProjectDiagnostics(
  context: vscode.ExtensionContext,
  deps: Services,
  collection: vscode.DiagnosticCollection,
): void {
  const generations = new Map<string, number>();
  const update = (uri: vscode.Uri) =>
    void publishProjectDiagnostics(collection, uri, generations).catch((e: unknown) =>
      deps.log.error(`diagnostics of ${vscode.workspace.asRelativePath(uri)}`, e),
    );
  context.subscriptions.push(
    deps.grading.projects.onDidChange(update),
    // keyDiagnostics clears a document's diagnostics when it closes: a project file's stay
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (isProjectFile(d.uri)) update(d.uri);
    }),
  );
  // after activation returns (activation stays cheap)
  setTimeout(
    () =>
      void vscode.workspace.findFiles(PROJECT_FILE_GLOB, '**/node_modules/**', 200).then(
        (uris) => uris.forEach(update),
        (e: unknown) => deps.log.error('finding project files', e),
      ),
    0,
  );
}

/** Parse the project file at `uri` as it is now and show its diagnostics (none, or gone, clears them). */
export async function publishProjectDiagnostics(
  collection: vscode.DiagnosticCollection,
  uri: vscode.Uri,
  generations = new Map<string, number>(),
): Promise<void> {
  const id = uri.toString();
  const mine = (generations.get(id) ?? 0) + 1;
  generations.set(id, mine); // a slower earlier read must not overwrite a newer result
  const text = vscode.workspace.getWorkspaceFolder(uri) ? await readText(uri) : undefined;
  if (generations.get(id) !== mine) return;
  if (text === undefined) return collection.delete(uri);
  const { diagnostics } = parseProjectFile(text, basename(uri.path));
  collection.set(
    uri,
    diagnostics.map((d) => toVscode(text, d)),
  );
}

function toVscode(text: string, d: CoreDiagnostic): vscode.Diagnostic {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const line = Math.min(Math.max(d.line - 1, 0), lines.length - 1);
  const end = (lines[line] ?? '').replace(/\r$/, '').length;
  const start = Math.min(Math.max((d.column ?? 1) - 1, 0), end);
  // the Problems view shows the line itself; the message in the UI language
  const out = new vscode.Diagnostic(
    new vscode.Range(line, start, line, Math.max(end, start)),
    withoutLinePrefix(d, t),
    SEVERITY[d.severity],
  );
  out.source = SOURCE;
  out.code = d.code;
  return out;
}
