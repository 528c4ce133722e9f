import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { LocalInvokeEndpoint } from '../src/core/local/invokeEndpoint';
import { LocalInvoker } from '../src/core/local/invoker';
import { FreshFunctions } from '../src/core/local/sources/freshFunctions';
import { readFunctionsIn } from '../src/core/local/sources/registry';
import { post } from './endpointClient';
import { median } from './stats';

// The local Lambda Invoke API (what `serverless-explorer start-lambda` serves) called the way the AWS SDK calls it:
// POST …/invocations over one kept-alive HTTP connection. Twice: with start-lambda's functions cache (a template is
// read again only when its mtime or size changes), and reading the template on every request as before issue 13.

export interface EndpointFigures {
  readonly cachedP50Ms: number;
  readonly rereadP50Ms: number;
  /** Cached, called from a process of its own (bench/endpointClient.ts), as the SDK or the AWS CLI calls it. */
  readonly otherProcessP50Ms: number;
}

/** The calls a client in another process makes: warm-ups, then timed. */
const OTHER_PROCESS_CALLS = { warmups: 500, runs: 1000 };
const CLIENT = path.join(__dirname, 'endpointClient.js');

const template = (runtime: string) =>
  `AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\nResources:\n  BenchFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: .\n      Handler: index.handler\n      Runtime: ${runtime}\n      Timeout: 10\n`;

async function p50Through(
  functions: () => ReturnType<FreshFunctions['current']>,
  runtimesDir: string,
  invoke: (n: number, call: (body: string) => Promise<string>) => Promise<void>,
  sequential: (invoke: (n: number) => Promise<void>) => Promise<{ p50Ms: number }>,
): Promise<{ inProcess: number; otherProcess: number }> {
  const invoker = new LocalInvoker({ runtimesDir });
  const endpoint = await LocalInvokeEndpoint.start({ functions, invoker, port: 0 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${endpoint.url}/2015-03-31/functions/BenchFunction/invocations`);
  try {
    const inProcess = (await sequential((n) => invoke(n, (body) => post(agent, url, body)))).p50Ms;
    const { stdout } = await promisify(execFile)(process.execPath, [CLIENT, url.href, String(OTHER_PROCESS_CALLS.warmups), String(OTHER_PROCESS_CALLS.runs)], { encoding: 'utf8' });
    return { inProcess, otherProcess: median(JSON.parse(stdout) as number[]) };
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
  const cached = await p50Through(() => fresh.current(), runtimesDir, invoke, sequential);
  const reread = await p50Through(async () => (await readFunctionsIn(file)).functions, runtimesDir, invoke, sequential);
  return { cachedP50Ms: cached.inProcess, rereadP50Ms: reread.inProcess, otherProcessP50Ms: cached.otherProcess };
}
