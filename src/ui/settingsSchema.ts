// The settings table, apart from settings.ts because it must not import 'vscode': unit tests run in
// plain Node and check it against package.json's contributes.configuration. settings.ts reads through it.

export const SECTION = 'serverlessExplorer';

/**
 * The part of the UI a setting changes. The AWS tree, the local invoker (its warm environments) and
 * CodeLens keep what a setting gave them and are refreshed when it changes; the others read it on each use.
 */
export type SettingConsumer = 'awsTree' | 'deployedInvoke' | 'localFunctions' | 'localInvoker' | 'localEndpoint' | 'localApi' | 'localRuns' | 'codeLens' | 'monitor' | 'fargateRunTask';

interface Affects {
  readonly affects: SettingConsumer;
}

export type SettingSpec = Affects &
  (
    | { readonly kind: 'stringList'; readonly default: readonly string[] }
    | { readonly kind: 'string'; readonly default: string }
    | { readonly kind: 'enum'; readonly values: readonly string[]; readonly default: string }
    | { readonly kind: 'boolean'; readonly default: boolean }
    | { readonly kind: 'integer' | 'number'; readonly default: number; readonly minimum: number; readonly maximum: number }
  );

/** Every `serverlessExplorer.*` setting, by its name under the section; package.json declares the same. */
export const SETTINGS = {
  profiles: { kind: 'stringList', default: [], affects: 'awsTree' },
  regions: { kind: 'stringList', default: [], affects: 'awsTree' },
  endpointUrl: { kind: 'string', default: '', affects: 'awsTree' },
  'aws.connectTimeoutSeconds': { kind: 'number', default: 5, minimum: 0.1, maximum: 300, affects: 'awsTree' },
  'aws.requestTimeoutSeconds': { kind: 'number', default: 30, minimum: 0.1, maximum: 900, affects: 'awsTree' },
  confirmInvoke: { kind: 'enum', values: ['production', 'always', 'never'], default: 'production', affects: 'deployedInvoke' },
  'serverless.stage': { kind: 'string', default: '', affects: 'localFunctions' },
  localAlwaysCold: { kind: 'boolean', default: false, affects: 'localInvoker' },
  localMaxConcurrency: { kind: 'integer', default: 10, minimum: 1, maximum: 1000, affects: 'localInvoker' },
  localIdleMinutes: { kind: 'number', default: 10, minimum: 0, maximum: 1440, affects: 'localInvoker' },
  localEndpointPort: { kind: 'integer', default: 3001, minimum: 0, maximum: 65535, affects: 'localEndpoint' },
  localApiPort: { kind: 'integer', default: 3000, minimum: 0, maximum: 65535, affects: 'localApi' },
  localCredentialsProfile: { kind: 'string', default: '', affects: 'localRuns' },
  localPythonPath: { kind: 'string', default: '', affects: 'localRuns' },
  localNodePath: { kind: 'string', default: '', affects: 'localRuns' },
  'codeLens.enabled': { kind: 'boolean', default: true, affects: 'codeLens' },
  'monitor.maxLogEvents': { kind: 'number', default: 100_000, minimum: 1_000, maximum: 1_000_000, affects: 'monitor' },
  'monitor.liveTail': { kind: 'enum', values: ['poll', 'startLiveTail'], default: 'poll', affects: 'monitor' },
  'fargate.eventVariable': { kind: 'string', default: 'EVENT', affects: 'fargateRunTask' },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;

type ValueOf<S> = S extends { readonly kind: 'enum'; readonly values: readonly (infer V)[] }
  ? V
  : S extends { readonly kind: 'stringList' }
    ? string[]
    : S extends { readonly kind: 'string' }
      ? string
      : S extends { readonly kind: 'boolean' }
        ? boolean
        : number;

export type SettingValue<N extends SettingName> = ValueOf<(typeof SETTINGS)[N]>;

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** The names of the settings that change one part of the UI. */
export function settingsAffecting(consumer: SettingConsumer): SettingName[] {
  return SETTING_NAMES.filter((name) => SETTINGS[name].affects === consumer);
}

/**
 * A hand-edited settings.json can hold anything: a value of the wrong type is the default, strings are
 * trimmed (blank is the default), lists keep their non-blank strings, numbers are kept within their bounds.
 */
export function validSetting<N extends SettingName>(name: N, value: unknown): SettingValue<N> {
  return validValue(SETTINGS[name], value) as SettingValue<N>;
}

function validValue(spec: SettingSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'stringList':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [...spec.default];
    case 'string':
      return (typeof value === 'string' && value.trim()) || spec.default;
    case 'enum':
      return spec.values.includes(value as string) ? value : spec.default;
    case 'boolean':
      return typeof value === 'boolean' ? value : spec.default;
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return spec.default;
      const bounded = Math.min(Math.max(value, spec.minimum), spec.maximum);
      return spec.kind === 'integer' ? Math.floor(bounded) : bounded;
    }
  }
}
