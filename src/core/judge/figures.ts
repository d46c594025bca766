// Reads the figures a judge states per run — detection subtotal, bonus,
// penalty, total, bonus/penalty counts — and the stated mean and SD. Sources:
// "Label: value" lines under a run heading, "4.0 + 2.75 - 0.0 = 6.75" formulas,
// "Run1=11.0(検出9.5+bonus3-penalty0)" summaries, and run-by-metric tables.
import type { LineContext } from './context';
import { plain, REVISED_SECTION_RE, REVISION_RE, runsIn, toNumber } from './text';

export type FigureKind = 'detection' | 'bonus' | 'penalty' | 'total' | 'bonusCount' | 'penaltyCount' | 'mean' | 'sd';

export interface FigureStatement {
  kind: FigureKind;
  run?: number;
  value: number;
  line: number;
  /** restated after a correction: "→ 5.0", "Revised Detection Scores", "修正後" */
  revision?: boolean;
  /** a count the report says its cap cut the points down to */
  capped?: boolean;
  /** one finding's credit ("- Bonus: +0.5 - identifies …" under "Bonus 3: …"), not the run's figure */
  item?: boolean;
  /** a reading the line leaves open ("bonus3" where neither points nor counts add up): used only when nothing firmer is stated */
  weak?: boolean;
  /** bonus/penalty points read from a bare whole number ("Bonus: 3"), which may be a count */
  bare?: boolean;
}

const NUM = String.raw`[-+−]?\d+(?:\.\d+)?`;

/** Which figure a label names; the order matters (counts before points, detection before total). */
function kindOf(label: string): FigureKind | undefined {
  const l = label.toLowerCase();
  if (/bonus|ボーナス|加点/.test(l)) return /count|件数|数$|items?/.test(l) ? 'bonusCount' : 'bonus';
  if (/penalt|ペナルティ|減点/.test(l)) return /count|件数|数$|items?/.test(l) ? 'penaltyCount' : 'penalty';
  if (/detect|検出|埋め込み/.test(l))
    return /[○◯△×]|rate|率|count|件数|数$|完全|部分|未検出|accuracy|pattern|highlight/.test(l) ? undefined : 'detection';
  if (
    /^\s*(?:run\s*\d+\s*)?(?:final\s+|overall\s+)?(?:total|合計|総合|総計|最終)/.test(l) ||
    /total score|総合スコア|合計スコア|最終スコア|総合得点|スコア合計/.test(l)
  )
    return 'total';
  if (/^(?:mean|average|平均)/.test(l)) return 'mean';
  if (/^(?:sd|standard deviation|標準偏差|σ)/.test(l)) return 'sd';
  return undefined;
}

/** The figure a value states: after the last arrow ("4.0 → 5.0"), else a
 * leading number ("8.0 (P01=0.5, …)"), else the sum after the last "=". */
function statedNumber(value: string): number | undefined {
  // only an arrow outside parentheses restates the figure ("4.0 → 5.0"); one
  // inside explains a change ("7.0 (P05を1.0 → 0.5に修正)" states 7.0)
  const v = value.slice(afterLastTopLevelArrow(value));
  const lead = new RegExp(`^\\s*(${NUM})(?![\\d.])(?!\\s*[-+−×*]\\s*[\\d(])`).exec(v);
  if (lead) return toNumber(lead[1]);
  const eq = new RegExp(`=\\s*(${NUM})(?!.*=)`).exec(v);
  return eq ? toNumber(eq[1]) : undefined;
}

/** Offset just after the last "→", "->" or "⇒" not inside (…) or （…）; 0 when none. */
function afterLastTopLevelArrow(s: string): number {
  let depth = 0;
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && (c === '→' || c === '⇒')) at = i + 1;
    else if (depth === 0 && c === '-' && s[i + 1] === '>') at = i + 2;
  }
  return at;
}

/** The text with parenthesised asides removed (both ASCII and full-width parentheses, one level). */
function withoutParens(s: string): string {
  return s.replace(/\([^()]*\)|（[^（）]*）/g, ' ');
}

