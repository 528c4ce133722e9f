// The Monitor page for one `init`: a header (title, target, time range) over the Logs and Metrics tabs. Implements
// the PageContext the tabs use, keeps the view state (setState + `viewState` to the host), and routes host messages.
import type { HostMessage, MonitorInit, MonitorPanelState, MonitorTab, MonitorTarget, PageMessage } from '../../src/shared/monitorMessages';
import { control, el } from './dom';
import { createLogsTab } from './logsTab';
import { createMetricsTab } from './metricsTab';
import { createRangePicker } from './rangePicker';
import type { PageContext, TabController } from './tab';

// See controls.ts for why by import().
void import('@vscode-elements/elements/dist/vscode-tab-header/index.js');
void import('@vscode-elements/elements/dist/vscode-tab-panel/index.js');
void import('@vscode-elements/elements/dist/vscode-tabs/index.js');

export interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: unknown): void;
  getState(): unknown;
}

export interface MonitorPage {
  handle(message: Exclude<HostMessage, { type: 'init' }>): void;
}

const TABS: readonly MonitorTab[] = ['logs', 'metrics'];

export const targetKind = (target: MonitorTarget): string => (target.kind === 'lambda' ? 'Lambda function' : `Fargate service · cluster ${target.cluster}`);

function header(init: MonitorInit, rangePicker: HTMLElement): HTMLElement {
  const node = el('header', 'page-header');
  const titles = el('div', 'titles');
  const title = el('h1', 'title', init.title);
  title.id = 'title';
  titles.append(title, el('span', 'target', `${targetKind(init.target)} · ${init.target.profile} · ${init.target.region}`));
  node.append(titles, rangePicker);
  return node;
}

export function createMonitorPage(root: HTMLElement, vscode: VsCodeApi, init: MonitorInit): MonitorPage {
  let state: MonitorPanelState = { target: init.target, tab: init.tab, range: init.range, filterPattern: init.filterPattern, autoRefresh: init.autoRefresh };
  let lastRequestId = 0;

  function persist(): void {
    vscode.setState(state);
    vscode.postMessage({ type: 'viewState', tab: state.tab, range: state.range, filterPattern: state.filterPattern, autoRefresh: state.autoRefresh });
  }

  const ctx: PageContext = {
    init,
    post: (message) => vscode.postMessage(message),
    range: () => state.range,
    saveState(partial) {
      const next = { ...state, ...partial };
      if (next.filterPattern === state.filterPattern && next.autoRefresh === state.autoRefresh) return;
      state = next;
      persist();
    },
    nextRequestId: () => ++lastRequestId,
  };

  const rangePicker = createRangePicker(init.range, (range) => {
    state = { ...state, range };
    persist();
    for (const tab of controllers) tab.rangeChanged();
  });
  const controllers: TabController[] = [createLogsTab(ctx), createMetricsTab(ctx)];
  const tabs = control('vscode-tabs', { id: 'tabs', 'selected-index': String(TABS.indexOf(init.tab)) }) as HTMLElement & { selectedIndex: number };
  for (const [i, name] of TABS.entries()) {
    // Classes, not ids: vscode-tabs gives its headers and panels ids of its own.
    const tabHeader = control('vscode-tab-header', { slot: 'header', class: `tab-${name}` }, name === 'logs' ? 'Logs' : 'Metrics');
    const panel = control('vscode-tab-panel', { class: `panel-${name}` });
    panel.append(controllers[i].element);
    tabs.append(tabHeader, panel);
  }
  tabs.addEventListener('vsc-tabs-select', (e) => show(TABS[(e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex]));

  function show(tab: MonitorTab | undefined): void {
    if (tab === undefined) return;
    if (tabs.selectedIndex !== TABS.indexOf(tab)) tabs.selectedIndex = TABS.indexOf(tab);
    controllers[TABS.indexOf(tab)].activate();
    if (tab === state.tab) return;
    state = { ...state, tab };
    persist();
  }

  document.title = init.title;
  root.replaceChildren(header(init, rangePicker), tabs);
  vscode.setState(state);
  controllers[TABS.indexOf(init.tab)].activate();

  return {
    handle(message) {
      switch (message.type) {
        case 'showTab':
          show(message.tab);
          break;
        case 'metrics':
        case 'metricsError':
          controllers[1].handle(message);
          break;
        default:
          controllers[0].handle(message);
      }
    },
  };
}
