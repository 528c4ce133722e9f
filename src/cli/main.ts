import { parseArgs } from 'node:util';
import { ConfigError } from '../core/aws/endpoint';
import { eventsCommand } from './commands/events';
import { invokeCommand } from './commands/invoke';
import { startApiCommand } from './commands/startApi';
import { startLambdaCommand } from './commands/startLambda';
import { LIST_SUBJECTS, listCommand } from './commands/list';
import { profilesCommand } from './commands/profiles';
import { pullCommand } from './commands/pull';
import { configureCommand } from './commands/configure';
import { deployCommand } from './commands/deploy';
import { runTaskCommand } from './commands/runTask';
import type { CliIo, CommonOptions } from './io';
import { COMMAND_HELP } from './commandHelp';
import { parseTimeoutFlags } from './timeoutFlags';

export type { CliIo };

declare const SE_VERSION: string; // injected by the build (scripts/build.mjs)

const HELP = `serverless-explorer — AWS Lambda and Fargate from the terminal

Usage:
  serverless-explorer <command> [options]

Commands:
  profiles              List the AWS profiles of the shared config files and the
                        region each would use
  list functions        List the Lambda functions of the chosen profiles and regions
  list services         List the Fargate services (all clusters) of the chosen
                        profiles and regions
  invoke <logical-id | path/to/dir:handler>
                        Run a function locally, without Docker: the response on
                        stdout, the logs on stderr, exit 1 on a function error
                        [--template file] [--stage s] [--event file.json | -]
                        [--runtime r] [--env-vars vars.json] [--timeout seconds]
                        [--profile p: give the function that profile's credentials;
                        layers named by ARN are downloaded with them]
                        [--python path] [--node path] (see Interpreters)
                        [--install-runtime-sdk: install the @aws-sdk/* v3 packages
                        Lambda's Node.js runtime provides and the project lacks,
                        into a shared cache, with npm]
  invoke <function> --deployed
                        Run the deployed function's code and configuration
                        locally (pulled first, as pull does)
  start-lambda          Serve the Lambda Invoke API for the template's functions,
                        for AWS SDKs and the AWS CLI (--endpoint-url), like
                        sam local start-lambda [--template file] [--stage s]
                        [--host 127.0.0.1] [--port 3001] [--profile p: to
                        download layers named by ARN] [--python path]
                        [--node path] [--install-runtime-sdk]
                        [--max-concurrency n: runtimes per function at once,
                        more are throttled (429) like Lambda; default 10]
                        [--idle-minutes m: stop a runtime idle this long;
                        default 10]
  start-api             Serve the template's APIs as a local API Gateway (REST,
                        HTTP and WebSocket APIs), and its function URLs, like
                        sam local start-api, Docker-free and warm
                        [--template file] [--host 127.0.0.1] [--port 3000]
                        [--stage s] [--env-vars vars.json] [--profile p: give
                        the functions that profile's credentials]
                        [--python path] [--node path] [--install-runtime-sdk]
  pull <function>       Download a deployed function's code and configuration
                        (environment, memory, timeout, layers) into
                        .serverless-explorer/pulled/<name>, changing nothing in
                        AWS; invoke, start-lambda and start-api then run it
                        [--qualifier version|alias] [--dir d] [--profile p]
                        [--region r] [--endpoint-url url]
  deploy <function>     Upload code to a deployed function: a folder (zipped the
                        same way every time) or a .zip, or a local function's
                        code (esbuild functions built first); prints what changes
                        and refuses if the function changed since it was read
                        [--code dir|zip] [--publish] [--alias a: publish and
                        point the alias at the new version] [--yes: deploy to a
                        function that looks like production] [--profile p]
                        [--region r] [--endpoint-url url]
  configure <function>  Change a deployed function's environment variables,
                        memory or timeout, guarded as deploy is
                        [--env K=V …] [--unset-env K …] [--memory mb]
                        [--timeout s] [--yes]
  run-task --cluster <c> --service <s>
                        Run a one-off task of a Fargate service (its task
                        definition, network and launch type), the event in an
                        environment variable: prints the task ARN
                        [--event-id "s3 put" [--<parameter> <value> …] |
                        --event file.json | -] [--env-name EVENT]
                        [--container name] [--command "node job.js"]
                        [--follow: print each status change and exit code,
                        exit 1 unless every essential container exits 0]
                        [--interval seconds] (one --profile and --region)
  events list           List the sample events of every trigger source
  events generate <service> <event> [--<parameter> <value> …]
                        Print a sample event as JSON, e.g.
                        events generate s3 put --bucket my-bucket --key "a b.jpg"

Functions (invoke, start-lambda, start-api):
  Without --template, the folder's SAM/CloudFormation templates, CDK apps
  (cdk.json and its cdk.out) and serverless.yml files are read.
  --template <file>     Read only this file: a template.yaml, a cdk.out's
                        template, or a serverless.yml (--source is the same)
  --stage <s>           The stage a serverless.yml is read for: \${sls:stage},
                        \${opt:stage} and its .env.<s> (default: its
                        provider.stage, else dev); start-api also serves every
                        template's APIs as this stage (SAM: requestContext.stage
                        and a REST API's /s/ path)

Interpreters (invoke, start-lambda):
  --python <path>       Run Python functions on this interpreter (a file, a
                        virtual environment's folder, or a name on PATH such as
                        python3.12); default: the project's .venv or venv, else
                        VIRTUAL_ENV, else python3.X, else python3 on PATH
  --node <path>         Run Node.js functions on this node (a file, an
                        installation's folder, or a name on PATH); default: the
                        runtime's major from PATH (node24, node), nvm, fnm or
                        volta, else the node on PATH with a warning
  The interpreter that ran is printed on stderr.

Options:
  --profile <name>      Profile to use (repeatable; default: AWS_PROFILE, else default)
  --region <code>       Region to use (repeatable; default: the profile's region)
  --endpoint-url <url>  Send AWS calls to this endpoint (LocalStack, moto)
  --connect-timeout <s> Fail an AWS call whose endpoint does not connect within s
                        seconds (default 5)
  --request-timeout <s> Fail an AWS call not answered within s seconds, retries
                        included (default 30)
  --json                Print machine-readable JSON
  -h, --help            Show this help
  -v, --version         Show the version

Environment:
  AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL
`;

