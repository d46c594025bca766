// Quick fixes for answer-key lint: the core's mechanical fixes (renumber ids,
// insert a missing criterion line) turned into WorkspaceEdits. The core
// computed them on the document's own text, so offsets map 1:1 through
// document.positionAt.
import * as vscode from 'vscode';
import type { Services } from './service';
import type { Diagnostic as CoreDiagnostic } from '../core/model';
import type { GradingService } from './gradingService';
import { coreDiagnosticsFor, rangeOf, SOURCE } from './keyDiagnostics';

export function registerKeyFixes(context: vscode.ExtensionContext, deps: Services): void {
  const service = deps.grading;
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new KeyFixProvider(service), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
}

class KeyFixProvider implements vscode.CodeActionProvider {
  constructor(private readonly service: GradingService) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    if (this.service.kindOf(doc) !== 'key') return [];
    const shown = context.diagnostics.filter((d) => d.source === SOURCE);
    const actions: vscode.CodeAction[] = [];
    for (const core of coreDiagnosticsFor(this.service, doc)) {
      if (!core.fix) continue;
      const where = rangeOf(doc, core);
      if (!where.intersection(range) && !shown.some((d) => d.code === core.code && d.range.isEqual(where))) continue;
      actions.push(
        toAction(
          doc,
          core,
          shown.find((d) => d.code === core.code && d.range.isEqual(where)),
        ),
      );
    }
    return actions;
  }
}

function toAction(doc: vscode.TextDocument, core: CoreDiagnostic, shown: vscode.Diagnostic | undefined): vscode.CodeAction {
  const fix = core.fix!;
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
  }
  action.edit = edit;
  if (shown) action.diagnostics = [shown];
  action.isPreferred = true;
  return action;
}
