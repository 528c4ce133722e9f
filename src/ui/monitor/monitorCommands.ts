import * as vscode from 'vscode';
import { FunctionNode } from '../explorer/nodes/lambdaNodes';
import { ServiceNode } from '../explorer/nodes/fargateNodes';
import { isMonitorTarget } from '../webviews/monitorMessages';
import type { MonitorTab, MonitorTarget } from '../webviews/monitorMessages';
import { MonitorPanel, registerMonitorSerializer } from './monitorPanel';
import type { UiDeps } from '../uiDeps';
import { pickMonitorTarget } from './pickMonitorTarget';

/** `openMonitor`, `showLogs`, `showMetrics`: on a function or service node, on the tree's selection, or picked. */
export function registerMonitorCommands({ aws, awsView, extensionUri }: UiDeps): vscode.Disposable[] {
  const open = (tab: MonitorTab) => async (target?: unknown) => {
    const chosen = monitorTargetOf(target) ?? monitorTargetOf(awsView.selection[0]) ?? (await pickMonitorTarget(aws));
    return chosen ? MonitorPanel.show(aws, extensionUri, chosen, tab) : undefined;
  };
  return [
    vscode.commands.registerCommand('serverlessExplorer.openMonitor', open('logs')),
    vscode.commands.registerCommand('serverlessExplorer.showLogs', open('logs')),
    vscode.commands.registerCommand('serverlessExplorer.showMetrics', open('metrics')),
    registerMonitorSerializer(aws, extensionUri),
  ];
}

/** A tree node, or a plain MonitorTarget (tests, keybindings, other extensions). */
export function monitorTargetOf(value: unknown): MonitorTarget | undefined {
  if (value instanceof FunctionNode) return { kind: 'lambda', profile: value.session.profile, region: value.session.region, functionName: value.fn.name };
  if (value instanceof ServiceNode) return { kind: 'fargate', profile: value.session.profile, region: value.session.region, cluster: value.clusterName, serviceName: value.service.name };
  return isMonitorTarget(value) ? value : undefined;
}
