import * as vscode from 'vscode';
import { localSdk } from '../aws/sdk';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { CONTEXT_VALUE } from './contextValues';

/** A colour per runtime family; a family without one shows the plain icon. */
const FAMILY_COLOR: Readonly<Record<string, string>> = { node: 'charts.green', python: 'charts.blue', ruby: 'charts.red', provided: 'charts.purple' };

export class LocalFunctionItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.localFunction;

  constructor(readonly definition: LocalFunctionDefinition) {
    super(definition.name, vscode.TreeItemCollapsibleState.None);
    this.id = `local:${definition.origin?.file ?? ''}:${definition.name}`;
    const where = vscode.workspace.asRelativePath(definition.codeDir);
    this.description = `${definition.runtime} · ${where}`;
    const runtime = localSdk().localRuntime(definition.runtime);
    const color = runtime && FAMILY_COLOR[runtime.family];
    this.iconPath = new vscode.ThemeIcon('symbol-function', color ? new vscode.ThemeColor(color) : undefined);
    const md = new vscode.MarkdownString(undefined, false);
    md.appendMarkdown('**').appendText(definition.name).appendMarkdown('**');
    for (const [name, value] of [
      ['Handler', definition.handler],
      ['Runtime', definition.runtime],
      ['Code', where],
      ['Timeout', `${definition.timeoutSeconds} s`],
      ['Memory', `${definition.memoryMb} MB`],
      ['Template', definition.origin ? vscode.workspace.asRelativePath(definition.origin.file) : undefined],
    ] as const) {
      if (value) md.appendMarkdown(`\n\n**${name}** `).appendText(value);
    }
    this.tooltip = md;
    const source = runtime?.entryFile(definition);
    if (source) this.command = { title: 'Open Handler', command: 'vscode.open', arguments: [vscode.Uri.file(source)] };
  }
}

export class LocalProblemItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.localProblem;

  constructor(templateFile: string, message: string) {
    super(message, vscode.TreeItemCollapsibleState.None);
    this.description = vscode.workspace.asRelativePath(templateFile);
    this.tooltip = `${templateFile}\n${message}`;
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    this.command = { title: 'Open Template', command: 'vscode.open', arguments: [vscode.Uri.file(templateFile)] };
  }
}

/** The `serverlessExplorer.local` view: it renders the workspace's functions, and what keeps others from running. */
export class LocalFunctionsTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items?: Promise<vscode.TreeItem[]>;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly workspace: WorkspaceFunctionsService) {
    this.subscription = workspace.onDidChange(() => {
      this.items = undefined;
      this.changed.fire(undefined);
    });
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(item?: vscode.TreeItem): Promise<vscode.TreeItem[]> | vscode.TreeItem[] {
    if (item) return [];
    this.items ??= this.read();
    return this.items;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async read(): Promise<vscode.TreeItem[]> {
    const { functions, problems } = await this.workspace.read();
    return [...functions.map((f) => new LocalFunctionItem(f)), ...problems.map((p) => new LocalProblemItem(p.file, p.message))];
  }
}
