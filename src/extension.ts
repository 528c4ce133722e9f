import * as path from 'node:path';
import * as vscode from 'vscode';
import { DEBUG_TYPE } from './ui/debug/debugType';
import type { LambdaDebugRuns } from './ui/debug/lambdaDebugRuns';
import type { LocalApiController } from './ui/api/localApiController';
import type { AwsExplorer } from './ui/explorer/awsExplorer';
import type { LocalFunctionsTree } from './ui/explorer/localFunctionsTree';
import type { AwsNode } from './ui/explorer/nodes/awsNode';
import type { DeploymentWatches } from './ui/fargate/deploymentWatches';
import type { LinkOutcome } from './ui/links/linkOutcome';
import { SERVICE_DETAILS_SCHEME } from './ui/fargate/serviceDetailsScheme';
import type { TaskFollower } from './ui/fargate/taskFollower';
import type { InvokeResultPanel } from './ui/invoke/invokeResultPanel';
import type * as UiModule from './ui/main';
import type { MonitorPanel } from './ui/monitor/monitorPanel';
import { MONITOR_VIEW_TYPE } from './ui/monitor/monitorViewType';
import type { PostedMonitorMessage } from './ui/monitor/registerMonitorCommands';
import { createBundleLoader } from './ui/shell/bundleLoader';
import { CommandHandlers } from './ui/shell/commandHandlers';
import { FEATURE_COMMANDS } from './ui/shell/featureCommands';
import type { FeatureName } from './ui/shell/featureCommands';
import { HANDLER_LANGUAGE_IDS } from './ui/shell/handlerLanguages';
import { LazyTreeDataProvider } from './ui/shell/lazyTreeDataProvider';
import { describeWorkspaceCodeCommand, refuseInRestrictedMode, WORKSPACE_CODE_COMMANDS } from './ui/shell/workspaceTrust';

/** What activate() returns: used by the integration tests, and by other extensions if they wish. */
export interface ServerlessExplorerApi {
  readonly awsExplorer: AwsExplorer;
  readonly awsView: vscode.TreeView<AwsNode>;
  /** The invoke result view, if open. */
  readonly invokeResult: () => InvokeResultPanel | undefined;
  readonly localFunctions: LocalFunctionsTree;
  readonly lambdaDebug: LambdaDebugRuns;
  /** The local HTTP API (Start/Debug Local API): its URL, mode and log. */
  readonly localApi: LocalApiController;
  /** What the Run and Debug picker offers for a folder (aws-lambda-local's dynamic configurations). */
  readonly debugConfigurations: (folder: vscode.WorkspaceFolder | undefined) => Promise<vscode.DebugConfiguration[]>;
  /** The open Monitor panels. */
  readonly monitors: () => MonitorPanel[];
  /** Every message a Monitor panel posts to its page. */
  readonly onDidPostMonitorMessage: vscode.Event<PostedMonitorMessage>;
  /** The Fargate services whose deployment the tree follows after a scale, redeploy or stopped task. */
  readonly deployments: DeploymentWatches;
  /** The one-off Fargate tasks started with "Run Task with Event…" and followed, newest last. */
  readonly fargateTasks: () => readonly TaskFollower[];
  /** What became of each function link (<scheme>://<extension id>/function?…) the URI handler was given. */
  readonly onDidOpenLink: vscode.Event<LinkOutcome>;
}