const ITEM_SECTION = /^(?:bonus|penalty|ボーナス|ペナルティ|加点|減点)\s*(?:#|no\.?)?\s*\d+\b|^B\d{2}\b/i;
const RUN_FIGURE_LABEL = /\b(?:total|subtotal|sum|score|count)\b|合計|小計|スコア|得点|件数|点数/i;

/**
 * Is this "Bonus: value" line one finding's credit rather than the run's
 * figure? Judges credit each finding on its own line — under a numbered
 * "Bonus 3: …" heading, naming one bonus row ("B04相当 … +0.5"), or with
 * prose after the figure ("+0.5 - identifies …") — and then state the run's
 * figure, often as the same +0.5, in a summary. Only the shape of the line
 * tells them apart; a repeated value does not.
 */
function isItemCredit(label: string, value: string, section: string | undefined, points: number | undefined): boolean {
  if (RUN_FIGURE_LABEL.test(label)) return false;
  if (section && ITEM_SECTION.test(plain(section)) && !RUN_FIGURE_LABEL.test(section)) return true;
  if (points === undefined || Math.abs(points) > 0.5) return false; // one item is worth at most +0.5
  const bare = withoutParens(value);
  const rows = new Set(bare.match(/\bB\d{2}\b/g) ?? []);
  if (rows.size === 1) return true;
  // what is left once the figure, units and counts are gone: prose means an itemised justification
  const rest = bare
    .replace(new RegExp(`${NUM}`, 'g'), ' ')
    .replace(/\b(?:points?|pts?|items?|bonus(?:es)?|penalt(?:y|ies)|capped|each)\b|点|件|個|[=×x*+\-−→:：,、。.()（）\s]/gi, '');
  return rest.length >= 6;
}

/** "+2.5 (5件)", "+3.0 (6 bonuses)", "5件", "(capped at 5 bonuses)" → a count of items. */
function countIn(s: string): number | undefined {
  const m = /(?<![\d.×x]\s*)(\d+)\s*(?:件|個|items?|bonuses|bonus|penalties|penalty|issues?|valid)(?!\s*=)/i.exec(s);
  return m ? Number(m[1]) : undefined;
}

/** Points and item count of a bonus/penalty value; a cap clause's figure wins. */
function amountIn(value: string): { points?: number; count?: number; capped?: boolean } {
  const count = countIn(value);
  const cap = /上限|cap/i.exec(value);
  const main = cap ? value.slice(0, cap.index) : value;
  const base = pointsIn(main);
  if (cap) {
    // "(上限5件 → 2.5pt適用)", "(capped at 5 × 0.5 = 2.5)": the applied figure, if lower
    const clause = value.slice(cap.index);
    const after = [...clause.matchAll(new RegExp(`(?:[=+→]\\s*|のため\\s*)(${NUM})(?![\\d.])(?!\\s*(?:件|個|items?))`, 'g'))];
    const applied = after.length ? toNumber(after[after.length - 1][1]) : undefined;
    if (applied !== undefined && (base === undefined || applied < base)) return { points: applied, count };
    // "+3.5 (上限5件なので上位5件採用)": the cap's count is what was credited
    const capCount = countIn(clause);
    if (base !== undefined && capCount !== undefined && base > capCount * 0.5) return { points: base, count: capCount, capped: true };
  }
  return { points: base, count };
}

function pointsIn(main: string): number | undefined {
  const eq = new RegExp(`=\\s*(${NUM})(?!.*=)`).exec(main);
  if (eq) return toNumber(eq[1]);
  // "B04 (…) +0.5, B05 (…) +0.5": itemised credits add up
  const signed = [...main.matchAll(/(?:^|[\s(（])([-+−]\s*\d+(?:\.\d+)?)/g)].map((m) => toNumber(m[1].replace(/\s/g, '')) as number);
  if (signed.length > 1 && /\bB\d{2}\b/.test(main)) return signed.reduce((a, b) => a + b, 0);
  if (signed.length) return signed[0];
  const unit = new RegExp(`(${NUM})\\s*(?:点|pts?|points?)`).exec(main);
  if (unit) return toNumber(unit[1]);
  const lead = new RegExp(`^\\s*(${NUM})(?![\\d.])(?!\\s*(?:件|個|items?|bonus|penalt|issues?|valid|findings?))`).exec(main);
  return lead ? toNumber(lead[1]) : undefined;
}

/** "a + b - c = t", optionally labelled "(detection)" etc. */
function formula(s: string): number[] | undefined {
  const lab = String.raw`\s*(?:\([^)]*\))?\s*`;
  const re = new RegExp(`(${NUM})${lab}\\+\\s*(${NUM})${lab}[-−]\\s*(${NUM})${lab}=\\s*(${NUM})`);
  const m = re.exec(s);
  if (m) return [m[1], m[2], m[3], m[4]].map((x) => toNumber(x) as number);
  // "13.0 = 9.0 (detection) + 4.0 (bonus) - 0 (penalty)"
  const rev = new RegExp(`(${NUM})\\s*=\\s*(${NUM})${lab}\\+\\s*(${NUM})${lab}[-−]\\s*(${NUM})`).exec(s);
  return rev ? [rev[2], rev[3], rev[4], rev[1]].map((x) => toNumber(x) as number) : undefined;
}

function fromTable(ctx: LineContext, line: number, out: FigureStatement[]): void {
  const { header, cells } = ctx.table!;
  const rowLabel = plain(cells[0] ?? '');
  const rowRuns = runsIn(rowLabel);
  const rowKind = kindOf(rowLabel.replace(/^run\s*\d+\s*/i, ''));
  cells.forEach((cell, j) => {
    if (j === 0) return;
    const h = plain(header[j] ?? '');
    const colRuns = runsIn(h);
    const value = statedNumber(plain(cell));
    if (value === undefined) return;
    if (rowKind && colRuns.length === 1) out.push({ kind: rowKind, run: colRuns[0], value, line });
    else if (rowKind === 'total' && /^(?:mean|average|平均)/i.test(h)) out.push({ kind: 'mean', value, line });
    else if (rowKind === 'total' && /^(?:sd|標準偏差|std)/i.test(h)) out.push({ kind: 'sd', value, line });
    else if (rowRuns.length === 1 && !rowKind) {
      const k = kindOf(h);
      if (k) out.push({ kind: k, run: rowRuns[0], value, line });
    }
  });
  // "| **Detection Subtotal** | | | **5.5** | **5.5** |": value columns headed "Run1 Score"
}

export function scanFigures(lines: string[], contexts: LineContext[]): FigureStatement[] {
  const out: FigureStatement[] = [];
  lines.forEach((raw, i) => {
    const before = out.length;
    scanLine(raw, contexts[i], i + 1, out);
    const restated = REVISION_RE.test(raw) || REVISED_SECTION_RE.test(contexts[i].section ?? '');
    const arrow = /→|⇒/.test(raw); // "4.0 → 5.0" restates a score; in "10件 → 上限5件" it only explains a cap
    for (let k = before; k < out.length; k++) {
      if (restated || (arrow && (out[k].kind === 'detection' || out[k].kind === 'total'))) out[k].revision = true;
    }
  });
  return out;
}

function scanLine(raw: string, ctx: LineContext, line: number, out: FigureStatement[]): void {
  {
    if (ctx.table) return fromTable(ctx, line, out);
    if (raw.trim().startsWith('|')) return;
    const text = plain(raw).replace(/^\s*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+)/, '');
    const runs = runsIn(text);
    // the enclosing run section wins over a run named in the line (judges mistype "Run1 Total" under Run 2)
    const run = ctx.run ?? (runs.length === 1 ? runs[0] : undefined);
    // "Run1=11.0(検出9.5+bonus3-penalty0)", "Run1 Score: 13.0 (detection: 9.0 + bonus: 4 - penalty: 0)"
    const summary = new RegExp(
      `(?:run|実行)\\s*(\\d+)[^=:：\\d]{0,20}[=:：]\\s*(${NUM})\\s*\\(\\s*(?:検出|detection)[:：]?\\s*(${NUM})\\s*\\+\\s*(?:bonus|ボーナス)[:：]?\\s*(${NUM})\\s*[-−]\\s*(?:penalty|ペナルティ)[:：]?\\s*(${NUM})\\s*\\)`,
      'gi',
    );
    let hit = false;
    for (const m of text.matchAll(summary)) {
      hit = true;
      const [r, t, d, b, p] = [1, 2, 3, 4, 5].map((k) => Number(m[k]));
      out.push({ kind: 'total', run: r, value: t, line }, { kind: 'detection', run: r, value: d, line });
      // "bonus3" is a count when 0.5 each makes the sum come out, else points
      const asCounts = Math.abs(d + b * 0.5 - p * 0.5 - t) < 1e-6 && Math.abs(d + b - p - t) > 1e-6;
      // neither reading adds up: take points, but let any firmer statement of the run win
      const weak = !asCounts && Math.abs(d + b - p - t) > 1e-6 ? true : undefined;
      const [bk, pk] = asCounts ? (['bonusCount', 'penaltyCount'] as const) : (['bonus', 'penalty'] as const);
      out.push({ kind: bk, run: r, value: b, line, weak }, { kind: pk, run: r, value: p, line, weak });
      if (asCounts) out.push({ kind: 'bonus', run: r, value: b * 0.5, line }, { kind: 'penalty', run: r, value: p * 0.5, line });
    }
    if (hit) return;
    // "Detection: 6.5 + Bonus: 1.5 - Penalty: 0.5 = 7.5": drop the inline labels
    const f = formula(text.replace(/[A-Za-z\u3040-\u30ff\u4e00-\u9fff ]+[:：]\s*(?=[-+−]?\d)/g, ' '));
    if (f && run !== undefined && !/^(?:bonus|penalt|ボーナス|ペナルティ)/i.test(text)) {
      out.push(
        { kind: 'detection', run, value: f[0], line },
        { kind: 'bonus', run, value: f[1], line },
        { kind: 'penalty', run, value: Math.abs(f[2]), line },
        { kind: 'total', run, value: f[3], line },
      );
      return;
    }
    // "### Run 1: 9.0 points": a run heading that states the run's total
    const head = new RegExp(`^(?:run|実行)\\s*\\d+\\s*[:：]\\s*(${NUM})\\s*(?:points?|pts?|点)\\s*$`, 'i').exec(text);
    if (head && run !== undefined) return void out.push({ kind: 'total', run, value: Number(head[1]), line });
    // "標準偏差0.35（高安定）": Japanese runs the figure into its label
    const ja = /^(平均|標準偏差)\s*(\d+(?:\.\d+)?)/.exec(text);
    if (ja) return void out.push({ kind: ja[1] === '平均' ? 'mean' : 'sd', value: Number(ja[2]), line });
    // "Label: value" (also "Label = value"); the label may carry the run
    const kv = new RegExp(`^([^:：=]{1,60}?)\\s*[:：=]\\s*(.*)$`).exec(text);
    if (!kv) return;
    const label = kv[1].replace(/\b(?:run|実行)\s*\d+\s*(?:の)?/i, '').trim();
    // "**Run2**: 8.0 → 7.0" under "Revised Detection Scores": the heading names the figure
    const bare = new RegExp(`^\\s*${NUM}(?:\\s*(?:→|->)\\s*${NUM})?\\s*(?:\\([^)]*\\))?\\s*$`).test(kv[2]);
    const kind = label ? kindOf(label) : bare ? kindOf(ctx.section?.replace(/^.*?(detection|検出)/i, '$1') ?? '') : undefined;
    if (!kind) return;
    const value = kv[2];
    if (kind === 'mean' || kind === 'sd') {
      const v = statedNumber(value); // "(7.5 + 10.5) / 2 = 9.0" states 9.0
      if (v !== undefined && runs.length === 0) out.push({ kind, value: v, line });
      return;
    }
    if (run === undefined) return;
    const num = statedNumber(value);
    if (kind === 'bonusCount' || kind === 'penaltyCount') {
      const c = countIn(value) ?? (new RegExp(`^\\s*(\\d+)\\s*$`).test(value) ? num : undefined);
      if (c !== undefined) out.push({ kind, run, value: c, line });
      return;
    }
    if (kind === 'detection' || kind === 'total') {
      if (num !== undefined) out.push({ kind, run, value: num, line });
      return;
    }
    // bonus/penalty: "5 items × 0.5 = +2.5", "5件 (+2.5点)", "+3.0 (上限5件のため +2.5)"
    if (/^\s{2,}[-*+]/.test(raw)) return; // a nested item credits one finding, not the run
    const amt = amountIn(value);
    const countKind = kind === 'bonus' ? 'bonusCount' : 'penaltyCount';
    const item = isItemCredit(label, value, ctx.section, amt.points) || undefined;
    const bareInt = /^\s*\d+\s*$/.test(value) || undefined;
    if (amt.points !== undefined) out.push({ kind, run, value: Math.abs(amt.points), line, item, bare: bareInt });
    else if (kind === 'penalty' && /なし|none/i.test(value)) out.push({ kind, run, value: 0, line });
    if (amt.count !== undefined) out.push({ kind: countKind, run, value: amt.count, line, capped: amt.capped, item });
  }
}
