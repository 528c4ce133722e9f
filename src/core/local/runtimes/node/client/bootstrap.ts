// The Node.js runtime client that runs inside a local execution environment: it speaks the Lambda
// Runtime API (AWS_LAMBDA_RUNTIME_API) like the managed Node runtime does: loads _HANDLER from
// LAMBDA_TASK_ROOT (CommonJS or ES module), builds the context object, supports async and callback
// handlers, formats console output like Lambda, and reports errors with Lambda's types and shapes.
// Bundled alone as dist/runtimes/node/bootstrap.js (scripts/build.mjs bundles every runtimes/<family>/client/bootstrap.ts); it imports only Node's own modules.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { MAX_RSS_HEADER } from '../../maxRssHeader';
import { missingPackageHint } from './missingPackageHint';
import { resolveImportsFromNodePath } from './nodePathImports';
import { RuntimeApiClient, takeRuntimeToken } from './runtimeApiClient';
import { installAwsLambdaGlobal, streamingOf } from './awslambda';
import { failOpenStream, runStreaming } from './streamingInvocation';

type Handler = (event: unknown, context: Record<string, unknown>, callback?: (error?: unknown, result?: unknown) => void) => unknown;

const [host, port] = (process.env.AWS_LAMBDA_RUNTIME_API ?? '').split(':');
// Without its Runtime API the environment is gone: end, as a runtime on Lambda does when its API goes away.
const client = new RuntimeApiClient(host, Number(port), takeRuntimeToken(), () => process.exit(1));
let currentRequestId: string | undefined;

/** Our own addition to an outcome: the peak resident memory, which spares the host reading /proc. */
const memoryHeader = (): Record<string, string> => ({ [MAX_RSS_HEADER]: String(process.resourceUsage().maxRSS) });

/** Lambda's error payload for Node: { errorType, errorMessage, trace }. */
function errorPayload(error: unknown, errorType?: string): string {
  if (error instanceof Error) {
    return JSON.stringify({ errorType: errorType ?? error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') });
  }
  return JSON.stringify({ errorType: errorType ?? 'string', errorMessage: typeof error === 'string' ? error : JSON.stringify(error) ?? String(error), trace: [] });
}

function postError(route: string, error: unknown, errorType?: string): Promise<unknown> {
  const type = errorType ?? (error instanceof Error ? error.name : 'string');
  return client.request('POST', route, errorPayload(error, errorType), { 'lambda-runtime-function-error-type': type, ...memoryHeader() });
}

// console.* as Lambda prints it: "<ISO time>\t<request id>\t<LEVEL>\t<message>".
function patchConsole(): void {
  const write = (level: string) => (...args: unknown[]) => {
    const text = format(...(args as [unknown, ...unknown[]]));
    process.stdout.write(`${new Date().toISOString()}\t${currentRequestId ?? 'undefined'}\t${level}\t${text.replace(/\n/g, '\r')}\n`);
  };
  console.log = write('INFO');
  console.info = write('INFO');
  console.warn = write('WARN');
  console.error = write('ERROR');
  console.debug = write('DEBUG');
  console.trace = write('TRACE');
}

class ImportModuleError extends Error {
  override name = 'Runtime.ImportModuleError';
}
class HandlerNotFound extends Error {
  override name = 'Runtime.HandlerNotFound';
}
class MalformedHandlerName extends Error {
  override name = 'Runtime.MalformedHandlerName';
}
class UserCodeSyntaxError extends Error {
  override name = 'Runtime.UserCodeSyntaxError';
}

async function loadHandler(): Promise<Handler> {
  const root = process.env.LAMBDA_TASK_ROOT ?? process.cwd();
  const spec = process.env._HANDLER ?? '';
  // As the managed runtime splits it: the module is up to the first dot of the last path segment, the rest is
  // the export path ("src/handlers.api.handler" → module src/handlers, export api.handler).
  const dot = spec.indexOf('.', spec.lastIndexOf('/') + 1);
  if (dot <= 0 || dot === spec.length - 1) throw new MalformedHandlerName(`Bad handler ${spec}`);
  const modulePath = spec.slice(0, dot);
  const functionPath = spec.slice(dot + 1);
  const base = path.resolve(root, modulePath);
  const file = ['.js', '.mjs', '.cjs', ''].map((ext) => base + ext).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  if (!file) throw new ImportModuleError(`Error: Cannot find module '${modulePath}'\nRequire stack:\n- ${__filename}`);
  let module: Record<string, unknown>;
  try {
    if (file.endsWith('.mjs') || (file.endsWith('.js') && isModuleType(path.dirname(file)))) {
      // A real dynamic import (esbuild would turn import() into require in this CommonJS bundle).
      resolveImportsFromNodePath();
      const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<Record<string, unknown>>;
      module = await dynamicImport(pathToFileURL(file).href);
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      module = require(file) as Record<string, unknown>;
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserCodeSyntaxError(`${error.name}: ${error.message}${syntaxErrorPlace(error, root, file)}`);
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' || (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      const hint = missingPackageHint((error as Error).message, file);
      throw new ImportModuleError(`Error: ${(error as Error).message}${hint ? `\n${hint}` : ''}`);
    }
    throw error;
  }
  let target: unknown = module;
  for (const part of functionPath.split('.')) target = (target as Record<string, unknown> | undefined)?.[part];
  if (typeof target !== 'function') throw new HandlerNotFound(`${spec} is undefined or not exported`);
  return target as Handler;
}

/** " in src/app.js:3", from the first line of the stack, where Node puts a syntax error's file and line. */
function syntaxErrorPlace(error: SyntaxError, root: string, file: string): string {
  const place = /^(.+):(\d+)$/.exec((error.stack ?? '').split('\n')[0]) ?? /^(.+):(\d+)$/m.exec(checkSyntax(file));
  return place ? ` in ${path.relative(root, place[1]) || place[1]}:${place[2]}` : '';
}

/** Node leaves the place out of an ES module's syntax error; `node --check` names it (the error is at init, once). */
function checkSyntax(file: string): string {
  // Without NODE_OPTIONS: under a debugger it would carry --inspect into the check.
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const checked = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8', timeout: 5000, env });
  return checked.stderr ?? '';
}

function isModuleType(dir: string): boolean {
  for (let d = dir; ; d = path.dirname(d)) {
    const pkg = path.join(d, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        return JSON.parse(fs.readFileSync(pkg, 'utf8')).type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(d) === d) return false;
  }
}

function context(headers: Readonly<Record<string, string>>, requestId: string): Record<string, unknown> {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const header = (name: string) => {
    const value = headers[name];
    return value ? JSON.parse(value) : undefined;
  };
  const ctx: Record<string, unknown> = {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: requestId,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    identity: header('lambda-runtime-cognito-identity'),
    clientContext: header('lambda-runtime-client-context'),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  return ctx;
}

/** Runs the handler: a promise, or a callback when the handler takes three parameters and returns none. */
function run(handler: Handler, event: unknown, ctx: Record<string, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error?: unknown, result?: unknown) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(result);
    };
    Object.assign(ctx, {
      done: callback,
      succeed: (result: unknown) => callback(null, result),
      fail: (error: unknown) => callback(error ?? 'handled'),
    });
    try {
      const returned = handler(event, ctx, callback);
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then((value) => callback(null, value), (error: unknown) => callback(error ?? new Error('The handler rejected with no reason')));
      } else if (handler.length < 3) {
        callback(null, returned);
      }
    } catch (error) {
      callback(error);
    }
  });
}

