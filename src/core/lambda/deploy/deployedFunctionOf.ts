import type { LocalFunctionDefinition } from '../../local/types';
import { listFunctions, type LambdaClient } from '../functions';
import { deployedCandidates } from './deployedMatch';

/**
 * The deployed functions of the client's region a local function may be: its own name in AWS when its file gives
 * one (FunctionName, function_name, the Framework's name), else every `<stack>-<LogicalId>-<suffix>` that fits. Several
 * are the caller's to choose from; none means it is not deployed there (or has another name).
 */
export async function deployedFunctionsOf(client: LambdaClient, local: LocalFunctionDefinition, signal?: AbortSignal): Promise<string[]> {
  if (local.deployedName) return [local.deployedName];
  const names: string[] = [];
  await listFunctions(client, (page) => names.push(...page.map((f) => f.name)), signal);
  return deployedCandidates(local, names);
}
