import type { AwsTimeouts } from '../../core/aws/timeouts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_INVOKE_PORT, LocalInvokeEndpoint } from '../../core/local/invokeEndpoint';
import { DEFAULT_IDLE_MINUTES, DEFAULT_MAX_CONCURRENCY, LocalInvoker } from '../../core/local/invoker';
import { FreshFunctions } from '../../core/local/sources/freshFunctions';
import type { SourceProblem } from '../../core/local/sources/functionSource';
import type { CliIo } from '../io';
import { parsePortFlag } from '../portFlag';
import { cliProjectRoot } from '../projectRoot';
import { ownCredentials } from '../functionCredentials';
import { isLoopbackHost } from '../../core/local/loopbackHost';
import { cliLayerFetcher } from './layerFetcher';
import { describeInterpreter } from '../../core/local/runtimes/interpreters';
import { interpreterChoices, interpreterFlagProblem, type InterpreterFlags } from '../interpreterFlags';
import { cliRuntimeSdkProvider } from '../runtimeSdk';
import { stageFlagProblem } from '../stageFlag';

export interface StartLambdaOptions extends InterpreterFlags {
  readonly template?: string;
  /** --stage: the stage a serverless.yml is read for (`${sls:stage}`, `${opt:stage}`, .env.<stage>). */
  readonly stage?: string;
  readonly host?: string;
  readonly port?: string;
  /** Whose credentials download layers named by ARN, and where AWS calls go. */
  readonly profile?: string;
  readonly endpointUrl?: string;
  /** --connect-timeout and --request-timeout, for the AWS calls (credentials, layers). */
  readonly timeouts?: AwsTimeouts;
  /** Install the runtime's SDK packages a function imports when its project lacks them (--install-runtime-sdk). */
  readonly installRuntimeSdk?: boolean;
  /** --max-concurrency: runtimes a function may run at once; more are throttled (HTTP 429). */
  readonly maxConcurrency?: string;
  /** --idle-minutes: how long an idle runtime is kept. */
  readonly idleMinutes?: string;
  readonly cwd: string;
  /** Resolves when the command should stop (Ctrl+C). */
  readonly stopped: Promise<void>;
}

