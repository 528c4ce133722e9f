import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AwsConnection } from '../aws/awsConnection';
import { monitorHtml } from './monitorHtml';
import { isMonitorPanelState, isPageMessage } from '../../shared/monitorMessages';
import type { HostMessage, MonitorPanelState, MonitorTab, MonitorTarget, PageMessage } from '../../shared/monitorMessages';
import { MonitorSession, maxLogEvents } from './monitorSession';
import { monitorSdk } from '../aws/sdk';
import { MONITOR_VIEW_TYPE } from './monitorViewType';
import { replayLoggedEvent, type ReplayDeps, type ReplayOutcome } from './replayLoggedEvent';

export { MONITOR_VIEW_TYPE };

const DEFAULT_STATE = { tab: 'logs', range: { preset: '1h' }, filterPattern: '', autoRefresh: false } as const;

/** What a panel needs from its feature. */
export interface MonitorContext {
  readonly aws: AwsConnection;
  readonly extensionUri: vscode.Uri;
  /** Told of every message a panel posts to its page. */
  readonly onPost?: (panel: MonitorPanel, message: HostMessage) => void;
  /** What Replay locally, Invoke deployed with this event and Save as test event use. */
  readonly replay?: ReplayDeps;
}

/** One Monitor panel per function or service: logs and metrics in a webview, restored after a window reload. */
export class MonitorPanel {
  private static readonly open = new Map<string, MonitorPanel>();
  private readonly session: MonitorSession;
  private ready = false;
  private queue: HostMessage[] = [];
  /** What the page shows now (tab, range, filter…): for tests, and for the restored panel. */
  state: MonitorPanelState;

  private readonly onPost: MonitorContext['onPost'];
  private readonly replay: MonitorContext['replay'];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    { aws, extensionUri, onPost, replay }: MonitorContext,
    state: MonitorPanelState,
  ) {
    this.state = state;
    this.onPost = onPost;
    this.replay = replay;
    const { clients } = aws;
    this.session = new MonitorSession(state.target, clients, (message) => this.post(message));
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'resources', 'activity-bar.svg');
    panel.title = `Monitor: ${title(state.target)}`;
    webview.html = monitorHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      title: panel.title,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'monitor.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'monitor.css')).toString(),
    });
    webview.onDidReceiveMessage((message: unknown) => {
      if (isPageMessage(message)) void this.receive(message);
      else console.warn('[monitor] ignored an invalid message from the page');
    });
    panel.onDidDispose(() => {
      this.session.dispose();
      MonitorPanel.open.delete(key(state.target));
    });
    MonitorPanel.open.set(key(state.target), this);
  }

  /** Opens (or reveals) the panel of `target` on `tab`. */
  static show(context: MonitorContext, target: MonitorTarget, tab: MonitorTab = 'logs'): MonitorPanel {
    const existing = MonitorPanel.open.get(key(target));
    if (existing) {
      existing.panel.reveal();
      existing.showTab(tab);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(MONITOR_VIEW_TYPE, `Monitor: ${title(target)}`, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'media')] });
    return new MonitorPanel(panel, context, { ...DEFAULT_STATE, target, tab });
  }

  /** Restores a panel VS Code kept across a reload; `state` is what the page last saved with setState. */
  static restore(context: MonitorContext, panel: vscode.WebviewPanel, state: unknown): MonitorPanel | undefined {
    if (!isMonitorPanelState(state)) {
      panel.dispose(); // nothing to restore from (an older version's state, or none): close rather than show a blank panel
      return undefined;
    }
    return new MonitorPanel(panel, context, state);
  }

  static find(target: MonitorTarget): MonitorPanel | undefined {
    return MonitorPanel.open.get(key(target));
  }

  static all(): MonitorPanel[] {
    return [...MonitorPanel.open.values()];
  }

  get target(): MonitorTarget {
    return this.state.target;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  showTab(tab: MonitorTab): void {
    this.state = { ...this.state, tab };
    this.post({ type: 'showTab', tab });
  }

  dispose(): void {
    this.panel.dispose();
  }

  /** Acts on a (validated) page message; public so that tests can ask what the page would ask. A replay says what it did. */
  async receive(message: PageMessage): Promise<ReplayOutcome | undefined> {
    switch (message.type) {
      case 'ready': {
        // The log sources first (the page's first load needs them anyway): a JSON-format function gets the ready
        // Insights queries written for JSON fields. A failure is the page's to show (logSource error), not init's.
        const sources = await this.session.logSources().catch(() => undefined);
        this.ready = true;
        this.post(this.init(sources?.[0]?.logFormat));
        for (const queued of this.queue.splice(0)) void this.panel.webview.postMessage(queued);
        return;
      }
      case 'viewState':
        this.state = { target: this.state.target, tab: message.tab, range: message.range, filterPattern: message.filterPattern, autoRefresh: message.autoRefresh };
        return;
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        void vscode.window.setStatusBarMessage(`Copied ${lineCount(message.text)} to the clipboard`, 3000);
        return;
      case 'export':
        await this.export(message.suggestedName, message.content);
        return;
      case 'replayEvent': {
        const t = this.state.target;
        if (t.kind !== 'lambda' || !this.replay) return;
        return replayLoggedEvent(this.replay, t, message);
      }
      default:
        this.session.handle(message);
    }
  }

  private init(logFormat?: 'Text' | 'JSON'): HostMessage {
    const t = this.state.target;
    return {
      type: 'init',
      init: {
        target: t,
        title: title(t),
        tab: this.state.tab,
        range: this.state.range,
        filterPattern: this.state.filterPattern,
        autoRefresh: this.state.autoRefresh,
        insightsPresets: [...(t.kind === 'lambda' ? monitorSdk().lambdaInsightsQueries(logFormat) : monitorSdk().FARGATE_INSIGHTS_QUERIES)],
        groupInvocations: t.kind === 'lambda',
        maxEvents: maxLogEvents(),
      },
    };
  }

  private async export(suggestedName: string, content: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const safeName = path.basename(suggestedName).replace(/[^\w.@-]+/g, '-') || 'logs.log';
    const uri = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, safeName) : undefined, saveLabel: 'Export', title: 'Export log lines' });
    if (!uri) return;
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
      const open = await vscode.window.showInformationMessage(`Exported ${lineCount(content)} to ${uri.fsPath}.`, 'Open');
      if (open) await vscode.window.showTextDocument(uri);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not write ${uri.fsPath}: ${(error as Error).message}. Pick another location.`);
    }
  }

  private post(message: HostMessage): void {
    this.onPost?.(this, message);
    if (message.type === 'showTab' && !this.ready) return; // init carries the tab
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }
}

/** Restores Monitor panels after a window reload. */

function key(t: MonitorTarget): string {
  return t.kind === 'lambda' ? `lambda\u0000${t.profile}\u0000${t.region}\u0000${t.functionName}` : `fargate\u0000${t.profile}\u0000${t.region}\u0000${t.cluster}\u0000${t.serviceName}`;
}

function title(t: MonitorTarget): string {
  return t.kind === 'lambda' ? t.functionName : `${t.serviceName} (${t.cluster.split('/').pop()})`;
}

function lineCount(text: string): string {
  const n = text === '' ? 0 : text.split('\n').length;
  return n === 1 ? '1 line' : `${n.toLocaleString('en-US')} lines`;
}
