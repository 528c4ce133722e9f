import * as vscode from 'vscode';
import type { AwsExplorer } from '../explorer/awsExplorer';
import type { AwsNode } from '../explorer/nodes/awsNode';
import { FunctionNode } from '../explorer/nodes/lambdaNodes';
import { ServiceNode } from '../explorer/nodes/fargateNodes';
import { isMonitorTarget } from '../../shared/monitorMessages';
import type { MonitorTab, MonitorTarget } from '../../shared/monitorMessages';
import { MonitorPanel } from '../webviews/monitorPanel';
import { pickMonitorTarget } from './pickMonitorTarget';

/** `openMonitor`, `showLogs`, `showMetrics`: on a function or service node, on the tree's selection, or picked. */
export function registerMonitorCommands(explorer: AwsExplorer, view: vscode.TreeView<AwsNode>, extensionUri: vscode.Uri): vscode.Disposable[] {
  const open = (tab: MonitorTab) => async (target?: unknown) => {
    const chosen = monitorTargetOf(target) ?? monitorTargetOf(view.selection[0]) ?? (await pickMonitorTarget(explorer));
    return chosen ? MonitorPanel.show(explorer, extensionUri, chosen, tab) : undefined;
  };
  return [
    vscode.commands.registerCommand('serverlessExplorer.openMonitor', open('logs')),
    vscode.commands.registerCommand('serverlessExplorer.showLogs', open('logs')),
    vscode.commands.registerCommand('serverlessExplorer.showMetrics', open('metrics')),
  ];
}

/** A tree node, or a plain MonitorTarget (tests, keybindings, other extensions). */
export function monitorTargetOf(value: unknown): MonitorTarget | undefined {
  if (value instanceof FunctionNode) return { kind: 'lambda', profile: value.session.profile, region: value.session.region, functionName: value.fn.name };
  if (value instanceof ServiceNode) return { kind: 'fargate', profile: value.session.profile, region: value.session.region, cluster: value.clusterName, serviceName: value.service.name };
  return isMonitorTarget(value) ? value : undefined;
}
