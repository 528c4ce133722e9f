import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeployedFunction } from '../../lambda/deployedFunction';
import { arnLayerContent } from '../layers/arnLayers';
import { codeStamp } from '../reload/codeStamp';
import { readJson, replaceFolder } from '../layers/cachedFolder';
import type { LayerFetcher } from '../layers/layerFetcher';
import { sha256Of } from '../layers/fileHash';
import { unzipInto } from '../preparation/unzip';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, type FunctionCredentials, type LocalFunctionDefinition } from '../types';

/** The source kind of functions pulled down from AWS. */
export const PULLED_SOURCE = 'pulled';
/** What a pulled folder holds beside its code/: the deployed configuration it was pulled with. */
export const PULLED_RECORD = 'function.json';

export interface PulledRecord {
  readonly pulledAt: string;
  readonly deployed: Omit<DeployedFunction, 'codeLocation'>;
  /** The profile and region it was pulled with: its local runs get that profile's credentials and that AWS_REGION. */
  readonly from?: { readonly profile: string; readonly region: string };
  /** The version or alias it was pulled at (absent: $LATEST): its local name is then `<name>:<qualifier>`, as Lambda writes it. */
  readonly qualifier?: string;
  /** What code/ looked like when it was pulled or deployed from here (codeStamp): another stamp means it was edited since. */
  readonly codeStamp?: string;
  /** "executionRole": its runs assume its execution role (the user allowed it) instead of using the profile's own credentials. */
  readonly credentials?: 'profile' | 'executionRole';
}

export interface PullOptions {
  /** The folder it goes into: code/ and function.json. */
  readonly dir: string;
  /** Fetches the package at its presigned link. */
  readonly download: (location: string, signal?: AbortSignal) => Promise<Buffer>;
  /** The version or alias asked for, if any. */
  readonly qualifier?: string;
  /** Where it was pulled from (kept in function.json for its runs' credentials and region). */
  readonly from?: PulledRecord['from'];
  /** How its runs get credentials; by default what an earlier pull into the folder chose, else the profile's. */
  readonly credentials?: PulledRecord['credentials'];
  /** Replace code/ even when it was edited since it was pulled (the edits are lost): the user said so. */
  readonly discardEdits?: boolean;
  /** Downloads its layers into the layer cache now (those not there yet), so that the first run does not wait for them. */
  readonly layers?: { readonly cacheDir: string; readonly fetchLayer: LayerFetcher };
  readonly signal?: AbortSignal;
}

export interface PulledFunction {
  readonly definition: LocalFunctionDefinition;
  /** False when the folder already held this CodeSha256: nothing was downloaded. */
  readonly downloaded: boolean;
}

/**
 * Brings a deployed function's code and configuration into a folder, changing nothing in AWS: the package unpacked
 * into code/ (downloaded again only when its CodeSha256 changed), the configuration in function.json.
 */
