// The grading worker for the desktop extension host (dist/grade-worker.js):
// a Node worker thread. Core only, no 'vscode'; worker_threads through
// process.getBuiltinModule, as gradeWorkers.ts does (no Node import in
// src/extension: the web bundle shares it). A Node without it never says it is
// ready, and the host grades in-thread.
import { serveGradeJobs, type ToWorker } from '../core/gradeJob';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: ToWorker) => void): void;
}

const threads = process.getBuiltinModule?.('node:worker_threads') as { parentPort: ParentPort | null } | undefined;
const port = threads?.parentPort;
if (port) {
  const serve = serveGradeJobs(
    (m) => port.postMessage(m),
    () => process.exit(1),
  );
  port.on('message', (m: ToWorker) => serve(m));
}
