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
  // A 204 (a preflight's answer) has no body and so no Content-Length.
  const length = answer.statusCode === 204 ? [] : ['Content-Length', String(answer.body.length)];
  res.writeHead(answer.statusCode, [...headers.flat(), ...length]);
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

/** Node's rawHeaders as [name, value] pairs, names as sent. */
export function headerPairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}
