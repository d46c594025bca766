// Fuzzy bridging of names with fuse.js: a key's identifier that the review
// spells differently ("idempotencyKey" vs "idempotency_key", "SendGrid" vs
// "Send Grid", "authorisation_header" vs "authorization_header") is linked to
// the review's spelling. The Fuse index holds the key's few identifiers and
// is built once per key; each review name missing from the key is one search
// over that small index — never a search over whole texts.
import Fuse from 'fuse.js';
import type { FeatureBag } from './weights';
import { pushAll } from '../arrays';

export interface Alias {
  /** review feature keys that stand for the key feature */
  targets: string[];
  /** 0..1, how close the spelling is */
  similarity: number;
}

/** Fuse score above which two spellings are not the same name. */
const MAX_FUSE_SCORE = 0.2;
/** Names shorter than this are too short for fuzzy matching (jwt ≠ jws). */
const MIN_NAME_LENGTH = 5;

const nameOf = (feature: string) => feature.slice(2);
/** identifiers and glued word pairs: the spellings of names */
const isName = (feature: string) => (feature[0] === 'i' || feature[0] === 'g') && feature.length - 2 >= MIN_NAME_LENGTH;
/** strip separators so snake, kebab and camel spellings compare as one */
const squash = (name: string) => name.replace(/[\s_\-./]+/g, '');

export interface KeyNames {
  fuse: Fuse<string>;
  /** squashed name → key feature */
  features: Map<string, string>;
  /** memo of searches: reviews of one key repeat most names */
  memo: Map<string, { item: string; score: number } | null>;
}

/** The key's identifiers, indexed once per key. */
export function keyNames(keyFeatures: Iterable<string>): KeyNames {
  const features = new Map<string, string>();
  for (const f of keyFeatures) if (f[0] === 'i' && isName(f)) features.set(squash(nameOf(f)), f);
  const fuse = new Fuse([...features.keys()], { includeScore: true, threshold: MAX_FUSE_SCORE, ignoreLocation: true });
  return { fuse, features, memo: new Map() };
}

/** Key identifiers absent from the review → the review spellings that stand for them. */
export function fuzzyAliases(names: KeyNames, findings: FeatureBag[]): Map<string, Alias> {
  const aliases = new Map<string, Alias>();
  if (names.features.size === 0) return aliases;
  const present = new Set<string>();
  const candidates = new Map<string, string[]>();
  for (const bag of findings) {
    for (const f of bag.keys()) {
      // review identifiers only: glued word pairs are matched exactly elsewhere and are too many to search
      if (f[0] !== 'i' || !isName(f)) continue;
      present.add(f);
      const s = squash(nameOf(f));
      const list = candidates.get(s) ?? [];
      if (!list.includes(f)) list.push(f);
      candidates.set(s, list);
    }
  }
  for (const [squashed, reviewFeatures] of candidates) {
    const exact = names.features.get(squashed);
    if (exact) {
      if (!present.has(exact)) addAlias(aliases, exact, reviewFeatures, 1);
      continue;
    }
    let hit = names.memo.get(squashed);
    if (hit === undefined) {
      const found = names.fuse.search(squashed, { limit: 1 })[0];
      hit = found && found.score !== undefined ? { item: found.item, score: found.score } : null;
      if (names.memo.size < 5000) names.memo.set(squashed, hit);
    }
    if (!hit) continue;
    // whole-name similarity only: a short name inside a long one is not the same name
    const ratio = Math.min(squashed.length, hit.item.length) / Math.max(squashed.length, hit.item.length);
    const keyFeature = names.features.get(hit.item);
    if (ratio >= 0.8 && keyFeature && !present.has(keyFeature)) addAlias(aliases, keyFeature, reviewFeatures, 1 - hit.score);
  }
  return aliases;
}

function addAlias(aliases: Map<string, Alias>, keyFeature: string, targets: string[], similarity: number): void {
  const a = aliases.get(keyFeature);
  if (!a) aliases.set(keyFeature, { targets: [...targets], similarity });
  else {
    pushAll(a.targets, targets);
    a.similarity = Math.max(a.similarity, similarity);
  }
}
