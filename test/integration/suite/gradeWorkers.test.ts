// The grading workers (src/extension/gradeWorkers.ts), in the real web
// extension host: round-wide work (the Grade Folder path, the Round
// Dashboard's rounds) graded by the workers gives the same results as graded
// in-thread, with nothing parsed on the host thread; a worker that cannot start
// or dies costs only speed: one line in the output channel, the rest graded
// in-thread, and the commands still succeed.
import * as vscode from 'vscode';
import { GradingService } from '../../../src/extension/gradingService';
import { GradingCache } from '../../../src/extension/gradingCache';
import { GradeWorkers, WORKERS_COMMAND, type WorkerSettings } from '../../../src/extension/gradeWorkers';
import { gradeRound, planDashboard, prefetch, roundContext, scopeOfFolder } from '../../../src/extension/dashboardData';
import type { GradeFolderResult } from '../../../src/extension/gradeFolder';
import type { Logger } from '../../../src/extension/service';
import type { PoolStats } from '../../../src/extension/gradeWorkerPool';
import { english } from '../../../src/core/i18n';
import { corpusUri, encode, equal, extension, memento, ok } from './helpers';
import { canon } from '../../canonJson';

const FOLDER = 'structural-quality-design';
/** runs graded both ways on the Grade Folder path (a few variants and rounds, judge reports beside them) */
const RUNS = 12;
const DIR = 'zz-grade-workers';

/** A logger that keeps its warnings. */
function logger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, error() {}, info() {}, warn: (m: string) => void warnings.push(m) };
}

const disposables: vscode.Disposable[] = [];
function service(workers?: GradeWorkers): GradingService {
  const s = new GradingService(memento(), logger(), new GradingCache({ version: 'test' }), workers);
  disposables.push(s);
  return s;
}
function workers(settings: WorkerSettings, log = logger()): { w: GradeWorkers; log: ReturnType<typeof logger> } {
  const w = new GradeWorkers(extension().extensionUri, log);
  w.reset(settings);
  disposables.push(w);
  return { w, log };
}

async function runUris(folder: string, n: number): Promise<vscode.Uri[]> {
  const dir = corpusUri(`${folder}/results`);
  const names = (await vscode.workspace.fs.readDirectory(dir))
    .map(([name]) => name)
    .filter((name) => /-run\d+\.md$/.test(name))
    .sort();
  return names.slice(0, n).map((name) => vscode.Uri.joinPath(dir, name));
}

/** Every run graded as round-wide work (several at once, as Grade Folder asks): canonical JSON of each. */
async function gradeAll(s: GradingService, uris: vscode.Uri[]): Promise<string[]> {
  const docs = await Promise.all(uris.map((u) => s.runDocument(u)));
  const graded = await Promise.all(docs.map((d) => d && s.gradedOf(d, { background: true })));
  return graded.map((g) => canon(g));
}

/** The dashboard's rounds of a folder graded as the panel does (prefetch, then gradeRound newest first). */
async function dashboardRuns(s: GradingService, folder: string, rounds = 2): Promise<string> {
  const scope = scopeOfFolder(corpusUri(folder));
  const plan = await planDashboard(scope, english);
  const ctx = roundContext(scope, await s.dashboardSettings(scope.folder));
  // the oldest rounds (those of the first runs by name), newest first as the panel grades them
  const order = plan.rounds.slice(0, rounds).reverse();
  prefetch(ctx, order);
  const out: unknown[] = [];
  for (const r of order) out.push(await gradeRound(ctx, r.files));
  return canon({ out, warnings: ctx.warnings });
}

