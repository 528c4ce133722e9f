import * as vscode from 'vscode';
import type { UiDeps } from '../uiDeps';
import { DeploymentWatches } from './deploymentWatches';
import { runTaskCommand } from './runTaskCommand';
import { ServiceDetailsDocuments, refreshServiceDetails, showServiceDetails } from './serviceDetailsDocuments';
import { redeployServiceCommand, scaleServiceCommand, stopTaskCommand } from './serviceOpsCommands';
import { TaskFollowers } from './taskFollowers';

/** What the Fargate commands keep: for the extension's API (tests), the service details documents, and disposal. */
export interface FargateCommands {
  readonly disposables: vscode.Disposable[];
  readonly deployments: DeploymentWatches;
  readonly tasks: TaskFollowers;
  /** The content of `serverless-explorer-service:` documents (the shell registers the provider). */
  readonly documents: ServiceDetailsDocuments;
}

/** Run task, scale, redeploy, stop task, service details: on service and task nodes, or with plain arguments. */
export function registerFargateCommands({ aws, explorer, awsView, commands }: UiDeps): FargateCommands {
  const deployments = new DeploymentWatches(aws, explorer);
  const tasks = new TaskFollowers();
  const documents = new ServiceDetailsDocuments(aws);
  const selection = () => awsView.selection;
  const disposables = [
    deployments,
    tasks,
    documents,
    commands.register('serverlessExplorer.runTask', (target?: unknown, options?: unknown) => runTaskCommand(aws, tasks, selection(), target, options)),
    commands.register('serverlessExplorer.scaleService', (target?: unknown, options?: unknown) => scaleServiceCommand(aws, deployments, selection(), target, options)),
    commands.register('serverlessExplorer.redeployService', (target?: unknown, options?: unknown) => redeployServiceCommand(aws, deployments, selection(), target, options)),
    commands.register('serverlessExplorer.stopTask', (target?: unknown, options?: unknown) => stopTaskCommand(aws, deployments, selection(), target, options)),
    commands.register('serverlessExplorer.showServiceDetails', (target?: unknown) => showServiceDetails(documents, selection(), target)),
    commands.register('serverlessExplorer.refreshServiceDetails', (uri?: unknown) => refreshServiceDetails(documents, uri)),
  ];
  return { disposables, deployments, tasks, documents };
}
