// The jobs a grade or report run will need, worked out ahead and silently:
// the same key lookup, project settings and judge report as gradeFiles
// (commands/grade.ts), but nothing is printed and nothing stops the run. A
// file that would fail there, or that the confinement rules would not read,
// gets no job; the sequential run reaches it in order and says why.
import { dirname, resolve } from 'node:path';
import { effectiveSettings, type EffectiveSettings } from '../../core/effectiveSettings';
import { findKeySync } from '../../core/findKey';
import { linkedKeyPath, parseRunName, splitFragment } from '../../core/naming';
import { assertNoEscape, linkRefusal } from '../confine';
import { readTextFile } from '../io';
import { nodeFiles } from '../nodeFiles';
import { projectFileIn } from '../project';
import { AUTO_JUDGE, judgePathFor } from '../commands/grade';
import type { GradeJob, KeyInput } from './jobs';
import type { Plan } from './pool';

export interface PlanOptions {
  key?: string;
  judge?: string;
  autoOnly?: boolean;
  bonusCap?: number;
  /** a review already in the disk cache needs no job */
  skip?: (path: string, text: string) => boolean;
}

export function planGrading(files: string[], opts: PlanOptions): Plan {
  const keys: KeyInput[] = [];
  const keyIndex = new Map<string, number>();
  const jobs: GradeJob[] = [];
  const seen = new Set<string>();
  // the project file as gradeFiles will read it (cli/project.ts, one lookup per folder), its messages left to that run
  const settingsOf = (file: string): EffectiveSettings =>
    effectiveSettings(projectFileIn(dirname(resolve(file)))?.config, { bonusCap: opts.bonusCap });
  for (const file of files) {
    if (seen.has(file)) continue;
    seen.add(file);
    try {
      if (parseRunName(file)?.kind === 'scoring') continue;
      assertNoEscape(file);
      const text = readTextFile(file).text;
      if (opts.skip?.(file, text)) continue;
      const settings = settingsOf(file);
      const isAllowed = (path: string) => !linkRefusal(file, text, linkedKeyPath(text) ?? path, path);
      const found = findKeySync(file, text, nodeFiles, { patterns: settings.keyPatterns, explicit: opts.key, isAllowed });
      if (!found.ok) continue;
      if (found.source !== 'explicit') assertNoEscape(found.path);
      const ref = found.scenario ? `${found.path}#${found.scenario}` : found.path;
      let key = keyIndex.get(ref);
      if (key === undefined) {
        const split = splitFragment(ref);
        keys.push({ ref, path: split.path, scenario: split.fragment, text: readTextFile(split.path).text });
        key = keys.length - 1;
        keyIndex.set(ref, key);
      }
      const judgePath = judgePathFor(file, opts.judge);
      if (judgePath && opts.judge === AUTO_JUDGE) assertNoEscape(judgePath);
      const judge = judgePath ? { path: judgePath, text: readTextFile(judgePath).text } : undefined;
      jobs.push({
        path: file,
        text,
        key,
        judge,
        opts: { autoOnly: opts.autoOnly, rubric: settings.rubric, match: settings.match, keyPath: ref },
      });
    } catch {
      // the sequential run meets this file in order and reports it
    }
  }
  // longest first (ties in file order): the last jobs taken are short, so no thread is left waiting
  // long for another's last file; results are found by path, so output order is untouched
  jobs.sort((a, b) => b.text.length - a.text.length);
  return { keys, jobs };
}
