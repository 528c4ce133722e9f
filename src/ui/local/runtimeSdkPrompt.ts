import * as vscode from 'vscode';
import type { RuntimeSdkProvider } from '../../core/local/runtimeProvided/runtimeSdkProvider';

export const INSTALL = 'Install';
export const NOT_NOW = 'Not now';

/**
 * Before a function that imports part of the runtime's SDK its project lacks starts: asks once, then installs it with
 * progress that can be cancelled, and the run goes on. "Not now" refuses the run with the command to do it by hand.
 */
export const askToInstallRuntimeSdk: RuntimeSdkProvider = async (request) => {
  const list = request.packages.join(', ');
  // Not core's helper: a value import would pull the local runtime into the ui bundle, which loads it lazily.
  const them = request.packages.length > 1 ? 'them' : 'it';
  const choice = await vscode.window.showInformationMessage(
    `${request.functionName} imports ${list}, which Lambda provides: install ${them} into Serverless Explorer's runtime cache (npm, ~${request.estimatedMb} MB)?`,
    INSTALL,
    NOT_NOW,
  );
  if (choice !== INSTALL) return false;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Installing ${list}`, cancellable: true }, async (progress, token) => {
    const cancel = new AbortController();
    const subscription = token.onCancellationRequested(() => cancel.abort(new Error(`The install of ${list} was cancelled; run the function again to install it.`)));
    try {
      await request.install({ signal: cancel.signal, onProgress: (message) => progress.report({ message }) });
    } finally {
      subscription.dispose();
    }
  });
  return true;
};
