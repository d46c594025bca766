// The Coverage tree on a real review: score row, one row per problem with its
// verdict and source, evidence children that point at findings, and the runs.
import * as vscode from 'vscode';
import { equal, extension, ok } from './helpers';
import { openReview, REVIEW } from './reviewHelpers';

interface Item {
  label: string;
  description?: string;
  icon?: string;
  line?: number;
  children?: Item[];
}

suite('coverage tree', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('shows the score, every problem with a verdict, evidence and the variant runs', async () => {
    const editor = await openReview();
    const items = await vscode.commands.executeCommand<Item[]>('reviewGrader._coverageItems', editor.document.uri);
    ok(items?.length, 'empty tree');
    ok(
      /^Score \d+(\.\d+)?$/.test(items[0].label) && /^\d+(\.\d+)? \+ \d+(\.\d+)? − \d+(\.\d+)?$/.test(items[0].description ?? ''),
      `score row: ${items[0].label} ${items[0].description}`,
    );
    const problems = items.filter((i) => /^P\d\d [○△×] /.test(i.label));
    equal(problems.length, 9, 'problem rows (the round 7 key plants 9):');
    const p01 = problems[0];
    ok(p01.label.startsWith('P01 ') && p01.label.endsWith('External API Circuit Breaker Absence'), `P01 row: ${p01.label}`);
    ok(/^(auto \d\.\d\d|tag|judge)/.test(p01.description ?? ''), `P01 source: ${p01.description}`);
    ok(['pass', 'circle-large-outline', 'error', 'warning'].includes(p01.icon ?? ''), `P01 icon: ${p01.icon}`);
    // a judge verdict that cites no finding has a note child first; the findings under it point at lines
    const evidence = (p01.children ?? []).filter((e) => e.line !== undefined);
    ok(evidence.length > 0, 'P01 evidence children should point at lines');
    const line = evidence[0].line! - 1;
    ok(/^#{2,6} /.test(editor.document.lineAt(line).text), `evidence line ${line + 1} is not a heading`);
    ok(
      items.some((i) => i.label.startsWith('Bonus ')),
      'no bonus row',
    );
    const runs = items.find((i) => i.label.startsWith('Runs: mean '));
    ok(runs, 'no runs row');
    ok(/^SD [\d.]+ · (high|medium|low)$/.test(runs.description ?? ''), `runs: ${runs.description}`);
    equal(runs.children?.length, 2, 'runs of v007-baseline:');
    ok(runs.children?.[0].description?.endsWith(REVIEW.split('/').pop()!), 'first run should be run1');
  });
});
