import * as vscode from 'vscode';
import { AwsConnection } from './ui/aws/awsConnection';
import { registerAwsCommands } from './ui/aws/registerAwsCommands';
import { registerHandlerCodeLens } from './ui/codelens/handlerCodeLens';
import { registerDebugCommands } from './ui/debug/registerDebugCommands';
import type { LambdaDebugRuns } from './ui/debug/lambdaDebugRuns';
import { registerEventCommands } from './ui/events/eventCommands';
import { AwsExplorer } from './ui/explorer/awsExplorer';
import { registerExplorerCommands } from './ui/explorer/explorerCommands';
import { LocalFunctionsTree } from './ui/explorer/localFunctionsTree';
import type { AwsNode } from './ui/explorer/nodes/awsNode';
import { SampleEventsTree } from './ui/explorer/sampleEventsTree';
import type { DeploymentWatches } from './ui/fargate/deploymentWatches';
import { registerFargateCommands } from './ui/fargate/fargateCommands';
import type { TaskFollower } from './ui/fargate/taskFollower';
import { registerInvokeCommands } from './ui/invoke/registerInvokeCommands';
import { InvokeResultPanel } from './ui/invoke/invokeResultPanel';
import { registerLocalCommands } from './ui/local/registerLocalCommands';
import { WorkspaceFunctionsService } from './ui/local/workspaceFunctionsService';
import { registerMonitorCommands } from './ui/monitor/monitorCommands';
import { MonitorPanel } from './ui/monitor/monitorPanel';
import type { UiDeps } from './ui/uiDeps';

/** What activate() returns: used by the integration tests, and by other extensions if they wish. */
export interface ServerlessExplorerApi {
  readonly awsExplorer: AwsExplorer;
  readonly awsView: vscode.TreeView<AwsNode>;
  /** The invoke result view, if open. */
  readonly invokeResult: () => InvokeResultPanel | undefined;
  readonly localFunctions: LocalFunctionsTree;
  readonly lambdaDebug: LambdaDebugRuns;
  /** What the Run and Debug picker offers for a folder (aws-lambda-local's dynamic configurations). */
  readonly debugConfigurations: (folder: vscode.WorkspaceFolder | undefined) => Promise<vscode.DebugConfiguration[]>;
  /** The open Monitor panels. */
  readonly monitors: () => MonitorPanel[];
  /** The Fargate services whose deployment the tree follows after a scale, redeploy or stopped task. */
  readonly deployments: DeploymentWatches;
  /** The one-off Fargate tasks started with "Run Task with Event…" and followed, newest last. */
  readonly fargateTasks: () => readonly TaskFollower[];
}

// Composition root: the two services (the AWS connection, the workspace's functions), the views that render them,
// and each feature's registerXCommands(deps). Nothing here touches the disk or the network, and the AWS SDK
// (dist/sdk.js) loads only when a view or command first needs it.
export function activate(context: vscode.ExtensionContext): ServerlessExplorerApi {
  const aws = new AwsConnection();
  const workspace = new WorkspaceFunctionsService();
  const explorer = new AwsExplorer(aws);
  const awsView = vscode.window.createTreeView('serverlessExplorer.aws', { treeDataProvider: explorer, showCollapseAll: true });
  const localFunctions = new LocalFunctionsTree(workspace);
  const deps: UiDeps = { extensionUri: context.extensionUri, aws, explorer, awsView, workspace };
  const debug = registerDebugCommands(deps);
  const fargate = registerFargateCommands(deps);
  context.subscriptions.push(
    aws,
    workspace,
    explorer,
    awsView,
    localFunctions,
    vscode.window.registerTreeDataProvider('serverlessExplorer.local', localFunctions),
    vscode.window.registerTreeDataProvider('serverlessExplorer.events', new SampleEventsTree()),
    ...registerAwsCommands(deps),
    ...registerExplorerCommands(explorer, awsView),
    ...registerEventCommands(deps),
    ...registerInvokeCommands(deps),
    ...registerLocalCommands(deps),
    ...debug.disposables,
    ...registerHandlerCodeLens(deps),
    ...registerMonitorCommands(deps),
    ...fargate.disposables,
  );
  return {
    awsExplorer: explorer,
    awsView,
    invokeResult: () => InvokeResultPanel.current,
    localFunctions,
    lambdaDebug: debug.runs,
    debugConfigurations: debug.configurations,
    monitors: () => MonitorPanel.all(),
    deployments: fargate.deployments,
    fargateTasks: () => fargate.tasks.all(),
  };
}

export function deactivate(): void {}
