import { GetFunctionConfigurationCommand, type FunctionConfiguration, type LambdaClient } from '@aws-sdk/client-lambda';

/** The function as it was when the user looked at it: what a deploy or an edit must not overwrite if it changed since. */
export interface FunctionSnapshot {
  readonly name: string;
  readonly arn: string;
  /** Lambda's RevisionId: absent from moto 5.2, which neither returns nor enforces one. */
  readonly revisionId?: string;
  /** The configuration that matters to the user (code hash, settings), for when there is no RevisionId to compare. */
  readonly fingerprint: string;
  readonly configuration: FunctionConfiguration;
}

/** A change made by someone else between looking and acting: nothing was changed by us. */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
}

export function snapshotOf(configuration: FunctionConfiguration, name: string): FunctionSnapshot {
  const c = configuration;
  const fingerprint = JSON.stringify([
    c.CodeSha256,
    c.CodeSize,
    c.LastModified,
    c.MemorySize,
    c.Timeout,
    c.Handler,
    c.Runtime,
    c.Role,
    c.Environment?.Variables ?? {},
    (c.Layers ?? []).map((layer) => layer.Arn),
  ]);
  return { name: c.FunctionName ?? name, arn: c.FunctionArn ?? '', ...(c.RevisionId ? { revisionId: c.RevisionId } : {}), fingerprint, configuration: c };
}

export function concurrentChangeMessage(name: string, what?: string): string {
  return `${name} changed since you looked at it${what ? ` (${what})` : ''}, so nothing was changed: look again, then try again.`;
}

/**
 * Our own check, made right before the update. Lambda enforces the RevisionId we pass to UpdateFunctionCode,
 * UpdateFunctionConfiguration and PublishVersion (PreconditionFailedException); this check is for endpoints that do
 * not (moto 5.2 returns no RevisionId and ignores the one it is sent), comparing the configuration itself.
 */
export async function checkUnchanged(client: LambdaClient, snapshot: FunctionSnapshot, signal?: AbortSignal): Promise<void> {
  const now = snapshotOf(await client.send(new GetFunctionConfigurationCommand({ FunctionName: snapshot.arn || snapshot.name }), { abortSignal: signal }), snapshot.name);
  const same = snapshot.revisionId && now.revisionId ? snapshot.revisionId === now.revisionId : snapshot.fingerprint === now.fingerprint;
  if (!same) throw new ConcurrentChangeError(concurrentChangeMessage(snapshot.name, whatChanged(snapshot.configuration, now.configuration)));
}

/** Lambda's refusal of a stale RevisionId, in the same words as our own check. */
export function asConcurrentChange(error: unknown, name: string): unknown {
  const kind = (error as { name?: string }).name;
  if (kind === 'PreconditionFailedException') return new ConcurrentChangeError(concurrentChangeMessage(name, 'its RevisionId is not the one read'), { cause: error });
  // Lambda refuses an update while another one is being applied.
  if (kind === 'ResourceConflictException') return new ConcurrentChangeError(`${name} is being updated by someone else right now, so nothing was changed: look again in a moment, then try again.`, { cause: error });
  return error;
}

function whatChanged(before: FunctionConfiguration, after: FunctionConfiguration): string | undefined {
  if (before.CodeSha256 !== after.CodeSha256) return 'its code was deployed again';
  const settings: string[] = [];
  if (before.MemorySize !== after.MemorySize) settings.push('memory');
  if (before.Timeout !== after.Timeout) settings.push('timeout');
  if (JSON.stringify(before.Environment?.Variables ?? {}) !== JSON.stringify(after.Environment?.Variables ?? {})) settings.push('environment variables');
  if (settings.length > 0) return `its ${settings.join(', ')} changed`;
  return before.RevisionId !== after.RevisionId ? 'its RevisionId is new' : 'its configuration changed';
}
