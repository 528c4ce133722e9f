import * as vscode from 'vscode';
import type { SourceProblem } from '../../core/local/sources/functionSource';

export const RUN_CDK_SYNTH = 'Run cdk synth';
const NOT_NOW = 'Not now';

/**
 * Offers `cdk synth` when a read of the Local Functions view finds a CDK app without a current cdk.out: once per app
 * folder per session, never in Restricted Mode (it runs the app), and never without the user's click.
 */
export class CdkSynthOffer {
  private readonly offered = new Set<string>();

  check(problems: readonly SourceProblem[]): void {
    if (!vscode.workspace.isTrusted) return;
    for (const problem of problems) {
      const appDir = problem.synthApp;
      if (!appDir || this.offered.has(appDir)) continue;
      this.offered.add(appDir);
      const where = vscode.workspace.asRelativePath(appDir);
      void vscode.window.showInformationMessage(`AWS CDK app ${where === appDir ? appDir : `"${where}"`}: ${problem.message}.`, RUN_CDK_SYNTH, NOT_NOW).then((choice) => {
        if (choice === RUN_CDK_SYNTH) void vscode.commands.executeCommand('serverlessExplorer.cdkSynth', appDir);
      });
    }
  }
}
