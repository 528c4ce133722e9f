// eslint-disable-next-line no-control-regex -- matching control characters is this function's job
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Text from a request (a function name…) made safe for a one-line log: control characters, including
 * newlines and ANSI escapes, are shown escaped (`\n`, `\x1b`), so a caller cannot forge or recolour log lines.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
