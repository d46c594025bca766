// `review-grader audit SCORING.md...`: a judge's report checked against itself.
import { auditJudgeReport } from '../../core/judge';
import { findKeySync } from '../../core/findKey';
import { bonusCapOf, needFiles, parse } from '../args';
import { warn } from '../io';
import { nodeFiles } from '../nodeFiles';
import { loadJudge, loadKey } from '../inputs';
import { assertNoEscape } from '../confine';
import { formatDiagnostic } from '../format/diagnostics';
import { settingsFor } from '../project';
import { t } from '../locale';

export function runAudit(args: string[]): number {
  const { values, positionals } = parse('audit', args, { key: { type: 'string' }, 'bonus-cap': { type: 'string' } });
  needFiles('audit', positionals, 'scoring report');
  const bonusCap = bonusCapOf('audit', values['bonus-cap']);
  let found = 0;
  for (const path of positionals) {
    const settings = settingsFor(path, { bonusCap }); // the nearest project file; --bonus-cap wins
    // The key is optional here: it only tells the importer which ids to expect.
    const lookup = values.key ? undefined : findKeySync(path, '', nodeFiles, { patterns: settings.keyPatterns });
    const keyPath = values.key ?? (lookup?.ok ? lookup.path : undefined);
    if (keyPath && !values.key) assertNoEscape(keyPath); // a key found by name is not followed out through a symlink
    const ids = keyPath ? loadKey(keyPath).value.problems.map((p) => p.id) : undefined;
    const judge = loadJudge(path, ids);
    judge.warnings.forEach(warn);
    const diagnostics = [...judge.value.diagnostics, ...auditJudgeReport(judge.value, { bonusCap: settings.rubric.bonusCap })];
    for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(path, d)}\n`);
    found += diagnostics.filter((d) => d.severity !== 'info').length;
  }
  process.stderr.write(`${auditSummary(found, positionals.length)}\n`);
  return found === 0 ? 0 : 1;
}

/** "2 inconsistencies in 1 report" / 「レポート 1 件: 不整合 2 件」 ("problem" is the key's P-items) */
function auditSummary(found: number, reports: number): string {
  const what = found === 0 ? t('no inconsistencies') : found === 1 ? t('{0} inconsistency', found) : t('{0} inconsistencies', found);
  return t('{0} in {1}', what, reports === 1 ? t('{0} report', reports) : t('{0} reports', reports));
}
