// The editor's content-hash cache (gradingCache.ts, persistedCache.ts), in
// the real workbench: a result served from memory, from a reopened document or
// from the persisted cache after a (simulated) reload is identical to a cold
// grading, and nothing is parsed twice; an edited review, key, judge report or
// setting names other entries; a corrupt, truncated or foreign persisted cache
// is ignored and rebuilt; Grade Folder writes the same bytes from the cache.
// The made-up round is written into the in-memory mount with a fresh nonce in
// its texts (so nothing a previous run persisted can answer) and removed after.
import * as vscode from 'vscode';
import { GradingService } from '../../../src/extension/gradingService';
import { GradingCache } from '../../../src/extension/gradingCache';
import { nullLogger } from '../../../src/extension/service';
import type { GradeFolderResult } from '../../../src/extension/gradeFolder';
import type { GradedReview } from '../../../src/core/model';
import { corpusUri, encode, equal, extension, memento, ok } from './helpers';
import { until } from './keyHelpers';
import { canon as canonJson } from '../../canonJson';

const DIR = 'zz-grading-cache';
const NONCE = Math.random().toString(36).slice(2);
const KEY_TEXT = [
  '# Answer Key - Round 001',
  '',
  '- **Embedded Problems**: 2',
  '',
  '### P01: Lamp controller has no watchdog',
  '- **Severity**: Critical',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Names the missing watchdog AND the stalled sensor bus hang',
  '  - △ (Partial): Mentions controller hangs',
  '  - × (Not Detected): Nothing on it',
  '',
  '### P02: Valve command sent twice',
  '- **Severity**: Medium',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Duplicate valve commands AND a sequence number as the fix',
  '  - △ (Partial): Duplicate commands only',
  '  - × (Not Detected): Nothing on duplicates',
  '',
].join('\n');
const review = (run: number) =>
  [
    `# Review (${NONCE}, run ${run})`,
    '',
    '#### C1: The lamp controller has no watchdog',
    'When the sensor bus stalls the controller loop hangs and nothing restarts it: add a watchdog.',
    '',
    '#### C2: Valve commands can repeat',
    `A repeated valve command waters twice; commands need a sequence number. (${run})`,
    '',
  ].join('\n');
const judge = (p01run1: string) =>
  [
    '# Scoring Report: v001-baseline',
    '',
    '## Detection Matrix',
    '',
    '| Problem ID | Run1 | Run2 | Notes |',
    '|------------|------|------|-------|',
    `| P01: Lamp controller has no watchdog | ${p01run1} | ○ | |`,
    '| P02: Valve command sent twice | △ | ○ | |',
    '',
  ].join('\n');

const uri = (rel: string) => corpusUri(`${DIR}/${rel}`);
const KEY = 'answer-key-round-001.md';
const RUNS = ['results/v001-baseline-run1.md', 'results/v001-baseline-run2.md'];
const JUDGE = 'results/v001-baseline-scoring.md';
const open = (rel: string) => vscode.workspace.openTextDocument(uri(rel));
const read = async (u: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u));

/** A graded model as plain data with sorted keys: equal models, equal strings (a JSON round trip included). */
function canon(g: GradedReview | undefined): string {
  ok(g, 'not graded');
  return canonJson(JSON.parse(JSON.stringify(g)));
}

const services: GradingService[] = [];
function service(storage?: string, version = 'test'): GradingService {
  const s = new GradingService(
    memento(),
    nullLogger,
    new GradingCache({ version, storage: storage ? uri(storage) : undefined, delayMs: 20 }),
  );
  services.push(s);
  return s;
}
const built = async (s: GradingService) => (await s.cache.stats()).built;

