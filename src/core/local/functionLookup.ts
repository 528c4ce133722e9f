import type { LocalFunctionDefinition } from './types';

/**
 * The function a user or an SDK names: by its local name first, else by the name it has in AWS
 * (`aws lambda invoke --function-name HelloWorld` against the local endpoint) when one function has it.
 */
export function findLocalFunction<T extends LocalFunctionDefinition>(functions: readonly T[], name: string): T | undefined {
  const byName = functions.find((f) => f.name === name);
  if (byName) return byName;
  const deployed = functions.filter((f) => f.deployedName === name);
  return deployed.length === 1 ? deployed[0] : undefined;
}
