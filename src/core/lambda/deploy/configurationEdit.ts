import { GetFunctionCommand, UpdateFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { functionTags } from '../invoke';
import { looksLikeProduction } from '../production';
import { asConcurrentChange, checkUnchanged, snapshotOf, type FunctionSnapshot } from './revisionGuard';
import { waitForUpdate } from './waitForUpdate';
import { applyEdit, describeChanges, editProblems, type ConfigurationEdit, type FunctionSettings } from './configurationRules';

export type { ConfigurationEdit, FunctionSettings } from './configurationRules';

export interface ConfigurationPlan {
  readonly snapshot: FunctionSnapshot;
  readonly before: FunctionSettings;
  readonly after: FunctionSettings;
  /** One line per change, values of variables left out (they may be secrets). */
  readonly changes: readonly string[];
  /** The edit leaves everything as it is: nothing to update. */
  readonly unchanged: boolean;
  readonly production?: string;
}

/** A function's settings as read, with the snapshot an edit of them is guarded by. */
export interface ReadSettings {
  readonly snapshot: FunctionSnapshot;
  readonly settings: FunctionSettings;
  readonly production?: string;
}

/** Reads the function's settings (GetFunction, its tags): what the user looks at before editing. */
export async function readFunctionSettings(client: LambdaClient, functionName: string, signal?: AbortSignal): Promise<ReadSettings> {
  const { Configuration: configuration = {}, Tags: tags } = await client.send(new GetFunctionCommand({ FunctionName: functionName }), { abortSignal: signal });
  const snapshot = snapshotOf(configuration, functionName);
  const settings: FunctionSettings = { memoryMb: configuration.MemorySize ?? 128, timeoutSeconds: configuration.Timeout ?? 3, environment: { ...(configuration.Environment?.Variables ?? {}) } };
  const production = looksLikeProduction(snapshot.name, undefined, tags ?? (await functionTags(client, snapshot.arn, signal).catch(() => ({}))));
  return { snapshot, settings, ...(production ? { production } : {}) };
}

/** The plan of an edit of settings read before; throws with every problem of the edit at once. */
export function planEdit(read: ReadSettings, edit: ConfigurationEdit): ConfigurationPlan {
  const problems = editProblems(edit);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const before = read.settings;
  const { after, problem } = applyEdit(before, edit);
  if (problem) throw new Error(problem);
  const unchanged = before.memoryMb === after.memoryMb && before.timeoutSeconds === after.timeoutSeconds && sameEnvironment(before.environment, after.environment);
  return { snapshot: read.snapshot, before, after, changes: describeChanges(before, after, edit), unchanged, ...(read.production ? { production: read.production } : {}) };
}

/** Reads the function and makes the plan of an edit; an edit wrong by itself is refused before AWS is asked. */
export async function planConfigurationEdit(client: LambdaClient, functionName: string, edit: ConfigurationEdit, signal?: AbortSignal): Promise<ConfigurationPlan> {
  const problems = editProblems(edit);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return planEdit(await readFunctionSettings(client, functionName, signal), edit);
}

function sameEnvironment(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}

export interface ConfigurationResult {
  readonly name: string;
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  /** The names of the variables now set (not their values). */
  readonly environment: readonly string[];
  readonly revisionId?: string;
}

/** UpdateFunctionConfiguration with the plan's settings, guarded as deployCode is, then the wait for Successful. */
export async function applyConfigurationEdit(client: LambdaClient, plan: ConfigurationPlan, options: { onProgress?: (message: string) => void; signal?: AbortSignal } = {}): Promise<ConfigurationResult> {
  const { snapshot, after } = plan;
  const progress = options.onProgress ?? (() => undefined);
  progress('Checking that nobody changed it since…');
  await checkUnchanged(client, snapshot, options.signal);
  progress('Updating its configuration…');
  await client
    .send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: snapshot.arn || snapshot.name,
        MemorySize: after.memoryMb,
        Timeout: after.timeoutSeconds,
        Environment: { Variables: { ...after.environment } },
        ...(snapshot.revisionId ? { RevisionId: snapshot.revisionId } : {}),
      }),
      { abortSignal: options.signal },
    )
    .catch((error: unknown) => Promise.reject(asConcurrentChange(error, snapshot.name)));
  progress('Waiting until Lambda has applied it…');
  await waitForUpdate(client, snapshot.arn || snapshot.name, options.signal, snapshot.name);
  const { Configuration: now = {} } = await client.send(new GetFunctionCommand({ FunctionName: snapshot.arn || snapshot.name }), { abortSignal: options.signal });
  return {
    name: snapshot.name,
    memoryMb: now.MemorySize ?? after.memoryMb,
    timeoutSeconds: now.Timeout ?? after.timeoutSeconds,
    environment: Object.keys(now.Environment?.Variables ?? {}).sort(),
    ...(now.RevisionId ? { revisionId: now.RevisionId } : {}),
  };
}
