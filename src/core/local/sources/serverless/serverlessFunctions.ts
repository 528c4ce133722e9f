import { asText, isRecord, type Json } from '../sam/intrinsics';
import type { LocalFunctionDefinition } from '../../types';
import type { SourceProblem } from '../functionSource';
import type { ServerlessConfig } from './serverlessConfig';
import { readFunctionLayers } from './serverlessLayers';

/** The source kind of functions read from a serverless.yml. */
export const SERVERLESS_SOURCE = 'serverless';
/** The Serverless Framework's defaults, which differ from Lambda's (128 MB, 3 s). */
export const SERVERLESS_DEFAULT_MEMORY_MB = 1024;
export const SERVERLESS_DEFAULT_TIMEOUT_SECONDS = 6;

class FunctionsReader {
  readonly functions: LocalFunctionDefinition[] = [];
  readonly problems: SourceProblem[] = [];
  private readonly provider: Json;

  constructor(private readonly config: ServerlessConfig) {
    this.provider = resolvedProvider(config, ['runtime', 'memorySize', 'timeout', 'environment', 'architecture', 'layers']);
  }

  read(): void {
    const functions = this.config.resolver.resolve(this.config.raw.functions, 'functions');
    if (functions === undefined || functions === null) return;
    if (!isRecord(functions)) {
      this.problem(undefined, 'functions is not a mapping (write each function as name: { handler: file.export })');
      return;
    }
    for (const [name, fn] of Object.entries(functions)) {
      if (isRecord(fn)) this.function(name, fn);
      else this.problem(name, `functions.${name} is not a mapping (write handler: file.export under it)`);
    }
  }

  private problem(functionId: string | undefined, message: string): void {
    this.problems.push({ file: this.config.file, message, ...(functionId !== undefined ? { functionId } : {}) });
  }

  private function(name: string, fn: Json): void {
    const where = `functions.${name}`;
    if (fn.image !== undefined) {
      this.problem(name, `${where}.image: container image functions do not run locally (use handler: file.export with a runtime)`);
      return;
    }
    const handler = fn.handler;
    if (typeof handler !== 'string' || handler.trim() === '') {
      this.problem(name, `${where} has no handler (set handler: path/file.export, e.g. handler: handler.hello)`);
      return;
    }
    const runtime = fn.runtime ?? this.provider.runtime;
    if (typeof runtime !== 'string' || runtime.trim() === '') {
      this.problem(name, `${where} has no runtime (set provider.runtime or ${where}.runtime, e.g. nodejs20.x)`);
      return;
    }
    if (isRecord(fn.package) && fn.package.artifact !== undefined) {
      this.problem(name, `${where}.package.artifact is not used locally: the code in the service folder runs (the artifact is what it deploys)`);
    }
    const layers = readFunctionLayers(this.config, fn.layers ?? this.provider.layers, where, (message) => this.problem(name, message));
    if (layers === undefined) return;
    this.functions.push({
      name,
      codeDir: this.config.serviceDir,
      handler: handler.trim(),
      runtime: runtime.trim(),
      timeoutSeconds: this.positive(name, `${where}.timeout`, fn.timeout ?? this.provider.timeout, SERVERLESS_DEFAULT_TIMEOUT_SECONDS, 'seconds'),
      memoryMb: this.positive(name, `${where}.memorySize`, fn.memorySize ?? this.provider.memorySize, SERVERLESS_DEFAULT_MEMORY_MB, 'MB'),
      environment: { ...this.variables(this.provider.environment), ...this.variables(fn.environment) },
      architecture: this.architecture(name, where, fn.architecture ?? this.provider.architecture),
      origin: { source: SERVERLESS_SOURCE, file: this.config.file, id: name },
      ...(layers.length > 0 ? { layers } : {}),
      ...(typeof fn.reservedConcurrency === 'number' && Number.isInteger(fn.reservedConcurrency) && fn.reservedConcurrency >= 0 ? { reservedConcurrency: fn.reservedConcurrency } : {}),
      ...this.deployedName(name, fn.name),
    });
  }

  /** The name the Framework deploys it as: its `name:`, else <service>-<stage>-<function> (what an SDK call names). */
  private deployedName(name: string, own: unknown): { deployedName?: string } {
    if (typeof own === 'string' && own.trim() !== '' && !own.includes('<')) return { deployedName: own.trim() };
    const service = this.config.resolver.resolve(this.config.raw.service, 'service');
    const serviceName = isRecord(service) ? service.name : service;
    return typeof serviceName === 'string' && serviceName !== '' && !serviceName.includes('<') ? { deployedName: `${serviceName}-${this.config.resolver.stage()}-${name}` } : {};
  }

  private variables(environment: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (!isRecord(environment)) return out;
    for (const [key, value] of Object.entries(environment)) if (value !== undefined && value !== null) out[key] = asText(value);
    return out;
  }

  private positive(name: string, where: string, value: unknown, fallback: number, unit: string): number {
    if (value === undefined || value === null) return fallback;
    const number = typeof value === 'number' ? value : Number(asText(value));
    if (Number.isFinite(number) && number > 0) return number;
    this.problem(name, `${where} ${JSON.stringify(asText(value))} is not a positive number, so ${fallback} ${unit} is used (set it to a number)`);
    return fallback;
  }

  private architecture(name: string, where: string, value: unknown): 'x86_64' | 'arm64' {
    if (value === undefined || value === null || value === 'x86_64') return 'x86_64';
    if (value === 'arm64') return 'arm64';
    this.problem(name, `${where}.architecture ${JSON.stringify(asText(value))} is neither x86_64 nor arm64, so x86_64 is used`);
    return 'x86_64';
  }
}

/** Those of the provider's settings a local run uses, resolved (the others may name what only AWS has: `${cf:…}` roles). */
export function resolvedProvider(config: ServerlessConfig, keys: readonly string[]): Json {
  const raw = isRecord(config.raw.provider) ? config.raw.provider : {};
  return Object.fromEntries(keys.filter((key) => raw[key] !== undefined).map((key) => [key, config.resolver.resolve(raw[key], `provider.${key}`)]));
}

/** The functions of a serverless.yml, and what keeps others from running (unresolvable variables among them). */
export function readServerlessFunctions(config: ServerlessConfig): { functions: LocalFunctionDefinition[]; problems: SourceProblem[] } {
  const reader = new FunctionsReader(config);
  reader.read();
  const variables = config.resolver.problems.map(({ where, message }): SourceProblem => {
    const functionId = /^functions\.([^.[]+)/.exec(where)?.[1];
    return { file: config.file, message, ...(functionId !== undefined ? { functionId } : {}) };
  });
  return { functions: reader.functions, problems: [...variables, ...reader.problems] };
}
