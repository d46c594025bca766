// Alternatives in a criterion or a description. Keys give examples of what
// the problem is and what a detection may name: "suggests an externalization approach (e.g., environment variables,
// configuration servers)", "mentions a mitigation such as A, B or C",
// 「抽象化層（インターフェース、Adapterパターン等）の導入」. A finding that names
// one of them has named the list: its items are alternatives, not a
// checklist every one of which must be covered. Found by the rubric's own
// punctuation and lead words (parentheses, e.g., such as, 例えば, 等), never
// by topic words. Only explicit example lists: a bare "A, B, or C" in running
// text, or a top-level "…; OR …", was tried as well and lowered the
// leave-one-perspective-out kappa (bench/accuracy.ts, 0.551 → 0.546): such a
// text often joins a required part to its options within one clause.

/** Words that open a list of examples ("e.g.", "such as", 例えば). */
const EXAMPLE_LEAD = /^\s*(?:e\.\s?g\.?|for example|for instance|such as|例えば|たとえば|例(?=[:：]))[,、:：]?\s*/i;
/** A trailing "etc." / 等 / など closing a list of examples (and what follows it inside the parenthesis: 「等の言及」). */
const EXAMPLE_TAIL = /\s*(?:etc\.?|等|など)[^、,」]*$/;
/** Separators between the items of a list. */
const ITEM_SEPARATOR = /\s*(?:[,、/;；・「」"“”]|\bor\b|\band\b|または|もしくは|あるいは)\s*/i;
/** A list of examples outside parentheses runs from its lead word to the end of the sentence or clause. */
const EXAMPLE_RUN = /(?:\be\.\s?g\.|\bfor example\b|\bfor instance\b|\bsuch as\b|例えば|たとえば)[^.;。；]*/gi;
/** A parenthesis holding a list (three characters at least: "(a, b)"). */
const PARENTHESIS = /[(（]([^()（）]{3,})[)）]/g;
/** An item shorter than this (after trimming) is a stray fragment, not an alternative. */
const MIN_ITEM = 2;

export interface Alternatives {
  /** each list as its items' texts (two or more items) */
  lists: string[][];
  /** the text outside every list: what the criterion requires whichever alternative is named */
  rest: string;
}

/** The lists of alternatives in a criterion's text. */
export function alternativeLists(text: string): Alternatives {
  const lists: string[][] = [];
  const add = (items: string[]) => {
    const kept = items.map((s) => s.trim()).filter((s) => s.length >= MIN_ITEM);
    if (kept.length >= 2) lists.push(kept);
  };
  const rest = text
    .replace(PARENTHESIS, (_, inner: string) => {
      add(splitItems(inner));
      return ' ';
    })
    .replace(EXAMPLE_RUN, (run) => {
      add(splitItems(run));
      return ' ';
    });
  return { lists, rest };
}

function splitItems(inner: string): string[] {
  return inner.replace(EXAMPLE_LEAD, '').replace(EXAMPLE_TAIL, '').split(ITEM_SEPARATOR);
}
