import * as vscode from 'vscode';
import { consoleUrl } from '../../../core/aws/console';
import { describeAwsError } from '../../../core/aws/errors';
import type { AwsSession } from '../../../core/aws/sessions';
import { bytes, count, timeAgo } from '../../../core/format';
import { listSavedEvents } from '../../../core/events/savedEvents';
import type { SavedEvent } from '../../../core/events/savedEvents';
import type { LambdaAlias, LambdaFunction, LambdaTrigger, RuntimeFamily } from '../../../core/lambda/functions';
import { CONTEXT_VALUE } from '../contextValues';
import type { ContextValue } from '../contextValues';
import { matchesFilter } from '../explorerContext';
import type { ExplorerContext } from '../explorerContext';
import { SessionNode } from './awsNode';
import type { AwsNode } from './awsNode';
import { ErrorNode, LoadingNode, MessageNode } from './messageNodes';
import { loadChildren } from './sessionLoad';
import { lambdaSdk } from '../../aws/sdk';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const None = vscode.TreeItemCollapsibleState.None;

const FAMILY_ICON: Record<RuntimeFamily, [icon: string, color?: string]> = {
  node: ['symbol-function', 'charts.green'],
  python: ['symbol-function', 'charts.blue'],
  java: ['symbol-function', 'charts.orange'],
  dotnet: ['symbol-function', 'charts.purple'],
  ruby: ['symbol-function', 'charts.red'],
  go: ['symbol-function', 'terminal.ansiCyan'],
  custom: ['terminal'],
  container: ['package'],
  unknown: ['symbol-function'],
};

/** Region → "Lambda": every function of the region, streamed in page by page. */
export class LambdaGroupNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.lambdaGroup;

  constructor(session: AwsSession, parentId: string) {
    super(session, `${parentId}/lambda`, 'Lambda', Collapsed);
    this.iconPath = new vscode.ThemeIcon('symbol-function');
  }

  override async children(ctx: ExplorerContext): Promise<AwsNode[]> {
    const list = ctx.stream<FunctionNode>(`${this.id}/functions`, this, (onPage, signal) =>
      lambdaSdk().listFunctions(ctx.clients.client(lambdaSdk().LambdaClient, this.session), (fns) => onPage(fns.map((fn) => new FunctionNode(this.session, this.id, fn))), signal),
    );
    await list.whenFirstPage();
    await list.whenDoneOr(250); // a listing that ends quickly shows at once, without a "Loading more…" flash
    const { items, done, error } = list.snapshot();
    const shown = items.filter((node) => matchesFilter(node.fn.name, ctx.filter)).sort((a, b) => a.fn.name.localeCompare(b.fn.name));
    const description = done ? count(items.length, 'function') : `${count(items.length, 'function')} so far…`;
    if (description !== this.description) {
      this.description = description;
      ctx.redraw(this);
    }
    const nodes: AwsNode[] = shown;
    if (!done) nodes.push(new LoadingNode(`${this.id}/loading`, `Loading more… (${items.length.toLocaleString('en-US')} so far)`));
    if (error) nodes.push(new ErrorNode(`${this.id}/error`, describeAwsError(error, this.session, 'list Lambda functions', ctx.clients.endpointUrl), this));
    if (done && !error && shown.length === 0) {
      nodes.push(new MessageNode(`${this.id}/empty`, items.length === 0 ? `No functions in ${this.session.region}` : `No functions match "${ctx.filter}"`));
    }
    return nodes;
  }
}

export class FunctionNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.lambdaFunction;

  constructor(
    session: AwsSession,
    parentId: string,
    readonly fn: LambdaFunction,
  ) {
    super(session, `${parentId}/f:${fn.name}`, fn.name, Collapsed);
    this.arn = fn.arn;
    this.consoleUrl = consoleUrl.lambdaFunction(session.region, fn.name);
    const [icon, color] = FAMILY_ICON[fn.family];
    this.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    this.description = [fn.packageType === 'Image' ? 'container image' : fn.runtime, fn.memoryMb ? `${fn.memoryMb} MB` : undefined, timeAgo(fn.lastModified)]
      .filter(Boolean)
      .join(' · ');
    const md = new vscode.MarkdownString(undefined, false);
    md.appendMarkdown('**').appendText(fn.name).appendMarkdown('**');
    if (fn.description) md.appendMarkdown('\n\n').appendText(fn.description);
    const rows: [string, string | undefined][] = [
      ['ARN', fn.arn],
      ['Runtime', fn.runtime ?? (fn.packageType === 'Image' ? 'container image' : undefined)],
      ['Handler', fn.handler],
      ['Memory', fn.memoryMb ? `${fn.memoryMb} MB` : undefined],
      ['Timeout', fn.timeoutSeconds ? `${fn.timeoutSeconds} s` : undefined],
      ['Architecture', fn.architecture],
      ['Package type', fn.packageType],
      ['Code size', bytes(fn.codeSize)],
      ['Last modified', fn.lastModified],
    ];
    for (const [name, value] of rows) if (value) md.appendMarkdown(`\n\n**${name}** `).appendText(value);
    this.tooltip = md;
  }

  private parts?: AwsNode[];

  override children(): AwsNode[] {
    const name = this.fn.name;
    const lambda = (ctx: ExplorerContext) => ctx.clients.client(lambdaSdk().LambdaClient, this.session);
    return (this.parts ??= [
      new FunctionPartNode<SavedEvent>(this, {
        part: 'events', label: 'Test Events', contextValue: CONTEXT_VALUE.lambdaTestEvents, icon: 'beaker', action: 'read saved test events',
        empty: 'No saved test events (Save as Test Event… from an event editor)',
        load: async () => {
          const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
          return root ? listSavedEvents(root, name) : [];
        },
        render: (e, parentId) => new SavedEventNode(this, parentId, e),
      }),
      new FunctionPartNode<LambdaFunction>(this, {
        part: 'versions', label: 'Versions', contextValue: CONTEXT_VALUE.lambdaVersions, icon: 'versions', action: 'list versions', empty: 'No published versions',
        load: (ctx, signal) => lambdaSdk().listVersions(lambda(ctx), name, signal),
        render: (v, parentId) => new VersionNode(this.session, parentId, name, v),
      }),
      new FunctionPartNode<LambdaAlias>(this, {
        part: 'aliases', label: 'Aliases', contextValue: CONTEXT_VALUE.lambdaAliases, icon: 'link', action: 'list aliases', empty: 'No aliases',
        load: (ctx, signal) => lambdaSdk().listAliases(lambda(ctx), name, signal),
        render: (a, parentId) => new AliasNode(this.session, parentId, name, a),
      }),
      new FunctionPartNode<LambdaTrigger>(this, {
        part: 'triggers', label: 'Triggers', contextValue: CONTEXT_VALUE.lambdaTriggers, icon: 'zap', action: 'list triggers', empty: 'No event source mappings or function URL',
        load: (ctx, signal) => lambdaSdk().listTriggers(lambda(ctx), name, signal),
        render: (t, parentId, i) => new TriggerNode(this.session, `${parentId}/${i}`, t),
      }),
    ]);
  }
}

