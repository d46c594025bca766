// Robustness timings through the real CLI: hostile inputs end with exit 0/1/2
// and a message, in bounded time, and never change the input file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';

const tmp = mkdtempSync(join(tmpdir(), 'rg-bench-'));
mkdirSync(join(tmp, 'results'));
const key = 'examples/order-service/answer-key-round-001.md';
const review = readFileSync('examples/order-service/results/v001-baseline-run1.md', 'utf8');

const cases: Record<string, string | Buffer> = {
  '20 MB review': review.repeat(Math.ceil((20 << 20) / review.length)),
  '500 000 [ on one line': `# R\n\n### C1: x\n${'['.repeat(500_000)}\n`,
  '10 000-deep list': `# R\n\n### C1: x\n${'- '.repeat(10_000)}item\n`,
  '2 000-deep indented list': `# R\n\n### C1: x\n${Array.from({ length: 2_000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`,
  '10 000-deep blockquote': `# R\n\n### C1: x\n${'>'.repeat(10_000)} item\n`,
  binary: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
  'invalid UTF-8': Buffer.concat([Buffer.from('# R\n### C1: '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' x\n')]),
  'CR line ends + BOM': `\uFEFF${review.replace(/\n/g, '\r')}`,
  'empty file': '',
  '150 000 flat findings': [
    '# R',
    '',
    ...Array.from({ length: 150_000 }, (_, i) => `### C${(i % 999) + 1}: finding ${i}\nbody ${i}\n`),
  ].join('\n'),
  'ESC/OSC in a title': '# R\n\n### C1: \x1b]0;owned\x07\x1b[2J timeout\nbody\n',
};

console.log('robustness (review-grader grade --key KEY FILE --format json)');
for (const [name, content] of Object.entries(cases)) {
  const file = join(tmp, 'results', `v001-${name.replace(/\W+/g, '-')}-run1.md`);
  writeFileSync(file, content);
  const before = createHash('sha256').update(readFileSync(file)).digest('hex');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['dist/cli.js', 'grade', '--key', key, file, '--format', 'json'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 256 << 20,
  });
  const ms = performance.now() - t0;
  const after = createHash('sha256').update(readFileSync(file)).digest('hex');
  const trace = /\n\s+at .+:\d+:\d+/.test(r.stderr);
  const msg = r.stderr.trim().split('\n')[0] ?? '';
  console.log(
    `  ${name.padEnd(24)} exit ${r.status ?? 'killed'}  ${ms.toFixed(0).padStart(6)} ms  ${before === after ? 'unchanged' : 'CHANGED'}${trace ? '  STACK TRACE' : ''}  ${msg.slice(0, 90)}`,
  );
}
for (const [name, args] of [
  ['directory', [tmp]],
  ['missing file', [join(tmp, 'nope.md')]],
] as const) {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'grade', ...args], { encoding: 'utf8' });
  console.log(`  ${name.padEnd(24)} exit ${r.status}  ${r.stderr.trim()}`);
}

// Hostile outputs and links: each must end with exit 2, one line naming the file, nothing changed.
console.log('hostile outputs and links (cwd = a perspective folder)');
{
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-out-'));
  const outside = mkdtempSync(join(tmpdir(), 'rg-bench-outside-'));
  mkdirSync(join(dir, 'results'));
  writeFileSync(join(dir, 'answer-key-round-001.md'), readFileSync(key));
  writeFileSync(join(dir, 'results/v001-baseline-run1.md'), review);
  writeFileSync(join(dir, 'judge-notes.md'), '# a judge report\n');
  writeFileSync(join(outside, 'secret.md'), readFileSync(key));
  symlinkSync(join(outside, 'nowhere.html'), join(dir, 'dangling.html'));
  symlinkSync(join(outside, 'secret.md'), join(dir, 'results/v001-evil-run1.md'));
  writeFileSync(join(dir, 'results/v002-link-run1.md'), `<!-- answer-key: ${join(outside, 'secret.md')} -->\n### C1: x\n`);
  const run = 'results/v001-baseline-run1.md';
  const hostile: [string, string[]][] = [
    ['report -o foreign file', ['report', run, '-o', 'judge-notes.md']],
    ['dashboard -o dangling link', ['dashboard', '.', '-o', 'dangling.html']],
    ['run symlinked outside', ['grade', 'results/v001-evil-run1.md']],
    ['key link outside cwd', ['grade', 'results/v002-link-run1.md']],
  ];
  for (const [name, args] of hostile) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
    const ms = performance.now() - t0;
    const last = r.stderr.trim().split('\n').pop() ?? ''; // the dashboard also warns about the hostile runs it skipped
    console.log(`  ${name.padEnd(28)} exit ${r.status}  ${ms.toFixed(0).padStart(5)} ms  ${last.slice(0, 120)}`);
  }
}
