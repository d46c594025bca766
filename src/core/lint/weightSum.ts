// weight-sum: the item weights do not add up to the total the key states
// (a total row, 'Total weight: 5'), a common slip when an item is added;
// the normalised score would silently differ from the author's intent.
import { atLine, type LintRule } from './rule';

export const weightSum: LintRule = {
  code: 'weight-sum',
  description: 'Item weights add up to the stated total',
  check: ({ key, ix, t }) => {
    const s = key.scoring;
    if (!s || s.statedWeight === undefined) return [];
    const weighted = key.problems.filter((p) => p.weight !== undefined);
    const sum = Math.round(weighted.reduce((a, p) => a + p.weight!, 0) * 1000) / 1000;
    if (Math.abs(sum - s.statedWeight) < 1e-9) return [];
    const line = s.statedWeightLine ?? 1;
    const l = ix.line(line);
    const unweighted = key.problems.length - weighted.length;
    const note = !unweighted
      ? ''
      : unweighted === 1
        ? t('; {0} item has no weight', unweighted)
        : t('; {0} items have no weight', unweighted);
    // the fix restates the total as the sum (the number on the stated line that equals the stated total)
    let at: { start: number; end: number } | undefined;
    for (const m of l.text.matchAll(/\d+(?:\.\d+)?/g))
      if (Number(m[0]) === s.statedWeight) at = { start: l.start + m.index!, end: l.start + m.index! + m[0].length };
    return [
      {
        fix:
          at && unweighted === 0
            ? { title: t('Change the stated total weight to {0}', sum), edits: [{ ...at, newText: String(sum) }] }
            : undefined,
        code: 'weight-sum',
        severity: 'warning',
        line,
        span: ix.span(l.start, l.end),
        message: atLine(
          t,
          line,
          t("the key states a total weight of {0} but its items' weights add up to {1}", s.statedWeight, sum) +
            note +
            (key.scenario ? t(' (scenario {0})', key.scenario.id) : ''),
        ),
      },
    ];
  },
};
