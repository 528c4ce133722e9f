import type { LayerArn } from './layerArn';

/** A layer version's archive, as Lambda serves it, with the hash Lambda gives for it. */
export interface DownloadedLayer {
  readonly zip: Buffer;
  /** Base64 SHA-256 of the archive (GetLayerVersionByArn's Content.CodeSha256). */
  readonly codeSha256: string;
}

/**
 * Downloads a layer version by its ARN. core/local holds no AWS session: the extension and the CLI give one, with the
 * credentials of the profile they use. It throws an Error whose message says what failed and what to do.
 */
export type LayerFetcher = (arn: string, parsed: LayerArn, signal?: AbortSignal) => Promise<DownloadedLayer>;