suite('grading workers: round-wide work off the host thread', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  suiteTeardown(async () => {
    for (const d of disposables.splice(0)) d.dispose();
    await vscode.commands.executeCommand(WORKERS_COMMAND, {});
    await vscode.workspace.fs.delete(corpusUri(DIR), { recursive: true }).then(undefined, () => undefined);
  });

  test('graded by the workers = graded in-thread (Grade Folder path and dashboard rounds), nothing parsed on the host thread', async function () {
    this.timeout(120_000);
    const uris = await runUris(FOLDER, RUNS);
    const inThread = service();
    const expected = await gradeAll(inThread, uris);
    ok(
      expected.every((g) => g.includes('"problems"')),
      'a run was not graded in-thread',
    );
    const { w, log } = workers({ size: 2 });
    const pooled = service(w);
    ok(pooled.hasWorkers, 'no workers');
    const got = await gradeAll(pooled, uris);
    for (const [i, g] of got.entries()) equal(g, expected[i], `${uris[i]!.path} graded by a worker:`);
    const st = w.stats() as PoolStats;
    equal(st.state, 'running', `pool state (${st.reason}):`);
    equal(st.done, uris.length, 'jobs done by the workers:');
    const cache = await pooled.cache.stats();
    equal(cache.builtBy.review ?? 0, 0, 'reviews parsed on the host thread:');
    equal(cache.builtBy.key ?? 0, 0, 'keys parsed on the host thread:');
    equal(cache.fromWorkers.review, uris.length, 'reviews from the workers:');
    // asked again: from the cache, no job
    equal((await gradeAll(pooled, uris)).join('\n'), expected.join('\n'), 'again:');
    equal((w.stats() as PoolStats).jobs, uris.length, 'jobs after asking again:');

    // the dashboard's rounds
    const dashExpected = await dashboardRuns(service(), FOLDER);
    const dashPooled = service(w);
    equal(await dashboardRuns(dashPooled, FOLDER), dashExpected, 'dashboard rounds graded by the workers:');
    const dashCache = await dashPooled.cache.stats();
    ok((dashCache.fromWorkers.graded ?? 0) > 0, `no dashboard grading came from the workers: ${JSON.stringify(dashCache)}`);
    equal(dashCache.builtBy.review ?? 0, 0, 'dashboard reviews parsed on the host thread:');

    // the same rounds' dashboard on the service that graded the runs already: the parsed models go to the workers, not parsed again
    const before = (await pooled.cache.stats()).fromWorkers;
    equal(await dashboardRuns(pooled, FOLDER), dashExpected, 'dashboard rounds from models already parsed:');
    const after = await pooled.cache.stats();
    equal(after.fromWorkers.review, before.review, 'reviews parsed again by the workers:');
    ok((after.fromWorkers.graded ?? 0) > (before.graded ?? 0), 'the dashboard did not grade in the workers');
    equal(after.builtBy.review ?? 0, 0, 'reviews parsed on the host thread:');
    // and once more: all in the cache, no job
    const jobs = (w.stats() as PoolStats).jobs;
    equal(await dashboardRuns(pooled, FOLDER), dashExpected, 'dashboard rounds warm:');
    equal((w.stats() as PoolStats).jobs, jobs, 'jobs for a warm dashboard:');
    equal(log.warnings.length, 0, `warnings: ${log.warnings.join(' | ')}`);
  });

  test('workers that cannot start, or never say they are ready: one warning, everything graded in-thread, the same results', async function () {
    this.timeout(60_000);
    const uris = await runUris(FOLDER, 4);
    const expected = await gradeAll(service(), uris);
    const dashExpected = await dashboardRuns(service(), FOLDER, 1);
    for (const fail of ['spawn', 'silent'] as const) {
      const { w, log } = workers({ size: 1, fail, readyTimeoutMs: 1500 });
      const s = service(w);
      equal((await gradeAll(s, uris)).join('\n'), expected.join('\n'), `${fail}: graded after the workers failed:`);
      equal(log.warnings.length, 1, `${fail}: warnings: ${log.warnings.join(' | ')}`);
      ok(/grading on the extension host instead/.test(log.warnings[0]!), log.warnings[0]!);
      equal((w.stats() as PoolStats).state, 'broken', `${fail}: pool state:`);
      ok(!s.hasWorkers, `${fail}: a broken pool is still offered`);
      // and the dashboard goes in-thread too
      equal(await dashboardRuns(s, FOLDER, 1), dashExpected, `${fail}: dashboard after the workers failed:`);
      equal(log.warnings.length, 1, `${fail}: warned again:`);
    }
    // a dashboard whose workers fail while its rounds are handed out: in-thread, the same
    const { w } = workers({ size: 1, fail: 'silent', readyTimeoutMs: 1500 });
    equal(await dashboardRuns(service(w), FOLDER, 1), dashExpected, 'dashboard while the workers failed:');
  });

  test('a worker that dies mid-way: the jobs left are graded in-thread, the same results', async function () {
    this.timeout(60_000);
    const uris = await runUris(FOLDER, 8);
    const expected = await gradeAll(service(), uris);
    const { w, log } = workers({ size: 1, jobTimeoutMs: 3000 });
    const s = service(w);
    // one job first (the worker is up), then it dies with the rest queued
    const first = await gradeAll(s, uris.slice(0, 1));
    equal(first[0], expected[0], 'first run:');
    w.killOne();
    const rest = await gradeAll(s, uris.slice(1));
    equal(rest.join('\n'), expected.slice(1).join('\n'), 'runs graded after the worker died:');
    equal(log.warnings.length, 1, `warnings: ${log.warnings.join(' | ')}`);
    equal((w.stats() as PoolStats).state, 'broken', 'pool state:');
  });

  test('Grade Folder and the dashboard succeed when the extension’s workers cannot start, and use them again once they can', async function () {
    this.timeout(60_000);
    const win = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const realShow = win.showInformationMessage;
    win.showInformationMessage = (() => Promise.resolve(undefined)) as typeof vscode.window.showInformationMessage;
    try {
      // a made-up round of its own (its text unique to this run, so no cache has it)
      const stamp = Date.now().toString(36);
      await vscode.workspace.fs.writeFile(corpusUri(`${DIR}/answer-key-round-001.md`), encode(KEY_TEXT));
      const write = (name: string, extra: string) =>
        vscode.workspace.fs.writeFile(corpusUri(`${DIR}/results/${name}`), encode(reviewText(`${extra} ${stamp}`)));
      await write('v001-baseline-run1.md', 'one');
      await write('v001-baseline-run2.md', 'two');
      const report = corpusUri(`${DIR}/results/v001-baseline-review-grader.md`);
      const gradeFolder = async () => {
        const r = await vscode.commands.executeCommand<GradeFolderResult>('reviewGrader.gradeFolder', corpusUri(`${DIR}/results`));
        equal(r?.written.map(String).join(), report.toString(), 'written:');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(report));
        await vscode.workspace.fs.delete(report);
        return text;
      };
      const broken = await vscode.commands.executeCommand<PoolStats>(WORKERS_COMMAND, { size: 1, fail: 'silent', readyTimeoutMs: 1500 });
      ok(broken, 'no workers command');
      ok((await gradeFolder()).length > 0, 'an empty report');
      equal((await vscode.commands.executeCommand<PoolStats>(WORKERS_COMMAND, 'stats'))?.state, 'broken', 'pool state:');
      const shown = await vscode.commands.executeCommand<{ cellCount: number; phase: string }>(
        'reviewGrader.openDashboard',
        corpusUri(DIR),
      );
      ok(
        shown && shown.phase === 'done' && shown.cellCount > 0,
        `the dashboard without workers: ${JSON.stringify(shown && { ...shown, html: undefined })}`,
      );

      // new text (nothing cached): through working workers
      await vscode.commands.executeCommand(WORKERS_COMMAND, { size: 1 });
      await write('v001-baseline-run1.md', 'one more');
      ok((await gradeFolder()).length > 0, 'an empty report');
      const st = await vscode.commands.executeCommand<PoolStats>(WORKERS_COMMAND, 'stats');
      ok(st && st.state === 'running' && st.done >= 1, `the workers did not grade: ${JSON.stringify(st)}`);
    } finally {
      win.showInformationMessage = realShow;
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      await vscode.window.tabGroups.close(tabs);
      await vscode.commands.executeCommand(WORKERS_COMMAND, {});
    }
  });
});

const KEY_TEXT = [
  '# Answer Key - Round 001',
  '',
  '### P01: Tokens never expire',
  '- **Severity**: Critical',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Says the session tokens have no expiry AND that a stolen token works forever',
  '  - △ (Partial): Mentions token lifetime only',
  '  - × (Not Detected): Nothing on tokens',
  '',
  '### P02: Passwords logged in plain text',
  '- **Severity**: High',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Points out the login handler logs the password',
  '  - △ (Partial): Mentions sensitive data in logs',
  '  - × (Not Detected): Nothing on logging',
  '',
].join('\n');

function reviewText(extra: string): string {
  return [
    '# Review',
    '',
    '#### C1: Session tokens never expire',
    'The tokens carry no expiry, so a stolen token works forever.',
    '',
    '#### C2: Sensitive data in logs',
    `The login handler writes request bodies to the log. ${extra}`,
    '',
  ].join('\n');
}
