// Pure (no SDK): what a configuration edit may be, checked before AWS is asked, and what it changes.

/** What to change in a function's configuration; absent fields stay as they are. */
export interface ConfigurationEdit {
  readonly setEnvironment?: Readonly<Record<string, string>>;
  readonly unsetEnvironment?: readonly string[];
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
}

export interface FunctionSettings {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
}

export const MEMORY_RANGE = { min: 128, max: 10_240 } as const;
export const TIMEOUT_RANGE = { min: 1, max: 900 } as const;
/** Lambda's limit on all of a function's environment variables together. */
export const ENVIRONMENT_LIMIT_BYTES = 4 * 1024;
const VARIABLE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** Variables Lambda sets itself and refuses in a configuration. */
const RESERVED_VARIABLES = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME', 'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

export function memoryProblem(memoryMb: number): string | undefined {
  if (!Number.isInteger(memoryMb) || memoryMb < MEMORY_RANGE.min || memoryMb > MEMORY_RANGE.max) return `memory must be a whole number of MB from ${MEMORY_RANGE.min} to ${MEMORY_RANGE.max} (Lambda's limits), not ${memoryMb}`;
  return undefined;
}

export function timeoutProblem(timeoutSeconds: number): string | undefined {
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < TIMEOUT_RANGE.min || timeoutSeconds > TIMEOUT_RANGE.max) return `timeout must be a whole number of seconds from ${TIMEOUT_RANGE.min} to ${TIMEOUT_RANGE.max} (Lambda's limits), not ${timeoutSeconds}`;
  return undefined;
}

export function variableNameProblem(name: string): string | undefined {
  if (!VARIABLE_NAME.test(name)) return `"${name}" is not a valid environment variable name: it must start with a letter and hold only letters, digits and _`;
  if (RESERVED_VARIABLES.has(name)) return `${name} is set by Lambda itself and cannot be configured`;
  return undefined;
}

/** Bytes of every key and value together: what Lambda's 4 KB limit counts. */
export function environmentBytes(environment: Readonly<Record<string, string>>): number {
  return Object.entries(environment).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
}

/** What is wrong with an edit by itself (before AWS is asked anything). */
export function editProblems(edit: ConfigurationEdit): string[] {
  const problems: string[] = [];
  if (edit.memoryMb !== undefined) problems.push(...[memoryProblem(edit.memoryMb)].filter((p): p is string => !!p));
  if (edit.timeoutSeconds !== undefined) problems.push(...[timeoutProblem(edit.timeoutSeconds)].filter((p): p is string => !!p));
  for (const name of Object.keys(edit.setEnvironment ?? {})) {
    const problem = variableNameProblem(name);
    if (problem) problems.push(problem);
  }
  for (const name of edit.unsetEnvironment ?? []) {
    if (edit.setEnvironment && name in edit.setEnvironment) problems.push(`${name} is both set and unset: choose one`);
  }
  const nothing = edit.memoryMb === undefined && edit.timeoutSeconds === undefined && Object.keys(edit.setEnvironment ?? {}).length === 0 && (edit.unsetEnvironment ?? []).length === 0;
  if (nothing) problems.push('nothing to change: give an environment variable to set or unset, a memory size or a timeout');
  return problems;
}

/** The settings after the edit, and what is wrong with them as a whole (the 4 KB environment). */
export function applyEdit(before: FunctionSettings, edit: ConfigurationEdit): { after: FunctionSettings; problem?: string } {
  const environment: Record<string, string> = { ...before.environment, ...(edit.setEnvironment ?? {}) };
  for (const name of edit.unsetEnvironment ?? []) delete environment[name];
  const after = { memoryMb: edit.memoryMb ?? before.memoryMb, timeoutSeconds: edit.timeoutSeconds ?? before.timeoutSeconds, environment };
  const bytes = environmentBytes(environment);
  if (bytes > ENVIRONMENT_LIMIT_BYTES) return { after, problem: `the environment variables would take ${bytes} bytes, over Lambda's 4 KB (${ENVIRONMENT_LIMIT_BYTES} bytes) limit for all of them together: keep large values elsewhere (SSM Parameter Store, Secrets Manager, S3)` };
  return { after };
}

/** The edit's changes, one line each; an unset variable that is not there is said, not hidden. */
export function describeChanges(before: FunctionSettings, after: FunctionSettings, edit: ConfigurationEdit): string[] {
  const lines: string[] = [];
  if (before.memoryMb !== after.memoryMb) lines.push(`memory ${before.memoryMb} MB → ${after.memoryMb} MB`);
  if (before.timeoutSeconds !== after.timeoutSeconds) lines.push(`timeout ${before.timeoutSeconds} s → ${after.timeoutSeconds} s`);
  for (const [name, value] of Object.entries(edit.setEnvironment ?? {})) {
    if (!(name in before.environment)) lines.push(`environment ${name}: added`);
    else if (before.environment[name] !== value) lines.push(`environment ${name}: changed`);
  }
  for (const name of edit.unsetEnvironment ?? []) lines.push(name in before.environment ? `environment ${name}: removed` : `environment ${name}: not set, nothing to remove`);
  return lines;
}
