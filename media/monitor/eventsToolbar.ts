// The Events view's toolbar. First row, what AWS is asked for: the CloudWatch filter pattern (Enter reloads),
// Refresh, Live tail. Second row, what is done with the loaded lines: find (with its count), expand or collapse every
// invocation, copy, export.
import { button, select, textfield } from './controls';
import { el } from './dom';
import type { LinesFormat } from './exportText';

export interface EventsToolbarHandlers {
  reload(): void;
  toggleTail(): void;
  find(text: string): void;
  expandAll(expand: boolean): void;
  copy(): void;
  exportLines(format: LinesFormat): void;
}

export type TailButtonState = 'off' | 'starting' | 'on';

export interface EventsToolbar {
  readonly element: HTMLElement;
  /** Where the Logs tab puts its Events | Logs Insights switch. */
  readonly modeSlot: HTMLElement;
  filterPattern(): string;
  setFilterPattern(pattern: string): void;
  setTail(state: TailButtonState): void;
  setFindCount(text: string): void;
}

export function createEventsToolbar(initialPattern: string, grouped: boolean, on: EventsToolbarHandlers): EventsToolbar {
  const modeSlot = el('span', 'mode-slot');
  const pattern = textfield('filter-pattern', {
    placeholder: 'CloudWatch filter pattern, e.g. ERROR   "timed out"   { $.level = "ERROR" } — Enter to load',
    'aria-label': 'CloudWatch filter pattern',
    maxlength: '1024',
    class: 'grow',
  });
  pattern.value = initialPattern;
  pattern.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') on.reload();
  });
  const tail = button('tail', 'Live tail', () => on.toggleTail(), { title: 'Follow new log events as they arrive' });

  const find = textfield('find', { placeholder: 'Find in loaded lines', 'aria-label': 'Find in loaded lines', class: 'find' });
  find.addEventListener('input', () => on.find(find.value));
  find.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || find.value === '') return;
    find.value = '';
    on.find('');
  });
  const findCount = el('span', 'find-count');
  findCount.id = 'find-count';
  findCount.setAttribute('aria-live', 'polite');
  const format = select('export-format', [['log', 'Text (.log)'], ['jsonl', 'JSON Lines (.jsonl)']], 'log', 'Export format');

  const first = el('div', 'toolbar');
  first.append(modeSlot, pattern, button('refresh', 'Refresh', () => on.reload(), { title: 'Load the time range again' }), tail);
  const second = el('div', 'toolbar');
  second.append(find, findCount, el('span', 'spacer'));
  if (grouped) {
    second.append(button('expand-all', 'Expand all', () => on.expandAll(true)), button('collapse-all', 'Collapse all', () => on.expandAll(false)));
  }
  second.append(
    button('copy', 'Copy', () => on.copy(), { title: 'Copy the lines shown (find applied) to the clipboard' }),
    button('export', 'Export…', () => on.exportLines(format.value === 'jsonl' ? 'jsonl' : 'log'), { title: 'Save the lines shown to a file' }),
    format,
  );
  const element = el('div', 'toolbars');
  element.append(first, second);

  return {
    element,
    modeSlot,
    filterPattern: () => pattern.value.trim(),
    setFilterPattern(text) {
      pattern.value = text;
    },
    setTail(state) {
      tail.textContent = state === 'off' ? 'Live tail' : state === 'starting' ? 'Starting live tail…' : 'Stop live tail';
      tail.toggleAttribute('secondary', state === 'off');
      tail.setAttribute('aria-pressed', String(state !== 'off'));
    },
    setFindCount(text) {
      findCount.textContent = text;
    },
  };
}
