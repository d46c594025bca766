// Public surface of the dashboard: build the view model, render the page.
export type * from './model';
export { buildPerspective, buildRound, isBaseline, roundGroups, roundId, roundLabel, scoreTip, slug } from './build';
export {
  renderDashboardPage,
  renderDashboardShell,
  renderSummary,
  renderToc,
  rubricWords,
  summaryBox,
  type DashboardRenderOptions,
  type ShellOptions,
  type ShellPerspective,
} from './page';
export { renderRound } from './renderRound';
export { renderAgreement, kappaWord } from './renderAgreement';
export type { CellLink, CellLinker } from './renderRound';
export { driveAsync, driveSync, gatherRuns, runFilesOf, ReadError, type Gather, type GatherOptions, type RunFile } from './gather';
export { dashboardJson, type DashboardJson } from './json';
export { compareNames } from './order';
