// bonus-without-condition: a bonus row that does not say when it is awarded
// cannot be graded consistently.
import { atLine, type LintRule } from './rule';

export const bonusWithoutCondition: LintRule = {
  code: 'bonus-without-condition',
  description: 'Every bonus row states its bonus condition',
  check: ({ key, t }) =>
    key.bonus
      .filter((b) => !b.condition || !b.condition.replace(/[-–—\s]/g, ''))
      .map((b) => ({
        code: 'bonus-without-condition',
        severity: 'warning' as const,
        line: b.span.start.line,
        span: b.span,
        message: atLine(
          t,
          b.span.start.line,
          t("bonus {0} has no bonus condition (expected a 'Bonus Condition' / 'ボーナス条件' saying when the bonus is awarded)", b.id),
        ),
      })),
};
