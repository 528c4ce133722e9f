import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { LocalInvokeEndpoint } from '../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../src/core/local/invoker';
import { FreshFunctions } from '../src/core/local/sources/freshFunctions';
import { readFunctionsIn } from '../src/core/local/sources/registry';

// The local Lambda Invoke API (what `serverless-explorer start-lambda` serves) called the way the AWS SDK calls it:
// POST …/invocations over one kept-alive HTTP connection. Twice: with start-lambda's functions cache (a template is
// read again only when its mtime or size changes), and reading the template on every request as before issue 13.

export interface EndpointFigures {
  readonly cachedP50Ms: number;
  readonly rereadP50Ms: number;
}

const template = (runtime: string) =>
  `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  BenchFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: .\n      Handler: index.handler\n      Runtime: ${runtime}\n      Timeout: 10\n`;

/** POSTs `body` to the endpoint on the agent's one connection; resolves with the response text. */
function post(agent: http.Agent, url: URL, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => (response.statusCode === 200 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`HTTP ${response.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`))));
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function p50Through(functions: () => ReturnType<FreshFunctions['current']>, runtimesDir: string, invoke: (n: number, call: (body: string) => Promise<string>) => Promise<void>, sequential: (invoke: (n: number) => Promise<void>) => Promise<{ p50Ms: number }>): Promise<number> {
  const invoker = new LocalInvoker({ runtimesDir });
  const endpoint = await LocalInvokeEndpoint.start({ functions, invoker, port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${endpoint.url}/2015-03-31/functions/BenchFunction/invocations`);
  try {
    return (await sequential((n) => invoke(n, (body) => post(agent, url, body)))).p50Ms;
  } finally {
    agent.destroy();
    await endpoint.stop();
    await invoker.dispose();
  }
}

export async function benchEndpoint(
  dir: string,
  runtimesDir: string,
  runtime: string,
  sequential: (invoke: (n: number) => Promise<void>) => Promise<{ p50Ms: number }>,
  check: (payload: string, n: number) => void,
): Promise<EndpointFigures> {
  const file = path.join(dir, 'template.yaml');
  fs.writeFileSync(file, template(runtime));
  const invoke = async (n: number, call: (body: string) => Promise<string>) => check(await call(JSON.stringify({ n })), n);
  const fresh = await FreshFunctions.load({ file });
  const cachedP50Ms = await p50Through(() => fresh.current(), runtimesDir, invoke, sequential);
  const rereadP50Ms = await p50Through(async () => (await readFunctionsIn(file)).functions, runtimesDir, invoke, sequential);
  return { cachedP50Ms, rereadP50Ms };
}