interface FunctionPart<T> {
  readonly part: 'events' | 'versions' | 'aliases' | 'triggers';
  readonly label: string;
  readonly contextValue: ContextValue;
  readonly icon: string;
  /** For error messages: "Could not list versions". */
  readonly action: string;
  readonly empty: string;
  load(ctx: ExplorerContext, signal: AbortSignal): Promise<T[]>;
  render(item: T, parentId: string, index: number): AwsNode;
}

/** Test Events, Versions, Aliases or Triggers under a function, loaded when expanded. */
class FunctionPartNode<T> extends SessionNode {
  override readonly contextValue: ContextValue;

  constructor(fn: FunctionNode, private readonly spec: FunctionPart<T>) {
    super(fn.session, `${fn.id}/${spec.part}`, spec.label, Collapsed);
    this.contextValue = spec.contextValue;
    this.iconPath = new vscode.ThemeIcon(spec.icon);
  }

  override children(ctx: ExplorerContext): Promise<AwsNode[]> {
    return loadChildren(
      ctx,
      this,
      this.spec.action,
      (signal) => this.spec.load(ctx, signal),
      (items) => (items.length ? items.map((item, i) => this.spec.render(item, this.id, i)) : [new MessageNode(`${this.id}/empty`, this.spec.empty)]),
    );
  }
}

export class VersionNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.lambdaVersion;

  constructor(session: AwsSession, parentId: string, functionName: string, readonly version: LambdaFunction) {
    super(session, `${parentId}/v:${version.version}`, `Version ${version.version}`, None);
    this.arn = version.arn;
    this.consoleUrl = consoleUrl.lambdaVersion(session.region, functionName, version.version ?? '');
    this.iconPath = new vscode.ThemeIcon('tag');
    this.description = [version.description, timeAgo(version.lastModified)].filter(Boolean).join(' · ');
    this.tooltip = version.arn;
  }
}

export class AliasNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.lambdaAlias;

  constructor(session: AwsSession, parentId: string, functionName: string, readonly alias: LambdaAlias) {
    super(session, `${parentId}/a:${alias.name}`, alias.name, None);
    this.arn = alias.arn;
    this.consoleUrl = consoleUrl.lambdaAlias(session.region, functionName, alias.name);
    this.iconPath = new vscode.ThemeIcon('link');
    const routing = alias.routing ? Object.entries(alias.routing).map(([v, w]) => ` + ${Math.round(w * 100)}% → ${v}`).join('') : '';
    this.description = `→ ${alias.version}${routing}`;
    this.tooltip = [alias.arn, alias.description].filter(Boolean).join('\n');
  }
}

export class TriggerNode extends SessionNode {
  override readonly contextValue: ContextValue;

  constructor(session: AwsSession, id: string, readonly trigger: LambdaTrigger) {
    super(session, id, trigger.label, None);
    this.contextValue = trigger.kind === 'function-url' ? CONTEXT_VALUE.lambdaFunctionUrl : CONTEXT_VALUE.lambdaEventSource;
    this.arn = trigger.arn;
    this.iconPath = new vscode.ThemeIcon(trigger.kind === 'function-url' ? 'globe' : 'arrow-right');
    this.description = trigger.detail;
    this.tooltip = [trigger.arn ?? trigger.label, trigger.detail].join('\n');
  }
}

/** A saved test event of the function (.vscode/lambda-events/<function>/<name>.json): click to open, or invoke with it. */
export class SavedEventNode extends SessionNode {
  override readonly contextValue = CONTEXT_VALUE.lambdaSavedEvent;

  constructor(readonly fn: FunctionNode, parentId: string, readonly saved: SavedEvent) {
    super(fn.session, `${parentId}/e:${saved.name}`, saved.name, None);
    this.iconPath = new vscode.ThemeIcon('json');
    this.resourceUri = vscode.Uri.file(saved.file);
    this.description = vscode.workspace.asRelativePath(saved.file);
    this.tooltip = saved.file;
    this.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(saved.file)] };
  }
}
