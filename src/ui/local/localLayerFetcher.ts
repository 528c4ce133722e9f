import * as vscode from 'vscode';
import { parseEndpointUrl } from '../../core/aws/endpoint';
import { DEFAULT_CHAIN } from '../../core/aws/sessions';
import type { LayerFetcher } from '../../core/local/layers/layerFetcher';
import { awsSdk, lambdaSdk } from '../aws/sdk';
import { awsTimeoutSettings } from '../aws/awsTimeoutSettings';
import { setting } from '../settings';

/**
 * Downloads layers named by ARN for local runs, with the profile local runs use (serverlessExplorer.localCredentialsProfile,
 * else the default credentials) and serverlessExplorer.endpointUrl, showing the download as a cancellable notification.
 */
export const localLayerFetcher: LayerFetcher = async (arn, parsed, signal) =>
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Downloading layer ${parsed.name}:${parsed.version} (${parsed.region})…`, cancellable: true },
    async (_progress, token) => {
      const cancelled = new AbortController();
      const listener = token.onCancellationRequested(() => cancelled.abort(new Error(`the download of layer ${arn} was cancelled.`)));
      const factory = new (awsSdk().AwsClientFactory)({
        endpointUrl: parseEndpointUrl(setting('endpointUrl')),
        ...awsTimeoutSettings(),
      });
      try {
        const download = lambdaSdk().layerDownloader({
          factory,
          profile: setting('localCredentialsProfile').trim() || DEFAULT_CHAIN,
          profileChoice: 'in the setting serverlessExplorer.localCredentialsProfile',
        });
        return await download(arn, parsed, signal ? AbortSignal.any([signal, cancelled.signal]) : cancelled.signal);
      } finally {
        listener.dispose();
        factory.dispose();
      }
    },
  );
