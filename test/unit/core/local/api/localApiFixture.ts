import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { ApiStage } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiRoute } from '../../../../../src/core/local/api/apiRoute';
import type { ApiSite } from '../../../../../src/core/local/api/apiSite';
import { LocalApiServer } from '../../../../../src/core/local/api/localApiServer';
import type { ApiRequestLog } from '../../../../../src/core/local/api/localServerOptions';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';

// A local API served in-process from a hand-built site, its functions tiny Node handlers in a temp dir run by a
// real LocalInvoker (the runtime client `npm run build` puts in dist/runtimes), curl or fetch as the client.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');
const RUNTIMES = path.join(ROOT, 'dist', 'runtimes');
const NODE_RUNTIME = `nodejs${process.versions.node.split('.')[0]}.x`;
const run = promisify(execFile);

export interface LocalApi {
  readonly url: string;
  readonly dir: string;
  readonly log: ApiRequestLog[];
  readonly warnings: string[];
  stop(): Promise<void>;
}

export interface LocalApiSpec {
  /** Handler files by function name: each is <name>.js exporting handler. */
  readonly handlers: Readonly<Record<string, string>>;
  readonly routes: readonly ApiRoute[];
  readonly stages: readonly ApiStage[];
}

export async function startLocalApi(spec: LocalApiSpec): Promise<LocalApi> {
  assert.ok(fs.existsSync(path.join(RUNTIMES, 'node', 'bootstrap.js')), `${RUNTIMES}/node/bootstrap.js is missing: run npm run build first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-local-api-'));
  const functions: LocalFunctionDefinition[] = Object.entries(spec.handlers).map(([name, source]) => {
    fs.writeFileSync(path.join(dir, `${name}.js`), source);
    return { name, codeDir: dir, handler: `${name}.handler`, runtime: NODE_RUNTIME, timeoutSeconds: 5, memoryMb: 128, environment: { CALLS_DIR: dir }, architecture: 'x86_64' };
  });
  const site: ApiSite = { routes: spec.routes, stages: new Map(spec.stages.map((stage) => [stage.apiId, stage])), functionUrls: [], webSockets: [], functions };
  const invoker = new LocalInvoker({ runtimesDir: RUNTIMES });
  const log: ApiRequestLog[] = [];
  const warnings: string[] = [];
  const server = await LocalApiServer.start({ site: () => site, invoker, port: 0, onRequest: (entry) => log.push(entry), onWarning: (message) => warnings.push(message) });
  return {
    url: server.url,
    dir,
    log,
    warnings,
    async stop() {
      await server.stop();
      await invoker.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CurlAnswer {
  readonly status: number;
  /** Header names lower-cased. */
  readonly headers: Map<string, string>;
  readonly body: string;
}

export async function curl(...args: string[]): Promise<CurlAnswer> {
  const { stdout } = await run('curl', ['-s', '-i', '--max-time', '15', ...args], { encoding: 'utf8' });
  const [head, ...rest] = stdout.split('\r\n\r\n');
  const lines = head.split('\r\n');
  const headers = new Map(lines.slice(1).map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(lines[0].split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/** The CORS headers of an answer, by lower-cased name. */
export function corsOf(answer: CurlAnswer): Record<string, string> {
  return Object.fromEntries([...answer.headers].filter(([name]) => name.startsWith('access-control-')));
}

/** How many times a fixture handler that calls countCall(name) has run. */
export function callsOf(api: LocalApi, name: string): number {
  const file = path.join(api.dir, `${name}.calls`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').length : 0;
}

/** Handler source that counts its calls in CALLS_DIR/<name>.calls, for callsOf. */
export const COUNT_CALL = `const countCall = (name) => require('fs').appendFileSync(require('path').join(process.env.CALLS_DIR, name + '.calls'), 'x');`;

/** A route handler that answers with what its event says of the authorizer, and its own CORS header (which an HTTP API replaces). */
export const ECHO = `${COUNT_CALL}
exports.handler = async (event) => {
  countCall('Echo');
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': 'https://function.example', 'X-From': 'function' },
    body: JSON.stringify({ authorizer: event.requestContext.authorizer === undefined ? 'absent' : event.requestContext.authorizer, method: event.httpMethod || event.requestContext.http.method }),
  };
};
`;
