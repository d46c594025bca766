// `review-grader dashboard FOLDER [-o OUT.html] [--format html|json]`: grade
// every run of a perspective folder (or of each perspective under a corpus
// root) and write one self-contained HTML page (round matrices, variants,
// history) or the view model as JSON. Same input, same bytes.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  buildPerspective,
  dashboardJson,
  driveSync,
  gatherRuns,
  renderDashboardPage,
  runFilesOf,
  type PerspectiveInput,
} from '../../core/dashboard';
import { isAnswerKeyName } from '../../core/naming';
import type { Locale } from '../../core/i18n';
import { bonusCapOf, parse } from '../args';
import { fileExists, UsageError, warn } from '../io';
import { confinedReader } from '../confine';
import { writeOutput } from '../write';
import { settingsFor } from '../project';
import { cliLanguage, t } from '../locale';
import { CACHE_OPTIONS, gradeReviewCached, parseAnswerKeyCached, parseReviewCached, useCache } from '../cache';

export interface DashboardLoadOptions {
  autoOnly?: boolean;
  /** read the judge report beside each run (default true) */
  judge?: boolean;
  bonusCap?: number;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** A perspective folder has answer keys or a results/ folder. */
export function isPerspectiveFolder(dir: string): boolean {
  return isDir(join(dir, 'results')) || readdirSync(dir).some(isAnswerKeyName);
}

/** The perspective folders a FOLDER argument stands for: itself, or its perspective subfolders. */
export function perspectiveFolders(folder: string, command = 'dashboard'): string[] {
  if (!isDir(folder))
    throw new UsageError(`${command}: ${t('{0}: not a folder (expected a perspective folder or the corpus root)', folder)}`);
  // A perspective's results/ folder stands for the perspective, as in the editor's explorer menu.
  if (basename(resolve(folder)) === 'results' && !isDir(join(folder, 'results'))) return [dirname(resolve(folder))];
  if (isPerspectiveFolder(folder)) return [folder];
  const subs = readdirSync(folder)
    .sort()
    .map((n) => join(folder, n))
    .filter((d) => isDir(d) && isPerspectiveFolder(d));
  if (subs.length === 0) throw new UsageError(`${command}: ${t('{0}: no answer-key*.md or results/ here or in its subfolders', folder)}`);
  return subs;
}

/** Grade every review run of one perspective folder. Unreadable runs are skipped with a warning. */
export function loadPerspective(
  dir: string,
  opts: DashboardLoadOptions,
  warn: (line: string) => void,
  readPaths?: Set<string>,
): PerspectiveInput {
  const results = join(dir, 'results');
  const files = runFilesOf(isDir(results) ? readdirSync(results).map((f) => join(results, f)) : []);
  // the perspective folder's project file (cli/project.ts); --bonus-cap wins over it
  const settings = settingsFor(dir, { bonusCap: opts.bonusCap }, true);
  // A missing file reads as undefined; an unreadable one, or one outside the folder and cwd, throws (the run is skipped with its message).
  const confined = confinedReader(dir);
  const read = (path: string) => {
    if (!fileExists(path)) return undefined;
    readPaths?.add(path);
    return confined(path).text;
  };
  const runs = driveSync(
    gatherRuns(
      files,
      {
        autoOnly: opts.autoOnly,
        judge: opts.judge,
        rubric: settings.rubric,
        match: settings.match,
        keyLookup: { patterns: settings.keyPatterns },
        parse: { review: parseReviewCached, key: parseAnswerKeyCached, grade: gradeReviewCached },
      },
      warn,
    ),
    read,
  );
  if (files.length === 0) warn(t('{0}: no review runs (results/vNNN-<variant>-runR.md) found', dir));
  const rule = { stability: settings.stability, recommendation: settings.recommendation, convergence: settings.convergence };
  return { name: basename(resolve(dir)), runs, rule };
}

export function runDashboard(args: string[]): number {
  const { values, positionals } = parse('dashboard', args, {
    out: { type: 'string', short: 'o' },
    'auto-only': { type: 'boolean', default: false },
    judge: { type: 'boolean', default: false },
    'no-judge': { type: 'boolean', default: false },
    'bonus-cap': { type: 'string' },
    force: { type: 'boolean', default: false },
    format: { type: 'string', default: 'html' },
    ...CACHE_OPTIONS,
  });
  const format = values.format;
  if (format !== 'html' && format !== 'json')
    throw new UsageError(`dashboard: ${t("--format must be {0} or {1}, got '{2}'", 'html', 'json', String(format))}`);
  if (positionals.length !== 1)
    throw new UsageError(`dashboard: ${t('give exactly one folder (a perspective folder or the corpus root)')}`);
  if (values.judge && values['no-judge']) throw new UsageError(`dashboard: ${t('--judge and --no-judge contradict each other')}`);
  useCache(values);
  const opts = { autoOnly: values['auto-only'], judge: !values['no-judge'], bonusCap: bonusCapOf('dashboard', values['bonus-cap']) };
  const readPaths = new Set<string>();
  const locale: Locale = cliLanguage(); // --lang, else LC_ALL / LC_MESSAGES / LANG
  const views = perspectiveFolders(positionals[0]).map((dir) => buildPerspective(loadPerspective(dir, opts, warn, readPaths), t));
  const out = values.out;
  // Links to the reviews are relative to where the page lands, so the page and corpus can move together.
  const base = out ? dirname(resolve(out)) : process.cwd();
  // JSON: one object for a perspective folder; an array of them for a root holding several.
  const json = () => `${JSON.stringify(views.length === 1 ? dashboardJson(views[0]) : views.map(dashboardJson), null, 2)}\n`;
  // No nonce given: the page derives it from its content, so the file is reproducible.
  const text =
    format === 'json'
      ? json()
      : renderDashboardPage(views, {
          locale,
          note:
            [
              t(
                'Graded {0} runs',
                views.reduce((a, v) => a + v.runCount, 0),
              ),
              opts.judge
                ? t('judge reports beside each run used where present (J), auto matcher otherwise (A)')
                : t('judge reports ignored (--no-judge)'),
              opts.autoOnly ? t('grading tags ignored (--auto-only)') : t('human grading tags win (T)'),
            ].join(' · ') + '.',
          cellLink: (t) => ({ href: relative(base, resolve(t.path)).split(sep).map(encodeURIComponent).join('/') }),
        });
  if (!out) {
    process.stdout.write(text);
    return 0;
  }
  const size = writeOutput('dashboard', out, text, { inputs: readPaths, force: values.force, seal: format !== 'json' });
  process.stderr.write(`${t('wrote {0} ({1} KB)', out, (size / 1024).toFixed(0))}\n`);
  return 0;
}