suite('grading cache: one parse per content, persisted', () => {
  suiteSetup(async () => {
    await extension().activate();
    await vscode.workspace.fs.writeFile(uri(KEY), encode(KEY_TEXT));
    for (const [i, rel] of RUNS.entries()) await vscode.workspace.fs.writeFile(uri(rel), encode(review(i + 1)));
    await vscode.workspace.fs.writeFile(uri(JUDGE), encode(judge('○')));
  });

  suiteTeardown(async () => {
    for (const s of services.splice(0)) s.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(corpusUri(DIR), { recursive: true }).then(undefined, () => undefined);
  });

  test('from memory, reopened, or persisted and read back after a reload: identical to a cold grading, parsed once', async () => {
    const docs = [
      ...(await Promise.all(RUNS.map(open))),
      await vscode.workspace.openTextDocument(corpusUri('reliability-design/results/v007-variant-priority-severity-run2.md')),
    ];
    const cold = service();
    const expected: string[] = [];
    for (const d of docs) expected.push(canon(await cold.gradedOf(d)));

    const warm = service('storage-a');
    for (const [i, d] of docs.entries()) equal(canon(await warm.gradedOf(d)), expected[i], `first grading of ${d.uri.path}:`);
    const once = await built(warm);
    // another feature, another request: no parse
    for (const d of docs) warm.reviewOf(d);
    for (const [i, d] of docs.entries()) equal(canon(await warm.gradedOf(d)), expected[i], 'again:');
    equal(await built(warm), once, 'parses or gradings done again:');

    // memory forgotten (as after a reload): everything comes back from the workspace storage, nothing is parsed
    await warm.forgetMemory();
    for (const [i, d] of docs.entries()) equal(canon(await warm.gradedOf(d)), expected[i], `read back ${d.uri.path}:`);
    equal(await built(warm), once, 'parsed again after the reload:');
    ok((await warm.cache.stats()).persistedHits >= docs.length, 'entries read back from the storage');

    // a new window on the same workspace storage
    await warm.cache.flush();
    const reloaded = service('storage-a');
    for (const [i, d] of docs.entries()) equal(canon(await reloaded.gradedOf(d)), expected[i], `new service, ${d.uri.path}:`);
    equal(await built(reloaded), 0, 'parses in the new service:');
  });

  test('an edited review, key, judge report or setting is graded afresh; the original text again is a hit', async () => {
    const s = service('storage-b');
    const run1 = await open(RUNS[0]);
    const before = await s.gradedOf(run1);
    ok(before, 'not graded');
    equal(before.problems.find((p) => p.id === 'P01')?.judge, 'detected', 'judge verdict at first:');
    let n = await built(s);

    // the review: a new finding
    const line = run1.lineCount - 1;
    const add = new vscode.WorkspaceEdit();
    add.insert(run1.uri, new vscode.Position(line, 0), '#### C3: Logs are kept forever\nNo retention is set for the logs.\n');
    ok(await vscode.workspace.applyEdit(add), 'edit not applied');
    const edited = await s.gradedOf(run1);
    equal(edited?.review.findings.length, before.review.findings.length + 1, 'findings after the edit:');
    ok((await built(s)) > n, 'the edited review was not parsed');
    // the edit undone by hand: the original text, so the original entries answer
    const undo = new vscode.WorkspaceEdit();
    undo.delete(run1.uri, new vscode.Range(line, 0, line + 2, 0));
    ok(await vscode.workspace.applyEdit(undo), 'undo edit not applied');
    await run1.save(); // the same bytes as on disk: nothing is left dirty
    n = await built(s);
    equal(canon(await s.gradedOf(run1)), canon(before), 'the original text again:');
    equal(await built(s), n, 'parsed again for a text already graded:');

    // the key, changed on disk: a third problem
    const keyDoc = await open(KEY);
    const newKey = `${KEY_TEXT}\n### P03: Logs kept forever\n- **Severity**: Minor\n- **Detection Criteria**:\n  - ○ (Detected): Log retention\n  - △ (Partial): Logs\n  - × (Not Detected): Nothing\n`;
    await vscode.workspace.fs.writeFile(uri(KEY), encode(newKey));
    await until(async () => keyDoc.getText() === newKey, 'the key document to follow the file');
    equal((await s.gradedOf(run1))?.problems.length, 3, 'problems after the key changed:');

    // the judge report, rewritten on disk (the watcher drops the text read)
    await vscode.workspace.fs.writeFile(uri(JUDGE), encode(judge('×')));
    await until(async () => (await s.gradedOf(run1))?.problems.find((p) => p.id === 'P01')?.judge === 'missed', 'the new judge verdict');

    // a setting that changes the score
    const config = vscode.workspace.getConfiguration('reviewGrader');
    await config.update('bonusCap', 1, vscode.ConfigurationTarget.Global);
    try {
      await until(async () => (await s.gradedOf(run1))?.score.rubric.bonusCap === 1, 'the new bonus cap');
    } finally {
      await config.update('bonusCap', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.writeFile(uri(KEY), encode(KEY_TEXT));
      await vscode.workspace.fs.writeFile(uri(JUDGE), encode(judge('○')));
      await until(async () => keyDoc.getText() === KEY_TEXT, 'the key back');
    }
  });

  test('a corrupt, truncated or foreign persisted cache is ignored and rebuilt, never a crash', async () => {
    const docs = await Promise.all(RUNS.map(open));
    const expected: string[] = [];
    const first = service('storage-c');
    for (const d of docs) expected.push(canon(await first.gradedOf(d)));
    await first.cache.flush();
    const dir = uri('storage-c/grading-cache');
    const files = (await vscode.workspace.fs.readDirectory(dir)).map(([name]) => name).filter((n) => n !== 'index.json');
    ok(files.length >= 5, `entries on disk: ${files.join(', ')}`);

    // every entry damaged: garbage, truncated, another schema, empty
    for (const [i, name] of files.entries()) {
      const f = vscode.Uri.joinPath(dir, name);
      const text = await read(f);
      const bad = [text.slice(0, text.length >> 1), '\u0000garbage{', text.replace('"schema":1', '"schema":42'), ''][i % 4];
      await vscode.workspace.fs.writeFile(f, encode(bad));
    }
    const second = service('storage-c');
    for (const [i, d] of docs.entries()) equal(canon(await second.gradedOf(d)), expected[i], `over damaged entries, ${d.uri.path}:`);
    const st = await second.cache.stats();
    ok(st.persistedRejected > 0 && st.built > 0, `damaged entries were used: ${JSON.stringify(st)}`);
    await second.cache.flush();
    // rebuilt: the next one reads everything back
    const third = service('storage-c');
    for (const [i, d] of docs.entries()) equal(canon(await third.gradedOf(d)), expected[i], `rebuilt, ${d.uri.path}:`);
    equal(await built(third), 0, 'parses over the rebuilt cache:');
    await third.cache.flush(); // its pending index write must not land over the damaged index below

    // the index itself: garbage, truncated, someone else's, another build's
    const index = vscode.Uri.joinPath(dir, 'index.json');
    const good = await read(index);
    for (const [what, text, version] of [
      ['garbage', '\u00ff\u00fe not json', 'test'],
      ['truncated', good.slice(0, good.length - 9), 'test'],
      ['foreign', '{"eslintcache":{"files":[]}}', 'test'],
      ['another build', good, 'other-version'],
    ] as const) {
      await vscode.workspace.fs.writeFile(index, encode(text));
      const s = service('storage-c', version);
      for (const [i, d] of docs.entries()) equal(canon(await s.gradedOf(d)), expected[i], `${what} index, ${d.uri.path}:`);
      ok((await built(s)) > 0, `${what} index was trusted`);
      await s.cache.flush();
    }
  });

  test('Grade Folder writes the same bytes graded cold and from the persisted cache after a reload', async () => {
    const win = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    const realShow = win.showInformationMessage;
    win.showInformationMessage = (() => Promise.resolve(undefined)) as typeof vscode.window.showInformationMessage;
    const report = uri('results/v001-baseline-review-grader.md');
    try {
      const run = async () => {
        const r = await vscode.commands.executeCommand<GradeFolderResult>('reviewGrader.gradeFolder', uri('results'));
        equal(r?.written.map(String).join(), report.toString(), 'written:');
        const text = await read(report);
        await vscode.workspace.fs.delete(report);
        return text;
      };
      const cold = await run();
      const stats = await vscode.commands.executeCommand<{ built: number }>('reviewGrader._cache', 'reload');
      const fromCache = await run();
      equal(fromCache, cold, 'report bytes from the cache:');
      const after = await vscode.commands.executeCommand<{ built: number }>('reviewGrader._cache', 'stats');
      equal(after.built, stats.built, 'parses in the second Grade Folder:');

      // the Round Dashboard goes through the same cache: the runs and the key Grade Folder parsed are not parsed again
      type Built = { builtBy: Record<string, number> };
      const beforeDashboard = await vscode.commands.executeCommand<Built>('reviewGrader._cache', 'stats');
      const shown = await vscode.commands.executeCommand<{ cellCount: number }>('reviewGrader.openDashboard', uri('results'));
      ok(shown && shown.cellCount > 0, 'the dashboard shows no cells');
      const afterDashboard = await vscode.commands.executeCommand<Built>('reviewGrader._cache', 'stats');
      equal(afterDashboard.builtBy.review ?? 0, beforeDashboard.builtBy.review ?? 0, 'reviews parsed again for the dashboard:');
      equal(afterDashboard.builtBy.key ?? 0, beforeDashboard.builtBy.key ?? 0, 'keys parsed again for the dashboard:');
    } finally {
      win.showInformationMessage = realShow;
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
      await vscode.window.tabGroups.close(tabs);
    }
  });
});
