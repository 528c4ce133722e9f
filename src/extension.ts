import * as vscode from 'vscode';
import { AwsExplorer } from './ui/explorer/awsExplorer';
import type { AwsNode } from './ui/explorer/nodes/awsNode';
import { LocalFunctionsTree } from './ui/explorer/localFunctionsTree';
import { LocalInvokeCommand } from './ui/commands/invokeLocalCommand';
import { LocalEndpointCommand } from './ui/commands/localEndpointCommand';
import { SampleEventsTree } from './ui/explorer/sampleEventsTree';
import { registerEventCommands } from './ui/commands/eventCommands';
import { invokeCommand } from './ui/commands/invokeCommand';
import type { InvokeOptions } from './ui/commands/invokeCommand';
import { InvokeResultPanel } from './ui/webviews/invokeResultPanel';
import { openAwsConfig } from './ui/commands/awsConfigCommands';
import { registerExplorerCommands } from './ui/commands/explorerCommands';
import { registerSelectionCommands } from './ui/commands/selectionCommands';
import { SelectionStatusBar } from './ui/selectionStatusBar';
import { settingsChanged } from './ui/settings';
import { DEBUG_TYPE, LambdaDebugProvider } from './ui/debug/lambdaDebugProvider';
import { LambdaDebugRuns } from './ui/debug/lambdaDebugRuns';
import { debugLocal } from './ui/commands/debugLocalCommand';
import { registerHandlerCodeLens } from './ui/codelens/handlerCodeLens';
import { registerMonitorCommands } from './ui/commands/monitorCommands';
import { MonitorPanel, registerMonitorSerializer } from './ui/webviews/monitorPanel';
import { registerFargateCommands } from './ui/commands/fargateCommands';
import type { DeploymentWatches } from './ui/commands/deploymentWatches';
import type { TaskFollower } from './ui/commands/taskFollower';

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

// Composition root: wire ui/ to core/ and nothing else. Nothing here touches the disk or the network, and
// the AWS SDK (dist/sdk.js) loads only when a view first needs it, so activation stays cheap.
export function activate(context: vscode.ExtensionContext): ServerlessExplorerApi {
  const awsExplorer = new AwsExplorer();
  const awsView = vscode.window.createTreeView('serverlessExplorer.aws', { treeDataProvider: awsExplorer, showCollapseAll: true });
  const statusBar = new SelectionStatusBar();
  const localTree = new LocalFunctionsTree();
  const localInvoke = new LocalInvokeCommand(localTree, context.extensionUri);
  const localEndpoint = new LocalEndpointCommand(localTree);
  const debugRuns = new LambdaDebugRuns(context.extensionUri);
  const debugProvider = new LambdaDebugProvider(debugRuns, localTree, vscode.Uri.joinPath(context.extensionUri, 'dist', 'runtimes').fsPath);
  const fargate = registerFargateCommands(awsExplorer, awsView);
  const templates = vscode.workspace.createFileSystemWatcher('**/*{template,Template}*.{yaml,yml,json}');
  templates.onDidChange(() => (localTree.refresh(), localInvoke.reset()));
  templates.onDidCreate(() => localTree.refresh());
  templates.onDidDelete(() => localTree.refresh());
  context.subscriptions.push(
    awsExplorer,
    awsView,
    statusBar,
    awsExplorer.onDidChangeSelection((selection) => statusBar.show(selection)),
    localTree,
    localInvoke,
    localEndpoint,
    templates,
    vscode.commands.registerCommand('serverlessExplorer.startLocalEndpoint', () => localEndpoint.toggle()),
    vscode.window.registerTreeDataProvider('serverlessExplorer.local', localTree),
    vscode.commands.registerCommand('serverlessExplorer.refreshLocal', () => localTree.refresh()),
    vscode.commands.registerCommand('serverlessExplorer.invokeLocal', (target?: unknown, options?: Parameters<LocalInvokeCommand['run']>[1]) => localInvoke.run(target, options)),
    debugRuns,
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, debugProvider),
    // Dynamic: every workspace function in the Run and Debug picker. A second object, so that resolving happens once.
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, { provideDebugConfigurations: (folder) => debugProvider.configurations(folder, true) }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.commands.registerCommand('serverlessExplorer.debugLocal', (target?: unknown) => debugLocal(localTree, target)),
    vscode.commands.registerCommand('serverlessExplorer.reinvoke', () => debugRuns.invokeAgain()),
    ...registerHandlerCodeLens({ localTree, explorer: awsExplorer }),
    vscode.window.registerTreeDataProvider('serverlessExplorer.events', new SampleEventsTree()),
    vscode.commands.registerCommand('serverlessExplorer.openAwsConfig', openAwsConfig),
    ...registerExplorerCommands(awsExplorer, awsView),
    ...registerSelectionCommands(),
    ...registerEventCommands(awsExplorer),
    ...registerMonitorCommands(awsExplorer, awsView, context.extensionUri),
    registerMonitorSerializer(awsExplorer, context.extensionUri),
    ...fargate.disposables,
    vscode.commands.registerCommand('serverlessExplorer.invoke', (target?: unknown, options?: InvokeOptions) => invokeCommand(awsExplorer, context.extensionUri, target, options)),
    savedEventsWatcher(awsExplorer),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (settingsChanged(e, 'awsTree')) awsExplorer.refresh();
      if (settingsChanged(e, 'localInvoker')) localInvoke.reset();
    }),
  );
  return {
    awsExplorer,
    awsView,
    invokeResult: () => InvokeResultPanel.current,
    localFunctions: localTree,
    lambdaDebug: debugRuns,
    debugConfigurations: (folder) => debugProvider.configurations(folder, true),
    monitors: () => MonitorPanel.all(),
    deployments: fargate.deployments,
    fargateTasks: () => fargate.tasks.all(),
  };
}

/** Saved test events can change outside the extension (git pull, an edit): re-read them when they do. */
function savedEventsWatcher(explorer: AwsExplorer): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.vscode/lambda-events/**/*.json');
  const refresh = () => explorer.refreshSavedEvents();
  watcher.onDidCreate(refresh);
  watcher.onDidDelete(refresh);
  return watcher;
}

export function deactivate(): void {}
