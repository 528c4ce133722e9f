import { OUTPUT_END_MARK, OUTPUT_MARKER_VARIABLE } from '../../outputEndMark';

const nonce = process.env[OUTPUT_MARKER_VARIABLE];
delete process.env[OUTPUT_MARKER_VARIABLE];

/**
 * Ends the invocation's output on both streams, just before its outcome goes out (see ../../outputEndMark.ts).
 * Through the streams the handler writes to, so that the mark comes after all it wrote.
 */
export function markOutputEnd(route: string): void {
  if (!nonce) return;
  const id = /^\/invocation\/([^/]+)\//.exec(route)?.[1] ?? 'init';
  const mark = `${OUTPUT_END_MARK} ${nonce} ${id}\n`;
  process.stdout.write(mark);
  process.stderr.write(mark);
}
