import type { Readable } from 'node:stream';

/** The first line a child process writes (a server's address), or a rejection after timeoutMs or when it ends first. */
export function readFirstLine(stream: Readable, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => done(new Error(`no line within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end >= 0) done(undefined, text.slice(0, end).trim());
    };
    const onEnd = () => done(new Error(`it ended before writing a line${text ? ` (wrote: ${text.slice(0, 200)})` : ''}`));
    function done(error?: Error, line?: string) {
      clearTimeout(timer);
      stream.off('data', onData).off('end', onEnd);
      if (error) reject(error);
      else resolve(line!);
    }
    stream.on('data', onData).on('end', onEnd);
  });
}
