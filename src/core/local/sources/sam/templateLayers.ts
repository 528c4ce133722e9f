import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseLayerArn } from '../../layers/layerArn';
import { MAX_LAYERS, type LayerSource } from '../../layers/layerSource';
import { asText, isRecord, type Json, type Resolver } from './intrinsics';

const LAYER_TYPES = ['AWS::Serverless::LayerVersion', 'AWS::Lambda::LayerVersion'];

/** Something about a function's layers: `blocking` when the function cannot run as written. */
export interface LayerProblem {
  readonly message: string;
  readonly blocking: boolean;
}

export interface TemplateLayers {
  readonly layers: LayerSource[];
  readonly problems: LayerProblem[];
}

/**
 * The Layers of a function (Globals.Function's first, then its own: SAM appends lists), each a layer of this template
 * (`!Ref`, `!GetAtt`, `!Sub "${Layer}"`) or a layer version ARN (written, or from a parameter's Default).
 */
export class TemplateLayerReader {
  constructor(
    private readonly resources: Json,
    private readonly resolver: Resolver,
    private readonly templateFile: string,
  ) {}

  read(lists: readonly unknown[], runtime: string): TemplateLayers {
    const problems: LayerProblem[] = [];
    const items: unknown[] = [];
    for (const list of lists) {
      if (list === undefined || list === null) continue;
      const value = Array.isArray(list) ? list : this.resolver.resolve(list).value;
      if (!Array.isArray(value)) {
        problems.push({ message: 'Layers is not a list (write Layers as a list of layer ARNs or !Ref to layers of the template)', blocking: true });
        continue;
      }
      items.push(...value);
    }
    const layers: LayerSource[] = [];
    for (const item of items) {
      const layer = this.layer(item, runtime, problems);
      if (layer) layers.push(layer);
    }
    if (layers.length > MAX_LAYERS) {
      problems.push({ message: `Layers has ${layers.length} entries, and a function can have at most ${MAX_LAYERS} layers (combine some layers into one)`, blocking: true });
    }
    return { layers, problems };
  }