/** `start-lambda`: the Lambda Invoke API for the template's functions, for SDKs and the AWS CLI (--endpoint-url). */
export async function startLambdaCommand(options: StartLambdaOptions, io: CliIo): Promise<number> {
  const portFlag = parsePortFlag(options.port, DEFAULT_INVOKE_PORT);
  if ('problem' in portFlag) {
    io.err(`serverless-explorer: ${portFlag.problem}\n`);
    return 2;
  }
  const { port } = portFlag;
  const maxConcurrency = options.maxConcurrency === undefined ? DEFAULT_MAX_CONCURRENCY : Number(options.maxConcurrency);
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    io.err(`serverless-explorer: --max-concurrency must be a whole number of 1 or more (runtimes per function at once), not "${options.maxConcurrency}".\n`);
    return 2;
  }
  const idleMinutes = options.idleMinutes === undefined ? DEFAULT_IDLE_MINUTES : Number(options.idleMinutes);
  if (!Number.isFinite(idleMinutes) || idleMinutes < 0) {
    io.err(`serverless-explorer: --idle-minutes must be a number of minutes (0 keeps idle runtimes until the end), not "${options.idleMinutes}".\n`);
    return 2;
  }
  const stageProblem = stageFlagProblem(options.stage);
  if (stageProblem) {
    io.err(`serverless-explorer: ${stageProblem}\n`);
    return 2;
  }
  const interpreters = interpreterChoices(options, options.cwd);
  const problem = interpreterFlagProblem(interpreters);
  if (problem) {
    io.err(`serverless-explorer: ${problem}\n`);
    return 2;
  }
  const templateFile = options.template ? path.resolve(options.cwd, options.template) : undefined;
  if (templateFile && !fs.existsSync(templateFile)) {
    io.err(`serverless-explorer: the template ${options.template} does not exist.\n`);
    return 2;
  }
  // Kept between requests and read again when a template changes on disk, so that an edit is picked up without a restart.
  const where = (problem: SourceProblem) => `${path.relative(options.cwd, problem.file) || problem.file}: ${problem.message}`;
  // Held back until the first load is known: when it finds no function, its problems are the error, not warnings.
  let firstProblems: SourceProblem[] | undefined = [];
  const fresh = await FreshFunctions.load(templateFile ? { file: templateFile } : { root: options.cwd }, {
    sources: { stage: options.stage },
    onProblems: (problems) => (firstProblems ? firstProblems.push(...problems) : problems.forEach((problem) => io.err(`Warning: ${where(problem)}\n`))),
  });
  const functions = () => fresh.current();
  const initial = await functions();
  const held = firstProblems;
  firstProblems = undefined;
  if (initial.length === 0 && held.length > 0) {
    held.forEach((problem) => io.err(`serverless-explorer: ${where(problem)}\n`));
    io.err('serverless-explorer: no function could be read, so there is nothing to serve.\n');
    return 1;
  }
  held.forEach((problem) => io.err(`Warning: ${where(problem)}\n`));
  if (initial.length === 0) {
    io.err(
      templateFile
        ? `serverless-explorer: ${options.template} declares no AWS::Serverless::Function or AWS::Lambda::Function.\n`
        : `serverless-explorer: no template with functions found in ${options.cwd}; give --template path/to/template.yaml.\n`,
    );
    return 2;
  }
  const fetcher = cliLayerFetcher(options, io);
  const invoker = new LocalInvoker({ projectRoot: cliProjectRoot(options.cwd), maxConcurrency, idleMinutes, fetchLayer: fetcher.fetchLayer, interpreters: () => interpreters, provideRuntimeSdk: options.installRuntimeSdk ? cliRuntimeSdkProvider(io) : undefined, credentialsFor: (definition) => ownCredentials(definition, options) });
  // Said once per function and interpreter: which one its cold starts run on.
  const told = new Set<string>();
  const telling = {
    invoke: async (...args: Parameters<LocalInvoker['invoke']>) => {
      const result = await invoker.invoke(...args);
      const line = result.interpreter && `${args[0].name} runs on ${describeInterpreter(result.interpreter)}`;
      if (line && !told.has(line)) {
        told.add(line);
        io.err(`${line}\n`);
      }
      return result;
    },
  };
  let endpoint: LocalInvokeEndpoint;
  try {
    endpoint = await LocalInvokeEndpoint.start({ functions, invoker: telling, host: options.host, port, log: (line) => io.err(`${line}\n`) });
  } catch (error) {
    io.err(`serverless-explorer: ${(error as Error).message}\n`);
    await invoker.dispose();
    fetcher.dispose();
    return 1;
  }
  const host = options.host ?? '127.0.0.1';
  const boundPort = new URL(endpoint.url).port;
  if (!isLoopbackHost(host)) {
    io.err(
      `Warning: listening on ${host.includes(':') ? `[${host}]` : host}:${boundPort}, not only on this machine's loopback: anyone who can reach this machine on port ${boundPort} ` +
        `can run the workspace's functions, with the environment and credentials they are given. Leave out --host (127.0.0.1) unless that is meant.\n`,
    );
  }
  io.err(
    `Local Lambda Invoke API on ${endpoint.url}${isLoopbackHost(host) ? '' : ` (bound to ${host.includes(':') ? `[${host}]` : host}:${boundPort})`} for ${initial.map((f) => f.name).join(', ')}.\n` +
      `Try: aws lambda invoke --endpoint-url ${endpoint.url} --function-name ${initial[0].name} out.json\n` +
      'Press Ctrl+C to stop.\n',
  );
  await options.stopped;
  await endpoint.stop();
  await invoker.dispose();
  fetcher.dispose();
  return 0;
}
