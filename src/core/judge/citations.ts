// Which finding a judge's report cites for a verdict, and which finding of
// the review that is. Judges name findings by label ("C-2 identifies …",
// "§S4", "Section 1.1", "Critical Issue #2", "重大な問題1", "1-1で") or by
// quoting a title ("C4: No Circuit Breaker …", 「…」). Reading is lenient and
// ordered (the first citation that resolves wins); resolving is strict: a
// label must equal a finding's label, a quote must match its title or body.
import type { Finding } from '../model';
import type { JudgeCitation } from './model';
import { runsIn } from './text';

/** Cited text kept per problem and run: enough for any justification, bounded for huge reports. */
export const CITE_TEXT_LIMIT = 4000;
const MAX_CITATIONS = 12;

const GROUP_WORDS: [RegExp, string][] = [
  [/critical|重大|致命/i, 'critical'],
  [/significant|major|high|重要/i, 'significant'],
  [/moderate|medium|中程度|中/i, 'moderate'],
  [/minor|low|軽微/i, 'minor'],
  [/improvement|suggestion|recommendation|改善|提案|推奨/i, 'improvement'],
  [/positive|strength|良い点/i, 'positive'],
];

function groupOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return GROUP_WORDS.find(([re]) => re.test(text))?.[1];
}

// Letter prefixes that are not finding labels in a judge's prose: problem and
// bonus ids, runs, and technology names that look like labels.
const NOT_LABELS =
  /^(?:P|B|RUN|V|AES|SHA|HS|RS|ES|TLS|SSL|RFC|ISO|PCI|CWE|CVE|OWASP|HTTP|API|JWT|SQL|GDPR|SOC|EC|UTF|IPV|OAUTH|ID|DB|DR|PB|AK)$/;

