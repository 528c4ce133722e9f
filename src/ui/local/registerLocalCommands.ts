import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { LocalInvokeCommand } from './invokeLocalCommand';
import { LocalEndpointCommand } from './localEndpointCommand';
import { CdkSynthCommand } from './cdkSynthCommand';

/** Run a workspace function locally, refresh the Local Functions view, serve the local Lambda Invoke API, synthesize a CDK app. */
export function registerLocalCommands({ workspace, extensionUri, commands }: UiDeps): vscode.Disposable[] {
  const invoke = new LocalInvokeCommand(workspace, extensionUri);
  const endpoint = new LocalEndpointCommand(workspace);
  const synth = new CdkSynthCommand(workspace);
  return [
    invoke,
    endpoint,
    synth,
    commands.register('serverlessExplorer.cdkSynth', (target?: unknown) => synth.run(target)),
    commands.register('serverlessExplorer.invokeLocal', (target?: unknown, options?: Parameters<LocalInvokeCommand['run']>[1]) => invoke.run(target, options)),
    commands.register('serverlessExplorer.refreshLocal', () => workspace.refresh()),
    commands.register('serverlessExplorer.startLocalEndpoint', () => endpoint.toggle()),
  ];
}
