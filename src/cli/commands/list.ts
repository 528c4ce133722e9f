import { AwsClientFactory } from '../../core/aws/clients';
import { parseEndpointUrl } from '../../core/aws/endpoint';
import { CLI_WORDS, describeAwsError } from '../../core/aws/errors';
import { readProfiles } from '../../core/aws/profiles';
import { regionsFor, selectProfiles } from '../../core/aws/sessions';
import type { AwsSession } from '../../core/aws/sessions';
import { ECSClient, listClusters, listFargateServices } from '../../core/fargate/services';
import type { FargateService } from '../../core/fargate/services';
import { LambdaClient, listFunctions } from '../../core/lambda/functions';
import type { LambdaFunction } from '../../core/lambda/functions';
import { table } from '../io';
import type { CliIo, CommonOptions } from '../io';

export const LIST_SUBJECTS = ['functions', 'services'] as const;
type Subject = (typeof LIST_SUBJECTS)[number];

/** `list functions|services`: every selected profile × region, side by side; a failing one is reported and the rest still listed. */
export async function listCommand(subject: Subject, options: CommonOptions, io: CliIo): Promise<number> {
  const endpointUrl = parseEndpointUrl(options.endpointUrl);
  const selection = selectProfiles(await readProfiles(), options, io.env);
  for (const name of selection.missing) io.err(`serverless-explorer: profile "${name}" is not defined in the AWS config or credentials file.\n`);
  if (selection.profiles.length === 0) {
    if (selection.missing.length === 0) io.err('serverless-explorer: no AWS profile to use. Create one (aws configure sso), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.\n');
    return 1;
  }
  const sessions: AwsSession[] = selection.profiles.flatMap((p) => regionsFor(p, options, io.env).map((region) => ({ profile: p.name, region })));
  const clients = new AwsClientFactory({ endpointUrl, connectTimeoutSeconds: options.connectTimeoutSeconds, requestTimeoutSeconds: options.requestTimeoutSeconds });
  let failed = selection.missing.length > 0;
  const results = await Promise.all(
    sessions.map(async (session) => {
      try {
        return { session, items: subject === 'functions' ? await functionsOf(clients, session) : await servicesOf(clients, session) };
      } catch (error) {
        failed = true;
        const problem = describeAwsError(error, session, subject === 'functions' ? 'list Lambda functions' : 'list ECS services', endpointUrl, CLI_WORDS);
        io.err(`serverless-explorer: ${session.profile} ${session.region}: ${problem.title}. ${problem.detail}\n`);
        return { session, items: [] };
      }
    }),
  );
  clients.dispose();
  if (options.json) {
    const items = results.flatMap(({ session, items }) => items.map((item) => ({ profile: session.profile, region: session.region, ...item })));
    io.out(`${JSON.stringify(items, null, 2)}\n`);
  } else if (subject === 'functions') {
    const rows = results.flatMap(({ session, items }) =>
      (items as LambdaFunction[]).map((f) => [session.profile, session.region, f.name, f.runtime ?? f.packageType, f.memoryMb ? `${f.memoryMb} MB` : '', f.lastModified ?? '']),
    );
    io.out(rows.length ? table([['PROFILE', 'REGION', 'FUNCTION', 'RUNTIME', 'MEMORY', 'LAST MODIFIED'], ...rows]) : 'No functions.\n');
  } else {
    const rows = results.flatMap(({ session, items }) =>
      (items as (FargateService & { cluster: string })[]).map((s) => [session.profile, session.region, s.cluster, s.name, `${s.running}/${s.desired}`, s.status + (s.deploying ? ' (deploying)' : ''), s.taskDefinition]),
    );
    io.out(rows.length ? table([['PROFILE', 'REGION', 'CLUSTER', 'SERVICE', 'RUNNING', 'STATUS', 'TASK DEFINITION'], ...rows]) : 'No Fargate services.\n');
  }
  return failed ? 1 : 0;
}

async function functionsOf(clients: AwsClientFactory, session: AwsSession): Promise<LambdaFunction[]> {
  const all: LambdaFunction[] = [];
  await listFunctions(clients.client(LambdaClient, session), (page) => all.push(...page));
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

async function servicesOf(clients: AwsClientFactory, session: AwsSession): Promise<(FargateService & { cluster: string })[]> {
  const client = clients.client(ECSClient, session);
  const all: (FargateService & { cluster: string })[] = [];
  for (const cluster of await listClusters(client)) {
    await listFargateServices(client, cluster.arn, (page) => all.push(...page.map((s) => ({ ...s, cluster: cluster.name }))));
  }
  return all;
}
