import { parseArgs } from 'node:util';
import { readProfiles } from '../core/aws/profiles';
import { regionsFor, selectProfiles } from '../core/aws/sessions';

declare const SE_VERSION: string; // injected by the build (scripts/build.mjs)

const HELP = `serverless-explorer — AWS Lambda and Fargate from the terminal

Usage:
  serverless-explorer <command> [options]

Commands:
  profiles              List the AWS profiles of the shared config files and the
                        region each would use

Options:
  --profile <name>      Profile to use (repeatable; default: AWS_PROFILE, else default)
  --region <code>       Region to use (repeatable; default: the profile's region)
  --json                Print machine-readable JSON
  -h, --help            Show this help
  -v, --version         Show the version

Environment:
  AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL
`;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Runs the CLI and returns the exit code: 0 success, 1 failure, 2 usage error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
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
      },
    });
  } catch (error) {
    io.err(`serverless-explorer: ${(error as Error).message}\nRun "serverless-explorer --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${SE_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (rest.length > 0) {
    io.err(`serverless-explorer: unexpected argument "${rest[0]}" after "${command}".\nRun "serverless-explorer --help" for usage.\n`);
    return 2;
  }
  switch (command) {
    case 'profiles':
      return listProfiles({ profiles: values.profile ?? [], regions: values.region ?? [], json: values.json ?? false }, io);
    default:
      io.err(`serverless-explorer: unknown command "${command}".\nRun "serverless-explorer --help" for the list of commands.\n`);
      return 2;
  }
}

async function listProfiles(
  options: { profiles: string[]; regions: string[]; json: boolean },
  io: CliIo,
): Promise<number> {
  let available;
  try {
    available = await readProfiles();
  } catch (error) {
    io.err(`serverless-explorer: could not read the AWS config files: ${(error as Error).message}\n`);
    return 1;
  }
  const selection = selectProfiles(available, options, io.env);
  const rows = available.map((profile) => ({
    name: profile.name,
    kind: profile.kind,
    region: profile.region ?? null,
    source: profile.source,
    selected: selection.profiles.includes(profile),
    regions: selection.profiles.includes(profile) ? regionsFor(profile, options, io.env) : [],
  }));
  if (options.json) {
    io.out(`${JSON.stringify({ profiles: rows, missing: selection.missing }, null, 2)}\n`);
  } else if (rows.length === 0) {
    io.out('No AWS profiles found. Create ~/.aws/config (or set AWS_CONFIG_FILE), for example with "aws configure sso".\n');
  } else {
    const width = Math.max(...rows.map((r) => r.name.length));
    for (const row of rows) {
      const mark = row.selected ? '*' : ' ';
      const where = row.selected ? `  → ${row.regions.join(', ')}` : '';
      io.out(`${mark} ${row.name.padEnd(width)}  ${row.kind}${row.region ? ` (${row.region})` : ''}${where}\n`);
    }
    io.out('(* = used by default; choose with --profile and --region)\n');
  }
  for (const name of selection.missing) {
    io.err(`serverless-explorer: profile "${name}" is not defined in the AWS config or credentials file.\n`);
  }
  return selection.missing.length > 0 ? 1 : 0;
}
