// The summary figures above the charts, as people read them: "1,234", "99.2 %", "123 ms".

const NONE = '—';

export function formatCount(n: number | undefined): string {
  return n === undefined ? NONE : Math.round(n).toLocaleString('en-US');
}

/** One decimal, or none for whole numbers: "23.4 %", "100 %". */
export function formatPercent(p: number | undefined): string {
  return p === undefined ? NONE : `${Number(p.toFixed(1))} %`;
}

/** Rounded down, so that a success rate with any error never reads "100 %". */
export function formatSuccessRate(p: number | undefined): string {
  return p === undefined ? NONE : formatPercent(Math.floor(p * 10 + 1e-9) / 10);
}

/** Three significant digits: "2.13 ms", "123 ms", "1.5 s". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return NONE;
  if (ms < 999.5) return `${Number(ms.toPrecision(3))} ms`;
  return `${Number((ms / 1000).toPrecision(3)).toLocaleString('en-US')} s`;
}