async function main(): Promise<void> {
  patchConsole();
  installAwsLambdaGlobal();
  let handler: Handler;
  let streaming: ReturnType<typeof streamingOf>;
  try {
    handler = await loadHandler();
    streaming = streamingOf(handler);
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    await postError('/init/error', error);
    process.exit(1);
  }
  process.on('unhandledRejection', (reason) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    console.error(`Unhandled Promise Rejection\t${error.stack ?? error.message}`);
    const route = currentRequestId ? `/invocation/${currentRequestId}/error` : '/init/error';
    const streamed = failOpenStream(errorPayload(error, 'Runtime.UnhandledPromiseRejection'));
    void (streamed ?? postError(route, error, 'Runtime.UnhandledPromiseRejection')).finally(() => process.exit(128));
  });
  process.on('uncaughtException', (error) => {
    console.error(`Uncaught Exception\t${error.stack ?? error.message}`);
    const route = currentRequestId ? `/invocation/${currentRequestId}/error` : '/init/error';
    void (failOpenStream(errorPayload(error)) ?? postError(route, error)).finally(() => process.exit(129));
  });
  // Each outcome leaves together with the next `GET …/invocation/next`, in one write: the next event can be handed
  // over as soon as the outcome is in.
  let nextRequest = client.request('GET', '/invocation/next');
  for (;;) {
    const next = await nextRequest;
    const requestId = next.headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    // As the managed runtime does: X-Ray's SDK (Powertools' Tracer) reads the invocation's trace header from here.
    if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    let event: unknown;
    try {
      event = JSON.parse(next.body);
    } catch {
      event = next.body;
    }
    // Hold the event loop open while the handler runs: a promise that never settles must time out, as on
    // Lambda, instead of letting Node exit for lack of work.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    let outcome: () => unknown;
    try {
      if (streaming) {
        // The response has gone out as it was written.
        await runStreaming(client, handler, event, context(next.headers, requestId), requestId, { ...streaming, describe: errorPayload });
        outcome = () => undefined;
      } else {
        const result = await run(handler, event, context(next.headers, requestId));
        const body = result === undefined ? 'null' : JSON.stringify(result);
        outcome = () => client.request('POST', `/invocation/${requestId}/response`, body, memoryHeader());
      }
    } catch (error) {
      console.error(`Invoke Error \t${errorPayload(error)}`);
      outcome = () => postError(`/invocation/${requestId}/error`, error);
    } finally {
      clearInterval(keepAlive);
    }
    currentRequestId = undefined;
    nextRequest = client.together(() => {
      outcome();
      return client.request('GET', '/invocation/next');
    });
  }
}

void main();
