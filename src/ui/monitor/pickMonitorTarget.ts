import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/awsConnection';
import type { MonitorTarget } from '../../shared/monitorMessages';
import { ecsSdk, lambdaSdk } from '../aws/sdk';

interface TargetItem extends vscode.QuickPickItem {
  readonly target?: MonitorTarget;
}

/** A picker over every Lambda function and Fargate service of the profiles and regions the explorer shows, as they load. */
export async function pickMonitorTarget(aws: AwsConnection): Promise<MonitorTarget | undefined> {
  const sessions = await aws.sessions();
  if (sessions.length === 0) {
    void vscode.window.showWarningMessage('No AWS profile is selected: open the Serverless Explorer AWS view to set one up.');
    return undefined;
  }
  const { clients } = aws;
  const quickPick = vscode.window.createQuickPick<TargetItem>();
  quickPick.title = 'Monitor which function or service?';
  quickPick.placeholder = 'Type to find a Lambda function or Fargate service';
  quickPick.matchOnDescription = true;
  quickPick.busy = true;
  const controller = new AbortController();
  const signal = controller.signal;
  const items: TargetItem[] = [];
  const failures: string[] = [];
  const add = (found: TargetItem[]) => {
    items.push(...found);
    items.sort((a, b) => a.label.localeCompare(b.label));
    quickPick.items = [...items];
  };
  const listing = Promise.all(
    sessions.flatMap((session) => {
      const where = `${session.profile} · ${session.region}`;
      const fail = (error: Error) => void failures.push(`${where}: ${error.message}`);
      const lambda = lambdaSdk().listFunctions(
          clients.client(lambdaSdk().LambdaClient, session),
          (fns) => add(fns.map((fn) => ({ label: `$(symbol-function) ${fn.name}`, description: `Lambda · ${where}`, target: { kind: 'lambda', ...session, functionName: fn.name } }))),
          signal,
        )
        .catch(fail);
      const ecs = clients.client(ecsSdk().ECSClient, session);
      const fargate = ecsSdk().listClusters(ecs, signal)
        .then((clusters) =>
          Promise.all(
            clusters.map((cluster) =>
              ecsSdk().listFargateServices(
                ecs,
                cluster.arn,
                (services) =>
                  add(services.map((s) => ({ label: `$(server-process) ${s.name}`, description: `Fargate · ${cluster.name} · ${where}`, target: { kind: 'fargate', ...session, cluster: cluster.name, serviceName: s.name } }))),
                signal,
              ),
            ),
          ),
        )
        .catch(fail);
      return [lambda, fargate];
    }),
  );
  void listing.then(() => {
    quickPick.busy = false;
    if (failures.length) quickPick.placeholder = `Some regions could not be listed (${failures.join('; ')})`;
    if (items.length === 0) quickPick.placeholder = 'No Lambda functions or Fargate services found in the selected profiles and regions';
  });
  quickPick.show();
  const choice = await new Promise<MonitorTarget | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.target));
    quickPick.onDidHide(() => resolve(undefined));
  });
  controller.abort();
  quickPick.dispose();
  return choice;
}
