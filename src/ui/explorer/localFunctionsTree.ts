import * as vscode from 'vscode';
import { localSdk } from '../aws/sdk';
import { apiKindLabel } from '../../core/local/api/apiLogLines';
import type { ApiRoute } from '../../core/local/api/apiRoute';
import type { SourceProblem } from '../../core/local/sources/functionSource';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { WorkspaceFunctionsService } from '../local/workspaceFunctionsService';
import { shownValue } from '../../core/lambda/secretValues';
import { CONTEXT_VALUE } from './contextValues';
import { groupBySource } from './sourceGroups';
import type { SourceGroup } from './sourceGroups';

/** The CDK source's kind (CDK_SOURCE), written out so that this bundle does not take in the CDK reader. */
const CDK_KIND = 'cdk';

/** A colour per runtime family; a family without one shows the plain icon. */
const FAMILY_COLOR: Readonly<Record<string, string>> = { node: 'charts.green', python: 'charts.blue', ruby: 'charts.red', provided: 'charts.purple' };

export class LocalFunctionItem extends vscode.TreeItem {
  override readonly contextValue = CONTEXT_VALUE.localFunction;

  /** @param routes the local API's routes it serves, shown under it. */
  constructor(
    readonly definition: LocalFunctionDefinition,
    readonly routes: readonly ApiRoute[] = [],
  ) {
    super(definition.name, routes.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    this.id = `local:${definition.origin?.file ?? ''}:${definition.name}`;
    const where = vscode.workspace.asRelativePath(definition.codeDir);
    this.description = `${definition.runtime} · ${where}`;
    const runtime = localSdk().localRuntime(definition.runtime);
    const color = runtime && FAMILY_COLOR[runtime.family];
    this.iconPath = new vscode.ThemeIcon('symbol-function', color ? new vscode.ThemeColor(color) : undefined);
    const md = new vscode.MarkdownString(undefined, false);
    md.appendMarkdown('**').appendText(definition.name).appendMarkdown('**');
    for (const [name, value] of [
      ['Name in AWS', definition.deployedName],
      ['Handler', definition.handler],
      ['Runtime', definition.runtime],
      ['Code', where],
      ['Timeout', `${definition.timeoutSeconds} s`],
      ['Memory', `${definition.memoryMb} MB`],
      ['Template', definition.origin ? vscode.workspace.asRelativePath(definition.origin.file) : undefined],
      ['Credentials', credentialsLabel(definition)],
    ] as const) {
      if (value) md.appendMarkdown(`\n\n**${name}** `).appendText(value);
    }
    const variables = Object.entries(definition.environment);
    if (variables.length > 0) {
      md.appendMarkdown('\n\n**Environment**');
      for (const [name, value] of variables.slice(0, MAX_SHOWN_VARIABLES)) md.appendMarkdown('\n\n').appendText(`${name} = ${shownValue(name, value)}`);
      if (variables.length > MAX_SHOWN_VARIABLES) md.appendMarkdown('\n\n').appendText(`… and ${variables.length - MAX_SHOWN_VARIABLES} more`);
    }
    this.tooltip = md;
    const source = runtime?.entryFile(definition);
    // A bundle cdk synth wrote (NodejsFunction) opens its source, found through its source map when clicked (resolveTreeItem).
    if (source && definition.origin?.source === CDK_KIND) this.bundledEntry = source;
    else if (source) this.command = openHandler(source);
  }

  /** The handler file of a CDK asset, whose TypeScript source the source map may name. */
  readonly bundledEntry?: string;

  /** Sets the click to open the handler's own source: the map's last source outside node_modules (esbuild writes the entry last), else the bundle. */
  async resolveHandler(): Promise<void> {
    if (this.command || !this.bundledEntry) return;
    const files = (await localSdk().handlerSources(this.definition).catch(() => undefined))?.files ?? [];
    const own = files.filter((file) => file !== this.bundledEntry && !file.split(/[\\/]/).includes('node_modules'));
    this.command = openHandler(own[own.length - 1] ?? this.bundledEntry);
  }
}

const MAX_SHOWN_VARIABLES = 20;

function credentialsLabel({ credentials }: LocalFunctionDefinition): string | undefined {
  if (!credentials) return undefined;
  return credentials.assumeRole ? `its execution role ${credentials.assumeRole}, assumed with profile ${credentials.profile}` : `profile ${credentials.profile}`;
}

const openHandler = (file: string): vscode.Command => ({ title: 'Open Handler', command: 'vscode.open', arguments: [vscode.Uri.file(file)] });

/** A route of the local API under the function that serves it: "GET /hello", its kind of API and payload version. */
export class LocalRouteItem extends vscode.TreeItem {
  override readonly contextValue: string;

