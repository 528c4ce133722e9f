import * as vscode from 'vscode';

/** The commands that run code from the opened folder: off in Restricted Mode (package.json capabilities). */
export const WORKSPACE_CODE_COMMANDS: ReadonlySet<string> = new Set([
  'serverlessExplorer.invokeLocal',
  'serverlessExplorer.startLocalEndpoint',
  'serverlessExplorer.debugLocal',
  'serverlessExplorer.reinvoke',
  'serverlessExplorer.startLocalApi',
  'serverlessExplorer.debugLocalApi',
  'serverlessExplorer.openRouteInBrowser',
  'serverlessExplorer.sendApiRequest',
  'serverlessExplorer.cdkSynth',
]);

export const MANAGE_TRUST = 'Manage Workspace Trust';

export interface RestrictedModeRefusal {
  readonly status: 'refused';
  readonly message: string;
}

export function restrictedModeMessage(what: string): string {
  return `Restricted Mode: ${what} is off because it runs code from this folder, which you have not trusted. Trust the folder to turn it on.`;
}

/**
 * Undefined when the workspace is trusted; else shows why the action is off (without waiting for the user, so the
 * command returns at once) and returns the refusal.
 */
export function refuseInRestrictedMode(what: string): RestrictedModeRefusal | undefined {
  if (vscode.workspace.isTrusted) return undefined;
  const message = restrictedModeMessage(what);
  void vscode.window.showWarningMessage(message, MANAGE_TRUST).then((choice) => {
    if (choice === MANAGE_TRUST) void vscode.commands.executeCommand('workbench.trust.manage');
  });
  return { status: 'refused', message };
}

/** The user-facing name of what a workspace-code command does, for the refusal. */
export function describeWorkspaceCodeCommand(id: string): string {
  switch (id) {
    case 'serverlessExplorer.startLocalEndpoint':
      return 'the local Lambda endpoint';
    case 'serverlessExplorer.debugLocal':
      return 'Debug Locally';
    case 'serverlessExplorer.reinvoke':
      return 'Re-invoke';
    case 'serverlessExplorer.startLocalApi':
    case 'serverlessExplorer.openRouteInBrowser':
    case 'serverlessExplorer.sendApiRequest':
      return 'the local API';
    case 'serverlessExplorer.debugLocalApi':
      return 'Debug Local API';
    case 'serverlessExplorer.cdkSynth':
      return 'Run cdk synth';
    default:
      return 'Invoke Locally';
  }
}
