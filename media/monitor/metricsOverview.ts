// What sits above the charts: a failed refresh's banner, the view's notes and its summary figures. All text, never HTML.
import type { MetricsView, PanelError } from '../../src/shared/monitorMessages';
import { control, el } from './dom';
import './metricsElements';

export function summaryTiles(summary: MetricsView['summary']): HTMLElement {
  const row = el('div', 'metrics-summary');
  for (const figure of summary) {
    const tile = el('div', 'metrics-tile');
    tile.append(el('span', 'metrics-tile-label', figure.label), el('span', 'metrics-tile-value', figure.value));
    row.append(tile);
  }
  return row;
}

export function notices(notes: readonly string[]): HTMLElement {
  const list = el('div', 'metrics-notes');
  for (const note of notes) {
    const notice = el('p', 'metrics-notice', note);
    notice.setAttribute('role', 'note');
    list.append(notice);
  }
  return list;
}

/** A failed refresh; `stale` when the charts below are from an earlier one. */
export function errorBanner(error: PanelError, stale: boolean, onRetry: () => void): HTMLElement {
  const banner = el('div', 'metrics-error');
  banner.setAttribute('role', 'alert');
  const text = el('div', 'metrics-error-text');
  text.append(el('strong', 'metrics-error-title', error.title), el('p', 'metrics-error-detail', error.detail));
  if (stale) text.append(el('p', 'metrics-error-stale', 'The charts below are from the last successful refresh.'));
  const retry = control('vscode-button', { class: 'metrics-retry' }, 'Retry');
  retry.addEventListener('click', onRetry);
  banner.append(text, retry);
  return banner;
}
