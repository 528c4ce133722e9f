import { readProfiles } from '../../core/aws/profiles';
import { regionsFor, selectProfiles } from '../../core/aws/sessions';
import type { CliIo, CommonOptions } from '../io';

export async function profilesCommand(options: CommonOptions, io: CliIo): Promise<number> {
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
