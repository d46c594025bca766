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
  /** the squashed names, and each as Fuse compares it (lower case), for the pre-check */
  names: { name: string; lower: string }[];
  /** memo of searches: reviews of one key repeat most names */
  memo: Map<string, { item: string; score: number } | null>;
}

/** The key's identifiers, indexed once per key. */
export function keyNames(keyFeatures: Iterable<string>): KeyNames {
  const features = new Map<string, string>();
  for (const f of keyFeatures) if (f[0] === 'i' && isName(f)) features.set(squash(nameOf(f)), f);
  const names = [...features.keys()];
  const fuse = new Fuse(names, { includeScore: true, threshold: MAX_FUSE_SCORE, ignoreLocation: true });
  return { fuse, features, names: names.map((name) => ({ name, lower: name.toLowerCase() })), memo: new Map() };
}

/** Whole-name similarity only: a short name inside a long one is not the same name. */
const MIN_LENGTH_RATIO = 0.8;
const lengthRatio = (a: string, b: string) => Math.min(a.length, b.length) / Math.max(a.length, b.length);
/** Fuse's bitap splits longer patterns into pieces; the pre-check reasons about a whole one. */
const BITAP_MAX_PATTERN = 32;

/**
 * Could a Fuse search for `squashed` give an alias? Not when no key name both
 * passes the length test and shares enough letters with it: Fuse's bitap
 * reports a match with e edits (score e / length ≤ MAX_FUSE_SCORE), and a name
 * within e edits of part of another has all but e of its letters (UTF-16
 * units, as bitap compares them) in it. Most review names fail this, so their
 * search, the matcher's costliest step, is skipped; a best match it rules out
 * would fail the length test anyway, so every alias, and every verdict, is
 * what the full search gives.
 */
export function mayAlias(names: KeyNames, squashed: string): boolean {
  const pattern = squashed.toLowerCase(); // as Fuse sees it (isCaseSensitive: false)
  const m = pattern.length;
  if (m > BITAP_MAX_PATTERN) return true;
  let edits = 0;
  while ((edits + 1) / m <= MAX_FUSE_SCORE) edits++; // Fuse's own score arithmetic
  const letters = new Map<string, number>();
  for (let i = 0; i < m; i++) letters.set(pattern[i]!, (letters.get(pattern[i]!) ?? 0) + 1);
  for (const { name, lower } of names.names) {
    if (lengthRatio(squashed, name) < MIN_LENGTH_RATIO) continue;
    const left = new Map(letters);
    let shared = 0;
    for (let i = 0; i < lower.length; i++) {
      const n = left.get(lower[i]!);
      if (n) {
        left.set(lower[i]!, n - 1);
        shared++;
      }
    }
    if (shared >= m - edits) return true;
  }
  return false;
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
      // a best match that mayAlias rules out would fail the length test below: no alias either way
      const found = mayAlias(names, squashed) ? names.fuse.search(squashed, { limit: 1 })[0] : undefined;
      hit = found && found.score !== undefined ? { item: found.item, score: found.score } : null;
      if (names.memo.size < 5000) names.memo.set(squashed, hit);
    }
    if (!hit) continue;
    const keyFeature = names.features.get(hit.item);
    if (lengthRatio(squashed, hit.item) >= MIN_LENGTH_RATIO && keyFeature && !present.has(keyFeature))
      addAlias(aliases, keyFeature, reviewFeatures, 1 - hit.score);
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
