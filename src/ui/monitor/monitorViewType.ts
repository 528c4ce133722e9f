/** The Monitor panel's webview type, which VS Code restores after a reload (onWebviewPanel activation). */
export const MONITOR_VIEW_TYPE = 'serverlessExplorer.monitor';
