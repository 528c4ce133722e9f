import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Pair, Scalar, YAMLMap, parseDocument, type CollectionTag, type ScalarTag, type YAMLSeq } from 'yaml';
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, type LocalFunctionDefinition } from './types';

/** Something in a template that keeps a function (or the whole template) from running locally, with how to fix it. */
export interface TemplateProblem {
  /** The resource the problem is about; absent for problems with the whole template. */
  readonly logicalId?: string;
  readonly message: string;
  /** 1-based line in the template, when known (syntax errors). */
  readonly line?: number;
}

export interface TemplateFunctions {
  functions: LocalFunctionDefinition[];
  problems: TemplateProblem[];
}

// ---------------------------------------------------------------------------------------------
// YAML with CloudFormation's short-form intrinsic tags

const SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'Sub', 'GetAtt', 'If', 'Join', 'Select', 'Split', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs',
      'Equals', 'And', 'Or', 'Not', 'Transform', 'ToJsonString', 'Length',
    ].map((name) => [name, `Fn::${name}`]),
  ),
};

/** `{ <long>: <collection> }` as a YAML node, so anchors and aliases inside keep working. */
function longForm(long: string, collection: YAMLMap.Parsed | YAMLSeq.Parsed): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(long), collection));
  return map;
}

/** Each short form as a scalar, a sequence and a mapping tag, whichever shape a template uses. */
const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.entries(SHORT_FORMS).flatMap(([short, long]) => [
  {
    tag: `!${short}`,
    resolve: (value: string): unknown => {
      if (short !== 'GetAtt') return { [long]: value };
      const dot = value.indexOf('.');
      return { [long]: dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
    },
  } satisfies ScalarTag,
  { tag: `!${short}`, collection: 'seq', resolve: (value) => longForm(long, value) } satisfies CollectionTag,
  { tag: `!${short}`, collection: 'map', resolve: (value) => longForm(long, value) } satisfies CollectionTag,
]);

type ParsedText = { readonly value: unknown } | { readonly problem: TemplateProblem };

function lineAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string): ParsedText {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    const where = lineColumn
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : position
        ? lineAt(text, Number(position[1]))
        : undefined;
    const reason = message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '');
    return {
      problem: {
        message: `${where ? `JSON syntax error at line ${where.line}, column ${where.column}` : 'JSON syntax error'}: ${reason} (fix the JSON so the template can be read)`,
        ...(where ? { line: where.line } : {}),
      },
    };
  }
}

function parseYaml(text: string): ParsedText {
  const doc = parseDocument(text, { customTags: CFN_TAGS, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const where = error.linePos?.[0];
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '');
    return {
      problem: {
        message: `${where ? `YAML syntax error at line ${where.line}, column ${where.col}` : 'YAML syntax error'}: ${reason} (fix the YAML so the template can be read)`,
        ...(where ? { line: where.line } : {}),
      },
    };
  }
  return { value: doc.toJS() as unknown };
}

