// The Monitor panel's page (logs and metrics of one Lambda function or Fargate service). It knows nothing until the
// host's `init`; everything the host sends is validated (isHostMessage) before use, and invalid messages are dropped.
import { isHostMessage, isMonitorPanelState } from '../src/shared/monitorMessages';
import { el } from './monitor/dom';
import { createMonitorPage, type MonitorPage, type VsCodeApi } from './monitor/shell';

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let page: MonitorPage | undefined;
let ignored = 0;

// A restored panel has its last state until the host's init arrives (init wins).
const saved = vscode.getState();
const name = isMonitorPanelState(saved) ? (saved.target.kind === 'lambda' ? saved.target.functionName : saved.target.serviceName) : undefined;
root.replaceChildren(el('p', 'waiting', name ? `Reopening the monitor of ${name}…` : 'Connecting to the extension…'));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) {
    ignored++;
    console.warn(`[monitor] ignored an invalid message from the extension (${ignored} so far)`);
    return;
  }
  if (message.type === 'init') page = createMonitorPage(root, vscode, message.init);
  else if (page) page.handle(message);
  else console.warn(`[monitor] ignored "${message.type}" before init`);
});

vscode.postMessage({ type: 'ready' });
