import type * as vscode from 'vscode';
import type { AwsConnection } from './aws/awsConnection';
import type { AwsExplorer } from './explorer/awsExplorer';
import type { AwsNode } from './explorer/nodes/awsNode';
import type { WorkspaceFunctionsService } from './local/workspaceFunctionsService';
import type { CommandHandlers } from './shell/commandHandlers';

/** What every feature's registerXCommands(deps) gets when it loads (src/ui/main.ts makes it). */
export interface UiDeps {
  readonly extensionUri: vscode.Uri;
  /** publisher.name of package.json: the authority of the extension's links. */
  readonly extensionId: string;
  /** Profiles, regions, the SDK and its clients: every command that talks to AWS asks this. */
  readonly aws: AwsConnection;
  /** The AWS view's tree, for commands that act on what it shows. */
  readonly explorer: AwsExplorer;
  readonly awsView: vscode.TreeView<AwsNode>;
  /** The workspace's functions and the local invoker they share. */
  readonly workspace: WorkspaceFunctionsService;
  /** Where a feature registers its command handlers: the shell registered the commands at activation. */
  readonly commands: CommandHandlers;
}
