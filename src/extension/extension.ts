// Entry point of the Review Grader extension (Node and web builds share it).
// activate() must stay cheap: it runs whenever a markdown file opens.
// Each feature lives in its own file exporting `registerX(context, services)`;
// services carries the grading service, the settings getter (config.ts, the
// one place settings are read) and the output-channel logger. Add one line to
// `features` below when you add a feature file.
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerCodeLens } from './codeLens';
import { registerHover } from './hover';
import { registerKeyDiagnostics } from './keyDiagnostics';
import { registerKeyFixes } from './keyFixes';
import { recordActivation, registerStats } from './stats';
import { registerStatusBar } from './statusBar';
import { registerQuickFix } from './quickFix';
import { registerCompletion } from './completion';
import { registerCoverageTree } from './coverageTree';
import { registerDashboard } from './dashboardPanel';
import { extensionServices, type Services } from './service';
import { registerColouring } from './colouring';

type Register = (context: vscode.ExtensionContext, services: Services) => void;

const features: Register[] = [
  registerCommands,
  registerStats,
  registerCodeLens,
  registerHover,
  registerKeyDiagnostics,
  registerKeyFixes,
  registerStatusBar,
  registerQuickFix,
  registerCompletion,
  registerCoverageTree,
  registerDashboard,
  registerColouring,
];

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now(); // reported by reviewGrader._stats
  // the grading service, the settings getter and the output channel, passed to every feature
  const services = extensionServices(context);
  for (const register of features) register(context, services);
  recordActivation(performance.now() - started);
}

export function deactivate(): void {
  // Nothing to clean up: everything is disposed through context.subscriptions.
}
