import * as vscode from 'vscode';
import { localSdk } from '../aws/sdk';
import { LocalProblemItem, LocalSourceItem } from '../explorer/localFunctionsTree';
import type { WorkspaceFunctionsService } from './workspaceFunctionsService';

/**
 * Serverless Explorer: Run cdk synth. It runs a CDK app's `cdk synth` (the project's own CDK CLI, else npx's) with
 * its output in an output channel, cancellable from its notification; the functions are read again when it ends.
 * Restricted Mode refuses it before it gets here (it runs the workspace's code).
 */
export class CdkSynthCommand implements vscode.Disposable {
  private output?: vscode.OutputChannel;
  private readonly running = new Set<string>();

  constructor(private readonly workspace: WorkspaceFunctionsService) {}

  /** `target`: an app folder (the offer's button), a problem or the AWS CDK group of the view; none: the palette asks. */
  async run(target?: unknown): Promise<void> {
    const appDir = await this.appDirOf(target);
    if (!appDir) return;
    const output = (this.output ??= vscode.window.createOutputChannel('Serverless Explorer: cdk synth'));
    output.show(true);
    if (this.running.has(appDir)) {
      void vscode.window.showInformationMessage(`cdk synth is already running in ${vscode.workspace.asRelativePath(appDir)}.`);
      return;
    }
    const synth = localSdk().cdkSynthCommand(appDir);
    if ('problem' in synth) {
      output.appendLine(synth.problem);
      void vscode.window.showErrorMessage(`Cannot run cdk synth: ${synth.problem}.`);
      return;
    }
    this.running.add(appDir);
    try {
      output.appendLine(`$ ${synth.commandLine}    (in ${appDir}; it runs the app of cdk.json: ${synth.app})`);
      const end = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `cdk synth in ${vscode.workspace.asRelativePath(appDir)}`, cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          const cancelled = token.onCancellationRequested(() => abort.abort());
          return localSdk()
            .runCdkSynth(synth, { output: (text) => output.append(text), signal: abort.signal })
            .finally(() => cancelled.dispose());
        },
      );
      if (end.cancelled) output.appendLine('cdk synth was cancelled: its processes were stopped.');
      else if (end.code === 0) output.appendLine('cdk synth finished.');
      else {
        const how = end.code === null ? `was stopped by ${end.signal}` : `exited with code ${end.code}`;
        output.appendLine(`cdk synth ${how}.`);
        void vscode.window.showErrorMessage(`cdk synth ${how}: see the output "Serverless Explorer: cdk synth" for why.`, 'Show Output').then((choice) => choice && output.show());
      }
    } finally {
      this.running.delete(appDir);
      // The file watcher sees cdk.out change too; reading now does not wait for it.
      this.workspace.refresh();
    }
  }

  dispose(): void {
    this.output?.dispose();
  }

  private async appDirOf(target: unknown): Promise<string | undefined> {
    if (typeof target === 'string') return target;
    if (target instanceof LocalProblemItem && target.synthApp) return target.synthApp;
    const { cdkAppDirOf } = localSdk();
    const dirs = new Set<string>();
    const add = (file: string) => {
      const dir = cdkAppDirOf(file);
      if (dir) dirs.add(dir);
    };
    if (target instanceof LocalSourceItem) {
      for (const problem of target.group.problems) if (problem.synthApp) dirs.add(problem.synthApp);
      for (const definition of target.group.functions) if (definition.origin) add(definition.origin.file);
    } else {
      const { functions, problems } = await this.workspace.read();
      for (const problem of problems) if (problem.synthApp) dirs.add(problem.synthApp);
      for (const definition of functions) if (definition.origin?.source === 'cdk') add(definition.origin.file);
    }
    if (dirs.size <= 1) {
      if (dirs.size === 0) void vscode.window.showInformationMessage('No AWS CDK app (a folder with a cdk.json) in the workspace to synthesize.');
      return [...dirs][0];
    }
    const picked = await vscode.window.showQuickPick(
      [...dirs].sort().map((dir) => ({ label: vscode.workspace.asRelativePath(dir), dir })),
      { title: 'Run cdk synth', placeHolder: 'The CDK app to synthesize' },
    );
    return picked?.dir;
  }
}
