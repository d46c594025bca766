// item-without-criteria: in a key whose items state their own ○/△/×
// criteria, one item that states none is graded by guesswork. (A key where
// no item states criteria is fine: the rubric's generic definitions apply.)
// Classic '### P01:' keys report this as missing-criterion, with a fix.
import type { Diagnostic } from '../model';
import { atLine, type LintRule } from './rule';

export const itemWithoutCriteria: LintRule = {
  code: 'item-without-criteria',
  description: 'In a key whose items state criteria, every item does',
  check: ({ key, t }) => {
    if (!key.shape) return [];
    const withCriteria = key.problems.filter((p) => p.criteriaSource === 'key');
    if (withCriteria.length === 0) return [];
    const model = withCriteria[0]!;
    return key.problems
      .filter((p) => p.criteriaSource === 'generic')
      .map((p): Diagnostic => {
        const line = p.headingSpan.start.line;
        return {
          code: 'item-without-criteria',
          severity: 'warning',
          line,
          span: p.headingSpan,
          message: atLine(
            t,
            line,
            p.shape === 'row'
              ? t(
                  '{0} states no ○/△/× criteria while the other items do (e.g. {1} on line {2}); expected its own criteria in the Full / Partial / Miss cells',
                  p.id,
                  model.id,
                  model.headingSpan.start.line,
                )
              : t(
                  "{0} states no ○/△/× criteria while the other items do (e.g. {1} on line {2}); expected its own criteria lines '○ …', '△ …', '× …' under it",
                  p.id,
                  model.id,
                  model.headingSpan.start.line,
                ),
          ),
        };
      });
  },
};
