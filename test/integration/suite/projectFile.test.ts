// The project file .review-grader.jsonc in the real workbench (issue 9 item 5):
// its key pattern and bonus cap take effect for a review below it, a change
// on disk is picked up through the watcher, and a broken one shows as an
// error in the Problems view on the project file, at its line. Made-up files
// in their own folder of the in-memory mount (the project file there affects
// nothing else; the corpus on disk is untouched).
import * as vscode from 'vscode';
import { PROJECT_KEY, PROJECT_REVIEW } from '../../fixtures/project/round';
import { GradingService } from '../../../src/extension/gradingService';
import { nullLogger } from '../../../src/extension/service';
import { corpusUri, encode, equal, extension, memento, ok } from './helpers';
import { until } from './keyHelpers';

const DIR = 'zz-project-file';
const KEY_TEXT = PROJECT_KEY;
const REVIEW_TEXT = PROJECT_REVIEW;
const PROJECT = '// made-up\n{\n  "keys": { "patterns": ["../keys/key-{round}.md"], },\n  "rubric": { "bonus": { "cap": 1 } },\n}\n';
const PROJECT_CAP2 = PROJECT.replace('"cap": 1', '"cap": 2');
const BROKEN = '{\n  "rubric": { "bonus": { "cap": 1 } }\n  "keys": {}\n}\n';

suite('project file .review-grader.jsonc', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('its key pattern and bonus cap take effect; a broken one is an error on its line and the defaults apply', async () => {
    const project = corpusUri(`${DIR}/.review-grader.jsonc`);
    const review = corpusUri(`${DIR}/results/v001-base-run1.md`);
    await vscode.workspace.fs.writeFile(corpusUri(`${DIR}/keys/key-001.md`), encode(KEY_TEXT));
    await vscode.workspace.fs.writeFile(review, encode(REVIEW_TEXT));
    await vscode.workspace.fs.writeFile(project, encode(PROJECT));
    await new Promise((r) => setTimeout(r, 500)); // let the 'created' events pass
    const service = new GradingService(memento(), nullLogger);
    try {
      const doc = await vscode.workspace.openTextDocument(review);
      const graded = await service.gradedOf(doc);
      ok(graded, 'the review should find its key by the project file pattern ../keys/key-{round}.md');
      ok(graded.keyPath?.endsWith('keys/key-001.md'), `key: ${graded.keyPath}`);
      equal(graded.score.bonusCount, 3, 'bonus findings:');
      equal(graded.score.bonus, 0.5, 'bonus points with the project file cap of 1:');
      equal(graded.score.rubric.bonusCap, 1, 'the cap the score was computed with:');

      // rewritten on disk: the watcher drops the cached settings
      await vscode.workspace.fs.writeFile(project, encode(PROJECT_CAP2));
      await until(async () => (await service.gradedOf(doc))?.score.bonus === 1, 'the rewritten cap of 2 to apply');

      // broken: an error at line 3 on the project file itself, and the defaults (no pattern: no key)
      await vscode.workspace.fs.writeFile(project, encode(BROKEN));
      const diagnostic = await until(
        async () => vscode.languages.getDiagnostics(project).find((d) => d.code === 'project-syntax'),
        'a diagnostic on the broken project file',
      );
      equal(diagnostic.severity, vscode.DiagnosticSeverity.Error, 'severity:');
      equal(diagnostic.range.start.line, 2, 'line (0-based) of the missing comma:');
      ok(/not valid JSON/.test(diagnostic.message), diagnostic.message);
      await until(
        async () => (await service.gradedOf(doc)) === undefined || undefined,
        'the broken file to give the defaults (no key pattern)',
      );

      // fixed: the diagnostic goes
      await vscode.workspace.fs.writeFile(project, encode(PROJECT));
      await until(async () => vscode.languages.getDiagnostics(project).length === 0, 'the diagnostic to clear');
    } finally {
      service.dispose();
      await vscode.workspace.fs.delete(corpusUri(DIR), { recursive: true }).then(undefined, () => undefined);
    }
  });
});
