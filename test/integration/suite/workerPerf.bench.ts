// Timings, printed and not asserted (not part of the suite: run it with
// `node bench/editorPerf.mjs workerPerf.bench`): the largest results folder
// (security-design, 88 runs) graded cold as Grade Folder does (runs in order,
// several ahead with workers) and as the Round Dashboard does (every round),
// in-thread and with 1 and 2 grading workers, each on a fresh memory-only
// cache; with the longest stretch the host's event loop was blocked.
import * as vscode from 'vscode';
import { GradingService } from '../../../src/extension/gradingService';
import { GradingCache } from '../../../src/extension/gradingCache';
import { GradeWorkers } from '../../../src/extension/gradeWorkers';
import { gradeRound, planDashboard, prefetch, roundContext, scopeOfFolder } from '../../../src/extension/dashboardData';
import { nullLogger } from '../../../src/extension/service';
import { english } from '../../../src/core/i18n';
import { corpusUri, extension, longestBlock, memento } from './helpers';

const FOLDER = 'security-design';
/** false: only the warm dashboard (quick) */
const FULL = true;

/** As Grade Folder: in order, `depth` gradings ahead with workers, one at a time without. */
async function folderLike(s: GradingService, uris: vscode.Uri[]): Promise<void> {
  const depth = s.hasWorkers ? 6 : 0;
  const started: Promise<unknown>[] = [];
  const start = (i: number) => {
    started[i] ??= s.runDocument(uris[i]!).then((d) => d && s.gradedOf(d, { background: true }));
  };
  for (let i = 0; i < uris.length; i++) {
    for (let j = i; j <= Math.min(uris.length - 1, i + depth); j++) start(j);
    await started[i];
  }
}

async function dashboardLike(s: GradingService): Promise<void> {
  const scope = scopeOfFolder(corpusUri(FOLDER));
  const plan = await planDashboard(scope, english);
  const ctx = roundContext(scope, await s.dashboardSettings(scope.folder));
  const order = [...plan.rounds].reverse();
  prefetch(ctx, order);
  for (const r of order) await gradeRound(ctx, r.files);
}

suite('grading workers: timings (printed)', () => {
  test(`${FOLDER}: cold, in-thread vs 1 and 2 workers`, async function () {
    this.timeout(600_000);
    await extension().activate();
    const dir = corpusUri(`${FOLDER}/results`);
    const uris = (await vscode.workspace.fs.readDirectory(dir))
      .map(([n]) => n)
      .filter((n) => /-run\d+\.md$/.test(n))
      .sort()
      .map((n) => vscode.Uri.joinPath(dir, n));
    // the dashboard warm (everything in the memory cache): what the workers' dry run costs when there is nothing to hand out
    for (const size of [0, 1]) {
      const workers = new GradeWorkers(extension().extensionUri, nullLogger);
      workers.reset({ size });
      const s = new GradingService(memento(), nullLogger, new GradingCache({ version: 'bench' }), workers);
      try {
        await dashboardLike(s);
        const times: number[] = [];
        for (let i = 0; i < 3; i++) times.push((await longestBlock(() => dashboardLike(s))).ms);
        console.log(
          `[perf] workers ${size}: dashboard ${FOLDER} warm (all in memory): ${times.map((t) => t.toFixed(0)).join(', ')} ms; worker jobs ${JSON.stringify(workers.stats())}`,
        );
      } finally {
        s.dispose();
        workers.dispose();
      }
    }
    // each pool graded twice, on a fresh cache each time: first with its JIT cold (as the first time in a session), then warm
    for (const size of FULL ? [0, 1, 2] : []) {
      const workers = new GradeWorkers(extension().extensionUri, nullLogger);
      workers.reset({ size });
      try {
        for (const when of ['cold', 'JIT warm'] as const) {
          for (const what of ['Grade Folder', 'dashboard'] as const) {
            const s = new GradingService(memento(), nullLogger, new GradingCache({ version: 'bench' }), workers);
            try {
              const t = await longestBlock(() => (what === 'dashboard' ? dashboardLike(s) : folderLike(s, uris)));
              const c = await s.cache.stats();
              console.log(
                `[perf] workers ${size}: ${what} ${FOLDER} (${uris.length} runs), nothing cached, ${when}: ${t.ms.toFixed(0)} ms; event loop blocked at most ${t.blockedMs.toFixed(0)} ms; on the host thread ${c.builtBy.review ?? 0} reviews and ${c.builtBy.key ?? 0} keys parsed, ${c.builtBy.graded ?? 0} graded`,
              );
            } finally {
              s.dispose();
            }
          }
        }
      } finally {
        workers.dispose();
      }
    }
  });
});