const QUOTE = /"([^"\n]{4,240})"|“([^”\n]{4,240})”|「([^」\n]{4,240})」|『([^』\n]{4,240})』/g;
const GROUPED =
  /(critical|significant|moderate|minor|major|重大な?|重要な?|中程度の?|軽微な?)\s*(?:issues?|findings?|problems?|問題|指摘)\s*(?:#|No\.?\s*)?(\d{1,3}(?:[.-]\d{1,3})*)(?![\d.]*\d)/gi;
const CUED =
  /(?:\b(?:issues?|findings?|items?|sections?|sec\.)|§|セクション|項目|指摘|問題|改善提案|提案)\s*(?:#|No\.?\s*)?(\d{1,3}(?:[.-]\d{1,3})*)(?![\d.]*\d)/gi;
const LETTERED = /(?<![A-Za-z0-9_])§?\s?([A-Z]{1,5}(?:-[A-Z]{1,5})?)[-_]?(\d{1,2})(?:[.-](\d{1,2}))?(?![\d.]*[A-Za-z0-9])/g;
const DASHED = /(?<![\d.A-Za-z-])(\d{1,2}-\d{1,2})(?![\d.-]*\d)/g;
const JA_PARTICLE_NUM = /(?<![\d.A-Za-z])(\d{1,2}\.\d{1,2})(?=で|の|に|は|が|を|と|、)/g;

/** The part of a text that speaks for one run: after "Run1:", up to the next run label; all of it when none. */
export function runSegment(text: string, run: number | undefined): string | undefined {
  const labels = [...text.matchAll(/(?:\brun|実行)\s*[#-]?\s*(\d{1,2})(?!\d)\s*[:：)]?/gi)];
  if (!labels.length || run === undefined) return text;
  // "Run1 & Run2: infra table" speaks for both
  const parts: string[] = [];
  labels.forEach((m, k) => {
    const end = k + 1 < labels.length ? (labels[k + 1].index ?? text.length) : text.length;
    const segment = text.slice((m.index ?? 0) + m[0].length, end);
    const joined = /^\s*(?:&|and|,|と|・|\/)\s*$/.test(segment);
    if (Number(m[1]) === run && !joined) parts.push(segment);
    else if (Number(m[1]) === run && joined) {
      const next = labels[k + 1];
      const after = k + 2 < labels.length ? (labels[k + 2].index ?? text.length) : text.length;
      if (next) parts.push(text.slice((next.index ?? 0) + next[0].length, after));
    }
  });
  if (parts.length) return parts.join(' ');
  // run labels name only other runs: nothing here is about this run
  return runsIn(text).includes(run) ? text : undefined;
}

/** Citations in a justification text, in the order written. */
export function citationsIn(text: string, line: number): JudgeCitation[] {
  const found: { at: number; c: JudgeCitation }[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => !taken.some(([x, y]) => a < y && b > x);
  const add = (at: number, len: number, c: JudgeCitation) => {
    if (!free(at, at + len)) return;
    taken.push([at, at + len]);
    found.push({ at, c });
  };
  for (const m of text.matchAll(QUOTE)) {
    const q = (m[1] ?? m[2] ?? m[3] ?? m[4]).trim();
    const lead = /^\s*§?([A-Za-z]{1,5}-?\d{1,2}(?:[.-]\d{1,2})?|\d{1,2}(?:[.-]\d{1,2})+)\s*[:：.]\s+(.+)$/.exec(q);
    const at = m.index ?? 0;
    if (lead && !NOT_LABELS.test(lead[1].replace(/[-\d.]+$/, '').toUpperCase()))
      add(at, m[0].length, { label: lead[1], quote: lead[2], line });
    else add(at, m[0].length, { quote: q, line });
  }
  for (const m of text.matchAll(GROUPED)) add(m.index ?? 0, m[0].length, { label: m[2], group: groupOf(m[1]), line });
  for (const m of text.matchAll(CUED)) add(m.index ?? 0, m[0].length, { label: m[1], line });
  for (const m of text.matchAll(LETTERED)) {
    if (NOT_LABELS.test(m[1].replace(/-/g, '').toUpperCase()) || NOT_LABELS.test(m[1].split('-')[0])) continue;
    add(m.index ?? 0, m[0].length, { label: m[0].replace(/^\s*§?\s*/, ''), line });
  }
  for (const m of text.matchAll(DASHED)) add(m.index ?? 0, m[0].length, { label: m[1], line });
  for (const m of text.matchAll(JA_PARTICLE_NUM)) add(m.index ?? 0, m[0].length, { label: m[1], line });
  found.sort((a, b) => a.at - b.at);
  // "Section 2.5で「Privilege Escalation …」", "C3 \"Title\"": a label with its quoted title is one citation
  const merged: JudgeCitation[] = [];
  for (let k = 0; k < found.length; k++) {
    const { at, c } = found[k];
    const next = found[k + 1];
    const end = taken.find(([x]) => x === at)?.[1] ?? at;
    if (c.label && !c.quote && next?.c.quote && !next.c.label && next.at - end <= 4) {
      merged.push({ ...c, quote: next.c.quote });
      k++;
    } else merged.push(c);
  }
  return merged.slice(0, MAX_CITATIONS);
}

// ------------------------------------------------------------------ resolving

interface LabelKey {
  letters: string;
  numbers: string;
  group?: string;
}

/** "C-01" → C/1, "§S4" → S/4, "Critical Issue #2" → /2 critical, "1-1" → /1.1. */
function labelKey(label: string, section?: string): LabelKey | undefined {
  const t = label.replace(/[§#]/g, ' ').trim();
  const num = /(\d{1,3}(?:[.-]\d{1,3})*)\s*$/.exec(t);
  if (!num) return undefined;
  const numbers = num[1]
    .split(/[.-]/)
    .map((n) => String(Number(n)))
    .join('.');
  const head = t.slice(0, num.index).replace(/[-_\s]+$/, '');
  const letters =
    /^[A-Za-z]{1,5}(?:-[A-Za-z]{1,5})?$/.test(head) && !/^(?:issue|finding|item|section|problem)$/i.test(head)
      ? head.replace(/-/g, '').toUpperCase()
      : '';
  return { letters, numbers, group: letters ? undefined : (groupOf(head) ?? groupOf(section)) };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s"'“”「」『』`*_.,:;：、。()（）[\]【】-]+/g, ' ')
    .trim();

function byLabel(c: JudgeCitation, findings: Finding[]): Finding | undefined {
  const want = c.label ? labelKey(c.label) : undefined;
  if (!want) return undefined;
  const keyed = findings.map((f) => ({ f, k: f.label ? labelKey(f.label, f.section) : undefined }));
  const same = keyed.filter(({ k }) => k && k.letters === want.letters && k.numbers === want.numbers);
  if (!same.length) return undefined;
  const group = c.group ?? want.group;
  const inGroup = group ? same.filter(({ k }) => k?.group === group) : [];
  const pool = inGroup.length ? inGroup : same;
  if (group && !inGroup.length && pool.length > 1) return undefined; // "Critical Issue 2" with several 2s and no critical one
  return (pool.find(({ f }) => !f.positive) ?? pool[0]).f;
}

function byTitle(q: string, findings: Finding[]): Finding | undefined {
  const titled = findings.filter((f) => {
    const t = norm(f.title);
    return t.length >= 6 && (t === q || t.includes(q) || (q.includes(t) && t.length >= 12));
  });
  return titled.find((f) => !f.positive) ?? titled[0];
}

function byQuote(c: JudgeCitation, findings: Finding[]): Finding | undefined {
  if (!c.quote) return undefined;
  const q = norm(c.quote);
  if (q.length < 6) return undefined;
  const titled = byTitle(q, findings);
  if (titled) return titled;
  if (q.length < 12) return undefined;
  // a quote of the finding's text rather than its title: only when one finding holds it
  const bodied = findings.filter((f) => norm(`${f.heading} ${f.body}`).includes(q));
  return bodied.length === 1 ? bodied[0] : undefined;
}

export type CitedState = 'finding' | 'none' | 'unresolved';

/** The first citation that names a finding of this review. */
export function resolveCitations(citations: JudgeCitation[] | undefined, findings: Finding[]): { state: CitedState; finding?: Finding } {
  let named = false;
  for (const c of citations ?? []) {
    // a label with a quoted title: where they disagree, the title is the more specific
    const titled = c.label && c.quote ? byTitle(norm(c.quote), findings) : undefined;
    const f = titled ?? byLabel(c, findings) ?? byQuote(c, findings);
    if (f) return { state: 'finding', finding: f };
    // "S3" is as often the AWS service as a label: when no finding has it, it names nothing
    if (!(c.label && !c.quote && /^S-?3$/i.test(c.label.trim()))) named = true;
  }
  return { state: named ? 'unresolved' : 'none' };
}
