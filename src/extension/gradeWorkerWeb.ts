// The grading worker for the web extension host (dist/web/grade-worker.js):
// a nested web worker (VS Code's web worker host polyfills `new Worker(url)`),
// loaded by importScripts, so a classic script. Core only, no 'vscode'.
import { serveGradeJobs, type ToWorker } from '../core/gradeJob';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

const scope = globalThis as unknown as WorkerScope;
const serve = serveGradeJobs(
  (m) => scope.postMessage(m),
  () => scope.close(),
);
scope.addEventListener('message', (event) => serve(event.data as ToWorker));
