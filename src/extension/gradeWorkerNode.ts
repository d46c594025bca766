// The grading worker for the desktop extension host (dist/grade-worker.js):
// a Node worker thread. Core only, no 'vscode'.
// eslint-disable-next-line no-restricted-imports -- this entry is bundled apart, for Node only (scripts/build.mjs)
import { parentPort } from 'node:worker_threads';
import { serveGradeJobs, type ToWorker } from '../core/gradeJob';

const port = parentPort;
if (port) {
  const serve = serveGradeJobs(
    (m) => port.postMessage(m),
    () => process.exit(1),
  );
  port.on('message', (m: ToWorker) => serve(m));
}
