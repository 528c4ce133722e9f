import * as fs from 'node:fs';
import * as path from 'node:path';
import { asText, isRecord, type Json } from '../sam/intrinsics';
import { parseTemplateText } from '../sam/templateText';
import { readDotenvFile } from './dotenvFile';
import { parseParts, type Part, type Variable } from './variableSyntax';

/** What `serverless --stage … --region … --x …` would pass: `${opt:…}`'s values. */
export interface ServerlessOptions {
  readonly stage?: string;
  readonly region?: string;
  /** Any other option, by name without dashes. */
  readonly options?: Readonly<Record<string, string>>;
  /** `${env:…}`'s values besides the .env files; process.env by default. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/** A variable that has no value locally, where it is written (a path in the file: "functions.hello.environment.DB"). */
export interface VariableProblem {
  readonly where: string;
  readonly message: string;
}

/** The account id `${aws:accountId}` stands for locally, as no AWS account is asked. */
export const LOCAL_ACCOUNT_ID = '123456789012';
const REMOTE_SOURCES: Readonly<Record<string, string>> = { ssm: 'SSM Parameter Store', cf: 'CloudFormation stack outputs', s3: 'S3', secretsmanager: 'Secrets Manager', sls: 'the Serverless Dashboard' };
const MAX_DEPTH = 64;

type Lookup = { readonly value: unknown } | { readonly missing: string };

/**
 * Resolves the variables of a serverless.yml without AWS: self, opt, env (process.env and, with `useDotenv: true`,
 * the service folder's .env.<stage> or .env), sls:stage, file(), param, aws:region/accountId. What has no value locally
 * becomes a placeholder ("<ssm:/path>") and a problem saying where; a variable that refers to itself is one too.
 */
export class VariableResolver {
  readonly problems: VariableProblem[] = [];
  /** Every file read besides the configuration (.env files looked for, file() includes), for a watcher. */
  readonly readFiles = new Set<string>();
  private readonly active = new Set<string>();
  private readonly files = new Map<string, Lookup>();
  private dotenv?: Record<string, string>;
  private loadingDotenv = false;
  private cachedStage?: string;

  constructor(
    private readonly config: Json,
    private readonly serviceDir: string,
    private readonly options: ServerlessOptions = {},
  ) {}

