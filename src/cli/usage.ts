// Help text and version, kept apart so `--help` stays in one place.
export const VERSION = '0.1.0';

export const USAGE = `review-grader ${VERSION} — grade LLM design reviews against answer keys

Usage:
  review-grader grade [--key KEY] REVIEW... [--format text|json] [--auto-only] [--judge SCORING.md|auto] [--bonus-cap N]
      Suggest a verdict (detected / partial / missed) for every planted problem.
      Without --key the key is found from a link comment in the review
      (<!-- answer-key: PATH -->) or the naming convention
      results/vNNN-<variant>-runR.md → ../answer-key-round-NNN.md,
      -docK- → answer-key-K.md. A link is followed only to a .md file inside
      the current directory; elsewhere it is reported and not read.
  review-grader lint KEY... [--format text|json]
      Check answer keys of every shape (P01 headings, tables, problem banks,
      scenario rubrics): duplicate ids, missing criteria, stated count,
      severity, bonus conditions, id order, bank references, weights.
      Exit 1 on any warning or error (info notes do not fail).
  review-grader audit SCORING.md... [--key KEY] [--bonus-cap N]
      Check a judge's scoring report against itself: subtotals, totals,
      bonus cap, conflicting verdicts. Exit 1 when anything is found.
  review-grader report [--key KEY] RUN... [--judge SCORING.md|auto] [--auto-only] [--bonus-cap N] [-o OUT.md [--force]]
      Write a variant's scoring report (matrix, evidence, totals, mean/SD).
  review-grader dashboard FOLDER [-o OUT.html [--force]] [--format html|json] [--auto-only] [--no-judge] [--bonus-cap N]
      One self-contained HTML page for a perspective folder (or every perspective
      under a corpus root): detection matrix, variants, recommendation, history.
      Judge reports beside the runs (vNNN-variant-scoring.md) are used by default.
  review-grader agreement FOLDER [--format text|json]
      How far each source can be trusted: for every pair of tags, judge and auto matcher,
      linear-weighted kappa, confusion matrix, systematic lean and the most disputed problems.

Options:
  --key KEY        the answer key to grade against
  --format FMT     text (default) or json
  --auto-only      ignore grading tags in the reviews
  --judge FILE     also read a judge's scoring report (its verdicts rank above auto);
                   --judge auto reads the one beside each run (vNNN-variant-scoring.md)
  --bonus-cap N    bonus findings that count at most (default 5)
  --cache          (grade, report, dashboard, agreement) keep parsed reviews, keys and
                   their grades on disk, keyed by a hash of the texts, paths, grading
                   options and the tool's build; a later run reads them. Same results.
  --cache-location DIR  the cache folder (default .review-grader-cache here); implies --cache
  -j, --jobs N     (grade, report) threads that parse and grade (default 1, this thread;
                   auto: one per idle core, by the load average). Same output for any N
  -o, --out FILE   write the report here instead of standard output. An existing file
                   is replaced only if review-grader wrote it and nobody edited it since
                   (its last line holds a hash); never an input, never through a symlink
  --force          replace an existing -o file anyway (a symlink: the link, not its target)
  -h, --help       this text
  -v, --version    the version

Project file:
  .review-grader.jsonc (or .json), the nearest one from each graded file's folder
  upwards, never above the current directory (the same file the editor reads):
  key patterns (keys.patterns), rubric (bonus cap and points, penalty points),
  matcher thresholds. Flags such as --bonus-cap win over it. A file that is not
  valid JSON stops the command with file:line:col (exit 2); a wrong setting is
  a warning and keeps its default.

Exit codes: 0 done, 1 lint/audit found problems, 2 bad usage or unreadable input.
`;
