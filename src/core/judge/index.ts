// The judge-report importer and auditor: public surface of src/core/judge.
export type { JudgeReport, JudgeRun, JudgeFigureLines } from './model';
export { parseJudgeReport } from './import';
export { judgeRunOf } from './runOf';
export { auditJudgeReport, type AuditOptions } from './audit';
