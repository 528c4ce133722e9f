// The text that Copy and Export hand the host: log lines as `ISO time<TAB>message`, or JSON Lines, and Insights
// results as TSV.
import type { ParsedLogLine } from '../../src/core/logs/lambdaLogs';
import { withoutTrailingNewline } from './format';

export type LinesFormat = 'log' | 'jsonl';

/** One line per event: `2024-01-31T12:34:56.789Z<TAB>message` (the message as CloudWatch returned it). */
export function linesAsText(lines: readonly ParsedLogLine[]): string {
  let out = '';
  for (const line of lines) out += `${new Date(line.timestamp).toISOString()}\t${withoutTrailingNewline(line.message)}\n`;
  return out;
}

/** One JSON object per event: {timestamp (epoch ms, as CloudWatch has it), logStreamName, message}. */
export function linesAsJsonLines(lines: readonly ParsedLogLine[]): string {
  let out = '';
  for (const line of lines) out += `${JSON.stringify({ timestamp: line.timestamp, logStreamName: line.logStreamName, message: withoutTrailingNewline(line.message) })}\n`;
  return out;
}

export const formatLines = (lines: readonly ParsedLogLine[], format: LinesFormat): string => (format === 'jsonl' ? linesAsJsonLines(lines) : linesAsText(lines));

/** Tabs and newlines inside a cell would break the table: they become spaces. */
const cell = (value: string) => value.replace(/[\t\r\n]+/g, ' ');

export function tableAsTsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  let out = `${fields.map(cell).join('\t')}\n`;
  for (const row of rows) out += `${row.map(cell).join('\t')}\n`;
  return out;
}