  /** A value with every variable in it resolved; `where` names its place in the file. */
  resolve(value: unknown, where: string): unknown {
    if (this.active.size > MAX_DEPTH) return value;
    if (typeof value === 'string') return this.text(value, where);
    if (Array.isArray(value)) return value.map((item, i) => this.resolve(item, `${where}[${i}]`));
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.resolve(item, where ? `${where}.${key}` : key)]));
    return value;
  }

  /** A path of the file ("provider.stage"), resolved. */
  at(address: string): unknown {
    const found = this.self(address);
    return 'value' in found ? found.value : undefined;
  }

  stage(): string {
    if (this.cachedStage !== undefined) return this.cachedStage;
    if (this.options.stage) return (this.cachedStage = this.options.stage);
    if (this.active.has('self:provider.stage')) return 'dev';
    const written = this.at('provider.stage');
    return (this.cachedStage = written === undefined || written === null || written === '' ? 'dev' : asText(written));
  }

  region(): string {
    if (this.options.region) return this.options.region;
    if (this.active.has('self:provider.region')) return 'us-east-1';
    const written = this.at('provider.region');
    return written === undefined || written === null || written === '' ? 'us-east-1' : asText(written);
  }

  private text(text: string, where: string): unknown {
    const parts = parseParts(text);
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.variable(parts[0], where);
    return parts.map((part) => (typeof part === 'string' ? part : asText(this.variable(part, where)))).join('');
  }

  private variable(variable: Variable, where: string): unknown {
    const found = this.tryVariable(variable, where);
    if ('value' in found) return found.value;
    const placeholder = `<${variable.raw.slice(2, -1).split(',')[0].trim()}>`;
    const message = `${where}: ${variable.raw} ${found.missing}, so "${placeholder}" is used`;
    if (!this.problems.some((p) => p.message === message)) this.problems.push({ where, message });
    return placeholder;
  }

  private tryVariable(variable: Variable, where: string): Lookup {
    let first: Lookup | undefined;
    for (const alternative of variable.alternatives) {
      const found = this.alternative(alternative, where);
      if ('value' in found) return found;
      first ??= found;
    }
    return first ?? { missing: 'is empty' };
  }

  private alternative(parts: readonly Part[], where: string): Lookup {
    if (parts.length === 1 && typeof parts[0] !== 'string') return this.tryVariable(parts[0], where);
    const head = parts[0];
    if (typeof head === 'string' && /^['"]/.test(head)) {
      const text = parts.map((part) => (typeof part === 'string' ? part : asText(this.variable(part, where)))).join('');
      return { value: text.slice(1, text.endsWith(head[0]) ? -1 : undefined) };
    }
    let address = '';
    for (const part of parts) {
      if (typeof part === 'string') {
        address += part;
        continue;
      }
      const found = this.tryVariable(part, where);
      if (!('value' in found)) return found;
      address += asText(found.value);
    }
    if (/^-?\d+(\.\d+)?$/.test(address)) return { value: Number(address) };
    if (address === 'true' || address === 'false' || address === 'null') return { value: JSON.parse(address) as unknown };
    return this.lookup(address.trim());
  }

  private lookup(address: string): Lookup {
    const match = /^(\w+)(?:\((.*)\))?(?::([\s\S]*)|$)/.exec(address);
    if (!match) return { missing: `is not a variable the Serverless Framework knows (write \${self:…}, \${opt:…}, \${env:…}, \${file(…):…}…)` };
    const [, source, parameter, key = ''] = match;
    switch (source) {
      case 'self':
        return this.self(key);
      case 'opt':
        return this.option(key);
      case 'env':
        return this.env(key);
      case 'param':
        return this.param(key);
      case 'file':
        return this.file(parameter ?? '', key);
      case 'aws':
        if (key === 'region') return { value: this.region() };
        if (key === 'accountId') return { value: LOCAL_ACCOUNT_ID };
        return { missing: `is not a value a local run has (only \${aws:region} and \${aws:accountId} are)` };
      case 'sls':
        if (key === 'stage') return { value: this.stage() };
        if (key === 'instanceId') return { value: 'local' };
        break;
    }
    const remote = REMOTE_SOURCES[source];
    if (remote) return { missing: `is read from ${remote} when deployed, which a local run does not do (add a fallback for local runs: \${${address}, 'local value'})` };
    return { missing: `names the variable source "${source}", which a local run cannot resolve (add a fallback: \${${address}, 'local value'})` };
  }

  private guarded(key: string, read: () => Lookup): Lookup {
    if (this.active.has(key)) return { missing: `refers to itself through ${[...this.active].filter((k) => k.startsWith('self:') || k.startsWith('file')).join(' → ') || key} (break the cycle)` };
    this.active.add(key);
    try {
      return read();
    } finally {
      this.active.delete(key);
    }
  }

  private self(address: string): Lookup {
    return this.guarded(`self:${address}`, () => {
      const found = this.walk(this.config, address, '');
      return 'value' in found ? { value: this.resolve(found.value, address) } : found;
    });
  }

  /** Follows a dotted path into a value, resolving variables on the way (`custom: ${file(./custom.yml)}`). */
  private walk(start: unknown, address: string, prefix: string): Lookup {
    let node = start;
    let at = prefix;
    for (const segment of address.split('.').filter(Boolean)) {
      if (typeof node === 'string') node = this.resolve(node, at);
      if (!isRecord(node) && !Array.isArray(node)) return { missing: `refers to ${address}, which is not in the file (add it, or a fallback: \${self:${address}, 'value'})` };
      node = (node as Json)[segment];
      at = at ? `${at}.${segment}` : segment;
      if (node === undefined) return { missing: `refers to ${address}, which is not in the file (add it, or a fallback: \${self:${address}, 'value'})` };
    }
    return { value: node };
  }

  private option(name: string): Lookup {
    const value = name === 'stage' ? this.options.stage : name === 'region' ? this.options.region : this.options.options?.[name];
    return value !== undefined ? { value } : { missing: `has no value: no ${name} option was given (give one, or a fallback: \${opt:${name}, 'value'})` };
  }

  private env(name: string): Lookup {
    const environment = this.options.environment ?? process.env;
    const value = environment[name] ?? this.dotenvValues()[name];
    return value !== undefined ? { value } : { missing: `has no value: the environment variable ${name} is not set${this.config.useDotenv === true ? ' nor in the .env file' : ''} (set it, or give a fallback: \${env:${name}, 'value'})` };
  }

  /** With `useDotenv: true`: .env.<stage> when there is one, else .env (the Serverless Framework v3 loads one of them). */
  private dotenvValues(): Record<string, string> {
    if (this.dotenv) return this.dotenv;
    if (this.config.useDotenv !== true || this.loadingDotenv) return {};
    this.loadingDotenv = true;
    try {
      const environment = this.options.environment ?? process.env;
      const staged = path.join(this.serviceDir, `.env.${this.stage()}`);
      const plain = path.join(this.serviceDir, '.env');
      this.readFiles.add(staged).add(plain);
      this.dotenv = readDotenvFile(staged, environment) ?? readDotenvFile(plain, environment) ?? {};
      return this.dotenv;
    } finally {
      this.loadingDotenv = false;
    }
  }

  private param(name: string): Lookup {
    const params = this.resolve(this.config.params, 'params');
    const ofStage = isRecord(params) && isRecord(params[this.stage()]) ? (params[this.stage()] as Json)[name] : undefined;
    const byDefault = isRecord(params) && isRecord(params.default) ? params.default[name] : undefined;
    const value = ofStage ?? byDefault;
    return value !== undefined ? { value } : { missing: `has no value: params has no ${name} for the stage ${this.stage()} nor under default (add it, or a fallback: \${param:${name}, 'value'})` };
  }

  private file(parameter: string, key: string): Lookup {
    const relative = parameter.trim().replace(/^(['"])(.*)\1$/, '$2');
    const file = path.resolve(this.serviceDir, relative);
    return this.guarded(`file(${relative}):${key}`, () => {
      const content = this.fileContent(file, relative);
      if (!('value' in content)) return content;
      const found = key ? this.walk(content.value, key, '') : content;
      if (!('value' in found)) return { missing: `refers to ${key}, which ${relative} does not have (add it there, or a fallback)` };
      return { value: this.resolve(found.value, `${relative}${key ? `:${key}` : ''}`) };
    });
  }

  private fileContent(file: string, relative: string): Lookup {
    const cached = this.files.get(file);
    if (cached) return cached;
    this.readFiles.add(file);
    let found: Lookup;
    if (/\.(c|m)?[jt]s$/i.test(file)) {
      found = { missing: `includes a script, which would have to be run to give its value; a local run reads only YAML and JSON files (write the values in a .yml or .json file)` };
    } else {
      let text: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      const parsed = text === undefined ? undefined : parseTemplateText(text, file);
      found =
        parsed === undefined
          ? { missing: `includes ${relative}, which does not exist (relative to the service folder ${this.serviceDir})` }
          : 'problem' in parsed
            ? { missing: `includes ${relative}, which cannot be read: ${parsed.problem.message}` }
            : { value: parsed.value };
    }
    this.files.set(file, found);
    return found;
  }
}
