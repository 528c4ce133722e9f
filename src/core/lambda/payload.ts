/** Lambda's request payload limits. */
export const PAYLOAD_LIMITS = {
  RequestResponse: 6 * 1024 * 1024,
  DryRun: 6 * 1024 * 1024,
  Event: 1024 * 1024,
} as const;

export type InvocationType = keyof typeof PAYLOAD_LIMITS;

export type PayloadCheck =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/**
 * Checks an event before it is sent: it must be JSON, and within Lambda's limit for the invocation type.
 * The message says where the JSON breaks (line and column) or by how much the payload is too large.
 */
export function checkPayload(text: string, invocationType: InvocationType): PayloadCheck {
  try {
    JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text, (error as Error).message);
    const detail = (error as Error).message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
    return {
      ok: false,
      message: `The event is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ''}: ${detail}. Fix it and invoke again; nothing was sent.`,
      ...where,
    };
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  const limit = PAYLOAD_LIMITS[invocationType];
  if (bytes > limit) {
    return {
      ok: false,
      message: `The event is ${formatMb(bytes)}, over Lambda's ${formatMb(limit)} limit for ${invocationType === 'Event' ? 'asynchronous (Event)' : 'synchronous'} invocations. Make it smaller${invocationType === 'Event' ? '' : ', or pass large data through S3'}; nothing was sent.`,
    };
  }
  return { ok: true, text, bytes };
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 2)} MB`;
}

/** Line and column (1-based) of a JSON.parse error, from the position V8 reports. */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  let offset = position ? Number(position[1]) : /Unexpected end of JSON input/.test(message) ? text.length : firstBadOffset(text);
  if (offset === undefined) return undefined;
  offset = Math.min(offset, text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

const END_OF_INPUT = /Unexpected end of JSON input/;

/**
 * Where JSON.parse stopped, for engines whose message gives no position (Node 20 for an unexpected token):
 * a prefix that ends before the bad character fails only for ending early, so search for the shortest
 * prefix that fails for another reason. Skipped for large texts, where it would be slow.
 */
function firstBadOffset(text: string): number | undefined {
  if (text.length > 256 * 1024) return undefined;
  const failsForOtherReason = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      // Node 20 reports a prefix cut inside a string as "Unterminated string … at position <its length>": that too
      // is ending early, not the bad character.
      const message = (error as Error).message;
      const at = /position (\d+)/.exec(message);
      return !END_OF_INPUT.test(message) && !(at && Number(at[1]) >= length);
    }
  };
  let low = 0;
  let high = text.length;
  if (!failsForOtherReason(high)) return undefined;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsForOtherReason(mid)) high = mid;
    else low = mid + 1;
  }
  return Math.max(0, low - 1);
}
