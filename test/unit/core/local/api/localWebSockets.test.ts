import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import type { WebSocketApi } from '../../../../../src/core/local/api/apiDefinitions';
import type { ApiSite } from '../../../../../src/core/local/api/apiSite';
import { LocalApiServer } from '../../../../../src/core/local/api/localApiServer';
import type { ApiRequestLog } from '../../../../../src/core/local/api/localServerOptions';
import { LocalInvoker } from '../../../../../src/core/local/invoker';
import type { LocalFunctionDefinition } from '../../../../../src/core/local/types';

// A WebSocket API served by real runtimes, with the `ws` client as the browser would be, and the handlers answering
// through the AWS SDK's own ApiGatewayManagementApiClient (made without an endpoint: the local one is in its
// environment) and curl on the @connections API.

const ROOT = path.resolve(__dirname, '../../../../../..');
const NODE_RUNTIME = `nodejs${process.versions.node.split('.')[0]}.x`;
const run = promisify(execFile);

const HANDLERS: Record<string, string> = {
  // The $connect authorizer: allows the one token, with who it is in the context.
  'auth.js': `exports.handler = async (event) => ({
  principalId: 'ada',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.queryStringParameters.token === 'letmein' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
  context: { user: 'ada' },
});`,
  // $connect itself refuses what the authorizer let through without a user, and a ?refuse.
  'connect.js': `exports.handler = async (event) => ({ statusCode: event.requestContext.authorizer.user === 'ada' && !(event.queryStringParameters || {}).refuse ? 200 : 401 });`,
  'echo.js': `const { ApiGatewayManagementApiClient, PostToConnectionCommand, GetConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
const client = new ApiGatewayManagementApiClient({});
exports.handler = async (event) => {
  const { connectionId, routeKey, eventType, stage } = event.requestContext;
  const about = await client.send(new GetConnectionCommand({ ConnectionId: connectionId }));
  const data = JSON.stringify({ echo: event.body, routeKey, eventType, stage, sourceIp: about.Identity.SourceIp });
  await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
  return { statusCode: 200 };
};`,
  'ack.js': `exports.handler = async (event) => ({ statusCode: 200, body: 'ack ' + JSON.parse(event.body).text });`,
  'fail.js': `exports.handler = async () => { throw new Error('the route broke'); };`,
  'disconnect.js': `exports.handler = async (event) => { require('fs').writeFileSync(process.env.OUT, String(event.requestContext.disconnectStatusCode)); return { statusCode: 200 }; };`,
};

