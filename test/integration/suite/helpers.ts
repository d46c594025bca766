// Small helpers for integration tests. Node's `assert` is not available in the
// web extension host, so we bring a few assertions of our own.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'review-grader.review-grader';

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new Error(`${message} expected ${String(expected)}, got ${String(actual)}`.trim());
}

// Polls until `predicate` holds; activation and similar events are asynchronous.
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The harness opens the real corpus (/work/shared/corpus) as the only workspace
// folder: vscode-test-web://mount/ on the web, a file:// folder in Electron.
export function corpusUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'no workspace folder: the harness should open the corpus');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

export async function openCorpusFile(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(corpusUri(relativePath));
  return vscode.window.showTextDocument(doc);
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  ok(ext, `extension ${EXTENSION_ID} is not installed in the test host`);
  return ext;
}

/** Text as the bytes vscode.workspace.fs.writeFile takes. */
export const encode = (s: string): Uint8Array => new TextEncoder().encode(s);

/** An in-memory Memento, for a GradingService of a test's own (pairings stay out of the workspace state). */
export function memento(): vscode.Memento {
  const data = new Map<string, unknown>();
  return {
    keys: () => [...data.keys()],
    get: <T>(k: string, d?: T) => (data.has(k) ? (data.get(k) as T) : d) as T,
    update: async (k: string, v: unknown) => {
      data.set(k, v);
    },
  };
}

/** A Coverage view row as the extension's internal COVERAGE_ITEMS command returns it. */
export interface CoverageItem {
  label: string;
  description?: string;
  tooltip?: string;
  line?: number;
  children?: CoverageItem[];
}

/** The longest gap between turns of the event loop while `work` runs (the longest blocking slice, as felt), and how long it took. */
export async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; blockedMs: number }> {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - start, blockedMs: worst };
  } finally {
    running = false;
  }
}
