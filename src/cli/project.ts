// The project file for the CLI: the nearest `.review-grader.json(c)` from a
// graded file's folder upwards, never above the working directory (the CLI
// reads only inside it; a file outside it gets the working directory's own
// project file, if any). As markdownlint-cli2 does with its config, a project
// file that is not valid JSON stops the command (exit 2) with
// file:line:col; a setting of the wrong type or an unknown one is a warning
// with its line, and that setting keeps its default. CLI flags win.
import { dirname, relative, resolve, sep } from 'node:path';
import { findProjectFileSync, type FoundProjectFile } from '../core/findProjectFile';
import { effectiveSettings, type EffectiveSettings, type SettingsOverrides } from '../core/effectiveSettings';
import { formatDiagnostic } from './format/diagnostics';
import { say, UsageError } from './io';
import { nodeFiles } from './nodeFiles';
import { assertNoEscape } from './confine';
import { withoutLinePrefix } from '../core/lint';
import { argIn } from '../core/i18n';
import { cliTranslator, t } from './locale';

const slash = (p: string) => p.split(sep).join('/');
const byFolder = new Map<string, FoundProjectFile | undefined>();
const reported = new Set<string>();

/** How a project file is named in messages: relative to the working directory. */
function shown(path: string): string {
  return relative(process.cwd(), path) || path;
}

/** The project file found for a folder (absolute), once per folder and without a word said: the worker planner asks ahead of the run. */
export function projectFileIn(dir: string): FoundProjectFile | undefined {
  const folder = slash(dir);
  if (byFolder.has(folder)) return byFolder.get(folder);
  const read = (path: string) => {
    const text = nodeFiles.read(path);
    if (text !== undefined) assertNoEscape(path); // a project file is not followed out through a symlink
    return text;
  };
  const found = findProjectFileSync(folder, { read }, slash(process.cwd()));
  byFolder.set(folder, found);
  return found;
}

/** The project file that applies to `file` (a review, a key, a scoring report, or a folder with `isFolder`). */
export function projectFileFor(file: string, isFolder = false): FoundProjectFile | undefined {
  const found = projectFileIn(isFolder ? resolve(file) : dirname(resolve(file)));
  if (!found) return undefined;
  const name = shown(found.path);
  const broken = found.diagnostics.find((d) => d.code === 'project-syntax');
  if (broken) {
    // the core's message names the file and line itself and ends "the defaults are used": here the command stops,
    // so only what is wrong is said (the record's third argument; the English text when there is none)
    const detail = broken.said?.args[2];
    const message = t(
      'not valid JSON: {0}',
      detail !== undefined
        ? argIn(detail, cliTranslator())
        : broken.message.replace(/^line \d+: .* is not valid JSON: /, '').replace(/; the defaults are used$/, ''),
    );
    throw new UsageError(`${name}:${broken.line}:${broken.column ?? 1}: ${message}`);
  }
  if (!reported.has(found.path)) {
    reported.add(found.path);
    found.diagnostics.forEach((d) => say(formatDiagnostic(name, d, withoutLinePrefix(d, cliTranslator()))));
    if (found.shadowed)
      say(`${shown(found.shadowed)}:1:1: warning [project-shadowed] ${t('{0} in the same folder is used; this file is not read', name)}`);
  }
  return found;
}

/** The settings `file` is graded with: defaults < its project file < the flags given. */
export function settingsFor(file: string, overrides: SettingsOverrides = {}, isFolder = false): EffectiveSettings {
  return effectiveSettings(projectFileFor(file, isFolder)?.config, overrides);
}
