import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import type { LambdaClient } from '@aws-sdk/client-lambda';

/** The ARN of a deployed function named `name` (what Invoke and its production check need when only the name is known). */
export async function functionArn(lambda: LambdaClient, name: string, signal?: AbortSignal): Promise<string> {
  const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }), { abortSignal: signal });
  if (!config.FunctionArn) throw new Error(`Lambda returned no ARN for ${name}.`);
  return config.FunctionArn;
}
