import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { isPageMessage } from '../../shared/invokeMessages';
import type { HostMessage, InvokeView } from '../../shared/invokeMessages';

/** The result of an invocation, in a webview beside the editor; "Run again" calls `rerun`. One panel, reused. */
export class InvokeResultPanel {
  static current: InvokeResultPanel | undefined;
  private rerun: () => void = () => undefined;
  private pending?: HostMessage;
  private ready = false;
  /** What the panel shows now (for tests and for the run-again flow). */
  lastView?: InvokeView;
  /** The streamed response last sent to the page while the function ran, and how many times it was sent (for tests). */
  lastStream?: { readonly text: string; readonly prelude?: string; readonly posts: number };
  private nextStream?: { readonly text: string; readonly prelude?: string };
  private streamTimer?: NodeJS.Timeout;
  private streamPostedAt = -Infinity;

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri) {
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
    const webview = panel.webview;
    const nonce = randomBytes(16).toString('base64');
    webview.options = { enableScripts: true, localResourceRoots: [media] };
    webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${webview.asWebviewUri(vscode.Uri.joinPath(media, 'invokeResult.css'))}">
<title>Lambda invocation</title>
</head>
<body><main id="root"></main><script nonce="${nonce}" src="${webview.asWebviewUri(vscode.Uri.joinPath(media, 'invokeResult.js'))}"></script></body>
</html>`;
    webview.onDidReceiveMessage((message: unknown) => {
      if (!isPageMessage(message)) return;
      if (message.type === 'ready') {
        this.ready = true;
        if (this.pending) void webview.postMessage(this.pending);
      } else {
        this.rerun();
      }
    });
    panel.onDidDispose(() => {
      if (InvokeResultPanel.current === this) InvokeResultPanel.current = undefined;
    });
  }

  static show(extensionUri: vscode.Uri): InvokeResultPanel {
    if (InvokeResultPanel.current) {
      InvokeResultPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return InvokeResultPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('serverlessExplorer.invokeResult', 'Lambda result', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      retainContextWhenHidden: false,
    });
    InvokeResultPanel.current = new InvokeResultPanel(panel, extensionUri);
    return InvokeResultPanel.current;
  }

  running(functionName: string, rerun: () => void): void {
    this.rerun = rerun;
    this.lastStream = undefined;
    this.nextStream = undefined;
    this.panel.title = `Invoking ${functionName}…`;
    this.post({ type: 'running', functionName });
  }

  /**
   * A streaming function's body so far, while it runs: the whole text, sent to the page at most every 50 ms (a
   * fast stream would flood it otherwise), the latest text each time.
   */
  streaming(functionName: string, text: string, prelude?: string): void {
    this.nextStream = { text, prelude };
    if (this.streamTimer) return;
    const wait = Math.max(0, this.streamPostedAt + 50 - performance.now());
    this.streamTimer = setTimeout(() => {
      this.streamTimer = undefined;
      this.streamPostedAt = performance.now();
      const next = this.nextStream;
      if (!next) return;
      this.lastStream = { ...next, posts: (this.lastStream?.posts ?? 0) + 1 };
      this.post({ type: 'streaming', functionName, ...next });
    }, wait);
  }

  /** The result, and what Run again does (by default what the last `running` set). */
  result(view: InvokeView, rerun?: () => void): void {
    if (rerun) this.rerun = rerun;
    clearTimeout(this.streamTimer);
    this.streamTimer = undefined;
    this.lastView = view;
    this.panel.title = view.http ? `${view.http.status} ${view.eventLabel}` : `${view.error || view.functionError ? '✗' : '✓'} ${view.functionName}`;
    this.post({ type: 'result', view });
  }

  private post(message: HostMessage): void {
    this.pending = message;
    if (this.ready) void this.panel.webview.postMessage(message);
  }
}
