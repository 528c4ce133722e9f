/** The parts of a layer version's ARN. */
export interface LayerArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
  readonly version: number;
}

const LAYER_VERSION_ARN = /^arn:(aws[a-z-]*):lambda:([a-z]{2}(?:-[a-z]+)+-\d+):(\d{12}):layer:([A-Za-z0-9_-]{1,140}):(\d+)$/;

/** A layer version's ARN, or undefined when the text is not one (a layer ARN without its version is not). */
export function parseLayerArn(text: string): LayerArn | undefined {
  const match = LAYER_VERSION_ARN.exec(text.trim());
  if (!match) return undefined;
  const [, partition, region, account, name, version] = match;
  return { partition: partition!, region: region!, account: account!, name: name!, version: Number(version) };
}
