// How the Metrics tab writes CloudWatch values: hover values carry their unit ("1.5 s", "99.2 %"), axis ticks are bare
// numbers under a unit label chosen for the axis's magnitude ("ms" or "s").

/** A hovered point where CloudWatch returned no datapoint. */
export const NO_VALUE = '–';

interface Scaled {
  readonly divisor: number;
  /** Written after the number; empty for plain counts. */
  readonly suffix: string;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
const BYTES_PER: Record<string, number> = { Bytes: 1, Kilobytes: 1024, Megabytes: 1024 ** 2, Gigabytes: 1024 ** 3 };
const numberFormats = new Map<number, Intl.NumberFormat>();

/** "1,234.5": thousands separators, at most `decimals` decimals. */
function formatNumber(n: number, decimals: number): string {
  let format = numberFormats.get(decimals);
  if (!format) numberFormats.set(decimals, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals })));
  return format.format(n);
}

/** The unit a magnitude in `unit` reads best in. Bytes are scaled from bytes (`BYTES_PER` converts the others). */
function scaleFor(unit: string, magnitude: number): Scaled {
  switch (unit) {
    case 'Milliseconds':
      return magnitude >= 1000 ? { divisor: 1000, suffix: 's' } : { divisor: 1, suffix: 'ms' };
    case 'Microseconds':
      return magnitude >= 1000 ? { divisor: 1000, suffix: 'ms' } : { divisor: 1, suffix: 'µs' };
    case 'Seconds':
      return { divisor: 1, suffix: 's' };
    case 'Percent':
      return { divisor: 1, suffix: '%' };
    case 'Count':
    case 'None':
    case '':
      return { divisor: 1, suffix: '' };
    default: {
      const perByte = BYTES_PER[unit];
      if (perByte === undefined) return { divisor: 1, suffix: unit.replace('/Second', '/s') };
      const step = Math.min(BYTE_UNITS.length - 1, Math.max(0, Math.floor(Math.log(Math.max(magnitude * perByte, 1)) / Math.log(1024))));
      return { divisor: 1024 ** step / perByte, suffix: BYTE_UNITS[step] };
    }
  }
}

/** A hover value with its unit: "1,234", "2.13 ms", "1.5 s", "99.2 %", "12.3 MB"; "–" for a gap. */
export function formatMetricValue(unit: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_VALUE;
  const scaled = scaleFor(unit, Math.abs(value));
  const n = value / scaled.divisor;
  const decimals = unit === 'Count' && Number.isInteger(n) ? 0 : Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  const text = formatNumber(n, decimals);
  return scaled.suffix ? `${text} ${scaled.suffix}` : text;
}

/** The y axis label for a chart whose scale reaches `max`: "Count", "ms", "s", "%", "MB". */
export function axisUnitLabel(unit: string, max: number): string {
  if (unit === 'Count') return 'Count';
  return scaleFor(unit, Math.abs(max)).suffix;
}

/** Bare tick labels in the unit `axisUnitLabel(unit, max)` names, with as many decimals as the tick step needs. */
export function formatAxisTicks(unit: string, ticks: readonly number[], step: number, max: number): string[] {
  const { divisor } = scaleFor(unit, Math.abs(max));
  const decimals = Math.min(3, Math.max(0, -Math.floor(Math.log10(step / divisor) + 1e-9)));
  return ticks.map((t) => formatNumber(t / divisor, decimals));
}

const NICE = [1, 2, 2.5, 5];
/** Tick steps for counts: never "0.5 invocations". */
const COUNT_STEPS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8].flatMap((base) => NICE.map((n) => n * base)).filter((step) => step !== 2.5);
/** Whole KB, MB, GB: not "48 MB, 95 MB, 143 MB". */
const BYTE_STEPS = [1, 1024, 1024 ** 2, 1024 ** 3, 1024 ** 4].flatMap((base) => [1, 10, 100].flatMap((m) => NICE.map((n) => n * m * base)));

/** The tick steps an axis of `unit` may use; undefined for uPlot's own (decimal) steps. */
export function axisSteps(unit: string): number[] | undefined {
  if (unit === 'Count') return COUNT_STEPS;
  const perByte = BYTES_PER[unit];
  return perByte === undefined ? undefined : BYTE_STEPS.map((step) => step / perByte);
}

/** "1 min", "5 min", "1 h", "6 h", "1 day". */
export function formatPeriod(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? '1 day' : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

const hoverTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const clockTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The hovered bucket's start: "Mar 3, 10:42". */
export function formatHoverTime(epochSeconds: number): string {
  return hoverTime.format(new Date(epochSeconds * 1000));
}

/** "10:42:05", in the user's locale. */
export function formatClock(date: Date): string {
  return clockTime.format(date);
}
