// What both local HTTP servers (the API Gateway and the function URLs) do with a request before and after the
// function: read it whole within a limit, turn it into an ApiRequest, and write an ApiAnswer back.
import type * as http from 'node:http';
import type { ApiAnswer } from './apiAnswer';
import type { ApiRequest } from './apiRequest';

/** The request, or undefined when its body is over `limit` bytes. */
export async function readApiRequest(req: http.IncomingMessage, limit: number): Promise<ApiRequest | undefined> {
  const target = req.url ?? '/';
  const question = target.indexOf('?');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return {
    method: req.method ?? 'GET',
    rawPath: question < 0 ? target : target.slice(0, question),
    rawQuery: question < 0 ? '' : target.slice(question + 1),
    headers: headerPairs(req.rawHeaders),
    body: Buffer.concat(chunks),
    sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
    protocol: `HTTP/${req.httpVersion}`,
  };
}

/** The path asked for, without the query string. */
export function requestPath(req: http.IncomingMessage): string {
  const target = req.url ?? '/';
  const question = target.indexOf('?');
  return question < 0 ? target : target.slice(0, question);
}

export function writeAnswer(req: http.IncomingMessage, res: http.ServerResponse, answer: ApiAnswer): void {
  if (res.destroyed) return;
  const headers = answer.headers.filter(([name]) => name.toLowerCase() !== 'content-length');
  res.writeHead(answer.statusCode, [...headers.flat(), 'Content-Length', String(answer.body.length)]);
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

/** A function error's type and message, for the request log. */
export function errorSummary(payload: string): string {
  try {
    const error = JSON.parse(payload) as { errorType?: string; errorMessage?: string };
    return [error.errorType, error.errorMessage].filter(Boolean).join(': ') || payload.slice(0, 200);
  } catch {
    return payload.slice(0, 200);
  }
}

/** Node's rawHeaders as [name, value] pairs, names as sent. */
export function headerPairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}
