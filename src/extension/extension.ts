// Entry point of the Review Grader extension (Node and web builds share it).
// activate() must stay cheap: it runs whenever a markdown file opens.
// Each feature lives in its own file exporting `registerX(context, deps)`;
// deps carries the settings getter (config.ts, the one place settings are
// read) and the output-channel logger. Add one line to `features` below when
// you add a feature file.
import * as vscode from 'vscode';
import { configGetter, type FeatureDeps } from './config';
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
import { registerColouring } from './colouring';

type Register = (context: vscode.ExtensionContext, deps: FeatureDeps) => void;

const features: Register[] = [
  registerCommands,
  registerStats, registerCodeLens, registerHover, registerKeyDiagnostics, registerKeyFixes, registerStatusBar,
  registerQuickFix, registerCompletion, registerCoverageTree,
  registerDashboard, registerColouring,
];

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now(); // reported by reviewGrader._stats
  // first, so its cache is cleared before any feature hears of a settings change
  const settings = configGetter(vscode.workspace);
  const log = vscode.window.createOutputChannel('Review Grader', { log: true });
  context.subscriptions.push(settings.disposable, log);
  const deps: FeatureDeps = { config: settings.config, log };
  for (const register of features) register(context, deps);
  recordActivation(performance.now() - started);
}

export function deactivate(): void {
  // Nothing to clean up: everything is disposed through context.subscriptions.
}
