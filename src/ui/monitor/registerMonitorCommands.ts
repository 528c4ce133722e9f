import * as vscode from 'vscode';
import { FunctionNode } from '../explorer/nodes/lambdaNodes';
import { ServiceNode } from '../explorer/nodes/fargateNodes';
import { isMonitorTarget } from '../../shared/monitorMessages';
import type { HostMessage, MonitorTab, MonitorTarget } from '../../shared/monitorMessages';
import { MonitorPanel } from './monitorPanel';
import type { MonitorContext } from './monitorPanel';
import type { UiDeps } from '../uiDeps';
import { pickMonitorTarget } from './pickMonitorTarget';

export interface MonitorFeature {
  readonly disposables: vscode.Disposable[];
  /** Restores a panel after a window reload (the shell's webview serializer calls it). */
  readonly restore: (panel: vscode.WebviewPanel, state: unknown) => void;
  /** The open panels. */
  readonly panels: () => MonitorPanel[];
  /** Fires with every message a panel posts to its page (for other extensions, and the integration tests). */
  readonly onDidPost: vscode.Event<PostedMonitorMessage>;
}

export interface PostedMonitorMessage {
  readonly panel: MonitorPanel;
  readonly message: HostMessage;
}

/** `openMonitor`, `showLogs`, `showMetrics`: on a function or service node, on the tree's selection, or picked. */
export function registerMonitorCommands({ aws, awsView, extensionUri, commands, workspace, explorer }: UiDeps): MonitorFeature {
  const posted = new vscode.EventEmitter<PostedMonitorMessage>();
  const context: MonitorContext = { aws, extensionUri, onPost: (panel, message) => posted.fire({ panel, message }), replay: { aws, workspace, explorer } };
  const open = (tab: MonitorTab) => async (target?: unknown) => {
    const chosen = monitorTargetOf(target) ?? monitorTargetOf(awsView.selection[0]) ?? (await pickMonitorTarget(aws));
    return chosen ? MonitorPanel.show(context, chosen, tab) : undefined;
  };
  const disposables = [
    posted,
    commands.register('serverlessExplorer.openMonitor', open('logs')),
    commands.register('serverlessExplorer.showLogs', open('logs')),
    commands.register('serverlessExplorer.showMetrics', open('metrics')),
  ];
  return { disposables, restore: (panel, state) => void MonitorPanel.restore(context, panel, state), panels: () => MonitorPanel.all(), onDidPost: posted.event };
}

/** A tree node, or a plain MonitorTarget (tests, keybindings, other extensions). */
export function monitorTargetOf(value: unknown): MonitorTarget | undefined {
  if (value instanceof FunctionNode) return { kind: 'lambda', profile: value.session.profile, region: value.session.region, functionName: value.fn.name };
  if (value instanceof ServiceNode) return { kind: 'fargate', profile: value.session.profile, region: value.session.region, cluster: value.clusterName, serviceName: value.service.name };
  return isMonitorTarget(value) ? value : undefined;
}
