import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { toLambdaFunction } from './functions';
import type { LambdaFunction } from './functions';

export type LookedUpFunction = { readonly found: true; readonly fn: LambdaFunction } | { readonly found: false };

/** Whether a function (at a version or alias) exists where the client looks; other failures reject with the SDK's error. */
export async function lookUpFunction(client: LambdaClient, name: string, qualifier?: string, signal?: AbortSignal): Promise<LookedUpFunction> {
  try {
    const config = await client.send(new GetFunctionConfigurationCommand({ FunctionName: name, ...(qualifier ? { Qualifier: qualifier } : {}) }), { abortSignal: signal });
    return { found: true, fn: toLambdaFunction(config) };
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return { found: false };
    throw error;
  }
}
