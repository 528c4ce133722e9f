import * as path from 'node:path';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, type LocalFunctionDefinition } from '../../types';
import { readBuildMetadata } from '../../build/buildMetadata';
import { Resolver, asText, isIntrinsic, isRecord, type Json } from './intrinsics';
import { TemplateLayerReader } from './templateLayers';
import type { TemplateFunctions, TemplateProblem } from './templateProblem';
import { parseTemplateText } from './templateText';

/** The source kind of functions read from SAM/CloudFormation templates. */
export const SAM_SOURCE = 'sam';

export const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';
const ARCHIVE = /\.(zip|jar)$/i;
const ZIP = /\.zip$/i;

class TemplateReader {
  readonly functions: LocalFunctionDefinition[] = [];
  readonly problems: TemplateProblem[] = [];
  private readonly resolver: Resolver;
  private readonly globals: Json;

  constructor(
    private readonly template: Json,
    private readonly templateFile: string,
  ) {
    this.resolver = new Resolver(template);
    const globals = isRecord(template.Globals) ? template.Globals.Function : undefined;
    this.globals = isRecord(globals) ? globals : {};
  }

  read(): void {
    const resources = this.template.Resources;
    if (resources === undefined || resources === null) {
      if ('AWSTemplateFormatVersion' in this.template || 'Transform' in this.template) {
        this.problem(undefined, 'the template has no Resources section (add Resources with the functions to run)');
      }
      return;
    }
    if (!isRecord(resources)) {
      this.problem(undefined, 'Resources is not a mapping (write each resource as LogicalId: { Type: …, Properties: … })');
      return;
    }
    let serverless = false;
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (!isRecord(resource)) continue;
      const properties = isRecord(resource.Properties) ? resource.Properties : {};
      if (resource.Type === 'AWS::Serverless::Function') {
        serverless = true;
        this.serverlessFunction(logicalId, properties, resource.Metadata);
      } else if (resource.Type === 'AWS::Lambda::Function') {
        this.lambdaFunction(logicalId, properties, resource.Metadata);
      }
    }
    const transforms = (Array.isArray(this.template.Transform) ? this.template.Transform : [this.template.Transform]).map((t) =>
      isRecord(t) ? t.Name : t,
    );
    if (serverless && !transforms.includes(SERVERLESS_TRANSFORM)) {
      this.problem(undefined, `the template has AWS::Serverless::Function resources but no "Transform: ${SERVERLESS_TRANSFORM}" (add it at the top level; functions were read anyway)`);
    }
  }

  private problem(logicalId: string | undefined, message: string): void {
    this.problems.push(logicalId === undefined ? { message } : { logicalId, message: `${logicalId}: ${message}` });
  }

  private resolve(value: unknown): { value: unknown; missing: string[] } {
    return this.resolver.resolve(value);
  }

  private serverlessFunction(id: string, own: Json, metadata: unknown): void {
    const properties: Json = { ...this.globals, ...own };
    if (this.resolve(properties.PackageType).value === 'Image') {
      this.problem(id, 'PackageType Image: container image functions do not run locally (use PackageType Zip with CodeUri, Handler and Runtime)');
      return;
    }
    if (own.InlineCode !== undefined || (own.CodeUri === undefined && this.globals.InlineCode !== undefined)) {
      this.problem(id, 'InlineCode is not supported locally (move the code into a file in a folder and set CodeUri to that folder)');
      return;
    }
    const { value: codeUri, missing } = this.resolve(properties.CodeUri ?? '.');
    if (isRecord(codeUri) || (typeof codeUri === 'string' && /^s3:\/\//i.test(codeUri))) {
      this.problem(id, 'CodeUri points at code in S3, which cannot run locally (set CodeUri to the local folder with the function\'s code)');
      return;
    }
    const codeDir = this.codeDir(id, 'CodeUri', codeUri, missing);
    if (codeDir === undefined) return;
    const environment = this.mergedVariables(this.globals.Environment, own.Environment);
    this.define(id, properties, codeDir, environment, 'on the function or in Globals.Function', metadata, [this.globals.Layers, own.Layers]);
  }

  private lambdaFunction(id: string, properties: Json, metadata: unknown): void {
    if (this.resolve(properties.PackageType).value === 'Image') {
      this.problem(id, 'PackageType Image: container image functions do not run locally (use a .zip function with Code, Handler and Runtime)');
      return;
    }
    const { value: code, missing } = this.resolve(properties.Code);
    if (code === undefined || code === null) {
      this.problem(id, 'no Code (set Code to the local folder with the function\'s code, as aws cloudformation package accepts)');
      return;
    }
    if (isRecord(code)) {
      if ('ZipFile' in code) {
        this.problem(id, 'Code.ZipFile (inline code) is not supported locally (move the code into a folder and set Code to that folder)');
      } else if ('ImageUri' in code) {
        this.problem(id, 'Code.ImageUri: container image functions do not run locally (use a .zip function with Code, Handler and Runtime)');
      } else {
        this.problem(id, 'Code is in S3 (S3Bucket/S3Key), which cannot run locally (set Code to the local folder with the function\'s code, as aws cloudformation package accepts)');
      }
      return;
    }
    if (typeof code === 'string' && /^s3:\/\//i.test(code)) {
      this.problem(id, 'Code points at S3, which cannot run locally (set Code to the local folder with the function\'s code)');
      return;
    }
    const codeDir = this.codeDir(id, 'Code', code, missing);
    if (codeDir === undefined) return;
    const environment = this.mergedVariables(undefined, properties.Environment);
    this.define(id, properties, codeDir, environment, 'in the function\'s Properties', metadata, [properties.Layers]);
  }

  private codeDir(id: string, property: string, value: unknown, missing: string[]): string | undefined {
    if (missing.length > 0) {
      this.problem(id, `${property} depends on ${missing.map((m) => `\${${m}}`).join(', ')}, which has no value locally (write the path in the template, or give the parameter it refers to a Default)`);
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(id, `${property} is not a path (set ${property} to the folder with the function's code, relative to the template)`);
      return undefined;
    }
    if (ARCHIVE.test(value) && !ZIP.test(value)) {
      this.problem(id, `${property} points at an archive (${value}), which does not run locally (point ${property} at the folder with the unpacked code)`);
      return undefined;
    }
    return path.resolve(path.dirname(this.templateFile), value);
  }

  /** `Environment.Variables` from Globals and the function, merged key by key (the function's values win). */
  private mergedVariables(globalEnvironment: unknown, ownEnvironment: unknown): Record<string, string> {
    const variables = (environment: unknown): Json => {
      const env = isIntrinsic(environment) ? this.resolve(environment).value : environment;
      if (!isRecord(env)) return {};
      const vars = isIntrinsic(env.Variables) ? this.resolve(env.Variables).value : env.Variables;
      return isRecord(vars) ? vars : {};
    };
    const merged = this.resolve({ ...variables(globalEnvironment), ...variables(ownEnvironment) }).value;
    const out: Record<string, string> = {};
    if (!isRecord(merged)) return out;
    for (const [name, value] of Object.entries(merged)) {
      if (value !== undefined && value !== null) out[name] = asText(value);
    }
    return out;
  }

  private define(id: string, properties: Json, codeDir: string, environment: Record<string, string>, where: string, metadata: unknown, layerLists: unknown[]): void {
    const handler = this.requiredText(id, 'Handler', properties.Handler, where, 'app.handler');
    const runtime = this.requiredText(id, 'Runtime', properties.Runtime, where, 'nodejs20.x');
    if (handler === undefined || runtime === undefined) return;
    const { layers, problems } = new TemplateLayerReader(isRecord(this.template.Resources) ? this.template.Resources : {}, this.resolver, this.templateFile).read(layerLists, runtime);
    problems.forEach((p) => this.problem(id, p.message));
    if (problems.some((p) => p.blocking)) return;
    const { build, problem } = readBuildMetadata(this.resolve(metadata).value, handler, this.templateFile);
    if (problem) this.problem(id, problem);
    this.functions.push({
      name: id,
      codeDir,
      handler,
      runtime,
      timeoutSeconds: this.positiveNumber(id, 'Timeout', properties.Timeout, DEFAULT_TIMEOUT_SECONDS, 'seconds'),
      memoryMb: this.positiveNumber(id, 'MemorySize', properties.MemorySize, DEFAULT_MEMORY_MB, 'MB'),
      environment,
      architecture: this.architecture(id, properties.Architectures),
      origin: { source: SAM_SOURCE, file: this.templateFile, id },
      ...(layers.length > 0 ? { layers } : {}),
      ...(build ? { build } : {}),
      ...(ZIP.test(codeDir) ? { codeArchive: true } : {}),
      ...this.reservedConcurrency(id, properties.ReservedConcurrentExecutions),
      ...this.deployedName(properties.FunctionName),
    });
  }

  /** FunctionName, when the template fixes it: the name the function is also found by (an SDK's FunctionName). */
  private deployedName(raw: unknown): { deployedName?: string } {
    if (raw === undefined || raw === null) return {};
    const { value, missing } = this.resolve(raw);
    return typeof value === 'string' && value !== '' && missing.length === 0 ? { deployedName: value } : {};
  }

  private reservedConcurrency(id: string, raw: unknown): { reservedConcurrency?: number } {
    if (raw === undefined || raw === null) return {};
    const { value } = this.resolve(raw);
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isInteger(number) && number >= 0) return { reservedConcurrency: number };
    this.problem(id, `ReservedConcurrentExecutions ${JSON.stringify(asText(value))} is not a whole number of 0 or more, so it is not applied (set it to a number, or give its parameter a numeric Default)`);
    return {};
  }

  private requiredText(id: string, property: string, raw: unknown, where: string, example: string): string | undefined {
    const { value, missing } = this.resolve(raw);
    if (value === undefined || value === null || value === '') {
      this.problem(id, `no ${property} (set ${property} ${where}, e.g. ${property}: ${example})`);
      return undefined;
    }
    if (missing.length > 0) {
      this.problem(id, `${property} depends on ${missing.map((m) => `\${${m}}`).join(', ')}, which has no value locally (write ${property} in the template, or give the parameter it refers to a Default)`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.problem(id, `${property} is not text (set ${property} ${where}, e.g. ${property}: ${example})`);
      return undefined;
    }
    return value;
  }

  private positiveNumber(id: string, property: string, raw: unknown, fallback: number, unit: string): number {
    if (raw === undefined || raw === null) return fallback;
    const { value } = this.resolve(raw);
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (Number.isFinite(number) && number > 0) return number;
    this.problem(id, `${property} ${JSON.stringify(asText(value))} is not a positive number, so ${fallback} ${unit} is used (set ${property} to a number, or give its parameter a numeric Default)`);
    return fallback;
  }

  private architecture(id: string, raw: unknown): 'x86_64' | 'arm64' {
    if (raw === undefined || raw === null) return 'x86_64';
    const { value } = this.resolve(raw);
    const first = Array.isArray(value) ? value[0] : value;
    if (first === 'x86_64' || first === 'arm64') return first;
    this.problem(id, `Architectures ${JSON.stringify(asText(value))} is neither [x86_64] nor [arm64], so x86_64 is used (set Architectures to [x86_64] or [arm64])`);
    return 'x86_64';
  }
}

