// Grade Folder writes one report per variant beside the runs and never
// overwrites a judge's file; Compare with Judge lists where verdicts differ.
import * as vscode from 'vscode';
import { corpusUri, equal, extension, ok } from './helpers';
import { openReview } from './reviewHelpers';

interface Result {
  written: vscode.Uri[];
  skipped: vscode.Uri[];
  ungraded: vscode.Uri[];
}

suite('grade folder, compare with judge', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('grades every run of a folder and writes <variant>-review-grader.md reports', async () => {
    const folder = corpusUri('security-design-reviewer/results');
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n);
    const variants = new Set(names.filter((n) => /-run\d+\.md$/.test(n)).map((n) => n.replace(/-run\d+\.md$/, '')));
    // a file in the way that we did not write must survive
    const blocker = vscode.Uri.joinPath(folder, `${[...variants][0]}-review-grader.md`);
    await vscode.workspace.fs.writeFile(blocker, new TextEncoder().encode('# my own notes\n'));

    const result = await vscode.commands.executeCommand<Result>('reviewGrader.gradeFolder', folder);
    ok(result, 'gradeFolder returned nothing');
    equal(result.written.length + result.skipped.length, variants.size, 'one report per variant:');
    equal(result.skipped.map(String).join(), blocker.toString(), 'skipped:');
    equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(blocker)), '# my own notes\n', 'the blocker was overwritten:');
    const report = new TextDecoder().decode(await vscode.workspace.fs.readFile(result.written[0]));
    ok(report.startsWith('# Scoring Report: '), `report starts: ${report.slice(0, 60)}`);
    ok(report.includes('## Detection Matrix') && report.includes('- **Mean**:'), 'report lacks matrix or mean');
    ok(
      result.written.every((u) => !u.path.endsWith('-scoring.md')),
      'a judge report was written over',
    );
  });

  test('compare with judge lists differences for a run that has a judge report', async () => {
    const editor = await openReview();
    const text = await vscode.commands.executeCommand<string>('reviewGrader.compareWithJudge', editor.document.uri);
    ok(text?.startsWith('# Review Grader vs judge: '), `comparison: ${text?.slice(0, 80)}`);
    ok(/Judge verdicts for 9 of 9 problems; \d+ differ\./.test(text), `comparison body: ${text.slice(0, 300)}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
