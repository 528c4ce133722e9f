import { layOutLayers } from '../layers/layerStep';
import type { LocalFunctionDefinition } from '../types';
import type { PreparationContext, PreparationStep, PreparedCode } from './preparedCode';

/** The steps, in order: what each makes, the next one receives. A new step is a module in core/local and a line here. */
const STEPS: readonly PreparationStep[] = [layOutLayers];

/** Makes a function's code ready to start a runtime on: for a plain folder of code, that folder as it is. */
export async function prepareFunction(definition: LocalFunctionDefinition, context: PreparationContext): Promise<PreparedCode> {
  let code: PreparedCode = { taskRoot: definition.codeDir, env: {}, path: [] };
  for (const step of STEPS) {
    context.signal?.throwIfAborted();
    code = await step(definition, code, context);
  }
  return code;
}