/**
 * A template's text as plain data, with short-form tags in their long form (`!GetAtt A.B` → `{ 'Fn::GetAtt': ['A', 'B'] }`),
 * or the syntax problem (with its line) that keeps it from being read.
 */
export function parseTemplateDocument(text: string, templateFile: string): { value: unknown } | { problem: TemplateProblem } {
  return parseTemplateText(text, templateFile);
}

/** The Lambda functions of a SAM or CloudFormation template (YAML or JSON), and what keeps others from running locally. */
export function parseTemplate(text: string, templateFile: string): TemplateFunctions {
  const file = path.resolve(templateFile);
  try {
    const parsed = parseTemplateText(text, file);
    if ('problem' in parsed) return { functions: [], problems: [parsed.problem] };
    if (parsed.value === undefined || parsed.value === null) return { functions: [], problems: [] };
    if (!isRecord(parsed.value)) {
      return { functions: [], problems: [{ message: 'not a CloudFormation template: the top level is not a mapping (a template starts with AWSTemplateFormatVersion, Transform or Resources)' }] };
    }
    return readTemplateFunctions(parsed.value, file);
  } catch (error) {
    return { functions: [], problems: [{ message: `the template could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}


/** The Lambda functions of a template already parsed (a CDK cloud assembly's), named by logical id; `templateFile` is absolute. */
export function readTemplateFunctions(template: Json, templateFile: string): TemplateFunctions {
  const reader = new TemplateReader(template, templateFile);
  reader.read();
  return { functions: reader.functions, problems: reader.problems };
}