  private layer(item: unknown, runtime: string, problems: LayerProblem[]): LayerSource | undefined {
    const id = this.referencedResource(item);
    if (id !== undefined) return this.templateLayer(id, runtime, problems);
    // As one item of a list, so that `!If [Cond, …, !Ref AWS::NoValue]` leaves it out.
    const resolved = this.resolver.resolve([item]);
    if (Array.isArray(resolved.value) && resolved.value.length === 0) return undefined;
    const value: unknown = Array.isArray(resolved.value) ? resolved.value[0] : resolved.value;
    const { missing } = resolved;
    const text = asText(value);
    // A layer of the template chosen by an intrinsic (`!If [Cond, !Ref Layer, …]`) resolves to its placeholder.
    const chosen = /^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9]+)?\}$/.exec(text)?.[1];
    if (chosen !== undefined && chosen in this.resources && missing.length === 1) return this.templateLayer(chosen, runtime, problems);
    if (missing.length > 0) {
      problems.push({
        message: `Layers: ${text} depends on ${missing.map((m) => `\${${m}}`).join(', ')}, which has no value locally (write the layer version's ARN, or give the parameter it refers to a Default)`,
        blocking: true,
      });
      return undefined;
    }
    if (typeof value === 'string' && parseLayerArn(value)) return { kind: 'arn', arn: value.trim() };
    problems.push({
      message: `Layers: ${JSON.stringify(text)} is neither a layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>) nor a reference to a layer of this template (!Ref MyLayer)`,
      blocking: true,
    });
    return undefined;
  }

  /** The logical id a Layers entry refers to, when it names a resource of this template. */
  private referencedResource(item: unknown): string | undefined {
    if (!isRecord(item) || Object.keys(item).length !== 1) return undefined;
    const [name, argument] = Object.entries(item)[0]!;
    let id: string | undefined;
    if (name === 'Ref' && typeof argument === 'string') id = argument;
    else if (name === 'Fn::GetAtt') id = typeof argument === 'string' ? argument.split('.')[0] : Array.isArray(argument) ? asText(argument[0]) : undefined;
    else if (name === 'Fn::Sub' && typeof argument === 'string') id = /^\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9]+)?\}$/.exec(argument.trim())?.[1];
    return id !== undefined && id in this.resources ? id : undefined;
  }

  private templateLayer(id: string, runtime: string, problems: LayerProblem[]): LayerSource | undefined {
    const resource = this.resources[id];
    const type = isRecord(resource) ? asText(resource.Type) : '';
    if (!isRecord(resource) || !LAYER_TYPES.includes(type)) {
      problems.push({ message: `Layers: ${id} is ${type ? `an ${type}` : 'not a typed resource'}, not a layer (refer to an AWS::Serverless::LayerVersion or AWS::Lambda::LayerVersion, or write a layer version ARN)`, blocking: true });
      return undefined;
    }
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    const serverless = type === 'AWS::Serverless::LayerVersion';
    const property = serverless ? 'ContentUri' : 'Content';
    const { value, missing } = this.resolver.resolve(properties[property]);
    const fix = `set ${property} to the layer's local folder or .zip, relative to the template${serverless ? '' : ', as aws cloudformation package accepts'}`;
    if (missing.length > 0) {
      problems.push({ message: `layer ${id}: ${property} depends on ${missing.map((m) => `\${${m}}`).join(', ')}, which has no value locally (${fix}, or give the parameter a Default)`, blocking: true });
      return undefined;
    }
    if (isRecord(value) || (typeof value === 'string' && /^s3:\/\//i.test(value))) {
      problems.push({ message: `layer ${id}: ${property} is in S3, which cannot be used locally (${fix})`, blocking: true });
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ message: `layer ${id} has no ${property} (${fix})`, blocking: true });
      return undefined;
    }
    const content = path.resolve(path.dirname(this.templateFile), value);
    const compatible = this.resolver.resolve(properties.CompatibleRuntimes).value;
    if (Array.isArray(compatible) && compatible.length > 0 && !compatible.map(asText).includes(runtime)) {
      problems.push({ message: `layer ${id} lists CompatibleRuntimes ${compatible.map(asText).join(', ')}, not ${runtime}: Lambda attaches it anyway, but what it holds may be for another runtime (add ${runtime} to CompatibleRuntimes if it is meant for it)`, blocking: false });
    }
    const under = this.buildFolder(id, serverless ? resource.Metadata : undefined, content, problems);
    return { kind: 'local', name: id, content, under };
  }

  /**
   * Where `sam build` puts a layer built by Metadata.BuildMethod: under nodejs/ (npm), python/ (pip), ruby/lib/
   * (bundler) of /opt. We do not build it: the folder is used as it is, as that folder of /opt.
   */
  private buildFolder(id: string, metadata: unknown, content: string, problems: LayerProblem[]): string {
    const method = isRecord(metadata) ? asText(this.resolver.resolve(metadata.BuildMethod).value) : '';
    if (method === '') return '';
    if (/^nodejs\d+\.x$/.test(method)) {
      if (fs.existsSync(path.join(content, 'package.json')) && !fs.existsSync(path.join(content, 'node_modules'))) {
        problems.push({ message: `layer ${id}: its dependencies are not installed (sam build would install them): run npm install in ${content}`, blocking: false });
      }
      return 'nodejs';
    }
    if (/^python3\.\d+$/.test(method)) return 'python';
    if (/^ruby\d+\.\d+$/.test(method)) return path.join('ruby', 'lib');
    problems.push({
      message: `layer ${id}: Metadata.BuildMethod ${method} is not run locally, so the folder ${path.basename(content)} is used as the layer's /opt as it is (lay it out as Lambda's /opt: nodejs/, python/, bin/, lib/)`,
      blocking: false,
    });
    return '';
  }
}
