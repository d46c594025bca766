// "Review Grader: Open Round Dashboard": the CLI's dashboard page in a webview
// beside the editor, for the active key's/run's round or a picked perspective
// folder. Strict CSP (the renderer's nonce CSP plus webview.cspSource), no
// resources loaded at all. A matrix cell posts {reviewUri, line}; we open that
// review at the evidence beside the panel. Refreshes (debounced) when a file
// it was built from changes.
import * as vscode from 'vscode';
import { renderDashboardPage } from '../core/dashboard';
import { gatherDashboard, pickPerspective, scopeOfFile, scopeOfFolder, scopeTitle, type DashboardScope } from './dashboardData';
import type { GradingService } from './gradingService';
import type { ReviewGraderConfig } from './config';
import type { Services } from './service';

export const OPEN_DASHBOARD = 'reviewGrader.openDashboard';
/** internal, for tests: what the panel shows */
const STATE = 'reviewGrader._dashboardState';
/** internal: the path a cell click takes (the webview's message handler calls it too) */
const OPEN_CELL = 'reviewGrader._dashboardOpenCell';

interface CellMessage {
  type: 'openCell';
  reviewUri: string;
  line?: number;
}

export interface DashboardState {
  title: string;
  html: string;
  htmlLength: number;
  cellCount: number;
  csp: string | undefined;
  warnings: string[];
}

class DashboardPanel implements vscode.Disposable {
  private scope: DashboardScope | undefined;
  private files = new Set<string>();
  private warnings: string[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly service: GradingService,
    private readonly config: () => ReviewGraderConfig,
    private readonly onDispose: () => void,
  ) {
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => void vscode.commands.executeCommand(OPEN_CELL, m)),
      // 'review-grader:config' is the service's "settings changed" signal: everything may differ.
      service.onDidChange((uri) => {
        if (this.files.has(uri.toString()) || uri.scheme === 'review-grader') this.refreshSoon();
      }),
    );
  }

  /** Show a scope; resolves once its page is in the webview. */
  async show(scope: DashboardScope): Promise<void> {
    this.scope = scope;
    this.panel.title = scopeTitle(scope);
    const mine = ++this.generation;
    const gathered = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Review Grader: grading ${this.panel.title}` },
      async () => {
        const { config, keyLookup, parse } = await this.service.dashboardSettings(scope.folder, this.config());
        return gatherDashboard(scope, config, keyLookup, parse);
      },
    );
    if (mine !== this.generation) return; // a newer show/refresh won
    this.files = gathered.files;
    this.warnings = gathered.warnings;
    const webview = this.panel.webview;
    const runCount = gathered.views.reduce((a, v) => a + v.runCount, 0);
    const pageNonce = nonce();
    const html = renderDashboardPage(gathered.views, {
      nonce: pageNonce,
      cspSource: webview.cspSource,
      title: this.panel.title,
      note: `${runCount} run(s) graded with your Review Grader settings${gathered.warnings.length ? ` · ${gathered.warnings.length} skipped: ${gathered.warnings.join('; ')}` : ''}. Click or press Enter on a cell to open the review at its evidence.`,
      cellLink: (t) => ({
        message: { type: 'openCell', reviewUri: scope.folder.with({ path: t.path }).toString(), line: t.line } satisfies CellMessage,
      }),
    });
    // One round asked for: open at its matrix, not at the (one-point) history above it.
    const roundId = scope.round !== undefined ? gathered.views[0]?.rounds[0]?.id : undefined;
    const jump = roundId
      ? `<script nonce="${pageNonce}">document.getElementById(${JSON.stringify(roundId)})?.scrollIntoView();</script>`
      : '';
    webview.html = html.replace('</body>', `${jump}</body>`);
  }

  /** Open the review a cell points to, at its evidence line, beside the panel. Only files this page was built from. */
  async openCell(message: unknown): Promise<{ uri: string; line: number } | undefined> {
    if (!isCellMessage(message) || !this.files.has(message.reviewUri)) return undefined;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(message.reviewUri));
    const line = Math.min(Math.max(0, (message.line ?? 1) - 1), doc.lineCount - 1);
    const range = new vscode.Range(line, 0, line, doc.lineAt(line).text.length);
    // The first column, unless the panel sits there: the matrix stays in view and clicks reuse one editor group.
    const viewColumn = (this.panel.viewColumn ?? 1) > 1 ? vscode.ViewColumn.One : vscode.ViewColumn.Two;
    const editor = await vscode.window.showTextDocument(doc, { viewColumn, selection: range, preview: true });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return { uri: doc.uri.toString(), line };
  }

  state(): DashboardState {
    const html = this.panel.webview.html;
    return {
      title: this.panel.title,
      html,
      htmlLength: html.length,
      cellCount: html.match(/<td class="c /g)?.length ?? 0,
      csp: /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'"),
      warnings: this.warnings,
    };
  }

  /** Typing fires many changes; re-grade once they pause. */
  private refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.scope) void this.show(this.scope);
    }, 400);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscriptions.forEach((d) => d.dispose());
    this.onDispose();
  }
}

function isCellMessage(m: unknown): m is CellMessage {
  const x = m as Partial<CellMessage> | null;
  return (
    !!x &&
    x.type === 'openCell' &&
    typeof x.reviewUri === 'string' &&
    (x.line === undefined || (typeof x.line === 'number' && Number.isFinite(x.line)))
  );
}

/** A fresh CSP nonce per render (crypto.getRandomValues exists in both extension hosts). */
function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The command's target: a folder or file passed in (explorer, editor title), the active editor's round, or a pick. */
async function scopeFor(arg: unknown): Promise<DashboardScope | undefined> {
  if (arg instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(arg).then(
      (s) => s,
      () => undefined,
    );
    if (stat && (stat.type & vscode.FileType.Directory) !== 0) return scopeOfFolder(arg);
    const scope = scopeOfFile(arg);
    if (scope) return scope;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  return (active && scopeOfFile(active)) ?? pickPerspective();
}

export function registerDashboard(context: vscode.ExtensionContext, deps: Services): void {
  let current: DashboardPanel | undefined;
  const service = deps.grading;
  const open = async (arg?: unknown): Promise<DashboardState | undefined> => {
    const scope = await scopeFor(arg);
    if (!scope) return undefined;
    if (current) current.panel.reveal(vscode.ViewColumn.Beside, true);
    else {
      const panel = vscode.window.createWebviewPanel(
        'reviewGrader.dashboard',
        scopeTitle(scope),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          enableCommandUris: false,
          localResourceRoots: [], // the page is self-contained: nothing to load
          enableFindWidget: true,
        },
      );
      current = new DashboardPanel(panel, service, deps.config, () => {
        current = undefined;
      });
    }
    await current.show(scope);
    return current.state();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_DASHBOARD, open),
    vscode.commands.registerCommand(STATE, () => current?.state()),
    vscode.commands.registerCommand(OPEN_CELL, (m: unknown) => current?.openCell(m)),
    { dispose: () => current?.panel.dispose() },
  );
}
