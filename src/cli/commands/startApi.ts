import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_API_PORT, LocalApiServer } from '../../core/local/api/localApiServer';
import { FileApiSite } from '../../core/local/api/apiSite';
import { mountedLine, reloadLine, requestLine } from '../../core/local/api/apiLogLines';
import { LocalInvoker } from '../../core/local/invoker';
import { isLoopbackHost } from '../../core/local/loopbackHost';
import { findTemplates } from '../../core/local/sources/sam/templateDiscovery';
import type { CliIo } from '../io';
import { parsePortFlag } from '../portFlag';
import { cliProjectRoot } from '../projectRoot';
import { interpreterChoices, interpreterFlagProblem, type InterpreterFlags } from '../interpreterFlags';

export interface StartApiOptions extends InterpreterFlags {
  readonly template?: string;
  readonly host?: string;
  readonly port?: string;
  readonly cwd: string;
  /** Resolves when the command should stop (Ctrl+C). */
  readonly stopped: Promise<void>;
}

/** `start-api`: the template's Api and HttpApi events served as a local API Gateway, like sam local start-api. */
export async function startApiCommand(options: StartApiOptions, io: CliIo): Promise<number> {
  const portFlag = parsePortFlag(options.port, DEFAULT_API_PORT);
  if ('problem' in portFlag) {
    io.err(`serverless-explorer: ${portFlag.problem}\n`);
    return 2;
  }
  const { port } = portFlag;
  const interpreters = interpreterChoices(options, options.cwd);
  const problem = interpreterFlagProblem(interpreters);
  if (problem) {
    io.err(`serverless-explorer: ${problem}\n`);
    return 2;
  }
  const templates = options.template ? [path.resolve(options.cwd, options.template)] : await findTemplates(options.cwd);
  if (options.template && !fs.existsSync(templates[0])) {
    io.err(`serverless-explorer: the template ${options.template} does not exist.\n`);
    return 2;
  }
  const site = new FileApiSite(
    templates,
    (problem) => io.err(`Warning: ${problem}\n`),
    (change, now) => io.err(`${reloadLine(change, now)}\n`),
  );
  const first = await site.current();
  if (first.routes.length === 0) {
    io.err(
      `serverless-explorer: no Api or HttpApi events found in ${options.template ?? (templates.map((t) => path.relative(options.cwd, t)).join(', ') || 'the templates here')}. ` +
        'Give a function an event such as { Type: Api, Properties: { Path: /hello, Method: get } }, or --template the template that has them.\n',
    );
    return 1;
  }
  const invoker = new LocalInvoker({ projectRoot: cliProjectRoot(options.cwd), interpreters: () => interpreters });
  let server: LocalApiServer;
  try {
    server = await LocalApiServer.start({ site: () => site.current(), invoker, host: options.host, port, onRequest: (entry) => io.err(`${requestLine(entry)}\n`) });
  } catch (error) {
    io.err(`serverless-explorer: ${(error as Error).message}\n`);
    await invoker.dispose();
    return 1;
  }
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    io.err(`Warning: listening on ${host}:${new URL(server.url).port}, not only on this machine's loopback: anyone who can reach this machine can call these routes and run the functions. Leave out --host (127.0.0.1) unless that is meant.\n`);
  }
  for (const route of first.routes) io.err(`${mountedLine(route, server.url)}\n`);
  io.err(`Local API on ${server.url}. Press Ctrl+C to stop.\n`);
  await options.stopped;
  await server.stop();
  await invoker.dispose();
  return 0;
}
