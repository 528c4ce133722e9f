import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceProblem } from '../functionSource';
import { isRecord, type Json } from '../sam/intrinsics';
import { MANIFEST } from './cdkDiscovery';

/** One CloudFormation template of a cloud assembly: a stack's, or a nested stack's. */
export interface AssemblyTemplate {
  /** Absolute path of the *.template.json; assets are relative to its folder (the assembly's). */
  readonly file: string;
  /** The stack's name (its artifact id), to name what has no construct path. */
  readonly stack: string;
  readonly template: Json;
}

export interface AssemblyTemplates {
  readonly templates: AssemblyTemplate[];
  readonly problems: SourceProblem[];
  /** Every file read (manifests and templates), for a cache to check. */
  readonly files: string[];
}

const STACK_ARTIFACT = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
/** Stages in stages are each one assembly deeper; a guard against a manifest naming itself. */
const MAX_NESTING = 16;

function readJson(file: string, what: string, problems: SourceProblem[], text?: string): Json | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text ?? fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    problems.push({ file, message: `the ${what} could not be read (${why}): run \`npx cdk synth\` again to write it` });
    return undefined;
  }
  if (isRecord(value)) return value;
  problems.push({ file, message: `the ${what} is not a JSON object: run \`npx cdk synth\` again to write it` });
  return undefined;
}

/**
 * The templates of a cloud assembly (what `cdk synth` writes to cdk.out): every `aws:cloudformation:stack` artifact's
 * template, those of nested assemblies (a Stage's assembly-*), and nested stacks (*.nested.template.json assets).
 */
export function readAssemblyTemplates(manifestFile: string, manifestText?: string): AssemblyTemplates {
  const out: AssemblyTemplates = { templates: [], problems: [], files: [] };
  readManifest(path.resolve(manifestFile), manifestText, out, 0);
  return out;
}

/** One template the user named, with its nested stacks. */
export function readTemplateFile(templateFile: string, text?: string): AssemblyTemplates {
  const out: AssemblyTemplates = { templates: [], problems: [], files: [] };
  const file = path.resolve(templateFile);
  readStack(file, path.basename(file).replace(/\.template\.json$/i, ''), text, out, 0);
  return out;
}

function readManifest(file: string, text: string | undefined, out: AssemblyTemplates, depth: number): void {
  out.files.push(file);
  const manifest = readJson(file, 'cloud assembly manifest', out.problems, text);
  if (!manifest) return;
  const dir = path.dirname(file);
  const artifacts = isRecord(manifest.artifacts) ? manifest.artifacts : {};
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact)) continue;
    const properties = isRecord(artifact.properties) ? artifact.properties : {};
    if (artifact.type === STACK_ARTIFACT && typeof properties.templateFile === 'string') {
      readStack(path.resolve(dir, properties.templateFile), id, undefined, out, depth);
    } else if (artifact.type === NESTED_ASSEMBLY && typeof properties.directoryName === 'string' && depth < MAX_NESTING) {
      readManifest(path.resolve(dir, properties.directoryName, MANIFEST), undefined, out, depth + 1);
    }
  }
}

function readStack(file: string, stack: string, text: string | undefined, out: AssemblyTemplates, depth: number): void {
  out.files.push(file);
  const template = readJson(file, `template of the stack ${stack}`, out.problems, text);
  if (!template) return;
  out.templates.push({ file, stack, template });
  const resources = isRecord(template.Resources) ? template.Resources : {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || resource.Type !== 'AWS::CloudFormation::Stack' || !isRecord(resource.Metadata)) continue;
    const asset = resource.Metadata['aws:asset:path'];
    if (typeof asset === 'string' && resource.Metadata['aws:asset:property'] === 'TemplateURL' && depth < MAX_NESTING) {
      readStack(path.resolve(path.dirname(file), asset), `${stack}/${id}`, undefined, out, depth + 1);
    }
  }
}