export async function pullFunction(deployed: DeployedFunction, options: PullOptions): Promise<PulledFunction> {
  if (deployed.packageType === 'Image') {
    throw new Error(`${deployed.name} is a container image function: its code is an image in ECR, not a package that runs here (run the image with Docker, or pull a .zip function).`);
  }
  if (!deployed.runtime || !deployed.handler) {
    throw new Error(`${deployed.name} has no ${deployed.runtime ? 'handler' : 'runtime'} in its configuration, so it cannot run locally.`);
  }
  const recordFile = path.join(options.dir, PULLED_RECORD);
  const codeDir = path.join(options.dir, 'code');
  const before = readJson<PulledRecord>(recordFile);
  const fresh = before?.deployed.codeSha256 === deployed.codeSha256 && fs.existsSync(codeDir);
  if (!fresh) {
    if (before?.codeStamp && fs.existsSync(codeDir) && !options.discardEdits && (await codeStamp(codeDir)) !== before.codeStamp) {
      throw new PulledCodeEditedError(
        `${codeDir} was edited since ${deployed.name} was pulled, and the deployed code has changed since too: pulling it again would replace your edits. Deploy them first, copy them elsewhere, or pull into another folder.`,
      );
    }
    if (!deployed.codeLocation) throw new Error(`GetFunction gave no Code.Location for ${deployed.name}, so there is nothing to download (is the endpoint a real Lambda?).`);
    const zip = await options.download(deployed.codeLocation, options.signal);
    const got = sha256Of(zip);
    if (deployed.codeSha256 && got !== deployed.codeSha256) {
      throw new Error(`the package downloaded for ${deployed.name} does not match its CodeSha256 (${got}, not ${deployed.codeSha256}): it was cut short or changed on the way; try again.`);
    }
    await fs.promises.mkdir(options.dir, { recursive: true });
    await replaceFolder(codeDir, (staging) => unzipInto(zip, staging, options.signal));
  }
  if (options.layers) for (const arn of deployed.layers) await arnLayerContent(arn, options.layers.cacheDir, options.layers.fetchLayer, options.signal);
  const { codeLocation: _link, ...kept } = deployed;
  const from = options.from ?? before?.from;
  const credentials = options.credentials ?? before?.credentials;
  const qualifier = options.qualifier && options.qualifier !== '$LATEST' ? options.qualifier : undefined;
  const stamp = fresh ? before?.codeStamp : await codeStamp(codeDir);
  const record: PulledRecord = { pulledAt: new Date().toISOString(), deployed: kept, ...(stamp ? { codeStamp: stamp } : {}), ...(qualifier ? { qualifier } : {}), ...(from ? { from } : {}), ...(credentials ? { credentials } : {}) };
  await fs.promises.writeFile(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  return { definition: pulledDefinition(record, recordFile), downloaded: !fresh };
}

/** A pull that would replace code/ the user edited since: nothing was changed. */
export class PulledCodeEditedError extends Error {
  override readonly name = 'PulledCodeEditedError';
}

/**
 * After its code/ was deployed to the function: the record says the deployed code is now that code (its CodeSha256
 * and stamp), so that the next pull neither downloads it again nor takes the deployed edits for local ones.
 */
export async function markPulledCodeDeployed(definition: LocalFunctionDefinition, codeSha256: string): Promise<boolean> {
  if (definition.origin?.source !== PULLED_SOURCE) return false;
  const record = readJson<PulledRecord>(definition.origin.file);
  if (!record) return false;
  const updated: PulledRecord = { ...record, deployed: { ...record.deployed, codeSha256 }, codeStamp: await codeStamp(definition.codeDir) };
  await fs.promises.writeFile(definition.origin.file, `${JSON.stringify(updated, null, 2)}\n`);
  return true;
}

/** The local function a pulled folder's record describes: the deployed configuration, the code beside it. */
export function pulledDefinition(record: PulledRecord, recordFile: string): LocalFunctionDefinition {
  const { deployed, from } = record;
  // Lambda sets AWS_REGION to the function's own region; the deployed variables cannot (it is reserved).
  const region = from?.region ?? regionOfArn(deployed.arn);
  const credentials: FunctionCredentials | undefined = from && {
    profile: from.profile,
    region: from.region,
    ...(record.credentials === 'executionRole' && deployed.role ? { assumeRole: deployed.role } : {}),
  };
  return {
    name: record.qualifier ? `${deployed.name}:${record.qualifier}` : deployed.name,
    deployedName: deployed.name,
    codeDir: path.join(path.dirname(recordFile), 'code'),
    handler: deployed.handler ?? '',
    runtime: deployed.runtime ?? '',
    timeoutSeconds: deployed.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    memoryMb: deployed.memoryMb ?? DEFAULT_MEMORY_MB,
    environment: region ? { AWS_REGION: region, AWS_DEFAULT_REGION: region, ...deployed.environment } : deployed.environment,
    ...(credentials ? { credentials } : {}),
    architecture: deployed.architecture,
    origin: { source: PULLED_SOURCE, file: recordFile, id: record.qualifier ? `${deployed.name}:${record.qualifier}` : deployed.name },
    ...(deployed.layers.length > 0 ? { layers: deployed.layers.map((arn) => ({ kind: 'arn' as const, arn })) } : {}),
  };
}

/** The folder a pull goes into under .serverless-explorer/pulled/: the name, and `@<qualifier>` for a version or alias (so that each has its own). */
export function pulledFolderName(name: string, qualifier?: string): string {
  return qualifier && qualifier !== '$LATEST' ? `${name}@${qualifier}` : name;
}

function regionOfArn(arn: string): string | undefined {
  return /^arn:[\w-]+:lambda:([\w-]+):/.exec(arn)?.[1];
}
