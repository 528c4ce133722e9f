import type { LocalFunctionDefinition } from '../../types';
import type { SourceProblem } from '../functionSource';
import { isRecord, type Json } from '../sam/intrinsics';
import { readTemplateFunctions } from '../sam/templateFunctions';
import type { AssemblyTemplate } from './cloudAssembly';

/** The source kind of functions read from AWS CDK cloud assemblies. */
export const CDK_SOURCE = 'cdk';

/**
 * Functions CDK adds for its own deploy-time work (custom resource providers, log retention, AwsCustomResource,
 * bucket notifications): not the app's, and nothing a user invokes. Recognised by the logical ids CDK gives its
 * singletons, and by the `Custom::…Provider` construct those providers live in.
 */
const CDK_HELPER_IDS = /^(CustomResourceProvider|AWS679f53fac002430cb0da5b7982bd2287|LogRetention[0-9a-f]{32}|BucketNotificationsHandler[0-9a-f]{32})/;
const CDK_HELPER_PATH = /\/Custom::[^/]*Provider(\/|$)/;

/** A stack template as the SAM reader reads it: assets in place of Code/Content, CDK's helpers left out. */
export interface LocalTemplate {
  readonly template: Json;
  /** The construct path of each function by logical id ("OrdersStack/Api/Handler"): the names functions get. */
  readonly names: Map<string, string>;
}

function metadataOf(resource: Json): Json {
  return isRecord(resource.Metadata) ? resource.Metadata : {};
}

/** The name a resource gets: its construct path without CDK's trailing `/Resource`, else stack/logical id. */
function constructName(resource: Json, id: string, stack: string): string {
  const cdkPath = metadataOf(resource)['aws:cdk:path'];
  return typeof cdkPath === 'string' && cdkPath !== '' ? cdkPath.replace(/\/Resource$/, '') : `${stack}/${id}`;
}

function isCdkHelper(resource: Json, id: string): boolean {
  const cdkPath = metadataOf(resource)['aws:cdk:path'];
  return CDK_HELPER_IDS.test(id) || (typeof cdkPath === 'string' && CDK_HELPER_PATH.test(cdkPath));
}

/** `aws:asset:path` (a folder or .zip of the assembly) in place of the property it stands for (S3 once deployed). */
function withAsset(resource: Json, property: string): Json {
  const metadata = metadataOf(resource);
  const asset = metadata['aws:asset:path'];
  if (typeof asset !== 'string' || metadata['aws:asset:property'] !== property) return resource;
  const properties = isRecord(resource.Properties) ? resource.Properties : {};
  return { ...resource, Properties: { ...properties, [property]: asset } };
}

export function localTemplate(assembly: AssemblyTemplate): LocalTemplate {
  const names = new Map<string, string>();
  const resources: Json = {};
  const source = isRecord(assembly.template.Resources) ? assembly.template.Resources : {};
  for (const [id, resource] of Object.entries(source)) {
    if (!isRecord(resource)) continue;
    if (resource.Type === 'AWS::Lambda::Function') {
      if (isCdkHelper(resource, id)) continue;
      names.set(id, constructName(resource, id, assembly.stack));
      resources[id] = withAsset(resource, 'Code');
    } else if (resource.Type === 'AWS::Lambda::LayerVersion') {
      resources[id] = withAsset(resource, 'Content');
    } else {
      resources[id] = resource;
    }
  }
  return { template: { ...assembly.template, Resources: resources }, names };
}

/** The functions of one template of a cloud assembly, named by construct path, and what keeps others from running. */
export function readCdkFunctions(assembly: AssemblyTemplate): { functions: LocalFunctionDefinition[]; problems: SourceProblem[] } {
  const { template, names } = localTemplate(assembly);
  const read = readTemplateFunctions(template, assembly.file);
  const functions = read.functions.map((f) => ({ ...f, name: names.get(f.name) ?? f.name, origin: { source: CDK_SOURCE, file: assembly.file, id: f.name } }));
  const problems = read.problems.map(({ logicalId, message }): SourceProblem => {
    if (logicalId === undefined) return { file: assembly.file, message };
    const name = names.get(logicalId) ?? logicalId;
    return { file: assembly.file, functionId: logicalId, message: message.startsWith(`${logicalId}:`) ? `${name}${message.slice(logicalId.length)}` : message };
  });
  return { functions, problems };
}
