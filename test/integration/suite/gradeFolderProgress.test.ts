// Grade Folder gives feedback (issue 11, item 7), in the real workbench: it
// runs under a cancellable progress notification, ends with ONE summary
// message ("wrote N reports in …/results/ — K left alone (edited since
// written)") with Open Folder / Show Details, replaces on a second run only
// the reports nobody edited, and a cancelled run writes nothing more. The
// made-up perspective is written into the in-memory mount (the corpus on
// disk is untouched) and removed afterwards. Runs not open in an editor are
// read as snapshots (no document opened per run); an open run's unsaved
// edits count.
import * as vscode from 'vscode';
import { detailLines, type GradeFolderResult } from '../../../src/extension/gradeFolder';
import { corpusUri, encode, equal, extension, ok } from './helpers';
import { until } from './keyHelpers';

const DIR = 'zz-grade-progress';
const KEY_TEXT = [
  '# Answer Key - Round 001',
  '',
  '- **Embedded Problems**: 2',
  '',
  '### P01: Queue consumer acknowledges before processing',
  '- **Category**: Messaging',
  '- **Severity**: Critical',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Says the consumer acks before the work is done AND that a crash loses the message',
  '  - △ (Partial): Mentions message loss without the early ack',
  '  - × (Not Detected): Nothing on acknowledgement',
  '',
  '### P02: Retry without backoff',
  '- **Category**: Messaging',
  '- **Severity**: Medium',
  '- **Detection Criteria**:',
  '  - ○ (Detected): Points out retries with no backoff or jitter',
  '  - △ (Partial): Mentions retries only',
  '  - × (Not Detected): Nothing on retries',
  '',
].join('\n');
const review = (extra: string) =>
  [
    '# Review',
    '',
    '#### C1: Early acknowledgement loses messages',
    'The consumer acks before processing: a crash after the ack loses the message.',
    '',
    '#### C2: Retries have no backoff',
    `Failed calls are retried at once with no backoff or jitter. ${extra}`,
    '',
  ].join('\n');
const RUNS = ['v001-baseline-run1.md', 'v001-baseline-run2.md', 'v001-strict-run1.md'];
const REPORTS = ['v001-baseline-review-grader.md', 'v001-strict-review-grader.md'];

