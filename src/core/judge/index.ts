// The judge-report importer and auditor: public surface of src/core/judge.
export type { JudgeCitation, JudgeReport, JudgeRun, JudgeFigureLines } from './model';
export { resolveCitations, type CitedState } from './citations';
export { parseJudgeReport } from './import';
export { judgeRunOf } from './runOf';
export { auditJudgeReport, type AuditOptions } from './audit';
