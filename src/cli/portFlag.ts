/** --port as a number, or the message that says what it must be. */
export function parsePortFlag(value: string | undefined, fallback: number): { readonly port: number } | { readonly problem: string } {
  const port = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { problem: `--port must be a port number (0–65535), not "${value}".` };
  return { port };
}
