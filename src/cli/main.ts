// `review-grader`: the command-line face of the grading core.
// Exit codes: 0 done, 1 lint/audit found problems, 2 bad usage or unreadable input.
// Messages follow --lang or the environment (cli/locale.ts); --format json never changes.
import { UsageError } from './io';
import { runGrade } from './commands/grade';
import { runLint } from './commands/lint';
import { runAudit } from './commands/audit';
import { runReport } from './commands/report';
import { runDashboard } from './commands/dashboard';
import { runAgreement } from './commands/agreement';
import { usage, VERSION } from './usage';
import { guardStream } from './terminal';
import { cliLocale, t, useLocale } from './locale';

export type Command = (args: string[]) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  grade: runGrade,
  lint: runLint,
  audit: runAudit,
  report: runReport,
  dashboard: runDashboard,
  agreement: runAgreement,
};

export function main(argv: string[]): number | Promise<number> {
  // `review-grader --lang ja --help`: a leading --lang is the tool's, not a command name
  const lead = argv[0] === '--lang' ? 2 : argv[0]?.startsWith('--lang=') ? 1 : 0;
  const [name, ...rest] = argv.slice(lead);
  // own keys only: 'toString' or 'constructor' is an unknown command, not Object.prototype's
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  useLocale(cliLocale(command ? name : undefined, argv));
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (!command) {
    process.stderr.write(
      `review-grader: ${t("unknown command '{0}' (expected grade, lint, audit, report, dashboard or agreement; see --help)", name)}\n`,
    );
    return 2;
  }
  return command(rest);
}

// async: grade and report wait for their worker threads
async function run(): Promise<void> {
  let code: number;
  try {
    code = await main(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`review-grader: ${e.message}\n`);
    else if (e instanceof RangeError && /call stack/i.test(e.message))
      process.stderr.write(`review-grader: ${t('input nests too deeply to process')}\n`);
    else process.stderr.write(`review-grader: ${t('internal error: {0}', (e as Error)?.message ?? String(e))}\n`);
    code = 2;
  }
  process.exitCode = code;
}

// Broken pipes (`review-grader … | head`) end quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

if (!process.env.REVIEW_GRADER_NO_AUTORUN) {
  guardStream(process.stdout);
  guardStream(process.stderr);
  void run();
}
