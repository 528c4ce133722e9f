import {
  GetFunctionUrlConfigCommand,
  LambdaClient,
  paginateListAliases,
  paginateListEventSourceMappings,
  paginateListFunctions,
  paginateListVersionsByFunction,
} from '@aws-sdk/client-lambda';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { forEachPage } from '../paging';

export { LambdaClient };

export type RuntimeFamily = 'node' | 'python' | 'java' | 'dotnet' | 'ruby' | 'go' | 'custom' | 'container' | 'unknown';

export interface LambdaFunction {
  readonly name: string;
  readonly arn: string;
  readonly runtime?: string;
  readonly family: RuntimeFamily;
  readonly handler?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly architecture?: string;
  readonly packageType: string;
  readonly codeSize?: number;
  readonly lastModified?: string;
  readonly description?: string;
  readonly version?: string;
}

export interface LambdaAlias {
  readonly name: string;
  readonly arn: string;
  readonly version: string;
  readonly description?: string;
  /** Weighted routing to a second version, e.g. { "3": 0.1 }. */
  readonly routing?: Record<string, number>;
}

export interface LambdaTrigger {
  readonly kind: 'event-source' | 'function-url';
  readonly label: string;
  readonly detail: string;
  readonly arn?: string;
  readonly state?: string;
}

export function runtimeFamily(runtime: string | undefined, packageType?: string): RuntimeFamily {
  if (packageType === 'Image') return 'container';
  if (!runtime) return 'unknown';
  if (runtime.startsWith('nodejs')) return 'node';
  if (runtime.startsWith('python')) return 'python';
  if (runtime.startsWith('java')) return 'java';
  if (runtime.startsWith('dotnet')) return 'dotnet';
  if (runtime.startsWith('ruby')) return 'ruby';
  if (runtime === 'go1.x') return 'go';
  if (runtime.startsWith('provided')) return 'custom';
  return 'unknown';
}

export function toLambdaFunction(config: FunctionConfiguration): LambdaFunction {
  return {
    name: config.FunctionName ?? '(unnamed)',
    arn: config.FunctionArn ?? '',
    runtime: config.Runtime,
    family: runtimeFamily(config.Runtime, config.PackageType),
    handler: config.Handler,
    memoryMb: config.MemorySize,
    timeoutSeconds: config.Timeout,
    architecture: config.Architectures?.[0],
    packageType: config.PackageType ?? 'Zip',
    codeSize: config.CodeSize,
    lastModified: config.LastModified,
    description: config.Description || undefined,
    version: config.Version,
  };
}

/** Every function of the client's region, page by page (first page after one round trip). */
export async function listFunctions(client: LambdaClient, onPage: (functions: LambdaFunction[]) => void, signal?: AbortSignal): Promise<void> {
  await forEachPage(
    paginateListFunctions({ client, pageSize: 50 }, {}, { abortSignal: signal }),
    (page) => page.Functions?.map(toLambdaFunction),
    onPage,
    signal,
  );
}

/** Published versions, newest first ($LATEST excluded: it is the function itself). */
export async function listVersions(client: LambdaClient, functionName: string, signal?: AbortSignal): Promise<LambdaFunction[]> {
  const versions: LambdaFunction[] = [];
  await forEachPage(
    paginateListVersionsByFunction({ client }, { FunctionName: functionName }, { abortSignal: signal }),
    (page) => page.Versions?.map(toLambdaFunction),
    (items) => versions.push(...items.filter((v) => v.version !== '$LATEST')),
    signal,
  );
  return versions.sort((a, b) => Number(b.version) - Number(a.version));
}

export async function listAliases(client: LambdaClient, functionName: string, signal?: AbortSignal): Promise<LambdaAlias[]> {
  const aliases: LambdaAlias[] = [];
  await forEachPage(
    paginateListAliases({ client }, { FunctionName: functionName }, { abortSignal: signal }),
    (page) =>
      page.Aliases?.map((a) => ({
        name: a.Name ?? '',
        arn: a.AliasArn ?? '',
        version: a.FunctionVersion ?? '',
        description: a.Description || undefined,
        routing: a.RoutingConfig?.AdditionalVersionWeights,
      })),
    (items) => aliases.push(...items),
    signal,
  );
  return aliases.sort((a, b) => a.name.localeCompare(b.name));
}

/** Event source mappings (SQS, Kinesis, DynamoDB, Kafka, MQ…) and the function URL, if any. */
export async function listTriggers(client: LambdaClient, functionName: string, signal?: AbortSignal): Promise<LambdaTrigger[]> {
  const triggers: LambdaTrigger[] = [];
  await forEachPage(
    paginateListEventSourceMappings({ client }, { FunctionName: functionName }, { abortSignal: signal }),
    (page) =>
      page.EventSourceMappings?.map((m) => ({
        kind: 'event-source' as const,
        label: sourceLabel(m.EventSourceArn, m.SelfManagedEventSource?.Endpoints),
        detail: [m.State, m.BatchSize ? `batch ${m.BatchSize}` : undefined].filter(Boolean).join(' · '),
        arn: m.EventSourceArn,
        state: m.State,
      })),
    (items) => triggers.push(...items),
    signal,
  );
  try {
    const url = await client.send(new GetFunctionUrlConfigCommand({ FunctionName: functionName }), { abortSignal: signal });
    if (url.FunctionUrl) triggers.push({ kind: 'function-url', label: url.FunctionUrl, detail: `function URL · auth ${url.AuthType ?? '?'}` });
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
  }
  return triggers;
}

function sourceLabel(arn: string | undefined, endpoints: Record<string, string[]> | undefined): string {
  if (arn) {
    // arn:aws:<service>:<region>:<account>:<resource>
    const [, , service, , , ...rest] = arn.split(':');
    const resource = rest.join(':').replace(/^(table|stream|cluster)\//, '').split('/stream/')[0];
    return `${service.toUpperCase()} ${resource}`;
  }
  const servers = endpoints ? Object.values(endpoints).flat() : [];
  return servers.length ? `Kafka ${servers[0]}` : 'event source';
}
