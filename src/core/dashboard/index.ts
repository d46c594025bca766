// Public surface of the dashboard: build the view model, render the page.
export type * from './model';
export { buildPerspective, buildRound, isBaseline, scoreTip } from './build';
export { renderDashboardPage, type DashboardRenderOptions } from './page';
export type { CellLink, CellLinker } from './renderRound';
export { driveAsync, driveSync, gatherRuns, runFilesOf, ReadError, type Gather, type GatherOptions, type RunFile } from './gather';
export { dashboardJson, type DashboardJson } from './json';
export { compareNames } from './order';
