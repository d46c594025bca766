// "Review Grader: Open Round Dashboard": the CLI's dashboard page in a webview
// beside the editor, for the active key's/run's round or a picked perspective
// folder. Strict CSP (the renderer's nonce CSP plus webview.cspSource), no
// resources loaded at all. A matrix cell posts {reviewUri, line}; we open that
// review at the evidence beside the panel. Refreshes (debounced) when a file
// it was built from changes.
//
// Progressive: the frame (title, "grading 0 of N runs…", a pending section per
// round) is set at once; each round is posted into the page as it is graded
// (newest first), the history and agreement once every run is. A refresh of
// the same page posts into it again, so the scroll position stays; a new page
// (another scope, other rounds) replaces the html. Cancellable from the
// progress notification; a newer show or refresh always wins over an older one.
import * as vscode from 'vscode';
import {
  buildPerspective,
  buildRound,
  renderDashboardShell,
  renderRound,
  renderSummary,
  renderToc,
  rubricWords,
  summaryBox,
  type DashboardRunInput,
  type ShellPerspective,
} from '../core/dashboard';
import { localeOf, translator, type Locale, type Translate } from '../core/i18n';
import { DEFAULT_ROUND_RULE, type RoundRule } from '../core/score';
import {
  Cancelled,
  gradeRound,
  pickPerspective,
  planDashboard,
  prefetch,
  sameScope,
  scopeOfFile,
  scopeOfFolder,
  scopeTitle,
  type DashboardPlan,
  type DashboardScope,
  roundContext,
} from './dashboardData';
import type { GradingService } from './gradingService';
import type { ReviewGraderConfig } from './config';
import type { Services } from './service';

export const OPEN_DASHBOARD = 'reviewGrader.openDashboard';
/** internal, for tests: what the panel shows */
const STATE = 'reviewGrader._dashboardState';
/** internal: the path a cell click takes (the webview's message handler calls it too) */
const OPEN_CELL = 'reviewGrader._dashboardOpenCell';
/** internal, for tests: what the progress notification's Cancel does */
const CANCEL = 'reviewGrader._dashboardCancel';
/**
 * The longest grading waits for the page to paint its frame. It paints in 0.2–0.4 s when nothing else runs;
 * a page that takes longer is slow for other reasons (measured: a reopened panel's page 1.5–2.2 s), and
 * grading waiting on it then only delayed completion.
 */
const PAINT_WAIT_MS = 400;

interface CellMessage {
  type: 'openCell';
  reviewUri: string;
  line?: number;
}

export type DashboardPhase = 'grading' | 'done' | 'cancelled';

export interface DashboardState {
  title: string;
  /** the page as it now stands: the frame with every part posted into it so far */
  html: string;
  htmlLength: number;
  cellCount: number;
  csp: string | undefined;
  warnings: string[];
  phase: DashboardPhase;
  /** runs whose grading has started / all the runs of the scope */
  graded: number;
  total: number;
  /** rounds shown graded / rounds expected */
  roundsShown: number;
  roundsTotal: number;
  /** history and agreement are in */
  summary: boolean;
  /** ms from the show: the frame set, the page's script running (first paint), everything in */
  timings: { frame?: number; ready?: number; complete?: number };
  /** shows that graded every run, refreshes included */
  shows: number;
  /** times the webview's html was set; and whether its page has said it is ready */
  pageSets: number;
  pageReady: boolean;
}

