// The extension's settings, read in this one file. Features never call
// getConfiguration themselves: extension.ts hands each one a `config()` getter
// (Foam style), so every feature grades with the same thresholds and cap.
// Only type imports of 'vscode' here, so Node unit tests can run readConfig on
// an in-memory configuration (as VS Code's markdown tests do).
import type * as vscode from 'vscode';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../core/match/verdict';
import { DEFAULT_ROUND_RULE, DEFAULT_RUBRIC, type RoundRule, type RubricOptions } from '../core/score';
import { effectiveSettings, type SettingsOverrides } from '../core/effectiveSettings';
import type { ProjectConfig } from '../core/project';

export const SECTION = 'reviewGrader';

export interface ReviewGraderConfig {
  lensesEnabled: boolean;
  /** at most this many bonus findings count */
  bonusCap: number;
  /** partial is clamped to at most detected */
  thresholds: Thresholds;
  /** extra key locations, `{round}`, `{doc}`, `{variant}` placeholders */
  keyPatterns: string[];
  useJudgeReports: boolean;
  /** bonus cap and points, penalty points (the settings give only the cap; the project file the rest) */
  rubric: RubricOptions;
  /** stability, recommendation and convergence thresholds: the rubric's, or the project file's */
  roundRule: RoundRule;
  /**
   * The settings the user set (user, workspace or folder level): these win over
   * a project file (.review-grader.json(c)); unset ones give way to it.
   */
  overrides: SettingsOverrides;
}

/**
 * Every setting and its default, keyed as in package.json without the
 * `reviewGrader.` prefix. test/unit/config.test.ts holds the manifest to it.
 */
export const DEFAULTS = {
  'lenses.enabled': true,
  bonusCap: DEFAULT_RUBRIC.bonusCap,
  'thresholds.detected': DEFAULT_THRESHOLDS.detected,
  'thresholds.partial': DEFAULT_THRESHOLDS.partial,
  'naming.keyPatterns': [] as string[],
  useJudgeReports: true,
} as const;

/** What readConfig needs of a configuration section (vscode.WorkspaceConfiguration, or a plain object in tests). */
export interface ConfigSource {
  get<T>(key: string): T | undefined;
  /** vscode.WorkspaceConfiguration's: where a value was set. Absent (a plain object): a value present counts as set. */
  inspect?<T>(key: string): { globalValue?: T; workspaceValue?: T; workspaceFolderValue?: T } | undefined;
}

/** Did the user set this setting anywhere (not just the default)? */
function isSet(source: ConfigSource, key: string): boolean {
  if (!source.inspect) return source.get(key) !== undefined;
  const i = source.inspect(key);
  return i !== undefined && (i.globalValue !== undefined || i.workspaceValue !== undefined || i.workspaceFolderValue !== undefined);
}

/** The typed settings; a value of the wrong type (hand-edited settings.json) falls back to the default. */
export function readConfig(source: ConfigSource): ReviewGraderConfig {
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  const detected = num(source.get<number>('thresholds.detected'), DEFAULTS['thresholds.detected']);
  const partial = num(source.get<number>('thresholds.partial'), DEFAULTS['thresholds.partial']);
  const patterns = source.get<string[]>('naming.keyPatterns');
  const bonusCap = Math.floor(num(source.get<number>('bonusCap'), DEFAULTS.bonusCap));
  const keyPatterns = Array.isArray(patterns)
    ? patterns.filter((p): p is string => typeof p === 'string')
    : [...DEFAULTS['naming.keyPatterns']];
  const overrides: SettingsOverrides = { keyPatterns };
  if (isSet(source, 'bonusCap')) overrides.bonusCap = bonusCap;
  const match: SettingsOverrides['match'] = {};
  if (isSet(source, 'thresholds.detected')) match.detected = detected;
  if (isSet(source, 'thresholds.partial')) match.partial = partial;
  if (match.detected !== undefined || match.partial !== undefined) overrides.match = match;
  return {
    lensesEnabled: bool(source.get<boolean>('lenses.enabled'), DEFAULTS['lenses.enabled']),
    bonusCap,
    thresholds: { detected, partial: Math.min(partial, detected) },
    keyPatterns,
    useJudgeReports: bool(source.get<boolean>('useJudgeReports'), DEFAULTS.useJudgeReports),
    rubric: { ...DEFAULT_RUBRIC, bonusCap },
    roundRule: DEFAULT_ROUND_RULE,
    overrides,
  };
}

/**
 * The settings for a file with a project file: defaults < project file < what
 * the user set; `naming.keyPatterns` is tried before the project's patterns.
 * No project file: the settings as they are.
 */
export function withProject(config: ReviewGraderConfig, project: ProjectConfig | undefined): ReviewGraderConfig {
  if (!project) return config;
  const s = effectiveSettings(project, config.overrides);
  const roundRule = { stability: s.stability, recommendation: s.recommendation, convergence: s.convergence };
  return { ...config, bonusCap: s.rubric.bonusCap, thresholds: s.match, keyPatterns: s.keyPatterns, rubric: s.rubric, roundRule };
}

/** The settings now, for code that has no getter passed in yet (`configOf(vscode.workspace)`). */
export function configOf(host: Pick<ConfigHost, 'getConfiguration'>): ReviewGraderConfig {
  return readConfig(host.getConfiguration(SECTION));
}

/** The part of vscode.workspace the getter needs. */
export interface ConfigHost {
  getConfiguration(section: string): ConfigSource;
  onDidChangeConfiguration(listener: (e: vscode.ConfigurationChangeEvent) => unknown): vscode.Disposable;
}

/** A getter over the live settings, re-read only after a reviewGrader setting changed. */
export function configGetter(host: ConfigHost): { config: () => ReviewGraderConfig; disposable: vscode.Disposable } {
  let current: ReviewGraderConfig | undefined;
  const disposable = host.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) current = undefined;
  });
  return { config: () => (current ??= configOf(host)), disposable };
}
