import type * as vscode from 'vscode';
import { AwsConnection } from './aws/awsConnection';
import { registerAwsCommands } from './aws/registerAwsCommands';
import type * as ApiFeature from './api/registerApiCommands';
import type * as CodeLensFeature from './codelens/registerCodeLens';
import type * as DebugFeature from './debug/registerDebugCommands';
import type * as EventsFeature from './events/registerEventCommands';
import { AwsExplorer } from './explorer/awsExplorer';
import { LocalFunctionsTree } from './explorer/localFunctionsTree';
import { CdkSynthOffer } from './local/cdkSynthOffer';
import type { AwsNode } from './explorer/nodes/awsNode';
import { registerExplorerCommands } from './explorer/registerExplorerCommands';
import { SampleEventsTree } from './explorer/sampleEventsTree';
import type * as FargateFeature from './fargate/registerFargateCommands';
import type * as DeployFeature from './deploy/registerDeployCommands';
import { InvokeResultPanel } from './invoke/invokeResultPanel';
import type * as InvokeFeature from './invoke/registerInvokeCommands';
import type * as LinksFeature from './links/registerLinkCommands';
import type * as PullFeature from './pull/registerPullCommands';
import type * as LocalFeature from './local/registerLocalCommands';
import { WorkspaceFunctionsService } from './local/workspaceFunctionsService';
import type * as MonitorFeature from './monitor/registerMonitorCommands';
import type { CommandHandlers } from './shell/commandHandlers';
import type { FeatureName } from './shell/featureCommands';
import type { UiDeps } from './uiDeps';

// The ui as the shell (src/extension.ts) loads it, as dist/ui.js, the first time a view or command needs it: the two
// services, the three trees, and each feature (dist/ui-<feature>.js) loaded when one of its commands first runs.

/* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, synchronous loads of our own bundles */
const FEATURES = {
  aws: (deps: UiDeps) => registerAwsCommands(deps),
  explorer: (deps: UiDeps) => registerExplorerCommands(deps),
  events: (deps: UiDeps) => (require('./ui-events.js') as typeof EventsFeature).registerEventCommands(deps),
  invoke: (deps: UiDeps) => (require('./ui-invoke.js') as typeof InvokeFeature).registerInvokeCommands(deps),
  pull: (deps: UiDeps) => (require('./ui-pull.js') as typeof PullFeature).registerPullCommands(deps),
  local: (deps: UiDeps) => (require('./ui-local.js') as typeof LocalFeature).registerLocalCommands(deps),
  debug: (deps: UiDeps) => (require('./ui-debug.js') as typeof DebugFeature).registerDebugCommands(deps),
  api: (deps: UiDeps) => (require('./ui-api.js') as typeof ApiFeature).registerApiCommands(deps),
  codelens: (deps: UiDeps) => (require('./ui-codelens.js') as typeof CodeLensFeature).registerHandlerCodeLens(deps),
  monitor: (deps: UiDeps) => (require('./ui-monitor.js') as typeof MonitorFeature).registerMonitorCommands(deps),
  fargate: (deps: UiDeps) => (require('./ui-fargate.js') as typeof FargateFeature).registerFargateCommands(deps),
  links: (deps: UiDeps) => (require('./ui-links.js') as typeof LinksFeature).registerLinkCommands(deps),
  deploy: (deps: UiDeps) => (require('./ui-deploy.js') as typeof DeployFeature).registerDeployCommands(deps),
} satisfies Record<FeatureName | 'codelens', (deps: UiDeps) => vscode.Disposable[] | { readonly disposables: vscode.Disposable[] }>;
/* eslint-enable @typescript-eslint/no-require-imports */

export type Features = { readonly [N in keyof typeof FEATURES]: ReturnType<(typeof FEATURES)[N]> };

export interface ShellParts {
  readonly extensionUri: vscode.Uri;
  /** publisher.name (context.extension.id). */
  readonly extensionId: string;
  readonly awsView: vscode.TreeView<AwsNode>;
  readonly commands: CommandHandlers;
  /** Where what the ui creates is disposed with the extension. */
  readonly subscriptions: { push(...items: vscode.Disposable[]): unknown };
  /** Where local runs keep builds, unpacked archives and layers (in the extension's global storage). */
  readonly localCacheDir?: string;
}

export interface Ui {
  readonly deps: UiDeps;
  readonly localFunctions: LocalFunctionsTree;
  readonly sampleEvents: SampleEventsTree;
  /** A feature, loaded and registered the first time it is asked for. */
  feature<N extends keyof Features>(name: N): Features[N];
  invokeResult(): InvokeResultPanel | undefined;
}

export function createUi(shell: ShellParts): Ui {
  const aws = new AwsConnection();
  const workspace = new WorkspaceFunctionsService(shell.localCacheDir);
  const explorer = new AwsExplorer(aws);
  const synthOffer = new CdkSynthOffer();
  const localFunctions = new LocalFunctionsTree(workspace, (problems) => synthOffer.check(problems));
  const deps: UiDeps = { extensionUri: shell.extensionUri, extensionId: shell.extensionId, aws, explorer, awsView: shell.awsView, workspace, commands: shell.commands };
  shell.subscriptions.push(aws, workspace, explorer, localFunctions);
  const loaded = new Map<keyof Features, unknown>();
  const feature = <N extends keyof Features>(name: N): Features[N] => {
    if (!loaded.has(name)) {
      const registered = FEATURES[name](deps) as Features[N];
      loaded.set(name, registered);
      shell.subscriptions.push(...(Array.isArray(registered) ? registered : (registered as { disposables: vscode.Disposable[] }).disposables));
    }
    return loaded.get(name) as Features[N];
  };
  // What the AWS view needs is part of this bundle: registered now, so that its watchers run.
  feature('aws');
  feature('explorer');
  return { deps, localFunctions, sampleEvents: new SampleEventsTree(), feature, invokeResult: () => InvokeResultPanel.current };
}
