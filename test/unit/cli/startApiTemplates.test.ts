import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { stopGroup } from '../../support/processGroup';

// `start-api --template` over each way a template can define its API (our own fixture projects in
// test/fixtures/local-api/, each with its function's code in src/, given here), curl as the client: the route is
// really served by the function it names.

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'local-api');
const run = promisify(execFile);

/** Answers with what API Gateway told it, so that a test sees which function, route, stage and payload served. */
const HANDLER = `exports.handler = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({
    served: process.env.AWS_LAMBDA_FUNCTION_NAME,
    version: event.version || '1.0',
    route: event.routeKey || event.resource,
    stage: event.requestContext.stage,
    id: event.pathParameters ? event.pathParameters.id : undefined,
    variables: event.stageVariables || undefined,
  }),
});
`;

async function curlJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const { stdout } = await run('curl', ['-s', '--max-time', '15', '-w', '\n%{http_code}', url], { encoding: 'utf8' });
  const lines = stdout.split('\n');
  const status = Number(lines.pop());
  return { status, body: JSON.parse(lines.join('\n')) as Record<string, unknown> };
}

/** Runs start-api on a copy of the fixture (so nothing is written into the repository) until `use` is done. */
async function withStartApi(fixture: string, use: (url: string, stderr: () => string, dir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `se-start-api-${fixture}-`));
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'app.js'), HANDLER);
  let child: ChildProcess | undefined;
  let stderr = '';
  try {
    child = spawn(process.execPath, [CLI, 'start-api', '--template', 'template.yaml', '--port', '0'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const started = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`start-api never said it was listening: ${stderr}`)), 15_000);
      const check = () => /Press Ctrl\+C to stop/.test(stderr) && (clearTimeout(timer), resolve());
      started.stderr!.on('data', check);
      started.on('exit', (code) => reject(new Error(`start-api exited with ${code}: ${stderr}`)));
      check();
    });
    await use(/Local API on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)![1], () => stderr, dir);
  } finally {
    await stopGroup(child?.pid);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('cli start-api --template: every way a template defines its routes is served', function () {
  this.timeout(60_000);

  before(() => assert.ok(fs.existsSync(CLI), `${CLI} is missing: run "npm run build" first`));

  it('a SAM Api with an inline OpenAPI DefinitionBody (openapi-body)', () =>
    withStartApi('openapi-body', async (url, stderr) => {
      assert.match(stderr(), new RegExp(`^Mounted GET ${url}/products/\\{id\\} → ProductsFunction \\(REST, payload 1\\.0\\)$`, 'm'));
      const { status, body } = await curlJson(`${url}/products/42`);
      assert.equal(status, 200);
      assert.deepEqual(body, { served: 'ProductsFunction', version: '1.0', route: '/products/{id}', stage: 'dev', id: '42', variables: { TABLE: 'products-dev' } });
    }));

  it('a SAM HttpApi whose DefinitionUri is an OpenAPI file next to the template, its function named by a literal ARN; an edit of that file is served without a restart (definition-uri)', () =>
    withStartApi('definition-uri', async (url, stderr, dir) => {
      const { status, body } = await curlJson(`${url}/items/7`);
      assert.equal(status, 200);
      assert.deepEqual(body, { served: 'ItemsFunction', version: '2.0', route: 'GET /items/{id}', stage: '$default', id: '7', variables: { TABLE: 'items-local' } });
      const openApi = path.join(dir, 'api', 'openapi.yaml');
      fs.writeFileSync(openApi, fs.readFileSync(openApi, 'utf8').replace('/items/{id}:', '/things/{id}:'));
      const future = new Date(Date.now() + 2000);
      fs.utimesSync(openApi, future, future);
      assert.equal((await curlJson(`${url}/things/8`)).body.route, 'GET /things/{id}');
      assert.match(stderr(), /Reloaded the routes \(1\): \+ GET \/things\/\{id\} → ItemsFunction, - GET \/items\/\{id\} → ItemsFunction\./);
    }));

  it('an AWS::ApiGateway RestApi of Resource and Method resources, with its Stage (rest-resources)', () =>
    withStartApi('rest-resources', async (url) => {
      const { status, body } = await curlJson(`${url}/items/9`);
      assert.equal(status, 200);
      assert.deepEqual(body, { served: 'ItemFunction', version: '1.0', route: '/items/{id}', stage: 'v1', id: '9', variables: { TABLE: 'items-v1' } });
      assert.equal((await curlJson(`${url}/items`)).status, 403, 'only the methods the template has are served');
    }));

  it('an AWS::ApiGatewayV2 quick-create HTTP API: every path goes to its Target (v2-quick-create)', () =>
    withStartApi('v2-quick-create', async (url) => {
      const { status, body } = await curlJson(`${url}/any/path/at/all`);
      assert.equal(status, 200);
      assert.deepEqual(body, { served: 'HelloFunction', version: '2.0', route: '$default', stage: '$default' });
    }));

  it('an AWS::ApiGatewayV2 Route through its Integration, with the {id} parameter and the Stage variables (v2-routes)', () =>
    withStartApi('v2-routes', async (url) => {
      const { status, body } = await curlJson(`${url}/items/abc`);
      assert.equal(status, 200);
      assert.deepEqual(body, { served: 'ItemsFunction', version: '2.0', route: 'GET /items/{id}', stage: '$default', id: 'abc', variables: { TABLE: 'items-default' } });
    }));
});