function parseText(text: string, templateFile: string): ParsedText {
  const body = text.replace(/^\uFEFF/, '');
  if (/\.json$/i.test(templateFile)) return parseJson(body);
  if (/^\s*\{/.test(body)) {
    const json = parseJson(body);
    if ('value' in json) return json;
  }
  return parseYaml(body);
}

// ---------------------------------------------------------------------------------------------
// Resolving intrinsic functions for local use

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ Ref: … }` or `{ 'Fn::…': … }`. */
function isIntrinsic(value: unknown): value is Json {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** `!Ref AWS::NoValue`: the property is left out. */
const NO_VALUE = Symbol('AWS::NoValue');

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '123456789012';
export const LOCAL_STACK_NAME = 'local';

const PSEUDO_PARAMETERS: Readonly<Record<string, unknown>> = {
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT_ID,
  'AWS::StackName': LOCAL_STACK_NAME,
  'AWS::StackId': `arn:aws:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stack/${LOCAL_STACK_NAME}/00000000-0000-0000-0000-000000000000`,
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NotificationARNs': [],
  'AWS::NoValue': NO_VALUE,
};

const MAX_DEPTH = 64;

/** A value as text: lists joined with commas, objects as JSON. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(',');
  if (value === undefined || value === null || value === NO_VALUE) return '';
  return JSON.stringify(value);
}

function canonical(value: unknown): string {
  return Array.isArray(value) ? JSON.stringify(value.map(canonical)) : asText(value);
}

/**
 * Resolves intrinsic functions with the values a local run has: parameter defaults, a local region, account and
 * stack name, mappings and conditions. What only exists once deployed becomes a readable placeholder ("${Table.Arn}")
 * and is recorded in `missing`.
 */
class Resolver {
  private readonly parameters: Json;
  private readonly mappings: Json;
  private readonly conditions: Json;
  private readonly conditionValues = new Map<string, boolean | undefined>();

  constructor(template: Json) {
    this.parameters = isRecord(template.Parameters) ? template.Parameters : {};
    this.mappings = isRecord(template.Mappings) ? template.Mappings : {};
    this.conditions = isRecord(template.Conditions) ? template.Conditions : {};
  }

  resolve(value: unknown): { value: unknown; missing: string[] } {
    const missing: string[] = [];
    return { value: this.walk(value, missing, 0), missing };
  }

  private walk(value: unknown, missing: string[], depth: number): unknown {
    if (depth > MAX_DEPTH) return value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v, missing, depth + 1)).filter((v) => v !== NO_VALUE);
    if (!isRecord(value)) return value;
    if (isIntrinsic(value)) {
      const [name, argument] = Object.entries(value)[0];
      return this.intrinsic(name, argument, missing, depth + 1);
    }
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
      const resolved = this.walk(v, missing, depth + 1);
      if (resolved !== NO_VALUE) out[key] = resolved;
    }
    return out;
  }

  private placeholder(text: string, missing: string[]): string {
    missing.push(text);
    return `\${${text}}`;
  }

  private ref(name: string, missing: string[]): unknown {
    if (name in PSEUDO_PARAMETERS) return PSEUDO_PARAMETERS[name];
    const parameter = this.parameters[name];
    if (isRecord(parameter)) {
      const type = typeof parameter.Type === 'string' ? parameter.Type : 'String';
      // An SSM parameter's Default is the parameter's name, not its value.
      if (parameter.Default === undefined || parameter.Default === null || type.startsWith('AWS::SSM::Parameter::Value<')) {
        return this.placeholder(name, missing);
      }
      const value = parameter.Default;
      if ((type === 'CommaDelimitedList' || type.startsWith('List<')) && typeof value === 'string') {
        return value.split(',').map((item) => item.trim());
      }
      if (type === 'Number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      return value;
    }
    // A resource: its physical id exists once deployed.
    return this.placeholder(name, missing);
  }

  private intrinsic(name: string, argument: unknown, missing: string[], depth: number): unknown {
    const arg = (value: unknown): unknown => this.walk(value, missing, depth + 1);
    const list = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Ref':
        return this.ref(asText(arg(argument)), missing);
      case 'Fn::Sub': {
        const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
        const values = isRecord(variables) ? variables : {};
        return asText(arg(template)).replace(/\$\{([^}]*)\}/g, (_match, variable: string) => {
          if (variable.startsWith('!')) return `\${${variable.slice(1)}}`;
          if (variable in values) return asText(arg(values[variable]));
          if (variable.includes('.')) return this.placeholder(variable, missing);
          return asText(this.ref(variable, missing));
        });
      }
      case 'Fn::GetAtt': {
        const parts = typeof argument === 'string' ? argument.split(/\.(.*)/s, 2) : list.map((part) => asText(arg(part)));
        return this.placeholder(parts.filter((part) => part !== '').join('.'), missing);
      }
      case 'Fn::Join': {
        const [delimiter, items] = list;
        const resolved = arg(items);
        return Array.isArray(resolved) ? resolved.map(asText).join(asText(delimiter)) : this.placeholder('Join', missing);
      }
      case 'Fn::Select': {
        const index = Number(asText(arg(list[0])));
        const items = arg(list[1]);
        return Array.isArray(items) && Number.isInteger(index) && index >= 0 && index < items.length
          ? items[index]
          : this.placeholder('Select', missing);
      }
      case 'Fn::Split': {
        const [delimiter, source] = list;
        const before = missing.length;
        const text = arg(source);
        return typeof text === 'string' && missing.length === before ? text.split(asText(delimiter)) : this.placeholder('Split', missing);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = list.slice(0, 3).map((key) => asText(arg(key)));
        const options = list[3];
        const table = this.mappings[map];
        const row = isRecord(table) ? table[top] : undefined;
        const found = isRecord(row) ? row[second] : undefined;
        if (found !== undefined) return arg(found);
        if (isRecord(options) && 'DefaultValue' in options) return arg(options.DefaultValue);
        return this.placeholder(`FindInMap:${map}.${top}.${second}`, missing);
      }
      case 'Fn::ImportValue':
        return this.placeholder(`ImportValue:${asText(arg(argument))}`, missing);
      case 'Fn::Base64': {
        const before = missing.length;
        const text = asText(arg(argument));
        return missing.length === before ? Buffer.from(text, 'utf8').toString('base64') : this.placeholder(`Base64:${text}`, missing);
      }
      case 'Fn::GetAZs':
        return this.placeholder('GetAZs', missing);
      case 'Fn::Cidr':
        return this.placeholder('Cidr', missing);
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = list;
        const holds = this.condition(asText(condition), new Set());
        if (holds === undefined) return this.placeholder(`If:${asText(condition)}`, missing);
        return arg(holds ? whenTrue : whenFalse);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': {
        const holds = this.evaluate({ [name]: argument }, new Set());
        return holds === undefined ? this.placeholder(name.slice(4), missing) : holds;
      }
      case 'Fn::Transform': {
        const transform = isRecord(argument) ? asText(argument.Name) : '';
        return this.placeholder(transform ? `Transform:${transform}` : 'Transform', missing);
      }
      case 'Fn::ToJsonString': {
        const resolved = arg(argument);
        return typeof resolved === 'string' ? resolved : JSON.stringify(resolved);
      }
      case 'Fn::Length': {
        const resolved = arg(argument);
        return Array.isArray(resolved) ? resolved.length : this.placeholder('Length', missing);
      }
      default:
        return this.placeholder(name, missing);
    }
  }

  /** A named condition from the Conditions section; undefined when it depends on something unknown locally. */
  private condition(name: string, seen: Set<string>): boolean | undefined {
    if (this.conditionValues.has(name)) return this.conditionValues.get(name);
    if (seen.has(name) || !(name in this.conditions)) return undefined;
    seen.add(name);
    const value = this.evaluate(this.conditions[name], seen);
    this.conditionValues.set(name, value);
    return value;
  }

  private evaluate(expression: unknown, seen: Set<string>): boolean | undefined {
    if (typeof expression === 'boolean') return expression;
    if (!isRecord(expression) || Object.keys(expression).length !== 1) return undefined;
    const [name, argument] = Object.entries(expression)[0];
    const list = Array.isArray(argument) ? argument : [];
    switch (name) {
      case 'Condition':
        return this.condition(asText(argument), seen);
      case 'Fn::Equals': {
        const { value, missing } = this.resolve(list);
        return missing.length > 0 || !Array.isArray(value) || value.length !== 2 ? undefined : canonical(value[0]) === canonical(value[1]);
      }
      case 'Fn::Not': {
        const inner = this.evaluate(list[0], seen);
        return inner === undefined ? undefined : !inner;
      }
      case 'Fn::And': {
        const values = list.map((item) => this.evaluate(item, seen));
        return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
      }
      case 'Fn::Or': {
        const values = list.map((item) => this.evaluate(item, seen));
        return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
      }
      default:
        return undefined;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Functions

const SERVERLESS_TRANSFORM = 'AWS::Serverless-2016-10-31';
const ARCHIVE = /\.(zip|jar)$/i;

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
        this.serverlessFunction(logicalId, properties);
      } else if (resource.Type === 'AWS::Lambda::Function') {
        this.lambdaFunction(logicalId, properties);
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

  private serverlessFunction(id: string, own: Json): void {
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
    this.define(id, properties, codeDir, environment, 'on the function or in Globals.Function');
  }

  private lambdaFunction(id: string, properties: Json): void {
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
    this.define(id, properties, codeDir, environment, 'in the function\'s Properties');
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
    if (ARCHIVE.test(value)) {
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

  private define(id: string, properties: Json, codeDir: string, environment: Record<string, string>, where: string): void {
    const handler = this.requiredText(id, 'Handler', properties.Handler, where, 'app.handler');
    const runtime = this.requiredText(id, 'Runtime', properties.Runtime, where, 'nodejs20.x');
    if (handler === undefined || runtime === undefined) return;
    this.functions.push({
      name: id,
      codeDir,
      handler,
      runtime,
      timeoutSeconds: this.positiveNumber(id, 'Timeout', properties.Timeout, DEFAULT_TIMEOUT_SECONDS, 'seconds'),
      memoryMb: this.positiveNumber(id, 'MemorySize', properties.MemorySize, DEFAULT_MEMORY_MB, 'MB'),
      environment,
      architecture: this.architecture(id, properties.Architectures),
      templateFile: this.templateFile,
    });
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
  return parseText(text, templateFile);
}

/** The Lambda functions of a SAM or CloudFormation template (YAML or JSON), and what keeps others from running locally. */
export function parseTemplate(text: string, templateFile: string): TemplateFunctions {
  const file = path.resolve(templateFile);
  try {
    const parsed = parseText(text, file);
    if ('problem' in parsed) return { functions: [], problems: [parsed.problem] };
    if (parsed.value === undefined || parsed.value === null) return { functions: [], problems: [] };
    if (!isRecord(parsed.value)) {
      return { functions: [], problems: [{ message: 'not a CloudFormation template: the top level is not a mapping (a template starts with AWSTemplateFormatVersion, Transform or Resources)' }] };
    }
    const reader = new TemplateReader(parsed.value, file);
    reader.read();
    return { functions: reader.functions, problems: reader.problems };
  } catch (error) {
    return { functions: [], problems: [{ message: `the template could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

