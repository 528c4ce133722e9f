import * as path from 'node:path';
import { parseLayerArn } from '../../layers/layerArn';
import { MAX_LAYERS, type LayerSource } from '../../layers/layerSource';
import { asText, isRecord } from '../sam/intrinsics';
import type { ServerlessConfig } from './serverlessConfig';

/** The CloudFormation logical id the Serverless Framework gives a layer of the file: `common-libs` → CommonDashlibsLambdaLayer. */
export function layerLogicalId(name: string): string {
  const normalized = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore');
  return `${normalized.charAt(0).toUpperCase()}${normalized.slice(1)}LambdaLayer`;
}

/** A function's `layers`: `{ Ref: XLambdaLayer }` to a layer of the file's `layers:` (its `path`), or layer version ARNs. */
export function readFunctionLayers(config: ServerlessConfig, list: unknown, where: string, say: (message: string) => void): LayerSource[] | undefined {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    say(`${where}.layers is not a list (write a list of layer ARNs or { Ref: NameLambdaLayer } to a layer of this file)`);
    return undefined;
  }
  const own = config.resolver.resolve(config.raw.layers, 'layers');
  const byId = new Map(Object.entries(isRecord(own) ? own : {}).map(([name, layer]) => [layerLogicalId(name), { name, layer }]));
  const layers: LayerSource[] = [];
  for (const item of list) {
    const ref = isRecord(item) ? item.Ref : undefined;
    if (typeof ref === 'string') {
      const found = byId.get(ref);
      const layerPath = found && isRecord(found.layer) ? found.layer.path : undefined;
      if (!found || typeof layerPath !== 'string') {
        say(`${where}.layers: { Ref: ${ref} } is not a layer of this file with a path (add it under layers:, e.g. layers: { ${ref.replace(/LambdaLayer$/, '')}: { path: layer } })`);
        return undefined;
      }
      layers.push({ kind: 'local', name: found.name, content: path.resolve(config.serviceDir, layerPath), under: '' });
    } else if (typeof item === 'string' && parseLayerArn(item)) {
      layers.push({ kind: 'arn', arn: item.trim() });
    } else {
      say(`${where}.layers: ${JSON.stringify(asText(item))} is neither a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>) nor { Ref: NameLambdaLayer } to a layer of this file`);
      return undefined;
    }
  }
  if (layers.length > MAX_LAYERS) {
    say(`${where}.layers has ${layers.length} entries, and a function can have at most ${MAX_LAYERS} layers (combine some layers into one)`);
    return undefined;
  }
  return layers;
}
