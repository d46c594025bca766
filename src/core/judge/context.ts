// One pass over a report's lines that records, for every line, which run and
// which problem the surrounding headings (or bold pseudo-headings and list
// items) put it under, and the pipe table it belongs to. The verdict and
// figure readers then look at one line at a time with this context.
import { isSeparatorRow, plain, problemIdsIn, runsIn, tableCells } from './text';

export interface LineContext {
  /** run the enclosing heading names; undefined = none or several */
  run?: number;
  /** problem the enclosing heading or list item names */
  problem?: string;
  heading?: { level: number; text: string };
  /** text of the nearest heading above (or on) this line */
  section?: string;
  /** set for data rows of a pipe table */
  table?: { header: string[]; cells: string[] };
}

interface Scope {
  level: number;
  value: number | string | undefined;
}

function push(stack: Scope[], level: number, value: number | string | undefined): void {
  while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
  stack.push({ level, value });
}
function top<T>(stack: Scope[]): T | undefined {
  return stack.length ? (stack[stack.length - 1].value as T | undefined) : undefined;
}

const PSEUDO_LEVEL = 7;

export function lineContexts(lines: string[], ids?: Set<string>): LineContext[] {
  const runStack: Scope[] = [];
  const probStack: Scope[] = [];
  let listProblem: { id: string; indent: number } | undefined;
  let header: string[] | undefined;
  let section: string | undefined;
  const out: LineContext[] = [];
  const known = (id: string) => !ids || ids.has(id);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const ctx: LineContext = {};
    const cells = tableCells(line);
    if (cells) {
      const next = tableCells(lines[i + 1] ?? '');
      if (next && isSeparatorRow(next) && !isSeparatorRow(cells)) header = cells;
      else if (header && !isSeparatorRow(cells)) ctx.table = { header, cells };
    } else {
      header = undefined;
    }

    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    const bold = !h && /^\s*\*\*[^*]+\*\*\s*[:：]?\s*$/.test(line) ? plain(line) : undefined;
    if (h || bold !== undefined) {
      const level = h ? h[1].length : PSEUDO_LEVEL;
      const text = h ? h[2] : (bold as string);
      const runs = runsIn(text);
      const probs = problemIdsIn(text)
        .map((p) => p.id)
        .filter(known);
      const distinct = [...new Set(probs)];
      // A pseudo-heading only scopes when it names a run or problem.
      if (h || runs.length) {
        if (runs.length) push(runStack, level, runs.length === 1 ? runs[0] : undefined);
        else while (runStack.length && runStack[runStack.length - 1].level >= level) runStack.pop();
      }
      if (h || distinct.length) {
        if (distinct.length) push(probStack, level, distinct.length === 1 ? distinct[0] : undefined);
        else while (probStack.length && probStack[probStack.length - 1].level >= level) probStack.pop();
      }
      section = text;
      if (h) {
        listProblem = undefined;
        ctx.heading = { level, text };
      }
    } else if (!cells) {
      // A list item or paragraph led by a problem id scopes the lines below it.
      const item = /^(\s*)(?:[-*+]|\d+[.)])?\s*(.*)$/.exec(line);
      if (item && item[2]) {
        const indent = item[1].length;
        const lead = problemIdsIn(plain(item[2]).slice(0, 4)).filter((p) => known(p.id));
        const isItem = /^\s*(?:[-*+]|\d+[.)])\s/.test(line);
        if (lead.length) listProblem = { id: lead[0].id, indent };
        else if (listProblem && indent <= listProblem.indent && (isItem || indent === 0)) listProblem = undefined;
      }
    }
    ctx.section = section;
    ctx.run = top<number>(runStack);
    ctx.problem = listProblem?.id ?? top<string>(probStack);
    out.push(ctx);
  }
  return out;
}