// ---------------------------------------------------------------------------------------------
// Finding templates in a workspace folder

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.aws-sam', 'cdk.out', 'dist', 'out', '.vscode-test']);
const NAMED_TEMPLATE = /^(template|.+\.template)\.(ya?ml|json)$/i;
const CANDIDATE = /\.(ya?ml|json)$/i;
const TEMPLATE_MARKERS = ['AWSTemplateFormatVersion', SERVERLESS_TRANSFORM];
/** Other .yaml/.yml/.json files are looked into this many directory levels below the root. */
const CONTENT_DEPTH = 2;
/** Named templates are looked for this deep (a guard for huge trees). */
const MAX_WALK_DEPTH = 16;
const MAX_SNIFF_BYTES = 8 * 1024 * 1024;

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

async function mentionsTemplate(file: string): Promise<boolean> {
  try {
    if ((await fs.stat(file)).size > MAX_SNIFF_BYTES) return false;
    const text = await fs.readFile(file, 'utf8');
    return TEMPLATE_MARKERS.some((marker) => text.includes(marker));
  } catch {
    return false;
  }
}

async function walk(dir: string, depth: number, found: string[], signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name) && depth < MAX_WALK_DEPTH) {
          await walk(full, depth + 1, found, signal);
        }
        return;
      }
      if (!CANDIDATE.test(entry.name)) return;
      if (!entry.isFile() && !(entry.isSymbolicLink() && (await isFile(full)))) return;
      if (NAMED_TEMPLATE.test(entry.name) || (depth <= CONTENT_DEPTH && (await mentionsTemplate(full)))) found.push(full);
    }),
  );
  signal?.throwIfAborted();
}

