import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';
import { readJson, replaceFolder } from './cachedFolder';
import { fileSha256, sha256Of } from './fileHash';
import { parseLayerArn, type LayerArn } from './layerArn';
import type { DownloadedLayer, LayerFetcher } from './layerFetcher';
import { unzipInto } from '../preparation/unzip';

interface ArnLayerRecord {
  readonly arn: string;
  readonly codeSha256: string;
}

/** A layer version downloaded by its ARN: its content folder, and the CodeSha256 that names that content. */
export interface ArnLayerContent {
  readonly dir: string;
  readonly codeSha256: string;
}

/** Where a layer version is kept: a version's content never changes, so its ARN names it for good. */
export function arnLayerFolder(cacheDir: string, arn: LayerArn): string {
  return path.join(cacheDir, 'layers', 'arn', arn.partition, arn.region, arn.account, arn.name, String(arn.version));
}

/**
 * The content of a layer version: downloaded once into the cache (archive, record, unpacked folder) and used from
 * there. A cached archive whose hash no longer matches the CodeSha256 it was downloaded with is damaged: it is
 * downloaded again.
 */
export async function arnLayerContent(arn: string, cacheDir: string, fetchLayer: LayerFetcher | undefined, signal?: AbortSignal): Promise<ArnLayerContent> {
  const parsed = parseLayerArn(arn);
  if (!parsed) throw new RuntimeSetupError(`${arn} is not a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>).`, 'InvalidParameterValueException');
  const folder = arnLayerFolder(cacheDir, parsed);
  const record = readJson<ArnLayerRecord>(path.join(folder, 'layer.json'));
  if (record && fs.existsSync(path.join(folder, 'content')) && (await fileSha256(path.join(folder, 'layer.zip'))) === record.codeSha256) {
    return { dir: path.join(folder, 'content'), codeSha256: record.codeSha256 };
  }
  if (!fetchLayer) {
    throw new RuntimeSetupError(`the layer ${arn} must be downloaded from AWS, and this run has no AWS connection to download it with (run it from VS Code or the CLI).`, 'Layer.DownloadFailed');
  }
  const downloaded = await verifiedDownload(arn, parsed, fetchLayer, signal);
  await replaceFolder(folder, async (staging) => {
    await fs.promises.writeFile(path.join(staging, 'layer.zip'), downloaded.zip);
    try {
      await unzipInto(downloaded.zip, path.join(staging, 'content'), signal);
    } catch (error) {
      throw new RuntimeSetupError(`the layer ${arn} could not be unpacked: ${(error as Error).message}.`, 'Layer.DownloadFailed');
    }
    await fs.promises.writeFile(path.join(staging, 'layer.json'), JSON.stringify({ arn, codeSha256: downloaded.codeSha256 } satisfies ArnLayerRecord));
  });
  return { dir: path.join(folder, 'content'), codeSha256: downloaded.codeSha256 };
}

/** A download that matches its CodeSha256; one that does not (cut short, changed on the way) is fetched once more. */
async function verifiedDownload(arn: string, parsed: LayerArn, fetchLayer: LayerFetcher, signal?: AbortSignal): Promise<DownloadedLayer> {
  let got = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    let downloaded: DownloadedLayer;
    try {
      downloaded = await fetchLayer(arn, parsed, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new RuntimeSetupError(`the layer ${arn} could not be downloaded: ${(error as Error).message}`, 'Layer.DownloadFailed');
    }
    got = sha256Of(downloaded.zip);
    if (got === downloaded.codeSha256) return downloaded;
  }
  throw new RuntimeSetupError(`the download of layer ${arn} does not match its CodeSha256 (got ${got}), twice: the network or a proxy changes it. Try again, or download it yourself to check.`, 'Layer.DownloadFailed');
}
