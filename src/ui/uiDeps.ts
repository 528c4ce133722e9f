import type * as vscode from 'vscode';
import type { AwsConnection } from './aws/awsConnection';
import type { AwsExplorer } from './explorer/awsExplorer';
import type { AwsNode } from './explorer/nodes/awsNode';
import type { WorkspaceFunctionsService } from './local/workspaceFunctionsService';

/** What every feature's registerXCommands(deps) gets from the composition root (src/extension.ts). */
export interface UiDeps {
  readonly extensionUri: vscode.Uri;
  /** Profiles, regions, the SDK and its clients: every command that talks to AWS asks this. */
  readonly aws: AwsConnection;
  /** The AWS view's tree, for commands that act on what it shows. */
  readonly explorer: AwsExplorer;
  readonly awsView: vscode.TreeView<AwsNode>;
  /** The workspace's functions and the local invoker they share. */
  readonly workspace: WorkspaceFunctionsService;
}
