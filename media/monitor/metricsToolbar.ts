// The Metrics tab's toolbar: Refresh, the auto-refresh checkbox, a loading ring and when the charts were last updated.
import { control, el } from './dom';
import './metricsElements';
import { formatClock, formatPeriod } from './metricsFormat';

export interface MetricsToolbarOptions {
  readonly autoRefresh: boolean;
  onRefresh(): void;
  onAutoRefresh(on: boolean): void;
}

export interface MetricsToolbar {
  readonly element: HTMLElement;
  setLoading(loading: boolean): void;
  setUpdated(at: Date, periodSeconds: number): void;
}

export function createMetricsToolbar(options: MetricsToolbarOptions): MetricsToolbar {
  const refresh = control('vscode-button', { class: 'metrics-refresh', secondary: true }, 'Refresh');
  refresh.addEventListener('click', () => options.onRefresh());
  const autoRefresh = control('vscode-checkbox', { class: 'metrics-auto-refresh', label: 'Auto-refresh (1 min)', checked: options.autoRefresh }) as HTMLElement & { checked: boolean };
  autoRefresh.addEventListener('change', () => options.onAutoRefresh(autoRefresh.checked));
  const loading = control('vscode-progress-ring', { class: 'metrics-loading', 'aria-label': 'Loading metrics' });
  loading.hidden = true;
  const status = el('span', 'metrics-status');
  status.setAttribute('aria-live', 'polite');

  const element = el('div', 'metrics-toolbar');
  element.append(refresh, autoRefresh, loading, status);
  return {
    element,
    setLoading(on) {
      loading.hidden = !on;
      element.classList.toggle('is-loading', on);
    },
    setUpdated(at, periodSeconds) {
      status.textContent = `Updated ${formatClock(at)} · period ${formatPeriod(periodSeconds)}`;
    },
  };
}
