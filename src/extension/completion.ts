// Completion inside a grading tag `<!-- grade: … -->` of a review: problem ids
// of the paired key (title as detail), bonus row ids, verdict marks and the
// words bonus / penalty. Only the key is parsed (cached), no grading.
import * as vscode from 'vscode';
import type { AnswerKey } from '../core/model';
import type { GradingService } from './gradingService';
import type { Logger, Services } from './service';

/** Text before the cursor ends inside an unclosed grade comment. */
const IN_TAG = /<!--\s*grade\s*:(?:(?!-->).)*$/i;

/** The marks with their verdict and credit, in the UI language (read when completing: the language is fixed by then). */
const marks = (): Array<[string, string]> => [
  ['○', vscode.l10n.t('detected (1)')],
  ['△', vscode.l10n.t('partial (0.5)')],
  ['×', vscode.l10n.t('missed (0)')],
];

export function registerCompletion(context: vscode.ExtensionContext, deps: Services): void {
  const provider = new TagCompletionProvider(deps.grading, deps.log);
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider, ':', ' ', ','));
}

export class TagCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly service: GradingService,
    private readonly log: Logger,
  ) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    const inTag = IN_TAG.exec(before);
    if (!inTag) return undefined;
    const key = await this.keyFor(doc);
    const inside = inTag[0];
    // What the user is typing: after "bonus" a row id, after a problem id a mark, else an id or a word.
    const afterProblem = /\bP\d+\s*$/i.test(inside);
    const afterBonus = /\bbonus\s*$/i.test(inside);
    const wordRange = doc.getWordRangeAtPosition(position, /[A-Za-z0-9]+/);
    const items: vscode.CompletionItem[] = [];
    const push = (label: string, kind: vscode.CompletionItemKind, detail: string, rank: number) => {
      const item = new vscode.CompletionItem(label, kind);
      item.detail = detail;
      item.sortText = `${rank}${label}`;
      if (wordRange) item.range = wordRange;
      items.push(item);
    };
    marks().forEach(([mark, detail], i) => push(mark, vscode.CompletionItemKind.Operator, detail, afterProblem ? 0 : 3 + i));
    for (const p of key?.problems ?? []) push(p.id, vscode.CompletionItemKind.EnumMember, p.title, afterProblem || afterBonus ? 5 : 1);
    for (const b of key?.bonus ?? []) push(b.id, vscode.CompletionItemKind.Value, b.text, afterBonus ? 0 : 4);
    push('bonus', vscode.CompletionItemKind.Keyword, vscode.l10n.t('an extra valid finding (+0.5)'), 2);
    push('penalty', vscode.CompletionItemKind.Keyword, vscode.l10n.t('out of scope or wrong (−0.5)'), 2);
    return items;
  }

  private async keyFor(doc: vscode.TextDocument): Promise<AnswerKey | undefined> {
    const uri = await this.service.keys.uriFor(doc);
    if (!uri) return undefined;
    try {
      return this.service.keyOf(await vscode.workspace.openTextDocument(uri));
    } catch (e) {
      this.log.error('completion: reading the key', e);
      return undefined;
    }
  }
}