// The shell: it registers the views, every command, the debug type, the CodeLens, the webview serializer and the
// document provider with thin handlers, and loads what is behind them (dist/ui.js, then each feature's bundle,
// then the SDK's, through ui/shell/bundleLoader.ts) the first time one is used. Nothing here reads a file or the network.
export function activate(context: vscode.ExtensionContext): ServerlessExplorerApi {
  const commands = new CommandHandlers();
  let loaded: UiModule.Ui | undefined;
  const awsTree = new LazyTreeDataProvider<AwsNode>(() => ui().deps.explorer);
  const localTree = new LazyTreeDataProvider<vscode.TreeItem>(() => ui().localFunctions);
  const eventsTree = new LazyTreeDataProvider<vscode.TreeItem>(() => ui().sampleEvents);
  const awsView = vscode.window.createTreeView('serverlessExplorer.aws', { treeDataProvider: awsTree, showCollapseAll: true });
  const storage = context.globalStorageUri;
  const bundles = createBundleLoader({
    dir: __dirname,
    cacheDir: storage.scheme === 'file' ? path.join(storage.fsPath, 'code-cache') : undefined,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundles' 'vscode' and node:* come from here
    hostRequire: (id) => require(id),
  });
  const ui = (): UiModule.Ui => {
    loaded ??= (bundles.load('ui.js') as typeof UiModule).createUi({
      extensionUri: context.extensionUri,
      extensionId: context.extension.id,
      awsView,
      commands,
      subscriptions: context.subscriptions,
      localCacheDir: storage.scheme === 'file' ? path.join(storage.fsPath, 'local') : undefined,
    });
    return loaded;
  };
  const feature = <N extends keyof UiModule.Features>(name: N) => ui().feature(name);

  // None in Restricted Mode: the Run and Debug picker would offer what cannot start.
  const debugConfigurations = async (folder: vscode.WorkspaceFolder | undefined) => (vscode.workspace.isTrusted ? feature('debug').configurations(folder) : []);

  const codeLensChanged = new vscode.EventEmitter<void>();
  let codeLensSubscription: vscode.Disposable | undefined;
  const codeLens = () => {
    const { provider } = feature('codelens');
    codeLensSubscription ??= provider.onDidChangeCodeLenses(() => codeLensChanged.fire());
    return provider;
  };
  const detailsChanged = new vscode.EventEmitter<vscode.Uri>();
  let detailsSubscription: vscode.Disposable | undefined;
  const serviceDetails = () => {
    const { documents } = feature('fargate');
    detailsSubscription ??= documents.onDidChange((uri) => detailsChanged.fire(uri));
    return documents;
  };

  context.subscriptions.push(
    awsTree,
    localTree,
    eventsTree,
    awsView,
    vscode.window.registerTreeDataProvider('serverlessExplorer.local', localTree),
    vscode.window.registerTreeDataProvider('serverlessExplorer.events', eventsTree),
    ...Object.entries(FEATURE_COMMANDS).flatMap(([name, ids]) =>
      ids.map((id) =>
        vscode.commands.registerCommand(id, (...args: unknown[]) => {
          // The one gate for every entry point (palette, menus, CodeLens, the result view's buttons): Restricted Mode.
          if (WORKSPACE_CODE_COMMANDS.has(id)) {
            const refusal = refuseInRestrictedMode(describeWorkspaceCodeCommand(id));
            if (refusal) return refusal;
          }
          feature(name as FeatureName);
          const handler = commands.get(id);
          if (!handler) throw new Error(`${id}: the ${name} feature registered no handler for it`);
          return handler(...args);
        }),
      ),
    ),
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, {
      provideDebugConfigurations: (folder) => feature('debug').provider.provideDebugConfigurations(folder),
      // Undefined stops the launch: no session starts in Restricted Mode. "api": true is Debug Local API.
      resolveDebugConfiguration: (folder, configuration) => {
        const api = configuration.api === true;
        if (refuseInRestrictedMode(api ? 'Debug Local API' : 'Debug Locally')) return undefined;
        return api ? feature('api').resolveDebugConfiguration(folder, configuration) : feature('debug').provider.resolveDebugConfiguration(folder, configuration);
      },
    }),
    // Only Debug Local API's session keeps the type: every other configuration resolves into the language's debugger.
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, { createDebugAdapterDescriptor: (session) => feature('api').debugAdapter(session) }),
    // Dynamic: every workspace function in the Run and Debug picker. A second object, so that resolving happens once.
    vscode.debug.registerDebugConfigurationProvider(DEBUG_TYPE, { provideDebugConfigurations: debugConfigurations }, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    codeLensChanged,
    { dispose: () => codeLensSubscription?.dispose() },
    vscode.languages.registerCodeLensProvider(
      HANDLER_LANGUAGE_IDS.map((language) => ({ language, scheme: 'file' })),
      {
        onDidChangeCodeLenses: codeLensChanged.event,
        // None in Restricted Mode: the lenses run the handler; the Local Functions view says why they are off.
        provideCodeLenses: (document, token) => (vscode.workspace.isTrusted ? codeLens().provideCodeLenses(document, token) : []),
      },
    ),
    vscode.workspace.onDidGrantWorkspaceTrust(() => codeLensChanged.fire()),
    vscode.window.registerWebviewPanelSerializer(MONITOR_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => feature('monitor').restore(panel, state) }),
    detailsChanged,
    { dispose: () => detailsSubscription?.dispose() },
    // Function links only reveal a node and offer actions, so they work in Restricted Mode too.
    vscode.window.registerUriHandler({ handleUri: (uri) => void feature('links').handleUri(uri) }),
    vscode.workspace.registerTextDocumentContentProvider(SERVICE_DETAILS_SCHEME, {
      onDidChange: detailsChanged.event,
      provideTextDocumentContent: (uri, token) => serviceDetails().provideTextDocumentContent(uri, token),
    }),
  );

  return {
    get awsExplorer() {
      return ui().deps.explorer;
    },
    awsView,
    invokeResult: () => loaded?.invokeResult(),
    get localFunctions() {
      return ui().localFunctions;
    },
    get lambdaDebug() {
      return feature('debug').runs;
    },
    get localApi() {
      return feature('api').controller;
    },
    debugConfigurations,
    monitors: () => feature('monitor').panels(),
    onDidPostMonitorMessage: (listener, thisArgs, disposables) => feature('monitor').onDidPost(listener, thisArgs, disposables),
    get deployments() {
      return feature('fargate').deployments;
    },
    fargateTasks: () => feature('fargate').tasks.all(),
    onDidOpenLink: (listener, thisArgs, disposables) => feature('links').onDidOpen(listener, thisArgs, disposables),
  };
}

export function deactivate(): void {}
