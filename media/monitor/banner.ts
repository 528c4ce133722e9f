// Error and notice banners: a title and a detail, both as text.
import type { PanelError } from '../../src/shared/monitorMessages';
import { el } from './dom';

export function errorBanner(error: PanelError, className = 'error'): HTMLElement {
  const node = el('div', `banner ${className}`);
  node.setAttribute('role', 'alert');
  node.append(el('div', 'banner-title', error.title));
  if (error.detail) node.append(el('div', 'banner-detail', error.detail));
  return node;
}

export function notice(text: string): HTMLElement {
  const node = el('div', 'banner notice', text);
  node.setAttribute('role', 'status');
  return node;
}
