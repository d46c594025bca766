// Internal timings (activation, last provider calls), exposed through the
// hidden command `reviewGrader._stats` so integration tests and benchmarks can
// read them from outside. Recording costs one performance.now() per call.
import * as vscode from 'vscode';

export interface Stats {
  activationMs?: number;
  /** last duration in ms per feature, e.g. { codeLens: 3.2 } */
  last: Record<string, number>;
  /** number of calls per feature */
  calls: Record<string, number>;
  /** the score status bar text while shown, else undefined (the API cannot read status bar items) */
  statusBar?: string;
}

const stats: Stats = { last: {}, calls: {} };

export function recordActivation(ms: number): void {
  stats.activationMs = ms;
}

export function recordTiming(feature: string, ms: number): void {
  stats.last[feature] = ms;
  stats.calls[feature] = (stats.calls[feature] ?? 0) + 1;
}

export function recordStatusBar(text: string | undefined): void {
  stats.statusBar = text;
}

export function registerStats(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('reviewGrader._stats', (): Stats => JSON.parse(JSON.stringify(stats)) as Stats),
  );
}
