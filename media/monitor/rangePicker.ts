// The panel-wide time range: a preset ("Last hour"…) or a custom range entered as two local date-times and applied
// once both are valid and in order.
import { RANGE_PRESETS, resolveRange, type RangePreset, type TimeRange } from '../../src/shared/monitorMessages';
import { button, select, textfield } from './controls';
import { el } from './dom';
import { fromDateTimeLocal, RANGE_LABELS, toDateTimeLocal } from './format';

export function createRangePicker(initial: TimeRange, onChange: (range: TimeRange) => void): HTMLElement {
  const presets = select('range-preset', RANGE_PRESETS.map((p) => [p, RANGE_LABELS[p]] as const), initial.preset, 'Time range');
  const start = textfield('range-start', { type: 'datetime-local', 'aria-label': 'Start (local time)' });
  const end = textfield('range-end', { type: 'datetime-local', 'aria-label': 'End (local time)' });
  const error = el('span', 'range-error');
  error.id = 'range-error';
  error.setAttribute('role', 'alert');
  const apply = button('range-apply', 'Apply', () => applyCustom(), { secondary: false });
  const custom = el('span', 'range-custom');
  custom.id = 'range-custom';
  custom.append(start, el('span', 'range-to', 'to'), end, apply, error);
  const element = el('div', 'range-picker');
  element.append(presets, custom);

  let current = initial;
  showCustom(initial.preset === 'custom');

  function showCustom(show: boolean): void {
    custom.hidden = !show;
    error.textContent = '';
    if (!show) return;
    const { start: from, end: to } = resolveRange(current);
    start.value = toDateTimeLocal(from);
    end.value = toDateTimeLocal(to);
  }

  function applyCustom(): void {
    const from = fromDateTimeLocal(start.value);
    const to = fromDateTimeLocal(end.value);
    if (from === undefined || to === undefined) error.textContent = 'Enter both a start and an end.';
    else if (from >= to) error.textContent = 'The start must be before the end.';
    else {
      error.textContent = '';
      current = { preset: 'custom', start: from, end: to };
      onChange(current);
    }
  }

  presets.addEventListener('change', () => {
    const preset = presets.value as RangePreset;
    if (!(RANGE_PRESETS as readonly string[]).includes(preset) || preset === current.preset) return showCustom(preset === 'custom');
    if (preset === 'custom') return showCustom(true);
    showCustom(false);
    current = { preset };
    onChange(current);
  });
  return element;
}
