import { FUNCTION_URL_PORT_OFFSET } from '../core/local/api/functionUrlPorts';
const SOURCE_FLAGS = `  --template <file>   Read only this file: a SAM/CloudFormation template, a cdk.out's template, a serverless.yml
                      (--source is the same flag); without it, every one the folder has
  --stage <s>         The stage a serverless.yml is read for: \${sls:stage}, \${opt:stage}, its .env.<s>
                      (default: its provider.stage, else dev)
`;
const TIMEOUTS = `  --connect-timeout <s>  Fail an AWS call whose endpoint does not connect within s seconds (default 5)
  --request-timeout <s>  Fail an AWS call not answered within s seconds, retries included (default 30)
`;

/** Each command's own usage, printed by `serverless-explorer <command> --help`. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  profiles: `Usage:
  serverless-explorer profiles [--profile p …] [--region r …] [--json]

List the AWS profiles of the shared config files and the region each would use.
`,
  list: `Usage:
  serverless-explorer list functions [--profile p …] [--region r …] [--endpoint-url url] [--json]
  serverless-explorer list services  [--profile p …] [--region r …] [--endpoint-url url] [--json]
      [--connect-timeout s] [--request-timeout s]

List the Lambda functions, or the Fargate services (all clusters), of the chosen profiles and regions.
${TIMEOUTS}`,
  invoke: `Usage:
  serverless-explorer invoke <logical-id | path/to/dir:handler> [--template file | --source file] [--stage s]
      [--event file.json | -] [--runtime r] [--env-vars vars.json] [--timeout seconds]
      [--profile p] [--endpoint-url url] [--python path] [--node path] [--install-runtime-sdk]
      [--connect-timeout s] [--request-timeout s]
  serverless-explorer invoke <function-name | function-arn> --deployed [--qualifier q] [--profile p] [--region r] …

Run a function locally, without Docker: the response on stdout, the logs on stderr, exit 1 on a function error.
  --deployed          Run the deployed function's code and configuration here: pulled first into
                      .serverless-explorer/pulled/<name> (as pull does; downloaded again only when its code
                      changed), nothing changed in AWS; it gets the credentials of the profile it was pulled with
${SOURCE_FLAGS}  --env-vars <file>   SAM's format: {"Parameters": {"VAR": "v"}, "MyFunction": {"VAR": "v"}}
  --timeout <s>       Whole seconds from 1 to 900 (Lambda's limits)
${TIMEOUTS}`,
  pull: `Usage:
  serverless-explorer pull <function-name | function-arn> [--qualifier version|alias] [--dir d]
      [--profile p] [--region r] [--endpoint-url url] [--connect-timeout s] [--request-timeout s]

Download a deployed function's package (GetFunction; checked against its CodeSha256, downloaded again only when it
changed) and its configuration into a folder, changing nothing in AWS: code/ and function.json. By default the
folder is .serverless-explorer/pulled/<name> here, where invoke, start-lambda, start-api and VS Code's Local
Functions view find it. It runs with the deployed environment variables, memory, timeout, architecture and layers.
  --dir <d>           Another folder (then name its function.json with --template)
Its local runs get the credentials of the profile it was pulled with (--profile on invoke overrides), and AWS_REGION
of its region. .serverless-explorer/.gitignore keeps the pulled folders (deployed environment values) out of git.
${TIMEOUTS}`,
  deploy: `Usage:
  serverless-explorer deploy <function-name | function-arn | local-function> [--code dir|zip] [--publish]
      [--alias a] [--yes] [--template file] [--stage s] [--profile p] [--region r] [--endpoint-url url]
      [--connect-timeout s] [--request-timeout s]

Upload code to a deployed function (UpdateFunctionCode), then wait until Lambda has applied it. A folder is zipped
the same way every time (sorted, one fixed timestamp, Unix modes kept), so the same files make the same CodeSha256
and "nothing changed" is said instead of uploading again. What changes (files added, changed, removed, and the
package size before and after, against the deployed package) is printed on stderr first; the result as JSON on
stdout: {name, codeSha256, codeSize, version, alias, revisionId}. If the function changed since it was read (its
RevisionId, or its configuration), nothing is deployed: look again.
  <function>          A name or ARN in AWS (then --code is needed), or a function of this folder's templates: its
                      code folder (an esbuild function's build output, built first; a .zip CodeUri as it is) goes
                      to its FunctionName, else to the <stack>-<LogicalId>-<suffix> function CloudFormation made
  --code <dir|zip>    The code to upload (a folder is zipped; a .zip is uploaded as it is, up to 50 MB)
  --publish           Publish a version of the new code
  --alias <a>         Publish, and create the alias at the new version or move it there
  --yes               Deploy to a function that looks like production (prod, production, prd or live in its name,
                      the alias or an env/stage tag); without it such a deploy is refused
${TIMEOUTS}`,
  configure: `Usage:
  serverless-explorer configure <function-name | function-arn | local-function> [--env K=V …] [--unset-env K …]
      [--memory mb] [--timeout s] [--yes] [--profile p] [--region r] [--endpoint-url url]

Change a deployed function's environment variables, memory or timeout (UpdateFunctionConfiguration), checked first
(memory 128 to 10240 MB, timeout 1 to 900 s, variable names, Lambda's 4 KB for all variables together) and guarded as
deploy is; then wait until Lambda has applied it. The changes are printed on stderr (names, not values), the
result as JSON on stdout: {name, memoryMb, timeoutSeconds, environment (the names), revisionId}.
  --env K=V           Set a variable (repeatable); K= sets it empty
  --unset-env K       Remove a variable (repeatable)
  --yes               Change a function that looks like production
${TIMEOUTS}`,
  'start-api': `Usage:
  serverless-explorer start-api [--template file | --source file] [--stage s] [--host 127.0.0.1] [--port 3000]
      [--env-vars vars.json] [--profile p] [--endpoint-url url] [--python path] [--node path]
      [--install-runtime-sdk] [--connect-timeout s] [--request-timeout s]

Serve the template's Api (REST, payload 1.0) and HttpApi (payload 2.0, or 1.0 as the event says) events as a
local API Gateway, like sam local start-api: one line per route on start, one per request after. Function URLs
(FunctionUrlConfig, AWS::Lambda::Url) each get a port of their own, from --port + ${FUNCTION_URL_PORT_OFFSET} up; RESPONSE_STREAM
ones stream. Functions stay warm between requests; a saved handler is used by the next request, and a changed
template is read again. An unknown route answers as API Gateway does (REST 403 Missing Authentication Token, HTTP
API 404 Not Found); a function error or a malformed response 502, with the reason in the log. WebSocket APIs and
their @connections API answer on the API's port.

${SOURCE_FLAGS}                      It also serves every template's APIs as this stage (requestContext.stage, a
                      REST API's /s/ path); a serverless.yml's REST API is on it, its HTTP API on $default
  --env-vars <file>   SAM's format: {"Parameters": {"VAR": "v"}, "MyFunction": {"VAR": "v"}}
  --profile <p>       The functions get this profile's credentials; it also downloads layers named by ARN
A --host other than loopback lets anyone who can reach this machine call the routes.
${TIMEOUTS}`,
  'start-lambda': `Usage:
  serverless-explorer start-lambda [--template file | --source file] [--stage s] [--host 127.0.0.1] [--port 3001]
      [--profile p] [--endpoint-url url] [--python path] [--node path] [--install-runtime-sdk]
      [--connect-timeout s] [--request-timeout s]

Serve the Lambda Invoke API for the template's functions, for AWS SDKs and the AWS CLI (--endpoint-url),
like sam local start-lambda. A --host other than loopback lets anyone who can reach this machine run the functions.
${SOURCE_FLAGS}${TIMEOUTS}`,
};
