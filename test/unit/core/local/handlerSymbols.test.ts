import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { adHocFunctionName, isDeployedAs } from '../../../../src/core/local/deployedNames';
import { handlerModule, handlerSources } from '../../../../src/core/local/handlerSources';
import { sourceMapSources } from '../../../../src/core/local/runtimes/node/sourceMaps';
import { findExportedFunctions, findHandlers, handlerLanguage, type HandlerLanguage } from '../../../../src/core/local/handlerSymbols';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, type LocalFunctionDefinition } from '../../../../src/core/local/types';

/** The handlers of a source, as "name@line" (1-based). */
function handlers(language: HandlerLanguage, ...lines: string[]): string[] {
  return findHandlers(lines.join('\n'), language).map((h) => `${h.name}@${h.line}`);
}

describe('handlerSymbols: exported JavaScript and TypeScript handlers, for CodeLens', () => {
  it('finds the handler forms of CommonJS modules, on the line of the function', () => {
    assert.deepEqual(
      handlers(
        'javascript',
        'let calls = 0;',
        'exports.handler = async (event, context) => {',
        '  calls++;',
        '};',
        "exports.fail = async () => { throw new RangeError('no'); };",
        'module.exports.legacy = function (event, context, callback) {',
        '  callback(null, 1);',
        '};',
        'exports.single = event => event;',
      ),
      ['handler@2', 'fail@5', 'legacy@6', 'single@9'],
    );
  });

  it('finds ES module exports: export const, export (async) function, export { … }, export { impl as name }', () => {
    assert.deepEqual(
      handlers(
        'javascript',
        'export const handler = async (event) => {',
        '  return event;',
        '};',
        'export async function consume(event, context) {}',
        'export function withCallback(event, context, callback) {}',
        'function impl(event) {',
        '  return 1;',
        '}',
        'const other = async function (event) {};',
        'export { impl as api, other };',
      ),
      ['handler@1', 'consume@4', 'withCallback@5', 'api@6', 'other@9'],
    );
  });

  it('finds module.exports = { … }: shorthand, key: local, inline functions and methods', () => {
    assert.deepEqual(
      handlers(
        'javascript',
        'async function handler(event) {}',
        'const list = (event, context) => [];',
        'module.exports = {',
        '  handler,',
        '  get: list,',
        '  remove: async (event) => {},',
        '  async update(event, context) {},',
        "  TABLE: 'orders',",
        '};',
      ),
      ['handler@1', 'get@2', 'remove@6', 'update@7'],
    );
  });

  it('reads TypeScript: typed handlers, generics, return types, parameters over several lines, wrapped handlers', () => {
    assert.deepEqual(
      handlers(
        'typescript',
        "import type { APIGatewayProxyEvent, Context, Handler, S3Event } from 'aws-lambda';",
        'export const s3: Handler<S3Event, void> = async (event) => {};',
        'export async function api(',
        '  event: APIGatewayProxyEvent,',
        '  context: Context,',
        '): Promise<{ statusCode: number; body: string }> {',
        "  return { statusCode: 200, body: '' };",
        '}',
        'export const typed = (event: Record<string, unknown>, context: Context, callback: (error: Error | null, result?: unknown) => void): void => {};',
        'export const generic = async <T extends { id: string }>(event: T): Promise<T> => event;',
        'export const handler = middy(baseHandler).use(jsonBodyParser());',
        'export const wrapped: APIGatewayProxyHandler = Sentry.wrapHandler(base);',
      ),
      ['s3@2', 'api@3', 'typed@9', 'generic@10', 'handler@11', 'wrapped@12'],
    );
  });

  it('leaves out what is not a handler: values, classes, 0 or 4+ parameters, locals, re-exports, defaults, comments and strings', () => {
    assert.deepEqual(
      handlers(
        'typescript',
        "export const TABLE = 'orders';",
        'export const limits = { max: 3 };',
        'export class Repository {}',
        'export function now() { return Date.now(); }',
        'export function four(a, b, c, d) {}',
        'export const wrapped = middy(base);',
        'export type Fn = (event: unknown) => void;',
        'export declare function declared(event: unknown): void;',
        'function local(event, context) {}',
        "export { handler } from './handler';",
        'export default async function (event) {}',
        '// export const commented = async (event) => {};',
        '/* exports.blocked = async (event) => {}; */',
        'const text = "exports.quoted = async (event) => {}";',
        'const template = `',
        'export const inTemplate = async (event) => {};',
        '`;',
        'export function method() {',
        '  return { inner: async (event) => {} };',
        '}',
      ),
      [],
    );
  });

  it('is not thrown off by regular expressions, divisions and template literals before a handler', () => {
    assert.deepEqual(
      handlers(
        'javascript',
        "const quote = /'/g;",
        'const half = total / 2 / 1;',
        'const message = `calls: ${count} {`;',
        'export const handler = async (event) => ({ quote, half, message });',
      ),
      ['handler@4'],
    );
  });

  it('lists exports that do not look like handlers too (a template may point at them), but findHandlers leaves them out', () => {
    const text = ['export const wrapped = middy(base);', 'export function now() {}', 'export const handler = async () => {};', 'export const api = {', '  get: async (event) => {},', '};'].join('\n');
    assert.deepEqual(
      findExportedFunctions(text, 'typescript').map((f) => [f.name, f.line, f.handlerLike]),
      [
        ['wrapped', 1, false],
        ['now', 2, false],
        ['handler', 3, true],
        ['api', 4, false],
      ],
    );
    assert.deepEqual(findHandlers(text, 'typescript').map((f) => f.name), ['handler']);
  });

  it('tells the language from the file extension', () => {
    assert.deepEqual(
      ['a.js', 'a.mjs', 'a.cjs', 'a.ts', 'a.mts', 'b/app.py', 'template.yaml', 'README'].map(handlerLanguage),
      ['javascript', 'javascript', 'javascript', 'typescript', 'typescript', 'python', undefined, undefined],
    );
  });
});

