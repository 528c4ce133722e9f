import type { ApiRequestLog } from './localServerOptions';

/** One request as the CLI and the output channel print it: "GET /hello 200 HelloWorldFunction 3.1 ms (why, when it failed)". */
export function requestLine(entry: ApiRequestLog): string {
  const fn = entry.functionName ? ` ${entry.functionName}` : '';
  return `${entry.method} ${entry.path} ${entry.status}${fn} ${entry.ms.toFixed(1)} ms${entry.note ? ` (${entry.note})` : ''}`;
}
