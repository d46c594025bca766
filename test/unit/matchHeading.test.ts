// A finding's heading names its problem: a finding about another aspect of the
// same component (same words in its body, even the same quoted design text) is
// weaker evidence than one whose heading names what the key's title names (heading.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnswerKey } from '../../src/core/answerKey';
import { autoGrade, findingCoverage, indexKey, indexReview, titleWeights } from '../../src/core/match';
import { parseReview } from '../../src/core/review';

/** A made-up key: P01 is about what the audit log leaves out; P02 and P03 are unrelated. */
const key = parseAnswerKey(
  `# Answer Key

### P01: Audit log misses read access
- **Description**: The audit log records login events, permission errors, payroll runs and employee updates, but reads of payslips and employee records are not recorded.
- **Detection Criteria**:
  - ○ (Detected): Points out that reads of payslips or employee records are missing from the audit log
  - △ (Partial): Mentions the audit log scope vaguely
  - × (Not Detected): No mention

### P02: Session tokens never expire
- **Description**: Refresh tokens live forever and are never rotated.
- **Detection Criteria**:
  - ○ (Detected): Points out the missing expiry or rotation
  - △ (Partial): Mentions tokens
  - × (Not Detected): No mention

### P03: No rate limit on the login endpoint
- **Description**: The login endpoint accepts unlimited attempts.
- **Detection Criteria**:
  - ○ (Detected): Points out brute force on login and proposes a rate limit
  - △ (Partial): Mentions brute force
  - × (Not Detected): No mention
`,
  'key.md',
);

const defect = `### 1. Audit log omits reads of payslips and employee records
The audit log records login events, permission errors, payroll runs and employee updates, but reading payslips or employee records leaves no trace; add read access to the audit log.
`;
const otherAspect = `### 2. Entries can be deleted or edited by an administrator
The audit log records login events in the application database, where an administrator can delete entries; store the log in write-once storage.
`;
const unrelated = `### 3. Refresh tokens never rotate
Refresh tokens never expire; rotate them on every use.
`;

test('heading: a finding about another aspect of the component is not ○ for the key problem', () => {
  const grade = (text: string) => autoGrade(key, parseReview(`# Review\n\n${text}\n${unrelated}`, 'r.md')).problems[0].verdict;
  assert.equal(grade(defect), 'detected');
  // before: the tampering finding shares the component and the quoted design text and was ○ as well
  assert.notEqual(grade(otherAspect), 'detected');
});

test('heading: the same body counts more under a heading that names the defect than under a bare number', () => {
  const body = defect.slice(defect.indexOf('\n') + 1);
  const review = parseReview(`# Review\n\n${defect}\n### 2. Finding\n${body}\n${unrelated}`, 'r.md');
  const ki = indexKey(key);
  const ri = indexReview(review, ki);
  const title = titleWeights(ki.problems[0], key.problems[0].title);
  const [named, bare] = [0, 1].map((i) => findingCoverage(ki.problems[0], ri.findings[i], ri.headings[i], ri, title));
  // before: a finding was read as one bag of words, its heading no different from its body
  assert.ok(named > bare + 0.05, `named ${named} vs bare ${bare}`);
});

test('heading: an empty heading earns nothing and never throws', () => {
  const review = parseReview('# Review\n\n### \nThe audit log misses reads of payslips.\n', 'r.md');
  const ki = indexKey(key);
  const ri = indexReview(review, ki);
  const title = titleWeights(ki.problems[0], key.problems[0].title);
  const c = findingCoverage(ki.problems[0], ri.findings[0] ?? new Map(), new Map(), ri, title);
  assert.ok(Number.isFinite(c) && c >= 0 && c <= 1, String(c));
  // no title (a bonus row): the whole-finding coverage stands
  assert.equal(
    findingCoverage(ki.problems[0], ri.findings[0], new Map(), ri),
    findingCoverage(ki.problems[0], ri.findings[0], new Map(), ri, new Map()),
  );
});
