// Colours ○ △ × marks, P/B ids and grading tags — only in files the extension
// recognises (answer keys, review runs, reviews linked or paired with a key),
// never in other markdown. A TextMate injection cannot do that: a grammar sees
// scopes, never the file name. So the marks are semantic tokens, the VS Code
// mechanism for colouring that needs project knowledge; package.json maps each
// token type to the injection grammar's TextMate scope, so themes colour them
// as before. Big files (over MAX_CHARS) stay uncoloured: the scan runs on the
// extension host's thread.
import * as vscode from 'vscode';
import type { Services } from './service';
import { colourTokens, type ColourKind } from './colourTokens';
import type { GradingService } from './gradingService';
import { recordTiming } from './stats';

const KINDS: ColourKind[] = ['detected', 'partial', 'missed', 'problemId', 'bonusId', 'tagKeyword'];
/** token type ids as declared in package.json contributes.semanticTokenTypes */
const TYPES = [
  'reviewGraderDetected',
  'reviewGraderPartial',
  'reviewGraderMissed',
  'reviewGraderProblemId',
  'reviewGraderBonusId',
  'reviewGraderTagKeyword',
];
export const LEGEND = new vscode.SemanticTokensLegend(TYPES);
const MAX_CHARS = 2_000_000;

export function registerColouring(context: vscode.ExtensionContext, deps: Services): void {
  const provider = new ColourProvider(deps.grading, deps);
  context.subscriptions.push(
    provider,
    vscode.languages.registerDocumentSemanticTokensProvider({ language: 'markdown' }, provider, LEGEND),
    vscode.workspace.onDidCloseTextDocument((d) => provider.forget(d.uri)),
  );
}

class ColourProvider implements vscode.DocumentSemanticTokensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** a pairing or a settings change can make a file recognised (or not) */
  readonly onDidChangeSemanticTokens = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** whether each document was coloured when last asked */
  private readonly coloured = new Map<string, boolean>();

  constructor(
    private readonly service: GradingService,
    private readonly deps: Services,
  ) {
    // edits re-request tokens by themselves; ask again only when a file's recognition changed
    this.subscription = service.onDidChange(() => {
      const flipped = vscode.workspace.textDocuments.some((d) => {
        const was = this.coloured.get(d.uri.toString());
        return was !== undefined && was !== (service.kindOf(d) !== 'other');
      });
      if (flipped) this.changed.fire();
    });
  }

  forget(uri: vscode.Uri): void {
    this.coloured.delete(uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  provideDocumentSemanticTokens(doc: vscode.TextDocument, token: vscode.CancellationToken): vscode.SemanticTokens | undefined {
    const builder = new vscode.SemanticTokensBuilder(LEGEND);
    try {
      const recognised = this.service.kindOf(doc) !== 'other';
      this.coloured.set(doc.uri.toString(), recognised);
      if (!recognised || doc.getText().length > MAX_CHARS || token.isCancellationRequested) return builder.build();
      const started = performance.now();
      for (const t of colourTokens(doc.getText())) builder.push(t.line, t.start, t.length, KINDS.indexOf(t.kind));
      recordTiming('colouring', performance.now() - started);
    } catch (e) {
      this.deps.log.error('colouring', e);
    }
    return builder.build();
  }
}
