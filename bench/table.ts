/** Prints one table: columns as wide as their widest cell across every section; each section starts with its own header row. */
export function printTable(...sections: string[][][]): void {
  const all = sections.flat();
  const columns = Math.max(...all.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...all.map((row) => row[c]?.length ?? 0)));
  for (const [s, rows] of sections.entries()) {
    const own = widths.slice(0, rows[0].length);
    if (s > 0) console.log(own.map((w) => ' '.repeat(w)).join('  │  ').trimEnd());
    for (const [i, row] of rows.entries()) {
      console.log(row.map((cell, c) => cell.padEnd(own[c])).join('  │  ').trimEnd());
      if (i === 0) console.log(own.map((w) => '─'.repeat(w)).join('──┼──'));
    }
  }
}

/** A duration as the tables print it: two decimals under 10 ms. */
export const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
/** A rate as the tables print it. */
export const rate = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;
