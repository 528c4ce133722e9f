import { GetFunctionCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/** What GetFunction says of a deployed function: its configuration, and where its code can be downloaded. */
export interface DeployedFunction {
  readonly name: string;
  readonly arn: string;
  /** $LATEST, or the published version the qualifier (a version or an alias) names. */
  readonly version: string;
  readonly runtime?: string;
  readonly handler?: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  readonly architecture: 'x86_64' | 'arm64';
  readonly environment: Readonly<Record<string, string>>;
  /** Layer version ARNs, in order. */
  readonly layers: readonly string[];
  /** The execution role's ARN: what the function's code runs as. */
  readonly role?: string;
  /** "Zip" or "Image". */
  readonly packageType: string;
  /** Base64 SHA-256 of the deployment package: what names its content. */
  readonly codeSha256: string;
  /** A presigned link to the package, valid minutes (absent for container images). */
  readonly codeLocation?: string;
}

/** GetFunction of a function (name or ARN) at a qualifier, as a DeployedFunction. Rejects with the SDK's error. */
export async function getDeployedFunction(client: LambdaClient, functionName: string, qualifier?: string, signal?: AbortSignal): Promise<DeployedFunction> {
  const { Configuration: c = {}, Code: code = {} } = await client.send(new GetFunctionCommand({ FunctionName: functionName, ...(qualifier ? { Qualifier: qualifier } : {}) }), { abortSignal: signal });
  return {
    name: c.FunctionName ?? functionName,
    arn: c.FunctionArn ?? '',
    version: c.Version ?? '$LATEST',
    runtime: c.Runtime,
    handler: c.Handler,
    memoryMb: c.MemorySize,
    timeoutSeconds: c.Timeout,
    architecture: c.Architectures?.[0] === 'arm64' ? 'arm64' : 'x86_64',
    environment: { ...(c.Environment?.Variables ?? {}) },
    ...(c.Role ? { role: c.Role } : {}),
    layers: (c.Layers ?? []).flatMap((layer) => (layer.Arn ? [layer.Arn] : [])),
    packageType: c.PackageType ?? 'Zip',
    codeSha256: c.CodeSha256 ?? '',
    ...(code.Location ? { codeLocation: code.Location } : {}),
  };
}
