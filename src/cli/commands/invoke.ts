import type { AwsTimeouts } from '../../core/aws/timeouts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { adHocFunction, applyEnvVars } from '../../core/local/adHoc';
import { LocalInvoker } from '../../core/local/invoker';
import { findLocalFunction } from '../../core/local/functionLookup';
import { RuntimeSdkMissingError } from '../../core/local/runtimeProvided/runtimeSdkStep';
import { RuntimeSetupError } from '../../core/local/runtimes/runtimeSetupError';
import type { SourceFunctions } from '../../core/local/sources/functionSource';
import { readFunctionsIn, readWorkspaceFunctions } from '../../core/local/sources/registry';
import type { LocalFunctionDefinition } from '../../core/local/types';
import { checkPayload } from '../../core/lambda/payload';
import { StreamedText } from '../../core/local/streamedText';
import type { CliIo } from '../io';
import { cliProjectRoot } from '../projectRoot';
import { ENV_VARS_EXAMPLE, readEnvVarsFile } from '../envVarsFile';
import { credentialsFlag } from '../profileCredentials';
import { cliLayerFetcher } from './layerFetcher';
import { describeInterpreter } from '../../core/local/runtimes/interpreters';
import { interpreterChoices, interpreterFlagProblem, type InterpreterFlags } from '../interpreterFlags';
import { cliRuntimeSdkProvider, runtimeSdkMissingMessage } from '../runtimeSdk';
import { stageFlagProblem } from '../stageFlag';
import { functionCredentials } from '../functionCredentials';
import { pullDeployed, type PullCliOptions } from './pull';

export interface InvokeCliOptions extends InterpreterFlags {
  readonly template?: string;
  /** --stage: the stage a serverless.yml is read for (`${sls:stage}`, `${opt:stage}`, .env.<stage>). */
  readonly stage?: string;
  readonly event?: string;
  readonly runtime?: string;
  readonly envVars?: string;
  readonly timeout?: string;
  /** A profile whose credentials the function gets as AWS_ACCESS_KEY_ID… like the real sandbox. */
  readonly profile?: string;
  /** Where AWS calls go (layers named by ARN are downloaded through it). */
  readonly endpointUrl?: string;
  /** --connect-timeout and --request-timeout, for the AWS calls (credentials, layers). */
  readonly timeouts?: AwsTimeouts;
  /** Install the runtime's SDK packages the function imports when the project lacks them (--install-runtime-sdk). */
  readonly installRuntimeSdk?: boolean;
  /** --deployed: run the pulled copy of the deployed function of this name (pulled again when its code changed). */
  readonly deployed?: Omit<PullCliOptions, 'cwd'>;
  readonly cwd: string;
  readonly readStdin: () => Promise<string>;
  /** Resolves on Ctrl+C or SIGTERM: the runtime's whole process group is stopped before the CLI ends. */
  readonly interrupted?: Promise<void>;
}

function usage(io: CliIo, message: string): number {
  io.err(`serverless-explorer: ${message}\nUsage: serverless-explorer invoke <logical-id | path/to/dir:handler | deployed-name --deployed> [--template t.yaml] [--stage s] [--event file.json | -] [--runtime r] [--env-vars vars.json] [--timeout s] [--profile p] [--endpoint-url url] [--python path] [--node path] [--install-runtime-sdk]\n`);
  return 2;
}

/**
 * `invoke`: runs one function locally; the response goes to stdout (a streaming function's as it is written, a
 * function URL's status and headers to stderr), the logs to stderr; exit 1 on a function error.
 */
