/** Lambda attaches at most this many layers to a function. */
export const MAX_LAYERS = 5;

/**
 * One layer of a function, as its template names it. Lambda extracts each into /opt in the function's order, so a
 * later layer's file replaces an earlier one's.
 */
export type LayerSource =
  | {
      readonly kind: 'local';
      /** Its logical id in the template, for messages. */
      readonly name: string;
      /** Absolute path of its content: a folder, or a .zip archive. */
      readonly content: string;
      /**
       * The folder of /opt the content goes into: "nodejs" or "python" when `sam build` would install it there
       * (Metadata.BuildMethod nodejsNN.x / python3.N), "" for content already laid out as /opt.
       */
      readonly under: string;
    }
  | {
      readonly kind: 'arn';
      /** arn:<partition>:lambda:<region>:<account>:layer:<name>:<version> */
      readonly arn: string;
    };

export function layerLabel(layer: LayerSource): string {
  return layer.kind === 'arn' ? layer.arn : layer.name;
}
