// Every contributed command must be registered once the extension is active.
import * as vscode from 'vscode';
import { extension, ok } from './helpers';

suite('commands', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('the manifest contributes reviewGrader.pairWithKey', () => {
    const commands: Array<{ command: string }> = extension().packageJSON.contributes.commands;
    ok(
      commands.some((c) => c.command === 'reviewGrader.pairWithKey'),
      'pairWithKey missing from contributes.commands',
    );
  });

  test('the command list contains reviewGrader.pairWithKey', async () => {
    const all = await vscode.commands.getCommands(true);
    ok(all.includes('reviewGrader.pairWithKey'), 'reviewGrader.pairWithKey is not registered');
  });

  test('every contributed command is registered', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const contributed: Array<{ command: string }> = extension().packageJSON.contributes.commands;
    const missing = contributed.map((c) => c.command).filter((id) => !all.has(id));
    ok(missing.length === 0, `contributed but not registered: ${missing.join(', ')}`);
  });
});