export async function invokeCommand(target: string | undefined, options: InvokeCliOptions, io: CliIo): Promise<number> {
  if (!target) return usage(io, 'invoke needs a function: a logical id from a template, or path/to/dir:handler.');
  const stageProblem = stageFlagProblem(options.stage);
  if (stageProblem) return usage(io, stageProblem);
  let definition = options.deployed ? undefined : adHocFunction(target, options.cwd, options.runtime);
  if (options.deployed) {
    if (options.template) return usage(io, '--deployed runs the pulled copy of the deployed function: give --template or --deployed, not both.');
    const copy = await pullDeployed(target, { ...options.deployed, cwd: options.cwd }, io);
    if (typeof copy === 'number') return copy;
    definition = options.runtime ? { ...copy.pulled.definition, runtime: options.runtime } : copy.pulled.definition;
  } else if (!definition) {
    const found = await findInTemplates(target, options, io);
    if (typeof found === 'number') return found;
    definition = options.runtime ? { ...found, runtime: options.runtime } : found;
  }
  if (options.timeout !== undefined) {
    // Lambda's Timeout is a whole number of seconds.
    const seconds = /^\d+$/.test(options.timeout) ? Number(options.timeout) : NaN;
    if (!(seconds >= 1 && seconds <= 900)) return usage(io, `--timeout must be a whole number of seconds from 1 to 900 (Lambda's limits), not "${options.timeout}".`);
    definition = { ...definition, timeoutSeconds: seconds };
  }
  if (options.envVars) {
    const read = readEnvVarsFile(path.resolve(options.cwd, options.envVars));
    if ('problem' in read) return usage(io, `--env-vars ${options.envVars}: ${read.problem}\n${ENV_VARS_EXAMPLE}`);
    definition = applyEnvVars(definition, read.overrides);
  }
  const interpreters = interpreterChoices(options, options.cwd);
  const problem = interpreterFlagProblem(interpreters);
  if (problem) {
    io.err(`serverless-explorer: ${problem}\n`);
    return 2;
  }
  let event = '{}';
  if (options.event === '-') event = await options.readStdin();
  else if (options.event) {
    try {
      event = fs.readFileSync(path.resolve(options.cwd, options.event), 'utf8');
    } catch (error) {
      return usage(io, `could not read the event file ${options.event}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
    }
  }
  const check = checkPayload(event, 'RequestResponse');
  if (!check.ok) return usage(io, check.message.replace('invoke again; nothing was sent', 'try again'));
  const sandbox = options.profile ? await credentialsFlag(options, io) : await functionCredentials(definition, options, io);
  if (!sandbox) return 1;
  const { credentials } = sandbox;
  const fetcher = cliLayerFetcher(options, io);
  const invoker = new LocalInvoker({ projectRoot: cliProjectRoot(options.cwd), fetchLayer: fetcher.fetchLayer, interpreters: () => interpreters, provideRuntimeSdk: options.installRuntimeSdk ? cliRuntimeSdkProvider(io) : undefined });
  try {
    const body = new StreamedText({ prelude: (json) => io.err(`Function URL response: ${json}\n`), text: (text) => io.out(text) });
    const running = invoker.invoke(definition, check.text, { credentials, onChunk: (chunk, contentType) => body.push(chunk, contentType) });
    const result = await Promise.race([running, options.interrupted?.then(() => undefined) ?? new Promise<never>(() => undefined)]);
    if (!result) {
      io.err('serverless-explorer: interrupted; the function was stopped.\n');
      return 130;
    }
    body.end();
    if (body.started && !body.endsLine) io.out('\n');
    if (result.interpreter) io.err(`Interpreter: ${describeInterpreter(result.interpreter)}\n`);
    if (result.warning) io.err(`Warning: ${result.warning}\n`);
    io.err(result.log);
    // A streaming function that failed after writing: its error follows what it wrote, on a line of its own.
    if (!result.streamed || result.functionError) io.out(`${result.payload}\n`);
    return result.functionError ? 1 : 0;
  } catch (error) {
    if (error instanceof RuntimeSdkMissingError) {
      io.err(`serverless-explorer: ${runtimeSdkMissingMessage(error)}\n`);
      return 1;
    }
    if (error instanceof RuntimeSetupError) {
      io.err(`serverless-explorer: ${definition.name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await invoker.dispose();
    fetcher.dispose();
  }
}

async function findInTemplates(name: string, options: InvokeCliOptions, io: CliIo): Promise<LocalFunctionDefinition | number> {
  let functions: LocalFunctionDefinition[];
  if (options.template) {
    const file = path.resolve(options.cwd, options.template);
    let read: SourceFunctions;
    try {
      read = await readFunctionsIn(file, undefined, { stage: options.stage });
    } catch {
      return usage(io, `the template ${options.template} does not exist.`);
    }
    if (read.functions.length === 0 && read.problems.length > 0) {
      for (const problem of read.problems) io.err(`serverless-explorer: ${options.template}: ${problem.message}\n`);
      return 1;
    }
    for (const problem of read.problems) io.err(`Warning: ${options.template}: ${problem.message}\n`);
    functions = read.functions;
  } else {
    const read = await readWorkspaceFunctions(options.cwd, { sources: { stage: options.stage } });
    functions = read.functions;
    const found = findLocalFunction(functions, name);
    // What its own file says of it (a variable left as a placeholder, a stale build) is said, as with --template.
    const own = read.problems.filter((p) => found?.origin && p.file === found.origin.file && (p.functionId === undefined || p.functionId === found.origin.id));
    // Not found: what may be why (a CDK app not synthesized yet, a file that does not parse, that function's own problem).
    const why = found ? own : read.problems.filter((p) => p.functionId === undefined || p.functionId === name);
    for (const problem of why) io.err(`Warning: ${path.relative(options.cwd, problem.file) || problem.file}: ${problem.message}\n`);
  }
  const found = findLocalFunction(functions, name);
  if (found) return found;
  if (functions.length === 0) {
    return usage(
      io,
      options.template
        ? `no function "${name}": ${options.template} declares no AWS::Serverless::Function or AWS::Lambda::Function.`
        : `no function "${name}": no template with functions found here (give --template, or path/to/dir:handler).`,
    );
  }
  return usage(io, `no function "${name}" in the template. Functions: ${functions.map((f) => f.name).join(', ')}.`);
}
