import { archiveStep } from '../build/archiveStep';
import { esbuildStep } from '../build/esbuildStep';
import { typescriptHandlerCheck } from '../build/typescriptHandler';
import { layOutLayers } from '../layers/layerStep';
import { runtimeSdkStep } from '../runtimeProvided/runtimeSdkStep';
import { codeLocationCheck } from './codeLocationCheck';
import type { LocalFunctionDefinition } from '../types';
import type { PreparationContext, PreparationStep, PreparedCode } from './preparedCode';

/** The steps, in order: what each makes, the next one receives. A new step is a module in core/local and a line here. */
const STEPS: readonly PreparationStep[] = [
  codeLocationCheck,
  // Lambda's order: the function's code as deployed (unpacked, built), then its layers under /opt…
  archiveStep,
  esbuildStep,
  typescriptHandlerCheck,
  layOutLayers,
  // …and last what the runtime provides: it reads the code the steps before made, and ends NODE_PATH after their folders.
  runtimeSdkStep,
];

/** Makes a function's code ready to start a runtime on: for a plain folder of code, that folder as it is. */
export async function prepareFunction(definition: LocalFunctionDefinition, context: PreparationContext): Promise<PreparedCode> {
  let code: PreparedCode = { taskRoot: definition.codeDir, env: {}, path: [] };
  for (const step of STEPS) {
    context.signal?.throwIfAborted();
    code = await step(definition, code, context);
  }
  return code;
}
