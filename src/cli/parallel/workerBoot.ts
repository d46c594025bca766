// dist/cli-worker.js, the grading worker thread pool.ts starts: the worker
// bundle dist/cli-worker-main.js, started through its code cache
// (cli/codeCache.ts), so a worker's start costs less of what it wins.
import { join } from 'node:path';
import { runBundle } from '../codeCache';

runBundle(join(__dirname, 'cli-worker-main.js'));
