// Guard for the key reader's generalisation: every corpus markdown file must
// parse (and lint) exactly as it did before other key shapes were read. The
// snapshot holds derived facts only (ids, counts, criteria presence, lines, a
// hash of the classic model), never corpus text. Regenerate with
// UPDATE_KEY_SNAPSHOT=1 only when a change is meant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAnswerKey } from '../../src/core/answerKey';
import { lintAnswerKey } from '../../src/core/lint';
import type { AnswerKey } from '../../src/core/model';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const SNAPSHOT = path.resolve(process.cwd(), 'test/fixtures/keys/corpus-snapshot.json');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : [];
  });
}

/** The model as the classic reader produced it: only the fields that existed before the shapes work. */
function classic(key: AnswerKey) {
  return {
    language: key.language,
    round: key.round,
    perspective: key.perspective,
    statedCount: key.statedCount,
    statedCountLine: key.statedCountLine,
    problems: key.problems.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      category: p.category,
      severity: p.severity,
      location: p.location,
      description: p.description,
      fields: p.fields,
      criteria: p.criteria,
      headingSpan: p.headingSpan,
      span: p.span,
    })),
    bonus: key.bonus,
    diagnostics: key.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, message: d.message })),
  };
}

function facts(rel: string, text: string) {
  const key = parseAnswerKey(text, rel);
  const lint = lintAnswerKey(text, rel, key);
  return {
    problems: key.problems.map(
      (p) =>
        `${p.id}:${p.headingSpan.start.line}:${['detected', 'partial', 'missed'].map((v) => (p.criteria[v as 'detected'] ? 1 : 0)).join('')}`,
    ),
    bonus: key.bonus.length,
    lint: lint.map((d) => `${d.line}:${d.code}`),
    hash: createHash('sha256')
      .update(JSON.stringify(classic(key)))
      .digest('hex')
      .slice(0, 16),
  };
}

test('every corpus markdown file parses and lints exactly as before the key-shapes work', () => {
  const now: Record<string, ReturnType<typeof facts>> = {};
  for (const file of walk(CORPUS).sort()) {
    const rel = path.relative(CORPUS, file).split(path.sep).join('/');
    now[rel] = facts(rel, readFileSync(file, 'utf8'));
  }
  if (process.env.UPDATE_KEY_SNAPSHOT || !existsSync(SNAPSHOT)) {
    writeFileSync(SNAPSHOT, JSON.stringify(now, null, 1) + '\n');
    return;
  }
  const before = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as typeof now;
  assert.deepEqual(Object.keys(now), Object.keys(before));
  for (const rel of Object.keys(before)) assert.deepEqual(now[rel], before[rel], rel);
});
