import { GetLayerVersionByArnCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsClientFactory } from '../aws/clients';
import { describeAwsError } from '../aws/errors';
import { DEFAULT_CHAIN } from '../aws/sessions';
import type { LayerArn } from '../local/layers/layerArn';
import type { DownloadedLayer, LayerFetcher } from '../local/layers/layerFetcher';

export interface LayerDownloadOptions {
  readonly factory: AwsClientFactory;
  /** The profile whose credentials download it: the one local runs use. */
  readonly profile: string;
  /** Where the user chooses the profile, in the words of where they run it: "with --profile", "in the setting serverlessExplorer.localCredentialsProfile". */
  readonly profileChoice: string;
  readonly apiTimeoutMs?: number;
  readonly downloadTimeoutMs?: number;
}

/**
 * Downloads layer versions as Lambda does when it attaches them: GetLayerVersionByArn in the ARN's region, with the
 * profile's credentials (a public layer such as Powertools' needs only valid ones), then the archive from its
 * presigned Content.Location. Every failure says what to do.
 */
export function layerDownloader(options: LayerDownloadOptions): LayerFetcher {
  return async (arn, parsed, signal) => {
    const session = { profile: options.profile, region: parsed.region };
    const who = options.profile === DEFAULT_CHAIN ? 'the default credentials (environment variables, AWS_PROFILE or the default profile)' : `profile "${options.profile}"`;
    let location: string | undefined;
    let codeSha256: string | undefined;
    try {
      const client = options.factory.client(LambdaClient, session);
      const response = await client.send(new GetLayerVersionByArnCommand({ Arn: arn }), { abortSignal: withTimeout(signal, options.apiTimeoutMs ?? 20_000) });
      location = response.Content?.Location;
      codeSha256 = response.Content?.CodeSha256;
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new Error(apiFailure(error, parsed, who, options, session), { cause: error });
    }
    if (!location || !codeSha256) throw new Error(`GetLayerVersionByArn in ${parsed.region} gave no Content.Location or CodeSha256 for it, so there is nothing to download (is the endpoint a real Lambda?).`);
    return { zip: await downloadArchive(location, withTimeout(signal, options.downloadTimeoutMs ?? 300_000)), codeSha256 } satisfies DownloadedLayer;
  };
}

function apiFailure(error: unknown, arn: LayerArn, who: string, options: LayerDownloadOptions, session: { profile: string; region: string }): string {
  const name = (error as { name?: string }).name ?? '';
  if (name === 'ResourceNotFoundException') {
    return `${arn.region} has no layer ${arn.name} version ${arn.version} in account ${arn.account} (check the ARN's region, name and version).`;
  }
  const problem = describeAwsError(error, session, 'read the layer version (lambda:GetLayerVersion)', options.factory.endpointUrl);
  switch (problem.kind) {
    case 'sso-expired':
    case 'no-credentials':
    case 'bad-credentials':
      if (arn.partition !== 'aws') {
        return `the layer is in the ${arn.partition} partition, and no valid credentials for it came from ${who}: choose a profile of an ${arn.partition} account ${options.profileChoice}.`;
      }
      return `downloading a layer needs valid AWS credentials, even for a public layer, and none came from ${who}: ${problem.detail} Or choose another profile ${options.profileChoice}.`;
    case 'access-denied':
      return `${who} may not read this layer version in ${arn.region}: ${problem.detail} A public layer needs only valid credentials; a private one needs lambda:GetLayerVersion granted to your account by account ${arn.account}.`;
    case 'unreachable': {
      const e = error as { code?: string; cause?: { code?: string }; name?: string };
      return `could not reach AWS Lambda in ${arn.region}${options.factory.endpointUrl ? ` at ${options.factory.endpointUrl}` : ''} (${e.code ?? e.cause?.code ?? e.name}): check the network or a proxy, then try again.`;
    }
    default:
      return `${problem.detail} (with ${who})`;
  }
}

async function downloadArchive(location: string, signal: AbortSignal): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(location, { signal });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(`its archive could not be downloaded from ${new URL(location).host} (${cause}): check the network or a proxy, then try again.`, { cause: error });
  }
  if (!response.ok) {
    throw new Error(`its archive could not be downloaded from ${new URL(location).host}: HTTP ${response.status} (the presigned link lasts minutes: try again).`);
  }
  return Buffer.from(await response.arrayBuffer());
}

function withTimeout(signal: AbortSignal | undefined, ms: number): AbortSignal {
  return signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);
}