/**
 * Every SAM/CloudFormation template in a workspace folder, as sorted absolute paths: template.yaml|yml|json and
 * *.template.yaml|yml|json anywhere, and other .yaml/.yml/.json files up to two directory levels down that mention
 * AWSTemplateFormatVersion or the SAM transform. Dependency, build-output and hidden directories are skipped.
 * Rejects with the signal's reason when aborted.
 */
export async function findTemplates(root: string, signal?: AbortSignal): Promise<string[]> {
  const found: string[] = [];
  await walk(path.resolve(root), 0, found, signal);
  return found.sort();
}

/** The functions of every template in a workspace folder; unreadable templates become problems, never errors. */
export async function readTemplates(
  root: string,
): Promise<{ functions: LocalFunctionDefinition[]; problems: (TemplateProblem & { templateFile: string })[] }> {
  const functions: LocalFunctionDefinition[] = [];
  const problems: (TemplateProblem & { templateFile: string })[] = [];
  for (const templateFile of await findTemplates(root)) {
    let text: string;
    try {
      text = await fs.readFile(templateFile, 'utf8');
    } catch (error) {
      problems.push({ templateFile, message: `the template could not be read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const result = parseTemplate(text, templateFile);
    functions.push(...result.functions);
    problems.push(...result.problems.map((problem) => ({ ...problem, templateFile })));
  }
  return { functions, problems };
}
