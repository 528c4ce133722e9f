import * as vscode from 'vscode';
import { setting } from '../settings';

/**
 * The modal question before changing a deployed function, as serverlessExplorer.confirmInvoke says: for what looks
 * like production (the default, saying why), always, or never.
 */
export async function confirmChange(question: string, production: string | undefined, action: string): Promise<boolean> {
  const mode = setting('confirmInvoke');
  if (mode === 'never' || (mode === 'production' && !production)) return true;
  const answer = await vscode.window.showWarningMessage(
    question,
    { modal: true, detail: production ? `It looks like production: ${production}. What runs there changes at once.` : 'serverlessExplorer.confirmInvoke is set to always.' },
    action,
  );
  return answer === action;
}
