import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AwsTimeouts } from '../../core/aws/timeouts';
import { applyEnvVars } from '../../core/local/adHoc';
import { DEFAULT_API_PORT, LocalApiServer } from '../../core/local/api/localApiServer';
import { LocalFunctionUrlServer } from '../../core/local/api/functionUrlServer';
import { FUNCTION_URL_PORT_OFFSET } from '../../core/local/api/functionUrlPorts';
import { FileApiSite } from '../../core/local/api/apiSite';
import type { ApiSite } from '../../core/local/api/apiSite';
import type { FunctionUrl } from '../../core/local/api/apiDefinitions';
import { mountedLine, mountedUrlLine, mountedWebSocketLine, reloadLine, requestLine } from '../../core/local/api/apiLogLines';
import { LocalInvoker } from '../../core/local/invoker';
import { isLoopbackHost } from '../../core/local/loopbackHost';
import { findSourceFiles } from '../../core/local/sources/registry';
import { ENV_VARS_EXAMPLE, readEnvVarsFile } from '../envVarsFile';
import type { CliIo } from '../io';
import { parsePortFlag } from '../portFlag';
import { credentialsFlag } from '../profileCredentials';
import { cliProjectRoot } from '../projectRoot';
import { ownCredentials } from '../functionCredentials';
import { stageFlagProblem } from '../stageFlag';
import { interpreterChoices, interpreterFlagProblem, type InterpreterFlags } from '../interpreterFlags';
import { cliRuntimeSdkProvider } from '../runtimeSdk';
import { cliLayerFetcher } from './layerFetcher';

export interface StartApiOptions extends InterpreterFlags {
  readonly template?: string;
  readonly host?: string;
  readonly port?: string;
  /** --stage: the stage a serverless.yml is read for, and every template's API is served as (its requestContext.stage, and a REST API's /stage/ path). */
  readonly stage?: string;
  /** --env-vars: SAM's file of environment overrides. */
  readonly envVars?: string;
  /** --profile: its credentials are the functions' (AWS_ACCESS_KEY_ID…), and it downloads layers named by ARN. */
  readonly profile?: string;
  readonly endpointUrl?: string;
  readonly timeouts?: AwsTimeouts;
  readonly installRuntimeSdk?: boolean;
  readonly cwd: string;
  /** Resolves when the command should stop (Ctrl+C). */
  readonly stopped: Promise<void>;
}


