import * as path from 'node:path';
import type { PreparationStep } from '../preparation/preparedCode';
import { requireLocalRuntime } from '../runtimes/registry';
import { RuntimeSetupError } from '../runtimes/runtimeSetupError';
import { arnLayerContent } from './arnLayers';
import { MAX_LAYERS } from './layerSource';
import { localLayerContent } from './localLayers';
import { optFolder, type LayerContent } from './optFolder';
import { searchPath } from './searchPath';

/**
 * The preparation step for a function's layers: their contents laid out as Lambda's /opt (see optFolder.ts), and the
 * variables that make the runtime search it as it searches /opt: the family's own (NODE_PATH, PYTHONPATH…), bin/ on
 * PATH, lib/ on LD_LIBRARY_PATH. Code that names /opt/… literally finds nothing: nothing is mounted there.
 */
export const layOutLayers: PreparationStep = async (definition, code, context) => {
  const layers = definition.layers ?? [];
  if (layers.length === 0) return code;
  if (layers.length > MAX_LAYERS) {
    throw new RuntimeSetupError(`${definition.name} has ${layers.length} layers, and Lambda allows at most ${MAX_LAYERS} (combine some into one layer).`, 'InvalidParameterValueException');
  }
  const contents: LayerContent[] = [];
  for (const layer of layers) {
    context.signal?.throwIfAborted();
    if (layer.kind === 'arn') {
      const { dir, codeSha256 } = await arnLayerContent(layer.arn, context.cacheDir, context.fetchLayer, context.signal);
      contents.push({ dir, under: '', codeSha256 });
    } else {
      const { dir, codeSha256 } = await localLayerContent(layer.name, layer.content, context.cacheDir, context.signal);
      contents.push({ dir, under: layer.under, codeSha256 });
    }
  }
  const opt = await optFolder(contents, context.cacheDir);
  const family = requireLocalRuntime(definition.runtime);
  return {
    taskRoot: code.taskRoot,
    env: {
      ...code.env,
      ...family.layerEnvironment?.(opt, definition.runtime, code),
      LD_LIBRARY_PATH: searchPath(code.env.LD_LIBRARY_PATH ?? process.env.LD_LIBRARY_PATH, path.join(opt, 'lib')),
    },
    path: [...code.path, path.join(opt, 'bin')],
  };
};
