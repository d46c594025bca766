// dist/cli.js, the `review-grader` program (package.json bin): the CLI
// bundle dist/cli-main.js, started through its code cache (codeCache.ts).
import { join } from 'node:path';
import { runBundle } from './codeCache';

runBundle(join(__dirname, 'cli-main.js'));
