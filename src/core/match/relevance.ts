// Relevance of a review finding to a planted problem: the share of the
// problem's weighted, distinctive features that the finding covers. Per-key
// profiles are built once and cached; a finding costs one tokenization.
import type { AnswerKey, Finding, Problem, Review } from '../model';
import { fuzzyAliases, keyNames, type Alias, type KeyNames } from './fuzzy';
import { cjkRatio } from './normalize';
import { contains, inverseDocumentFrequency, textFeatures, travels, type FeatureBag } from './weights';

/** How much each part of a problem says about what a detection must contain. */
export const FIELD_WEIGHT = { title: 2, detected: 1.5, description: 1, location: 0.7 } as const;

export interface Profile {
  id: string;
  /** feature → final weight (type × field × idf) */
  weights: Map<string, number>;
}

export interface KeyIndex {
  problems: Profile[];
  bonus: Profile[];
  /** the key's identifiers, for fuzzy spelling matches */
  names: KeyNames;
}

const keyCache = new WeakMap<AnswerKey, KeyIndex>();

/** Profiles for every problem and bonus row of a key (cached per key object). */
export function indexKey(key: AnswerKey): KeyIndex {
  const cached = keyCache.get(key);
  if (cached) return cached;
  const fieldsOfProblems = key.problems.map(problemFields);
  const bonusFields = key.bonus.map((b) => [{ bag: textFeatures(`${b.text}\n${b.condition ?? ''}\n${b.category ?? ''}`), weight: 1 }]);
  const allDocs = [...fieldsOfProblems, ...bonusFields].map(unionBag);
  const idf = inverseDocumentFrequency(allDocs);
  const profile = (id: string, fields: WeightedBag[]): Profile => {
    const weights = new Map<string, number>();
    for (const { bag, weight } of fields) {
      for (const [f, typeWeight] of bag) {
        const w = typeWeight * weight * (idf.get(f) ?? 0);
        if (w > (weights.get(f) ?? 0)) weights.set(f, w);
      }
    }
    return { id, weights };
  };
  const index: KeyIndex = {
    problems: key.problems.map((p, i) => profile(p.id, fieldsOfProblems[i])),
    bonus: key.bonus.map((b, i) => profile(b.id, bonusFields[i])),
    names: keyNames(allDocs.flatMap((d) => [...d.keys()])),
  };
  keyCache.set(key, index);
  return index;
}

interface WeightedBag {
  bag: FeatureBag;
  weight: number;
}

function problemFields(p: Problem): WeightedBag[] {
  const fields: WeightedBag[] = [
    { bag: textFeatures(p.title), weight: FIELD_WEIGHT.title },
    { bag: textFeatures(p.description ?? ''), weight: FIELD_WEIGHT.description },
    { bag: textFeatures(p.location ?? ''), weight: FIELD_WEIGHT.location },
  ];
  const detected = p.criteria.detected?.text;
  if (detected) fields.push({ bag: textFeatures(detected), weight: FIELD_WEIGHT.detected });
  return fields;
}

function unionBag(fields: WeightedBag[]): FeatureBag {
  const all: FeatureBag = new Map();
  for (const { bag } of fields) for (const [f, w] of bag) if (w > 0) all.set(f, w);
  return all;
}

export interface ReviewIndex {
  japanese: boolean;
  findings: FeatureBag[];
  /** key names the review spells differently (fuse.js), see fuzzy.ts */
  aliases: Map<string, Alias>;
}

/** Feature bags of every finding (heading + body), and fuzzy aliases for the key's names. */
export function indexReview(review: Review, key?: KeyIndex): ReviewIndex {
  const findings = review.findings.map((f: Finding) => textFeatures(`${f.heading}\n${f.body}`));
  const sample = review.findings.map((f) => f.heading + f.body.slice(0, 400)).join('\n');
  const aliases = key ? fuzzyAliases(key.names, findings) : new Map<string, Alias>();
  return { japanese: review.language === 'ja' || cjkRatio(sample) > 0.3, findings, aliases };
}

/** Weighted coverage of the profile's features that can appear in this review's language. */
export function coverage(profile: Profile, bag: FeatureBag, review: ReviewIndex): number {
  let total = 0;
  let hit = 0;
  for (const [f, w] of profile.weights) {
    if (!travels(f, review.japanese)) continue;
    total += w;
    if (contains(bag, f)) hit += w;
    else {
      const alias = review.aliases.get(f);
      if (alias && alias.targets.some((t) => bag.has(t))) hit += w * alias.similarity;
    }
  }
  return total > 0 ? hit / total : 0;
}