/** `start-api`: the template's APIs and function URLs served locally, like sam local start-api. */
export async function startApiCommand(options: StartApiOptions, io: CliIo): Promise<number> {
  const usage = (problem: string) => (io.err(`serverless-explorer: ${problem}\n`), 2);
  const portFlag = parsePortFlag(options.port, DEFAULT_API_PORT);
  if ('problem' in portFlag) return usage(portFlag.problem);
  const { port } = portFlag;
  const stageProblem = stageFlagProblem(options.stage);
  if (stageProblem) return usage(stageProblem);
  const interpreters = interpreterChoices(options, options.cwd);
  const problem = interpreterFlagProblem(interpreters);
  if (problem) return usage(problem);
  let overrides: Record<string, Record<string, string | number | boolean>> | undefined;
  if (options.envVars) {
    const read = readEnvVarsFile(path.resolve(options.cwd, options.envVars));
    if ('problem' in read) return usage(`--env-vars ${options.envVars}: ${read.problem}\n${ENV_VARS_EXAMPLE}`);
    overrides = read.overrides;
  }
  const templates = options.template ? [path.resolve(options.cwd, options.template)] : await findSourceFiles(options.cwd);
  if (options.template && !fs.existsSync(templates[0])) return usage(`the template ${options.template} does not exist.`);
  const sandbox = await credentialsFlag(options, io);
  if (!sandbox) return 1;
  const { credentials } = sandbox;
  const files = new FileApiSite(
    templates,
    (problem) => io.err(`Warning: ${problem}\n`),
    (change, now) => io.err(`${reloadLine(change, now)}\n`),
    { stage: options.stage },
  );
  const adjust = siteAdjuster(options.stage, overrides);
  const site = async () => adjust(await files.current());
  const first = await site();
  if (first.routes.length === 0 && first.functionUrls.length === 0 && first.webSockets.length === 0) {
    io.err(
      `serverless-explorer: no Api or HttpApi events, function URLs or WebSocket APIs found in ${options.template ?? (templates.map((t) => path.relative(options.cwd, t)).join(', ') || 'the templates here')}. ` +
        'Give a function an event such as { Type: Api, Properties: { Path: /hello, Method: get } }, or --template the template that has them.\n',
    );
    return 1;
  }
  const fetcher = cliLayerFetcher(options, io);
  const invoker = new LocalInvoker({
    projectRoot: cliProjectRoot(options.cwd),
    interpreters: () => interpreters,
    fetchLayer: fetcher.fetchLayer,
    provideRuntimeSdk: options.installRuntimeSdk ? cliRuntimeSdkProvider(io) : undefined,
    credentialsFor: (definition) => ownCredentials(definition, options),
  });
  const common = {
    site,
    invoker,
    host: options.host,
    credentials,
    onRequest: (entry: Parameters<typeof requestLine>[0]) => io.err(`${requestLine(entry)}\n`),
    onWarning: (message: string) => io.err(`Warning: ${message}\n`),
  };
  const servers: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await invoker.dispose();
    fetcher.dispose();
  };
  let api: LocalApiServer | undefined;
  const urls: [FunctionUrl, LocalFunctionUrlServer][] = [];
  try {
    if (first.routes.length > 0 || first.webSockets.length > 0) servers.push((api = await LocalApiServer.start({ ...common, port })));
    for (const [index, url] of first.functionUrls.entries()) {
      const urlServer = await LocalFunctionUrlServer.start({
        ...common,
        functionName: url.functionName,
        port: port === 0 ? 0 : port + FUNCTION_URL_PORT_OFFSET + index,
      });
      servers.push(urlServer);
      urls.push([url, urlServer]);
    }
  } catch (error) {
    io.err(`serverless-explorer: ${(error as Error).message}${first.functionUrls.length > 0 ? ` (function URLs listen on --port + ${FUNCTION_URL_PORT_OFFSET} and up)` : ''}\n`);
    await stopAll();
    return 1;
  }
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) {
    io.err(`Warning: listening on ${host}, not only on this machine's loopback: anyone who can reach this machine can call these routes and run the functions. Leave out --host (127.0.0.1) unless that is meant.\n`);
  }
  if (api) for (const route of first.routes) io.err(`${mountedLine(route, api.url)}\n`);
  if (api) for (const webSocket of first.webSockets) io.err(`${mountedWebSocketLine(webSocket, api.url, first.webSockets.length > 1)}\n`);
  for (const [url, server] of urls) io.err(`${mountedUrlLine(url, server.url)}\n`);
  io.err(`${api ? `Local API on ${api.url}` : `Function URLs on ${urls.map(([, server]) => server.url).join(', ')}`}. Press Ctrl+C to stop.\n`);
  await options.stopped;
  await stopAll();
  return 0;
}

/** An API served as another stage: that Stage resource's variables when the template has it, else the API's own. */
function onStage<T extends { stage: string; stageVariables: Readonly<Record<string, string>>; variablesByStage?: Readonly<Record<string, Readonly<Record<string, string>>>> }>(api: T, stage: string): T {
  return { ...api, stage, stageVariables: api.variablesByStage?.[stage] ?? api.stageVariables };
}

/** The site as the flags change it: every API on --stage, every function with --env-vars applied; made once per read of the files. */
function siteAdjuster(stage: string | undefined, overrides: Record<string, Record<string, unknown>> | undefined): (site: ApiSite) => ApiSite {
  if (stage === undefined && overrides === undefined) return (site) => site;
  const made = new WeakMap<ApiSite, ApiSite>();
  return (site) => {
    let adjusted = made.get(site);
    if (!adjusted) {
      adjusted = {
        ...site,
        stages: stage === undefined ? site.stages : new Map([...site.stages].map(([id, s]) => [id, s.stageFromSource ? s : onStage(s, stage)])),
        webSockets: stage === undefined ? site.webSockets : site.webSockets.map((w) => onStage(w, stage)),
        functions: overrides === undefined ? site.functions : site.functions.map((f) => applyEnvVars(f, overrides)),
      };
      made.set(site, adjusted);
    }
    return adjusted;
  };
}
