// The Japanese README pictures (`node test/integration/screenshots.mjs --locale=ja`):
// a Japanese answer key with its verdict lenses beside the review run, and the
// Coverage view, in the workbench running in Japanese (scenes.ts: the protocol).
import { coverageTree, keyBesideReview, shot } from './scenes';

export async function run(): Promise<void> {
  const { reviewDoc } = await keyBesideReview(
    'security-design/answer-key-round-003.md',
    'security-design/results/v003-baseline-run1.md',
    '### 1-1.',
  );
  await shot('ja-lenses-key');
  await coverageTree(reviewDoc, 'ja-coverage-tree');
  console.log('@@screenshot done');
}