  constructor(
    readonly route: ApiRoute,
    parent: LocalFunctionItem,
  ) {
    super(`${route.method} ${route.path}`, vscode.TreeItemCollapsibleState.None);
    this.contextValue = opensInBrowser(route) ? CONTEXT_VALUE.localRouteGet : CONTEXT_VALUE.localRoute;
    this.id = `${parent.id}:route:${route.apiId}:${route.method} ${route.path}`;
    this.description = `${apiKindLabel(route)} · payload ${route.payloadVersion}`;
    this.iconPath = new vscode.ThemeIcon('globe');
    const md = new vscode.MarkdownString(undefined, false);
    md.appendMarkdown('**').appendText(`${route.method} ${route.path}`).appendMarkdown('** → ').appendText(route.functionName);
    md.appendMarkdown('\n\n').appendText(`${apiKindLabel(route)} API ${route.apiId}, payload ${route.payloadVersion}${route.authorizer ? `, authorizer ${route.authorizer}` : ''}`);
    md.appendMarkdown('\n\n').appendText(`${opensInBrowser(route) ? 'Open in Browser or ' : ''}Send Request… (the local API starts if it is not running).`);
    this.tooltip = md;
  }
}

/** What a browser can open: a route that answers GET. */
function opensInBrowser(route: ApiRoute): boolean {
  return route.method === 'GET' || route.method === 'ANY';
}

export class LocalProblemItem extends vscode.TreeItem {
  override readonly contextValue: string;

  constructor(
    templateFile: string,
    message: string,
    /** The CDK app whose `cdk synth` fixes it. */
    readonly synthApp?: string,
  ) {
    super(message, vscode.TreeItemCollapsibleState.None);
    this.contextValue = synthApp ? CONTEXT_VALUE.localProblemCdkSynth : CONTEXT_VALUE.localProblem;
    this.description = vscode.workspace.asRelativePath(templateFile);
    this.tooltip = `${templateFile}\n${message}`;
    this.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    this.command = { title: 'Open Template', command: 'vscode.open', arguments: [vscode.Uri.file(templateFile)] };
  }
}

/** A kind of project (SAM, AWS CDK…), when the workspace has several: its functions and problems under it. */
export class LocalSourceItem extends vscode.TreeItem {
  override readonly contextValue: string;

  constructor(
    readonly group: SourceGroup,
    readonly children: readonly vscode.TreeItem[],
  ) {
    super(group.title, vscode.TreeItemCollapsibleState.Expanded);
    this.contextValue = group.kind === CDK_KIND ? CONTEXT_VALUE.localSourceCdk : CONTEXT_VALUE.localSource;
    this.id = `local-source:${group.kind}`;
    const count = group.functions.length;
    this.description = `${count} function${count === 1 ? '' : 's'}${group.problems.length > 0 ? ` · ${group.problems.length} problem${group.problems.length === 1 ? '' : 's'}` : ''}`;
    this.iconPath = new vscode.ThemeIcon('folder-library');
  }
}

/** The `serverlessExplorer.local` view: it renders the workspace's functions, and what keeps others from running. */
export class LocalFunctionsTree implements vscode.TreeDataProvider<vscode.TreeItem>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items?: Promise<vscode.TreeItem[]>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly workspace: WorkspaceFunctionsService,
    /** Told each read's problems: what offers `cdk synth` for a CDK app without a current cdk.out. */
    private readonly onProblems: (problems: readonly SourceProblem[]) => void = () => undefined,
  ) {
    this.subscription = workspace.onDidChange(() => {
      this.items = undefined;
      this.changed.fire(undefined);
    });
  }

  getTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    return item;
  }

  /** VS Code asks on a click for a command the item does not have yet: a CDK bundle's source is looked up then. */
  async resolveTreeItem(item: vscode.TreeItem): Promise<vscode.TreeItem> {
    if (item instanceof LocalFunctionItem) await item.resolveHandler();
    return item;
  }

  getChildren(item?: vscode.TreeItem): Promise<vscode.TreeItem[]> | vscode.TreeItem[] {
    if (item instanceof LocalFunctionItem) return item.routes.map((route) => new LocalRouteItem(route, item));
    if (item instanceof LocalSourceItem) return [...item.children];
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
    this.onProblems(problems);
    // Routes are not worth losing the functions for: a template the API part cannot read shows its functions alone.
    const routes = (await this.workspace.apiSite().catch(() => undefined))?.routes ?? [];
    const items = (group: Pick<SourceGroup, 'functions' | 'problems'>) => [
      ...group.functions.map((f) => new LocalFunctionItem(f, f.origin ? routes.filter((r) => r.functionName === f.name) : [])),
      ...group.problems.map((p) => new LocalProblemItem(p.file, p.message, p.synthApp)),
    ];
    const { sourceKinds, sourceOfFile } = localSdk();
    const groups = groupBySource(sourceKinds(), functions, problems, (file) => sourceOfFile(file).kind);
    return groups.length > 1 ? groups.map((group) => new LocalSourceItem(group, items(group))) : items({ functions, problems });
  }
}
