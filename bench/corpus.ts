// Shared corpus access for benchmarks (files are read in place, never copied).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CORPUS = resolve(process.cwd(), '../shared/corpus');

export interface LabelRecord {
  perspective: string;
  round: number;
  variant: string;
  run: number;
  key: string;
  review: string;
  scoring: string;
  labels: Record<string, '○' | '△' | '×'>;
  detection: number;
  judge_stated_detection: number | null;
  judge_stated_total: number | null;
  bonus_count: number | null;
  penalty_count: number | null;
  judge_issues: string[];
}

export function labels(): LabelRecord[] {
  return JSON.parse(readFileSync(resolve(CORPUS, 'labels.json'), 'utf8')) as LabelRecord[];
}

export function corpusPath(rel: string): string {
  return resolve(CORPUS, rel);
}
