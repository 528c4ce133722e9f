/** "3 min ago", "2 h ago", "5 d ago"; absolute date beyond 30 days. */
export function timeAgo(date: Date | string | undefined, now = Date.now()): string {
  if (!date) return '';
  const then = typeof date === 'string' ? Date.parse(date) : date.getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 30 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`;
  return new Date(then).toISOString().slice(0, 10);
}

export function bytes(size: number | undefined): string {
  if (size === undefined) return '';
  if (size < 1024) return `${size} B`;
  // Pick the unit after rounding, so that 1,048,575 bytes reads "1.0 MB", not "1024.0 KB".
  if (Number((size / 1024).toFixed(1)) < 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
