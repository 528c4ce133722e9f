import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { DeploymentWatches } from './deploymentWatches';
import { runTaskCommand } from './runTaskCommand';
import { SERVICE_DETAILS_SCHEME, ServiceDetailsDocuments, refreshServiceDetails, showServiceDetails } from './serviceDetailsDocuments';
import { redeployServiceCommand, scaleServiceCommand, stopTaskCommand } from './serviceOpsCommands';
import { TaskFollowers } from './taskFollowers';

/** What the Fargate commands keep: for the extension's API (tests) and disposal. */
export interface FargateCommands {
  readonly disposables: vscode.Disposable[];
  readonly deployments: DeploymentWatches;
  readonly tasks: TaskFollowers;
}

/** Run task, scale, redeploy, stop task, service details: on service and task nodes, or with plain arguments. */
export function registerFargateCommands({ aws, explorer, awsView }: UiDeps): FargateCommands {
  const deployments = new DeploymentWatches(aws, explorer);
  const tasks = new TaskFollowers();
  const documents = new ServiceDetailsDocuments(aws);
  const selection = () => awsView.selection;
  const disposables = [
    deployments,
    tasks,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(SERVICE_DETAILS_SCHEME, documents),
    vscode.commands.registerCommand('serverlessExplorer.runTask', (target?: unknown, options?: unknown) => runTaskCommand(aws, tasks, selection(), target, options)),
    vscode.commands.registerCommand('serverlessExplorer.scaleService', (target?: unknown, options?: unknown) => scaleServiceCommand(aws, deployments, selection(), target, options)),
    vscode.commands.registerCommand('serverlessExplorer.redeployService', (target?: unknown, options?: unknown) => redeployServiceCommand(aws, deployments, selection(), target, options)),
    vscode.commands.registerCommand('serverlessExplorer.stopTask', (target?: unknown, options?: unknown) => stopTaskCommand(aws, deployments, selection(), target, options)),
    vscode.commands.registerCommand('serverlessExplorer.showServiceDetails', (target?: unknown) => showServiceDetails(documents, selection(), target)),
    vscode.commands.registerCommand('serverlessExplorer.refreshServiceDetails', (uri?: unknown) => refreshServiceDetails(documents, uri)),
  ];
  return { disposables, deployments, tasks };
}