const results = () => corpusUri(`${DIR}/results`);
const inResults = (name: string) => vscode.Uri.joinPath(results(), name);
const read = async (u: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
const exists = (u: vscode.Uri) =>
  vscode.workspace.fs.stat(u).then(
    () => true,
    () => false,
  );

type Shown = { message: string; buttons: string[] };

/** Run Grade Folder on the perspective with the summary message captured (and answered with `choice`). */
async function gradeFolder(
  choice?: string,
  withProgress?: typeof vscode.window.withProgress,
): Promise<{ result: GradeFolderResult; shown: Shown[] }> {
  const shown: Shown[] = [];
  const win = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
  const realShow = win.showInformationMessage;
  const realProgress = win.withProgress;
  win.showInformationMessage = ((message: string, ...buttons: unknown[]) => {
    shown.push({ message, buttons: buttons.map(String) });
    return Promise.resolve(choice);
  }) as typeof vscode.window.showInformationMessage;
  if (withProgress) win.withProgress = withProgress;
  try {
    const result = await vscode.commands.executeCommand<GradeFolderResult>('reviewGrader.gradeFolder', corpusUri(DIR));
    ok(result, 'gradeFolder returned nothing');
    return { result, shown };
  } finally {
    win.showInformationMessage = realShow;
    win.withProgress = realProgress;
  }
}

suite('grade folder: progress and one summary', () => {
  suiteSetup(async () => {
    await extension().activate();
    await vscode.workspace.fs.writeFile(corpusUri(`${DIR}/answer-key-round-001.md`), encode(KEY_TEXT));
    for (const [i, name] of RUNS.entries()) await vscode.workspace.fs.writeFile(inResults(name), encode(review(`(run ${i + 1})`)));
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(corpusUri(DIR), { recursive: true }).then(undefined, () => undefined);
  });

  test('the command ends with one summary and writes every report; a second run replaces only the unedited ones', async () => {
    const first = await gradeFolder();
    equal(first.shown.length, 1, 'summary messages:');
    const [{ message, buttons }] = first.shown;
    ok(/^Review Grader: wrote 2 reports in .*zz-grade-progress\/results\/\.$/.test(message), `summary: ${message}`);
    ok(!message.includes('v001-baseline'), `the summary lists file names: ${message}`);
    equal(buttons.join(), 'Open Folder,Show Details', 'buttons:');
    equal(first.result.written.map((u) => u.path.slice(u.path.lastIndexOf('/') + 1)).join(), REPORTS.join(), 'written:');
    for (const name of REPORTS) {
      const text = await read(inResults(name));
      ok(text.startsWith('# Scoring Report: '), `${name} starts: ${text.slice(0, 60)}`);
      ok(/<!-- review-grader: sha256=[0-9a-f]{64} -->\n$/.test(text), `${name} is not sealed`);
    }

    // someone edits one report: the next run leaves it alone and replaces the other
    const edited = inResults(REPORTS[0]);
    const editedText = `${await read(edited)}\nMy own note.\n`;
    await vscode.workspace.fs.writeFile(edited, encode(editedText));
    const second = await gradeFolder();
    equal(second.shown.length, 1, 'summary messages on the second run:');
    ok(
      /^Review Grader: wrote 1 report in .*results\/ — 1 left alone \(edited since written\)\.$/.test(second.shown[0].message),
      `second summary: ${second.shown[0].message}`,
    );
    equal(second.result.skipped.map(String).join(), edited.toString(), 'left alone:');
    equal(second.result.written.map(String).join(), inResults(REPORTS[1]).toString(), 'replaced:');
    equal(await read(edited), editedText, 'the edited report was overwritten:');

    // the details name every file and why
    const details = detailLines('results', second.result);
    ok(
      details.some((l) => l.includes(`${REPORTS[1]}`) && l.includes('wrote')),
      `details: ${details.join(' | ')}`,
    );
    ok(
      details.some((l) => l.includes(REPORTS[0]) && l.includes('edited since review-grader wrote it')),
      `details: ${details.join(' | ')}`,
    );
    // Show Details writes to the output channel and does not throw
    const third = await gradeFolder('Show Details');
    equal(third.shown.length, 1, 'summary messages with Show Details:');
    await new Promise((r) => setTimeout(r, 100));
  });

  test('runs under a cancellable notification reporting "n of N runs"; a cancelled run writes nothing more and says how many it wrote', async () => {
    for (const name of REPORTS) await vscode.workspace.fs.delete(inResults(name)).then(undefined, () => undefined);
    const seen: string[] = [];
    let options: vscode.ProgressOptions | undefined;
    // cancel once the last run is graded: the first variant's report is written, the second's must not be
    const withProgress = (<R>(
      opts: vscode.ProgressOptions,
      task: (p: vscode.Progress<{ message?: string; increment?: number }>, t: vscode.CancellationToken) => Thenable<R>,
    ) => {
      options = opts;
      const source = new vscode.CancellationTokenSource();
      const progress = {
        report: (v: { message?: string }) => {
          if (v.message) seen.push(v.message);
          if (v.message === `${RUNS.length} of ${RUNS.length} runs`) source.cancel();
        },
      };
      return Promise.resolve(task(progress, source.token)).finally(() => source.dispose());
    }) as typeof vscode.window.withProgress;
    const { result, shown } = await gradeFolder(undefined, withProgress);
    equal(options?.location, vscode.ProgressLocation.Notification, 'progress location:');
    equal(options?.cancellable, true, 'cancellable:');
    equal(seen.join(' | '), '0 of 3 runs | 1 of 3 runs | 2 of 3 runs | 3 of 3 runs', 'progress messages:');
    equal(result.cancelled, true, 'cancelled:');
    equal(shown.length, 1, 'summary messages:');
    ok(
      /^Review Grader: cancelled — wrote 1 report in .*results\/ before stopping\.$/.test(shown[0].message),
      `summary: ${shown[0].message}`,
    );
    ok(await exists(inResults(REPORTS[0])), 'the report written before the cancel is missing');
    ok(!(await exists(inResults(REPORTS[1]))), 'a report was written after the cancel');
  });
  test('an open run is graded with its unsaved edits; the other runs are read without opening a document each', async () => {
    for (const name of REPORTS) await vscode.workspace.fs.delete(inResults(name)).then(undefined, () => undefined);
    const closed = RUNS.slice(1).map((n) => inResults(n).toString());
    const before = (await gradeFolder()).result;
    equal(before.written.length, 2, 'written:');
    const original = await read(inResults(REPORTS[0]));
    ok(!vscode.workspace.textDocuments.some((d) => closed.includes(d.uri.toString())), 'Grade Folder opened a document per run');

    const doc = await vscode.workspace.openTextDocument(inResults(RUNS[0]));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '<!-- grade: P01 × -->\n');
    ok(await vscode.workspace.applyEdit(edit), 'edit not applied');
    try {
      await gradeFolder();
      const withEdit = await read(inResults(REPORTS[0]));
      ok(withEdit !== original, 'the unsaved tag did not reach the report');
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await until(async () => !doc.isDirty && !doc.getText().includes('P01 ×'), 'the revert to reach the extension host');
    await gradeFolder();
    const after = (await read(inResults(REPORTS[0]))).split('\n');
    const lines = original.split('\n');
    const differ = after.map((l, i) => (l === lines[i] ? '' : `${i + 1}: ${l} | was ${lines[i]}`)).filter(Boolean);
    equal(differ.join('\n'), '', 'the report after the revert differs:');
  });
});
