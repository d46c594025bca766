// Registers every command the manifest contributes, so none of them is
// "command not found", plus the internal reviewGrader.acceptSuggestion that
// the review lenses call. Each handler lives in its feature file.
import * as vscode from 'vscode';
import { compareWithJudgeCommand, gradeFolderCommand } from './gradeFolder';
import { pairWithKeyCommand } from './pairing';
import type { Services } from './service';
import { configOf, SECTION } from './config';
import { ACCEPT_SUGGESTION, acceptAllCommand, acceptSuggestionCommand } from './tagCommands';

type Handler = (...args: never[]) => unknown;

function handlers(services: Services): Record<string, Handler> {
  const service = services.grading;
  return {
    'reviewGrader.pairWithKey': pairWithKeyCommand(service),
    'reviewGrader.gradeFolder': gradeFolderCommand(services),
    'reviewGrader.compareWithJudge': compareWithJudgeCommand(service),
    'reviewGrader.acceptAll': acceptAllCommand(services),
    [ACCEPT_SUGGESTION]: acceptSuggestionCommand(services),
    'reviewGrader.toggleLenses': toggleLenses,
  };
}

export function registerCommands(context: vscode.ExtensionContext, services: Services): void {
  for (const [id, handler] of Object.entries(handlers(services))) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));
  }
}

// Flips the user setting that the CodeLens feature reads.
async function toggleLenses(): Promise<void> {
  const enabled = configOf(vscode.workspace).lensesEnabled;
  await vscode.workspace.getConfiguration(SECTION).update('lenses.enabled', !enabled, vscode.ConfigurationTarget.Global);
}
