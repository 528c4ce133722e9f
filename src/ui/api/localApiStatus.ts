import * as vscode from 'vscode';

/** Shows the local API while it runs, and whether its functions are under the debugger; a click offers its actions. */
export class LocalApiStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('serverlessExplorer.localApi', vscode.StatusBarAlignment.Left, 49);

  constructor() {
    this.item.name = 'Serverless Explorer: Local API';
    this.item.command = 'serverlessExplorer.localApiActions';
  }

  show(url: string, mode: 'run' | 'debug', routeCount: number): void {
    const port = new URL(url).port;
    const routes = `${routeCount} route${routeCount === 1 ? '' : 's'}`;
    this.item.text = mode === 'debug' ? `$(debug-alt) Local API :${port} (debugging)` : `$(radio-tower) Local API :${port}`;
    this.item.tooltip = `Local API on ${url}: ${routes}${mode === 'debug' ? ', the functions under the debugger' : ''}.\nClick to open it in a browser, copy its URL or stop it.`;
    this.item.backgroundColor = mode === 'debug' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  hide(): void {
    this.item.hide();
  }

  /** What it shows (for tests). */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
