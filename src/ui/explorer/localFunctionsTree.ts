import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { sdk } from '../sdk';
import { CONTEXT_VALUE } from './contextValues';

const FAMILY_COLOR: [RegExp, string][] = [
  [/^nodejs/, 'charts.green'],
  [/^python/, 'charts.blue'],
  [/^provided/, 'charts.purple'],
];

export class LocalFunctionItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.localFunction;

  constructor(readonly definition: LocalFunctionDefinition) {
    super(definition.name, vscode.TreeItemCollapsibleState.None);
    this.id = `local:${definition.templateFile ?? ''}:${definition.name}`;
    const where = vscode.workspace.asRelativePath(definition.codeDir);
    this.description = `${definition.runtime} · ${where}`;
    const color = FAMILY_COLOR.find(([re]) => re.test(definition.runtime))?.[1];
    this.iconPath = new vscode.ThemeIcon('symbol-function', color ? new vscode.ThemeColor(color) : undefined);
    const md = new vscode.MarkdownString(undefined, false);
    md.appendMarkdown('**').appendText(definition.name).appendMarkdown('**');
    for (const [name, value] of [
      ['Handler', definition.handler],
      ['Runtime', definition.runtime],
      ['Code', where],
      ['Timeout', `${definition.timeoutSeconds} s`],
      ['Memory', `${definition.memoryMb} MB`],
      ['Template', definition.templateFile ? vscode.workspace.asRelativePath(definition.templateFile) : undefined],
    ] as const) {
      if (value) md.appendMarkdown(`\n\n**${name}** `).appendText(value);
    }
    this.tooltip = md;
    const source = handlerFile(definition);
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

/** The `serverlessExplorer.local` view: functions of the SAM/CloudFormation templates in the workspace. */
export class LocalFunctionsTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items?: Promise<vscode.TreeItem[]>;

  refresh(): void {
    this.items = undefined;
    this.changed.fire(undefined);
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  getChildren(item?: vscode.TreeItem): Promise<vscode.TreeItem[]> | vscode.TreeItem[] {
    if (item) return [];
    this.items ??= this.read();
    return this.items;
  }

  /** Every function the view lists. */
  async functions(): Promise<LocalFunctionDefinition[]> {
    return (await this.getChildren()).flatMap((i) => (i instanceof LocalFunctionItem ? [i.definition] : []));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async read(): Promise<vscode.TreeItem[]> {
    const items: vscode.TreeItem[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const { functions, problems } = await sdk().readTemplates(folder.uri.fsPath);
      items.push(...functions.map((f) => new LocalFunctionItem(f)));
      items.push(...problems.map((p) => new LocalProblemItem(p.templateFile, p.logicalId ? `${p.logicalId}: ${p.message.replace(new RegExp(`^${p.logicalId}: `), '')}` : p.message)));
    }
    return items;
  }
}

function handlerFile(d: LocalFunctionDefinition): string | undefined {
  const module = d.handler.slice(0, d.handler.lastIndexOf('.'));
  const candidates = d.runtime.startsWith('python')
    ? [`${module}.py`]
    : d.runtime.startsWith('provided')
      ? ['bootstrap']
      : [`${module}.ts`, `${module}.js`, `${module}.mjs`, `${module}.cjs`];
  return candidates.map((c) => path.join(d.codeDir, c)).find((f) => fs.existsSync(f));
}