/** An example value for the flags whose value is missing most often, for the message that says so. */
const FLAG_EXAMPLES: Readonly<Record<string, string>> = { '--code': 'dist', '--alias': 'live', '--env': 'TABLE=orders', '--memory': '512', '--stage': 'prod', '--source': 'serverless.yml', '--template': 'template.yaml', '--event': 'event.json', '--profile': 'default', '--port': '3000' };

/** "--stage needs a value", for a flag given last or followed by another flag (node's parseArgs words it its own way). */
function flagValueMissing(error: unknown): string | undefined {
  if ((error as NodeJS.ErrnoException).code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return undefined;
  const flag = /--[\w-]+/.exec((error as Error).message)?.[0];
  if (!flag) return undefined;
  return `${flag} needs a value, as in "${flag} ${FLAG_EXAMPLES[flag] ?? '<value>'}" (a value that starts with "-" is written ${flag}=-…).`;
}

function usageError(io: CliIo, message: string): number {
  io.err(`serverless-explorer: ${message}\nRun "serverless-explorer --help" for usage.\n`);
  return 2;
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Event parameters are per event (--bucket, --queue…), so `events` parses its own arguments.
  if (argv[0] === 'events' && !argv.includes('--version')) return eventsCommand(argv.slice(1), io);
  if (argv[0] === 'run-task' && !argv.includes('--version')) return runTask(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        json: { type: 'boolean' },
        profile: { type: 'string', multiple: true },
        region: { type: 'string', multiple: true },
        'endpoint-url': { type: 'string' },
        'connect-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        template: { type: 'string', short: 't' },
        source: { type: 'string' },
        event: { type: 'string', short: 'e' },
        runtime: { type: 'string' },
        'env-vars': { type: 'string' },
        timeout: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        python: { type: 'string' },
        node: { type: 'string' },
        'install-runtime-sdk': { type: 'boolean' },
        deployed: { type: 'boolean' },
        'max-concurrency': { type: 'string' },
        'idle-minutes': { type: 'string' },
        stage: { type: 'string' },
        qualifier: { type: 'string' },
        dir: { type: 'string' },
        code: { type: 'string' },
        publish: { type: 'boolean' },
        alias: { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
        env: { type: 'string', multiple: true },
        'unset-env': { type: 'string', multiple: true },
        memory: { type: 'string' },
      },
    });
  } catch (error) {
    return usageError(io, flagValueMissing(error) ?? (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.template !== undefined && values.source !== undefined && values.template !== values.source) {
    return usageError(io, `--source is another name for --template: give one file, not --template ${values.template} and --source ${values.source}.`);
  }
  const template = values.template ?? values.source;
  if (values.version) {
    io.out(`${SE_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help && command !== undefined && COMMAND_HELP[command]) {
    io.out(COMMAND_HELP[command]);
    return 0;
  }
  if (values.help || command === undefined || command === 'help') {
    io.out(HELP);
    return 0;
  }
  const timeouts = parseTimeoutFlags((flag) => values[flag]);
  if ('error' in timeouts) return usageError(io, timeouts.error);
  const options: CommonOptions = {
    ...timeouts,
    profiles: values.profile ?? [],
    regions: values.region ?? [],
    endpointUrl: values['endpoint-url'],
    json: values.json ?? false,
  };
  try {
    switch (command) {
      case 'profiles':
        if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}" after "profiles".`);
        return await profilesCommand(options, io);
      case 'list': {
        const [subject, ...extra] = rest;
        if (!LIST_SUBJECTS.includes(subject as (typeof LIST_SUBJECTS)[number])) {
          return usageError(io, `"list" needs what to list: ${LIST_SUBJECTS.join(' or ')}${subject ? ` (not "${subject}")` : ''}.`);
        }
        if (extra.length > 0) return usageError(io, `unexpected argument "${extra[0]}" after "list ${subject}".`);
        return await listCommand(subject as (typeof LIST_SUBJECTS)[number], options, io);
      }
      case 'invoke':
        if (rest.length > 1) return usageError(io, `unexpected argument "${rest[1]}" after "invoke ${rest[0]}".`);
        return await invokeCommand(rest[0], { template, stage: values.stage, event: values.event, runtime: values.runtime, envVars: values['env-vars'], timeout: values.timeout, profile: values.profile?.[0], endpointUrl: values['endpoint-url'], timeouts, python: values.python, node: values.node, installRuntimeSdk: values['install-runtime-sdk'], ...(values.deployed ? { deployed: { ...options, qualifier: values.qualifier } } : {}), cwd: process.cwd(), readStdin, interrupted: untilInterrupted() }, io);
      case 'start-lambda':
        if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}" after "start-lambda".`);
        return await startLambdaCommand({ template, stage: values.stage, host: values.host, port: values.port, profile: values.profile?.[0], endpointUrl: values['endpoint-url'], timeouts, python: values.python, node: values.node, installRuntimeSdk: values['install-runtime-sdk'], maxConcurrency: values['max-concurrency'], idleMinutes: values['idle-minutes'], cwd: process.cwd(), stopped: untilInterrupted() }, io);
      case 'start-api':
        if (rest.length > 0) return usageError(io, `unexpected argument "${rest[0]}" after "start-api".`);
        return await startApiCommand(
          { template, host: values.host, port: values.port, stage: values.stage, envVars: values['env-vars'], profile: values.profile?.[0], endpointUrl: values['endpoint-url'], timeouts, python: values.python, node: values.node, installRuntimeSdk: values['install-runtime-sdk'], cwd: process.cwd(), stopped: untilInterrupted() },
          io,
        );
      case 'pull':
        if (rest.length > 1) return usageError(io, `unexpected argument "${rest[1]}" after "pull ${rest[0]}".`);
        return await pullCommand(rest[0], { ...options, qualifier: values.qualifier, dir: values.dir, cwd: process.cwd() }, io);
      case 'deploy':
        if (rest.length > 1) return usageError(io, `unexpected argument "${rest[1]}" after "deploy ${rest[0]}".`);
        return await deployCommand(rest[0], { ...options, template, stage: values.stage, code: values.code, publish: values.publish, alias: values.alias, yes: values.yes, cwd: process.cwd() }, io);
      case 'configure':
        if (rest.length > 1) return usageError(io, `unexpected argument "${rest[1]}" after "configure ${rest[0]}".`);
        return await configureCommand(rest[0], { ...options, template, stage: values.stage, env: values.env, unsetEnv: values['unset-env'], memory: values.memory, timeout: values.timeout, yes: values.yes, cwd: process.cwd() }, io);
      default:
        return usageError(io, `unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`serverless-explorer: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function runTask(args: readonly string[], io: CliIo): Promise<number> {
  const interrupted = new AbortController();
  const interrupt = () => interrupted.abort();
  process.once('SIGINT', interrupt);
  try {
    return await runTaskCommand(args, { cwd: process.cwd(), readStdin, signal: interrupted.signal }, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`serverless-explorer: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
