import * as vscode from 'vscode';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { launchConfigurationFor } from './lambdaDebugProvider';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';

/**
 * `serverlessExplorer.debugLocal`: starts an `aws-lambda-local` session for a function of the Local Functions view,
 * a definition (CodeLens passes one), or one the user picks; the event is picked when the session starts.
 */
export async function debugLocal(workspace: WorkspaceFunctionsService, target?: unknown): Promise<boolean> {
  const definition = definitionOf(target) ?? (await pick(workspace));
  if (!definition) return false;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(definition.codeDir)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage('Debugging a Lambda function locally needs a folder: open the folder of your function or template.');
    return false;
  }
  return vscode.debug.startDebugging(folder, launchConfigurationFor(definition, folder.uri.fsPath));
}

function definitionOf(target: unknown): LocalFunctionDefinition | undefined {
  // A tree item (which carries a definition) or a definition itself; no instanceof, so that any caller's object works.
  const candidate = (target as { definition?: unknown } | undefined)?.definition ?? target;
  const d = candidate as Partial<LocalFunctionDefinition> | undefined;
  return d && typeof d.codeDir === 'string' && typeof d.handler === 'string' && typeof d.runtime === 'string' && typeof d.name === 'string' ? (d as LocalFunctionDefinition) : undefined;
}

async function pick(workspace: WorkspaceFunctionsService): Promise<LocalFunctionDefinition | undefined> {
  const functions = await workspace.functions();
  if (functions.length === 0) {
    void vscode.window.showInformationMessage('No functions found: add a SAM/CloudFormation template to the workspace, or use "Debug locally" above a handler.');
    return undefined;
  }
  const choice = await vscode.window.showQuickPick(
    functions.map((f) => ({ label: f.name, description: `${f.runtime} · ${vscode.workspace.asRelativePath(f.codeDir)}`, f })),
    { title: 'Debug which function?' },
  );
  return choice?.f;
}
