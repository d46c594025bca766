// Help text and version, kept apart so `--help` stays in one place. The
// synopsis lines (command and flag names) are the same in every language; the
// descriptions are translated, one message per paragraph.
import { t } from './locale';

export const VERSION = '0.1.0';

/** Indent every line of a (translated) paragraph. */
const indent = (by: string, text: string) =>
  text
    .split('\n')
    .map((l) => by + l)
    .join('\n');

export function usage(): string {
  const cmd = (synopsis: string, text: string) => [`  review-grader ${synopsis}`, indent('      ', text)];
  const opt = (flag: string, text: string) => {
    const [first, ...more] = text.split('\n');
    return [`  ${flag.padEnd(16)} ${first}`, ...more.map((l) => `${' '.repeat(19)}${l}`)];
  };
  const lines = [
    `review-grader ${VERSION} — ${t('grade LLM design reviews against answer keys')}`,
    '',
    t('Usage:'),
    ...cmd(
      'grade [--key KEY] REVIEW... [--format text|json] [--auto-only] [--judge SCORING.md|auto] [--bonus-cap N]',
      t(
        'Suggest a verdict (detected / partial / missed) for every planted problem.\nWithout --key the key is found from a link comment in the review\n(<!-- answer-key: PATH -->) or the naming convention\nresults/vNNN-<variant>-runR.md → ../answer-key-round-NNN.md,\n-docK- → answer-key-K.md. A link is followed only to a .md file inside\nthe current directory; elsewhere it is reported and not read.',
      ),
    ),
    ...cmd(
      'lint KEY... [--format text|json]',
      t(
        'Check answer keys of every shape (P01 headings, tables, problem banks,\nscenario rubrics): duplicate ids, missing criteria, stated count,\nseverity, bonus conditions, id order, bank references, weights.\nExit 1 on any warning or error (info notes do not fail).',
      ),
    ),
    ...cmd(
      'audit SCORING.md... [--key KEY] [--bonus-cap N]',
      t(
        "Check a judge's scoring report against itself: subtotals, totals,\nbonus cap, conflicting verdicts. Exit 1 when anything is found.",
      ),
    ),
    ...cmd(
      'report [--key KEY] RUN... [--judge SCORING.md|auto] [--auto-only] [--bonus-cap N] [-o OUT.md [--force]]',
      t("Write a variant's scoring report (matrix, evidence, totals, mean/SD)."),
    ),
    ...cmd(
      'dashboard FOLDER [-o OUT.html [--force]] [--format html|json] [--auto-only] [--no-judge] [--bonus-cap N]',
      t(
        'One self-contained HTML page for a perspective folder (or every perspective\nunder a corpus root): detection matrix, variants, recommendation, history.\nJudge reports beside the runs (vNNN-variant-scoring.md) are used by default.',
      ),
    ),
    ...cmd(
      'agreement FOLDER [--format text|json]',
      t(
        'How far each source can be trusted: for every pair of tags, judge and auto matcher,\nlinear-weighted kappa, confusion matrix, systematic lean and the most disputed problems.',
      ),
    ),
    '',
    t('Options:'),
    ...opt('--key KEY', t('the answer key to grade against')),
    ...opt('--format FMT', t('text (default) or json')),
    ...opt('--auto-only', t('ignore grading tags in the reviews')),
    ...opt(
      '--judge FILE',
      t(
        "also read a judge's scoring report (its verdicts rank above auto);\n--judge auto reads the one beside each run (vNNN-variant-scoring.md)",
      ),
    ),
    ...opt('--bonus-cap N', t('bonus findings that count at most (default 5)')),
    ...opt(
      '--cache',
      t(
        "(grade, report, dashboard, agreement) keep parsed reviews, keys and\ntheir grades on disk, keyed by a hash of the texts, paths, grading\noptions and the tool's build; a later run reads them. Same results.",
      ),
    ),
    `  --cache-location DIR  ${t('the cache folder (default .review-grader-cache here); implies --cache')}`,
    ...opt(
      '-j, --jobs N',
      t(
        '(grade, report) threads that parse and grade (default 1, this thread;\nauto: one per idle core, by the load average). Same output for any N',
      ),
    ),
    ...opt(
      '-o, --out FILE',
      t(
        'write the report here instead of standard output. An existing file\nis replaced only if review-grader wrote it and nobody edited it since\n(its last line holds a hash); never an input, never through a symlink',
      ),
    ),
    ...opt('--force', t('replace an existing -o file anyway (a symlink: the link, not its target)')),
    ...opt(
      '--lang LANG',
      t(
        'messages in en (English, the default) or ja (Japanese); without it\nLC_ALL, LC_MESSAGES or LANG decide. --format json is the same in both',
      ),
    ),
    ...opt('-h, --help', t('this text')),
    ...opt('-v, --version', t('the version')),
    '',
    t('Project file:'),
    indent(
      '  ',
      t(
        ".review-grader.jsonc (or .json), the nearest one from each graded file's folder\nupwards, never above the current directory (the same file the editor reads):\nkey patterns (keys.patterns), rubric (bonus cap and points, penalty points),\nmatcher thresholds. Flags such as --bonus-cap win over it. A file that is not\nvalid JSON stops the command with file:line:col (exit 2); a wrong setting is\na warning and keeps its default.",
      ),
    ),
    '',
    t('Exit codes: 0 done, 1 lint/audit found problems, 2 bad usage or unreadable input.'),
  ];
  return `${lines.join('\n')}\n`;
}
