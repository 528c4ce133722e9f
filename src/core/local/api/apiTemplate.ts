import * as path from 'node:path';
import { Resolver, asText, isRecord, type Json } from '../sources/sam/intrinsics';

/** One resource of the template: its Properties as written and with intrinsic functions resolved. */
export interface TemplateResource {
  readonly id: string;
  readonly type: string;
  /** As written: `{ Ref: … }`, `{ 'Fn::Transform': … }` are still there. */
  readonly raw: Json;
  /** Resolved with the local values; what exists only once deployed is a placeholder ("${Api.RootResourceId}"). */
  readonly properties: Json;
}

/** What the readers of a template's APIs share: its resources, resolved on demand, and the functions that run locally. */
export class ApiTemplate {
  readonly resolver: Resolver;
  readonly directory: string;
  private readonly resources: Json;
  private readonly resolved = new Map<string, TemplateResource>();

  constructor(
    readonly template: Json,
    /** The logical ids of the template's functions that run locally. */
    readonly functionNames: ReadonlySet<string>,
    readonly templateFile: string,
  ) {
    this.resolver = new Resolver(template);
    this.resources = isRecord(template.Resources) ? template.Resources : {};
    this.directory = path.dirname(templateFile);
  }

  resolve(value: unknown): unknown {
    return this.resolver.resolve(value).value;
  }

  resource(id: string): TemplateResource | undefined {
    const cached = this.resolved.get(id);
    if (cached) return cached;
    const resource = this.resources[id];
    if (!isRecord(resource) || typeof resource.Type !== 'string') return undefined;
    const raw = isRecord(resource.Properties) ? resource.Properties : {};
    const properties = this.resolve(raw);
    const read = { id, type: resource.Type, raw, properties: isRecord(properties) ? properties : {} };
    this.resolved.set(id, read);
    return read;
  }

  /** The resources of a type, in template order. */
  ofType(type: string): TemplateResource[] {
    return Object.entries(this.resources)
      .filter(([, resource]) => isRecord(resource) && resource.Type === type)
      .map(([id]) => this.resource(id)!);
  }

  /** A section of Globals (`Function`, `Api`, `HttpApi`). */
  globals(section: string): Json {
    const globals = isRecord(this.template.Globals) ? this.template.Globals[section] : undefined;
    return isRecord(globals) ? globals : {};
  }

  /**
   * The resource a resolved reference names: `!Ref X` and `!Sub ${X}` resolve to "${X}", `!GetAtt X.Attr` to
   * "${X.Attr}"; a plain logical id of the template counts too.
   */
  reference(value: unknown): { readonly id: string; readonly attribute?: string } | undefined {
    if (typeof value !== 'string') return undefined;
    const placeholder = /^\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}$/.exec(value);
    if (placeholder) return placeholder[2] === undefined ? { id: placeholder[1] } : { id: placeholder[1], attribute: placeholder[2] };
    return isRecord(this.resources[value]) ? { id: value } : undefined;
  }

  /** The logical id of the resource of `type` a reference names, or undefined. */
  referenced(value: unknown, type: string): string | undefined {
    const id = this.reference(value)?.id;
    return id !== undefined && this.resource(id)?.type === type ? id : undefined;
  }
}

/** A mapping's values as text (stage variables). */
export function textMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asText(v)]));
}
