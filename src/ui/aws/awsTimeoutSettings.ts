import { setting } from '../settings';

/** serverlessExplorer.aws.connectTimeoutSeconds and aws.requestTimeoutSeconds, for every AwsClientFactory of the extension. */
export function awsTimeoutSettings(): { readonly connectTimeoutSeconds: number; readonly requestTimeoutSeconds: number } {
  return { connectTimeoutSeconds: setting('aws.connectTimeoutSeconds'), requestTimeoutSeconds: setting('aws.requestTimeoutSeconds') };
}