class DashboardPanel implements vscode.Disposable {
  private scope: DashboardScope | undefined;
  private plan: DashboardPlan | undefined;
  private files = new Set<string>();
  private warnings: string[] = [];
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private cancelSource: vscode.CancellationTokenSource | undefined;
  // the page in the webview: its generation (messages carry it), nonce, and what was posted into it
  private page = { generation: 0, nonce: '', ready: false, outbox: [] as unknown[], posted: false };
  /** times the webview's html was set (a new page, or the page as it stands after the webview reloaded) */
  private pageSets = 0;
  private rounds = new Map<string, string>();
  private summary: { inner: string; toc: string; rubric: string } | undefined;
  private status = '';
  private phase: DashboardPhase = 'grading';
  private progress = { graded: 0, total: 0 };
  private timings: DashboardState['timings'] = {};
  private started = 0;
  /** shows that graded every run (a refresh counts) */
  private shows = 0;
  private onReady: (() => void) | undefined;
  private lastView: { visible: boolean; column: vscode.ViewColumn | undefined };
  private locale: Locale = localeOf(vscode.env.language);
  private t: Translate = translator(this.locale);
  /** the round thresholds of the shown folder (its project file's, else the rubric's) */
  private rule: RoundRule = DEFAULT_ROUND_RULE;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly service: GradingService,
    private readonly config: () => ReviewGraderConfig,
    private readonly onDispose: () => void,
  ) {
    this.lastView = { visible: panel.visible, column: panel.viewColumn };
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        const x = m as { type?: unknown; generation?: unknown } | null;
        if (x && x.type === 'ready') this.pageReady(x.generation);
        else void vscode.commands.executeCommand(OPEN_CELL, m);
      }),
      // Hidden or moved to another group, the webview is rebuilt from its html, which holds none of what
      // was posted into it since: shown again, it gets the page as it stands (its scroll is in its state).
      panel.onDidChangeViewState(() => {
        const reloaded = (panel.visible && !this.lastView.visible) || panel.viewColumn !== this.lastView.column;
        this.lastView = { visible: panel.visible, column: panel.viewColumn };
        if (reloaded && panel.visible && this.page.posted) this.setPage(this.page.generation);
      }),
      // 'review-grader:config' is the service's "settings changed" signal: everything may differ.
      service.onDidChange((uri) => {
        if (this.files.has(uri.toString()) || uri.scheme === 'review-grader') this.refreshSoon();
      }),
    );
  }

  /** Show a scope; resolves once every run is graded and in the page (or grading was cancelled or superseded). */
  async show(scope: DashboardScope, since = performance.now()): Promise<void> {
    const mine = ++this.generation;
    this.cancelSource?.cancel(); // an older show stops at its next run
    const cancel = new vscode.CancellationTokenSource();
    this.cancelSource = cancel;
    this.started = since;
    this.timings = {};
    const t = this.t;
    const previous = this.scope;
    // the settings (project file lookup) while the folder is listed; the grading workers start loading now too
    const settings = this.service.dashboardSettings(scope.folder, this.config());
    settings.catch(() => undefined); // awaited below; a superseded show never awaits it
    const plan = await planDashboard(scope, t);
    if (mine !== this.generation) return; // a newer show/refresh won
    this.scope = scope;
    this.panel.title = scopeTitle(scope);
    const samePage =
      sameScope(previous, scope) &&
      !!this.plan &&
      this.plan.rounds.map((r) => r.id).join('\n') === plan.rounds.map((r) => r.id).join('\n') &&
      this.page.generation > 0;
    this.plan = plan;
    this.progress = { graded: 0, total: plan.runCount };
    this.phase = 'grading';
    this.status = vscode.l10n.t('Grading {0} of {1} runs…', 0, plan.runCount);
    if (samePage) {
      // a refresh: the page keeps what it shows (and its scroll position) until each part is replaced
      this.post({ type: 'status', status: this.status, state: 'grading' });
    } else {
      this.rounds = new Map();
      this.summary = undefined;
      this.setPage(mine);
    }
    this.timings.frame = performance.now() - this.started;

    const files = new Set<string>();
    const warnings: string[] = [];
    let completed = false;
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Review Grader: grading {0}', this.panel.title),
        cancellable: true,
      },
      async (progress, token) => {
        token.onCancellationRequested(() => cancel.cancel());
        const shown = await settings;
        this.rule = shown.config.roundRule;
        const ctx = roundContext(scope, shown, {
          files,
          warnings,
          cancelled: () => cancel.token.isCancellationRequested || mine !== this.generation,
          onRun: () => {
            this.progress.graded++;
            const text = vscode.l10n.t('{0} of {1} runs', this.progress.graded, this.progress.total);
            progress.report({ message: text, increment: this.progress.total ? 100 / this.progress.total : 0 });
          },
        });
        // newest round first, as the page lists them
        const order = [...plan.rounds].reverse();
        // The webview loads on the workbench's thread, which grading's file reads and messages also use:
        // measured, letting it paint first (reads included) halves the first paint (0.6 → 0.25 s cold) for ~0.1 s of completion.
        await this.pageLoaded(PAINT_WAIT_MS);
        prefetch(ctx, order);
        const all: DashboardRunInput[] = [];
        try {
          for (const round of order) {
            const runs = await gradeRound(ctx, round.files);
            if (ctx.cancelled()) throw new Cancelled();
            for (const r of runs) all.push(r);
            if (runs.length) this.showRound(runs, plan);
            this.status = vscode.l10n.t('Grading {0} of {1} runs…', this.progress.graded, plan.runCount);
            this.post({ type: 'status', status: this.status, state: 'grading' });
          }
        } catch (e) {
          if (!(e instanceof Cancelled)) {
            // a bug, not bad input (gather skips unreadable runs): say so on the page too, not only in the log
            this.phase = 'cancelled';
            this.status = vscode.l10n.t('Grading stopped by an error: {0}', (e as Error)?.message ?? String(e));
            this.post({ type: 'status', status: this.status, state: 'cancelled' });
            throw e;
          }
          if (mine !== this.generation) return; // superseded: the newer show speaks
          this.phase = 'cancelled';
          this.files = files;
          this.warnings = warnings;
          this.status = vscode.l10n.t(
            'Grading cancelled after {0} of {1} runs: the rounds above are complete, the rest are not graded. Refresh the dashboard to finish.',
            this.progress.graded,
            plan.runCount,
          );
          this.post({ type: 'status', status: this.status, state: 'cancelled' });
          return;
        }
        if (mine !== this.generation) return;
        this.files = files;
        this.warnings = warnings;
        this.showSummary(all, plan);
        completed = true;
      },
    );
    if (completed && mine === this.generation) {
      this.timings.complete = performance.now() - this.started;
      this.shows++;
    }
    if (this.cancelSource === cancel) this.cancelSource = undefined;
    cancel.dispose();
  }

  /** What the Cancel of the progress notification does. */
  cancel(): void {
    this.cancelSource?.cancel();
  }

  private showRound(runs: DashboardRunInput[], plan: DashboardPlan): void {
    const round = buildRound(plan.name, plan.id, runs, this.t, this.rule);
    const html = renderRound(round, this.cellLink(plan.scope), this.t);
    this.rounds.set(round.id, html);
    this.post({ type: 'round', id: round.id, html });
  }

  private showSummary(runs: DashboardRunInput[], plan: DashboardPlan): void {
    const t = this.t;
    const view = buildPerspective({ name: plan.name, runs, rule: this.rule }, t);
    const inner = renderSummary(view, t);
    const shown = new Set(view.rounds.map((r) => r.id));
    // rounds whose every run was skipped (no key, unreadable) leave the page; the note says why
    const absent = plan.rounds.filter((r) => !shown.has(r.id)).map((r) => r.id);
    for (const id of absent) this.rounds.delete(id);
    const toc = renderToc({ name: plan.name, id: plan.id, rounds: view.rounds.map((r) => ({ id: r.id, label: r.label })) }, t);
    this.summary = { inner, toc, rubric: rubricWords([view], t) };
    this.phase = 'done';
    this.status = this.doneStatus(view.runCount);
    const html = summaryBox(plan.id, inner);
    this.post({
      type: 'summary',
      id: `${plan.id}-summary`,
      html,
      toc,
      rubric: this.summary.rubric,
      absent,
      status: this.status,
      state: 'done',
    });
  }

  private doneStatus(runCount: number): string {
    const skipped = this.warnings.length
      ? vscode.l10n.t('{0} skipped: {1}', this.warnings.length, this.warnings.join('; '))
      : vscode.l10n.t('none skipped');
    return vscode.l10n.t(
      '{0} runs graded with your Review Grader settings ({1}). Click or press Enter on a cell to open the review at its evidence.',
      runCount,
      skipped,
    );
  }

  private cellLink(scope: DashboardScope) {
    return (t: { path: string; line?: number }) => ({
      message: { type: 'openCell', reviewUri: scope.folder.with({ path: t.path }).toString(), line: t.line } satisfies CellMessage,
    });
  }

  /** The page as it now stands, for a (re)load of the webview and for the state command. */
  private composed(generation: number): string {
    const plan = this.plan;
    const shell: ShellPerspective[] = plan
      ? [
          {
            name: plan.name,
            id: plan.id,
            summary: this.summary?.inner,
            rounds: plan.rounds
              .filter((r) => !this.summary || this.rounds.has(r.id))
              .map((r) => ({ id: r.id, label: r.label, html: this.rounds.get(r.id) })),
          },
        ]
      : [];
    return renderDashboardShell(shell, {
      nonce: this.page.nonce,
      cspSource: this.panel.webview.cspSource,
      title: this.panel.title,
      status: this.status,
      statusState: this.phase,
      rubric: this.summary?.rubric,
      rule: this.rule,
      locale: this.locale,
      generation,
      // one round asked for: open at its matrix, not at the (one-point) history above it
      jump: this.scope?.round !== undefined ? plan?.rounds[0]?.id : undefined,
    });
  }

  /** Set the webview's html to the page as it stands; posts wait until its script says it is ready. */
  private setPage(generation: number): void {
    this.page = { generation, nonce: nonce(), ready: false, outbox: [], posted: false };
    this.pageSets++;
    this.panel.webview.html = this.composed(generation);
  }

  /** Resolves when the page's script has said it is ready, or after `ms` (a webview that never loads must not stall grading). */
  private pageLoaded(ms: number): Promise<void> {
    if (this.page.ready) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const previous = this.onReady;
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.onReady = () => {
        previous?.();
        done();
      };
    });
  }

  private pageReady(generation: unknown): void {
    if (generation !== this.page.generation) return;
    this.page.ready = true;
    const waiting = this.onReady;
    this.onReady = undefined;
    waiting?.();
    this.timings.ready ??= performance.now() - this.started;
    const queued = this.page.outbox;
    this.page.outbox = [];
    for (const m of queued) void this.panel.webview.postMessage(m);
  }

  private post(message: Record<string, unknown>): void {
    const m = { ...message, generation: this.page.generation };
    this.page.posted = true;
    // a hidden webview drops posts: it gets the whole page when shown again
    if (!this.panel.visible) return;
    if (this.page.ready) void this.panel.webview.postMessage(m);
    else this.page.outbox.push(m);
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
    const html = this.composed(this.page.generation);
    return {
      title: this.panel.title,
      html,
      htmlLength: html.length,
      cellCount: html.match(/<td class="c /g)?.length ?? 0,
      csp: /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1].replace(/&#39;/g, "'"),
      warnings: this.warnings,
      phase: this.phase,
      graded: this.progress.graded,
      total: this.progress.total,
      roundsShown: this.rounds.size,
      roundsTotal: this.plan?.rounds.length ?? 0,
      summary: this.summary !== undefined,
      timings: { ...this.timings },
      shows: this.shows,
      pageSets: this.pageSets,
      pageReady: this.page.ready,
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
    this.cancelSource?.cancel();
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
    const since = performance.now(); // first paint and completion are timed from the command, panel creation included
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
    await current.show(scope, since);
    return current.state();
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_DASHBOARD, open),
    vscode.commands.registerCommand(STATE, () => current?.state()),
    vscode.commands.registerCommand(OPEN_CELL, (m: unknown) => current?.openCell(m)),
    vscode.commands.registerCommand(CANCEL, () => current?.cancel()),
    { dispose: () => current?.panel.dispose() },
  );
}
