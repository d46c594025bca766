// Clauses of a criterion. A △ criterion says what a partial detection does
// mention and then what it leaves out ("Mentions X but does not explain Y",
// 「Xに言及しているが、Yには触れていない」); only the first part describes
// the finding. A ○ criterion joins what a detection must contain with AND.

/** Connectives that start the "what it leaves out" part of a criterion. */
const NEGATED_TAIL =
  /\s*(?:,\s*)?\b(?:but|yet)\b\s+(?:does\s*n[o']t|do\s*n[o']t|not|fails?\s+to|without|lacks?|misses|omits|no)\b[^]*$|\s*(?:,\s*)?\bwithout\b[^]*$|(?:ている|てい|ある|する|した)?が[、,]\s*[^]*?(?:触れ|言及し|述べ|説明し|示し|提案し|指摘し)[^]*$|[、,]\s*(?:ただし|しかし)[^]*$/i;

/** The part of a △ criterion that describes what the finding says (the negated tail removed). */
export function affirmedPart(text: string): string {
  const cut = text.replace(NEGATED_TAIL, '').trim();
  return cut.length >= 4 ? cut : text;
}

/** The AND-joined clauses of a ○ criterion ("Identifies X AND proposes Y", 「XかつY」). */
export function andClauses(text: string): string[] {
  return text
    .split(/\s+AND\s+|\s*(?:かつ|及び|および)\s*(?=\S{4,})/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
}
