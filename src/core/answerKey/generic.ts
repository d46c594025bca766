// The rubric's generic ○/△/× definitions, for keys whose items state no
// criteria of their own (table keys): views show these and say they apply.
import type { Language, Verdict } from '../model';

export const GENERIC_CRITERIA: Record<Language, Record<Verdict, string>> = {
  en: {
    detected: 'The review names the problem and explains why it matters (its cause or its impact).',
    partial: 'The review touches the problem (the right place or a symptom) but misses its core or its impact.',
    missed: 'The review does not mention the problem.',
  },
  ja: {
    detected: 'レビューが問題を指摘し、なぜ問題か（原因または影響）を説明している。',
    partial: 'レビューが問題の箇所や症状に触れているが、本質または影響を捉えていない。',
    missed: 'レビューが問題に言及していない。',
  },
};

/** One sentence saying the generic definitions apply. */
export const GENERIC_NOTE: Record<Language, string> = {
  en: 'This key states no criteria per item: the rubric’s generic ○/△/× definitions apply.',
  ja: 'この正解キーには項目ごとの判定基準がないため、ルーブリックの共通の ○/△/× 定義を適用します。',
};
