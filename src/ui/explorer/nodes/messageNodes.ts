import * as vscode from 'vscode';
import type { AwsProblem } from '../../../core/aws/errors';
import { CONTEXT_VALUE } from '../contextValues';
import { AwsNode } from './awsNode';

/** An informational leaf: "No functions", "Loading…". */
export class MessageNode extends AwsNode {
  override readonly contextValue = CONTEXT_VALUE.message;

  constructor(id: string, label: string, icon = 'info', tooltip?: string, command?: vscode.Command) {
    super(id, label, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon(icon);
    this.tooltip = tooltip;
    this.command = command;
  }
}

export class LoadingNode extends MessageNode {
  constructor(id: string, label: string) {
    super(id, label, 'loading~spin');
  }
}

/** A failure shown where it happened; clicking it (or its Retry action) reloads `retryTarget`. */
export class ErrorNode extends AwsNode {
  override readonly contextValue = CONTEXT_VALUE.error;

  constructor(
    id: string,
    readonly problem: AwsProblem,
    readonly retryTarget: AwsNode | undefined,
  ) {
    super(id, problem.title, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    this.description = problem.kind === 'sso-expired' ? 'run aws sso login, then click to retry' : 'click to retry';
    this.tooltip = problem.detail;
    this.command = { title: 'Retry', command: 'serverlessExplorer.retry', arguments: [this] };
  }
}

/** A settings or config problem, with the action that fixes it. */
export class WarningNode extends AwsNode {
  override readonly contextValue = CONTEXT_VALUE.warning;

  constructor(id: string, label: string, detail: string, command?: vscode.Command) {
    super(id, label, vscode.TreeItemCollapsibleState.None);
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    this.tooltip = detail;
    this.description = command?.title;
    this.command = command;
  }
}
