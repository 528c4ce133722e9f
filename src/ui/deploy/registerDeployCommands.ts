import type * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { deployCodeCommand, type DeployCodeOptions } from './deployCodeCommand';
import { editConfigurationCommand, type EditConfigurationOptions } from './editConfigurationCommand';

/** Deploy code to a deployed function (from its node or a Local Functions item), and edit its configuration. */
export function registerDeployCommands({ aws, workspace, commands }: UiDeps): vscode.Disposable[] {
  return [
    commands.register('serverlessExplorer.deployCode', (target?: unknown, options?: DeployCodeOptions) => deployCodeCommand(aws, workspace, target, options)),
    commands.register('serverlessExplorer.editConfiguration', (target?: unknown, options?: EditConfigurationOptions) => editConfigurationCommand(aws, target, options)),
  ];
}
