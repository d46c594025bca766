// A small made-up round for the views tests, written into the workspace mount
// (test-web keeps writes in memory; the corpus on disk is untouched):
// a key with three problems and a bonus table, two runs, and a judge report
// that grades run 1 P01 ○ and P02 × without naming any finding, so its P01 is
// a judge verdict that cites nothing, and its P02 a "missed" the matcher disputes.
import * as vscode from 'vscode';
import { corpusUri } from './helpers';

export const FOLDER = 'views-fixture';

/** The fixture's files under a folder (each suite may take its own: the extension remembers which run a key showed). */
export function fixturePaths(folder = FOLDER) {
  return {
    folder,
    key: `${folder}/answer-key-round-001.md`,
    run1: `${folder}/results/v001-baseline-run1.md`,
    run2: `${folder}/results/v001-baseline-run2.md`,
  };
}
export const { key: KEY, run1: RUN1, run2: RUN2 } = fixturePaths();

const KEY_TEXT = `# Answer Key - Round 001

Embedded Problems: 3

### P01: Payment Gateway Retry Storm
- **Category**: Fault Recovery
- **Detection Criteria**:
  - ○ (Detected): Points out that payment gateway retries have no backoff or jitter and can cause a retry storm
  - △ (Partial): Mentions retries to the payment gateway without the storm risk
  - × (Missed): No mention of payment gateway retry behaviour

### P02: Ledger Database Single Replica
- **Category**: Availability
- **Detection Criteria**:
  - ○ (Detected): Points out the ledger database runs as a single replica with no failover
  - △ (Partial): Mentions ledger database availability without the single replica
  - × (Missed): No mention of the ledger database replica

### P03: Webhook Signature Clock Skew
- **Category**: Integration
- **Detection Criteria**:
  - ○ (Detected): Points out webhook signature validation fails under clock skew between merchants
  - △ (Partial): Mentions webhook signatures without clock skew
  - × (Missed): No mention of webhook signatures

## Bonus

| ID | Category | Bonus item |
|----|----------|------------|
| B01 | Observability | Settlement batch job has no alerting on failure |
`;

const review = (n: number) => `# Reliability Review (run ${n})

## Critical Issues

#### C1: Payment gateway retries without backoff
The payment gateway client retries immediately with no exponential backoff and no jitter, so an outage of the gateway turns into a retry storm that multiplies load.

#### 2. Ledger database has one replica
The ledger database runs as a single replica. There is no failover, so losing the node stops every payment; add a standby replica and automated failover.

#### C3: Settlement batch failures are silent
The settlement batch job has no alerting when it fails, so missed settlements are noticed only by merchants.
`;

const SCORING = `# Scoring Report: v001-baseline

## Detection Matrix

| Problem ID | Run 1 | Run 2 |
|-----------|-------|-------|
| P01: Payment Gateway Retry Storm | ○ | ○ |
| P02: Ledger Database Single Replica | × | ○ |
| P03: Webhook Signature Clock Skew | × | × |
`;

export async function writeFixture(folder = FOLDER): Promise<boolean> {
  const root = corpusUri(folder);
  if (root.scheme !== 'vscode-test-web') return false; // only the web mount keeps writes in memory
  const put = (path: string, text: string) => vscode.workspace.fs.writeFile(corpusUri(path), new TextEncoder().encode(text));
  const p = fixturePaths(folder);
  await put(p.key, KEY_TEXT);
  await put(p.run1, review(1));
  await put(p.run2, review(2));
  await put(`${folder}/results/v001-baseline-scoring.md`, SCORING);
  return true;
}

export async function removeFixture(folder = FOLDER): Promise<void> {
  const root = corpusUri(folder);
  if (root.scheme === 'vscode-test-web') await vscode.workspace.fs.delete(root, { recursive: true }).then(undefined, () => undefined);
}
