/* global awslambda, setTimeout */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

async function* lines(count, pauseMs) {
  for (let i = 1; i <= count; i++) {
    if (i > 1) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    yield `line ${i}\n`;
  }
}

export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  responseStream.setContentType('text/plain; charset=utf-8');
  await pipeline(Readable.from(lines(event.count ?? 3, event.pauseMs ?? 100)), responseStream);
});