describe('handlerSymbols: Python handlers', () => {
  it('finds top-level functions of two positional parameters: annotated, over several lines, with defaults', () => {
    assert.deepEqual(
      handlers(
        'python',
        'import json',
        '',
        'def handler(event, context):',
        '    return {"ok": True}',
        '',
        '@logger.inject_lambda_context',
        'def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict:',
        '    pass',
        '',
        'def consume(',
        '    event,',
        '    context=None,',
        '):',
        '    pass',
        '',
        'handler_app = Mangum(app)',
        'handler = Mangum(app)',
      ),
      ['handler@3', 'lambda_handler@7', 'consume@10'],
    );
    assert.deepEqual(handlers('python', 'from mangum import Mangum', 'app = FastAPI()', 'handler = Mangum(app)'), ['handler@3'], 'a wrapped ASGI app');
  });

  it('leaves out methods, private and test functions, other arities, async defs, comments and docstrings', () => {
    assert.deepEqual(
      handlers(
        'python',
        '"""Module docstring.',
        'def in_docstring(event, context):',
        '"""',
        '# def commented(event, context):',
        'class Handler:',
        '    def handle(self, event, context):',
        '        pass',
        '    def nested(event, context):',
        '        pass',
        'def _private(event, context):',
        '    pass',
        'def test_handler(client, table):',
        '    pass',
        'def one(event):',
        '    pass',
        'def three(event, context, extra):',
        '    pass',
        'def star(*args, **kwargs):',
        '    pass',
        'def kw(event, *, context):',
        '    pass',
        'async def coroutine(event, context):',
        '    pass',
      ),
      [],
    );
  });
});

