import { AwsClientFactory } from '../../core/aws/clients';
import type { AwsTimeouts } from '../../core/aws/timeouts';
import { DEFAULT_CHAIN } from '../../core/aws/sessions';
import { layerDownloader } from '../../core/lambda/layerDownload';
import type { LayerFetcher } from '../../core/local/layers/layerFetcher';
import type { CliIo } from '../io';

/** Downloads layers named by ARN for local runs, with --profile's credentials (else the default chain) and --endpoint-url. */
export function cliLayerFetcher(options: { readonly profile?: string; readonly endpointUrl?: string; readonly timeouts?: AwsTimeouts }, io: CliIo): { fetchLayer: LayerFetcher; dispose(): void } {
  const factory = new AwsClientFactory({ ...options.timeouts, endpointUrl: options.endpointUrl });
  const download = layerDownloader({ factory, profile: options.profile ?? DEFAULT_CHAIN, profileChoice: 'with --profile' });
  return {
    fetchLayer: async (arn, parsed, signal) => {
      io.err(`Downloading layer ${arn}…\n`);
      return download(arn, parsed, signal);
    },
    dispose: () => factory.dispose(),
  };
}