describe('core/local/api WebSocket APIs: $connect, route selection, $disconnect and the @connections API, ws and the SDK as clients', function () {
  this.timeout(60_000);
  let dir: string;
  let invoker: LocalInvoker;
  let server: LocalApiServer;
  const log: ApiRequestLog[] = [];

  const api: WebSocketApi = {
    apiId: 'ChatApi',
    stage: 'dev',
    stageVariables: {},
    routeSelectionExpression: '$request.body.action',
    connectAuthorizer: { kind: 'lambda', functionName: 'Auth', type: 'REQUEST', identitySources: ['route.request.querystring.token'], payloadVersion: '1.0', simpleResponses: false, ttlSeconds: 0 },
    routes: [
      { routeKey: '$connect', functionName: 'Connect' },
      { routeKey: '$default', functionName: 'Echo' },
      { routeKey: 'send', functionName: 'Ack', twoWay: true },
      { routeKey: 'broken', functionName: 'Fail' },
      { routeKey: '$disconnect', functionName: 'Disconnect' },
    ],
  };

  const open = (query: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/${query}`);
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
      socket.once('error', reject);
    });
  const next = (socket: WebSocket) => new Promise<string>((resolve) => socket.once('message', (data: Buffer) => resolve(data.toString('utf8'))));

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'se-websocket-'));
    for (const [file, code] of Object.entries(HANDLERS)) fs.writeFileSync(path.join(dir, file), code);
    // The handlers' SDK is this repository's, as a project's own node_modules would hold it.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const fn = (name: string, file: string): LocalFunctionDefinition => ({
      name,
      codeDir: dir,
      handler: `${file}.handler`,
      runtime: NODE_RUNTIME,
      timeoutSeconds: 10,
      memoryMb: 256,
      environment: { OUT: path.join(dir, 'disconnected.txt') },
      architecture: 'x86_64',
    });
    const functions = [fn('Auth', 'auth'), fn('Connect', 'connect'), fn('Echo', 'echo'), fn('Ack', 'ack'), fn('Fail', 'fail'), fn('Disconnect', 'disconnect')];
    const site: ApiSite = { routes: [], stages: new Map(), functionUrls: [], webSockets: [api], functions };
    invoker = new LocalInvoker({ runtimesDir: path.join(ROOT, 'dist', 'runtimes') });
    server = await LocalApiServer.start({
      site: () => site,
      invoker,
      port: 0,
      onRequest: (entry) => log.push(entry),
      credentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'local-secret' },
    });
  });
  after(async () => {
    await server.stop();
    await invoker.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("the $connect authorizer decides first (401 without its identity source, 403 on Deny), then $connect's own answer", async () => {
    await assert.rejects(open(''), /refused with 401/);
    await assert.rejects(open('?token=wrong'), /refused with 403/);
    await assert.rejects(open('?token=letmein&refuse=1'), /refused with 401/);
    const socket = await open('?token=letmein');
    socket.close();
  });

  it("a message without a matching route goes to $default, whose handler answers through the SDK's ApiGatewayManagementApiClient", async () => {
    const socket = await open('?token=letmein');
    try {
      const reply = next(socket);
      socket.send('plain text, no action');
      assert.deepEqual(JSON.parse(await reply), { echo: 'plain text, no action', routeKey: '$default', eventType: 'MESSAGE', stage: 'dev', sourceIp: '127.0.0.1' });
    } finally {
      socket.close();
    }
  });

  it("the selection expression picks a route: a two-way route's answer body comes back; a failing one tells the client as API Gateway does", async () => {
    const socket = await open('?token=letmein');
    try {
      let reply = next(socket);
      socket.send(JSON.stringify({ action: 'send', text: 'hi' }));
      assert.equal(await reply, 'ack hi');
      reply = next(socket);
      socket.send(JSON.stringify({ action: 'broken' }));
      const failure = JSON.parse(await reply) as { message: string; connectionId: string };
      assert.equal(failure.message, 'Internal server error');
      assert.match(failure.connectionId, /^[\w-]{16}=$/);
      assert.match(log.find((entry) => entry.path === 'broken')?.note ?? '', /the function failed: Error: the route broke/);
    } finally {
      socket.close();
    }
  });

  it('@connections with curl: GET describes, POST sends, DELETE closes (and $disconnect runs), an unknown id is 410 Gone', async () => {
    const socket = await open('?token=letmein');
    // API Gateway's error message names the connection: the id the @connections API knows it by.
    const failure = next(socket);
    socket.send(JSON.stringify({ action: 'broken' }));
    const { connectionId } = JSON.parse(await failure) as { connectionId: string };
    const base = `${server.url}/dev/@connections/${encodeURIComponent(connectionId)}`;
    const described = JSON.parse((await run('curl', ['-s', base])).stdout) as { connectedAt: string; identity: { sourceIp: string } };
    assert.equal(described.identity.sourceIp, '127.0.0.1');
    assert.ok(Date.now() - Date.parse(described.connectedAt) < 60_000);
    const pushed = next(socket);
    await run('curl', ['-s', '-X', 'POST', '--data', 'pushed by curl', base]);
    assert.equal(await pushed, 'pushed by curl');
    fs.rmSync(path.join(dir, 'disconnected.txt'), { force: true });
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    await run('curl', ['-s', '-X', 'DELETE', base]);
    assert.equal(await closed, 1000);
    const gone = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-X', 'POST', '--data', 'x', base]);
    assert.equal(gone.stdout, '410');
    await until(() => fs.existsSync(path.join(dir, 'disconnected.txt')));
    assert.equal(fs.readFileSync(path.join(dir, 'disconnected.txt'), 'utf8'), '1000');
  });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(check(), 'never happened');
}