describe('handlerSymbols: where template functions live (handlerSources)', () => {
  let dir: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'handler-sources-'));
  });

  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const definition = (codeDir: string, handler: string, runtime: string): LocalFunctionDefinition => ({
    name: 'Fn',
    codeDir: path.join(dir, codeDir),
    handler,
    runtime,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    memoryMb: DEFAULT_MEMORY_MB,
    environment: {},
    architecture: 'x86_64',
  });

  async function write(file: string, text: string): Promise<string> {
    const full = path.join(dir, file);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, text);
    return full;
  }

  it('splits a Handler as each runtime does', () => {
    assert.deepEqual(handlerModule({ handler: 'dist/app.handler', runtime: 'nodejs20.x' }), { module: 'dist/app', exportName: 'handler' });
    assert.deepEqual(handlerModule({ handler: 'src/handlers.api.get', runtime: 'nodejs22.x' }), { module: 'src/handlers', exportName: 'api' });
    assert.deepEqual(handlerModule({ handler: 'pkg.mod.handler', runtime: 'python3.12' }), { module: 'pkg/mod', exportName: 'handler' });
    assert.deepEqual(handlerModule({ handler: 'pkg/mod.handler', runtime: 'python3.12' }), { module: 'pkg/mod', exportName: 'handler' });
    assert.equal(handlerModule({ handler: 'bootstrap', runtime: 'provided.al2023' }), undefined);
    assert.equal(handlerModule({ handler: 'index', runtime: 'nodejs20.x' }), undefined);
  });

  it('maps compiled TypeScript (dist/app.handler) to its .ts source through the source map file next to it', async () => {
    const js = await write('tsc/dist/app.js', 'exports.handler = async (event) => event;\n//# sourceMappingURL=app.js.map\n');
    await write('tsc/dist/app.js.map', JSON.stringify({ version: 3, file: 'app.js', sourceRoot: '', sources: ['../src/app.ts'], names: [], mappings: 'AAAA' }));
    const sources = await handlerSources(definition('tsc', 'dist/app.handler', 'nodejs20.x'));
    assert.deepEqual(sources, { exportName: 'handler', files: [js, path.join(dir, 'tsc', 'src', 'app.ts')] });
  });

  it('reads an inline data: URL source map, applies sourceRoot and leaves out node_modules', async () => {
    const map = { version: 3, sourceRoot: '../src/', sources: ['inline.ts', 'lib/db.ts', '../node_modules/middy/index.js', 'webpack://app/./x.ts'], mappings: '' };
    const js = await write('bundle/out/inline.js', `exports.handler = async () => 1;\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}\n`);
    assert.deepEqual(await sourceMapSources(js), [path.join(dir, 'bundle', 'src', 'inline.ts'), path.join(dir, 'bundle', 'src', 'lib', 'db.ts')]);
    const sources = await handlerSources(definition('bundle/out', 'inline.handler', 'nodejs22.x'));
    assert.deepEqual(sources?.files, [js, path.join(dir, 'bundle', 'src', 'inline.ts'), path.join(dir, 'bundle', 'src', 'lib', 'db.ts')]);
  });

  it('resolves sources relative to a map in another folder, and finds <file>.map without a comment', async () => {
    const elsewhere = await write('maps-elsewhere/dist/index.js', 'exports.handler = () => 1;\n//# sourceMappingURL=../maps/index.js.map');
    await write('maps-elsewhere/maps/index.js.map', JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }));
    assert.deepEqual(await sourceMapSources(elsewhere), [path.join(dir, 'maps-elsewhere', 'src', 'index.ts')]);
    const bare = await write('bare/dist/index.js', 'exports.handler = () => 1;\n');
    await write('bare/dist/index.js.map', JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' }));
    assert.deepEqual(await sourceMapSources(bare), [path.join(dir, 'bare', 'src', 'index.ts')]);
    assert.deepEqual(await sourceMapSources(await write('nomap/index.js', 'exports.handler = () => 1;\n')), []);
  });

  it('finds a TypeScript handler module itself, and a Python module by its dotted path', async () => {
    const ts = await write('esbuild/app.ts', 'export const handler = async () => 1;\n');
    assert.deepEqual(await handlerSources(definition('esbuild', 'app.handler', 'nodejs20.x')), { exportName: 'handler', files: [ts] });
    const py = await write('py/pkg/mod.py', 'def handler(event, context):\n    return 1\n');
    assert.deepEqual(await handlerSources(definition('py', 'pkg.mod.handler', 'python3.12')), { exportName: 'handler', files: [py] });
    assert.deepEqual(await handlerSources(definition('py', 'missing.handler', 'python3.12')), { exportName: 'handler', files: [] });
    assert.equal(await handlerSources(definition('py', 'bootstrap', 'provided.al2023')), undefined);
  });
});

describe('handlerSymbols: deployed names of local functions', () => {
  it("matches a template's logical id to the name SAM deploys it under, and an ad hoc name only exactly", () => {
    assert.equal(isDeployedAs('HelloNode', 'HelloNode', true), true);
    assert.equal(isDeployedAs('sam-app-HelloNode-1A2B3C4D5E6F', 'HelloNode', true), true);
    assert.equal(isDeployedAs('sam-app-HelloNodeV2-1A2B3C4D5E6F', 'HelloNode', true), false);
    assert.equal(isDeployedAs('HelloNode-Other-1A2B', 'HelloNode', true), false, 'a stack named like the function is not the function');
    assert.equal(isDeployedAs('sam-app-orders-1A2B', 'orders', false), false);
    assert.equal(isDeployedAs('orders', 'orders', false), true);
  });

  it('names an ad hoc handler by its export, else its file, else its folder', () => {
    assert.equal(adHocFunctionName('/w/orders-api/index.js', 'handler'), 'orders-api');
    assert.equal(adHocFunctionName('/w/functions/thumbnail.py', 'lambda_handler'), 'thumbnail');
    assert.equal(adHocFunctionName('/w/src/app.ts', 'createOrder'), 'createOrder');
  });
});
