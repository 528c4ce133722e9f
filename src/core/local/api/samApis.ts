import { asText, type Json } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import type { ApiStage } from './apiDefinitions';
import type { ApiKind } from './apiRoute';
import { textMap, type ApiTemplate } from './apiTemplate';
import { listCors, samCors } from './corsRules';
import { definitionDocument } from './definitionSource';
import { readOpenApi, type OpenApiStageParts } from './openApiRoutes';
import { samApiAuth, type SamAuth } from './samAuth';
import { withGlobals } from './samGlobals';

/** The APIs SAM creates when an event names none. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/** An AWS::Serverless::Api or HttpApi (or SAM's implicit one), with the Globals.Api / Globals.HttpApi it takes. */
export interface SamApi {
  readonly id: string;
  readonly kind: ApiKind;
  /** Merged with Globals, as written. */
  readonly raw: Json;
  /** Merged with Globals, resolved. */
  readonly properties: Json;
  readonly auth: SamAuth;
}

const TYPES: readonly [string, ApiKind, string, string][] = [
  ['AWS::Serverless::Api', 'rest', 'Api', IMPLICIT_REST_API],
  ['AWS::Serverless::HttpApi', 'http', 'HttpApi', IMPLICIT_HTTP_API],
];

/** The template's SAM APIs by logical id, SAM's implicit ServerlessRestApi and ServerlessHttpApi included. */
export function readSamApis(template: ApiTemplate, out: ApiCollector): Map<string, SamApi> {
  const apis = new Map<string, SamApi>();
  const say = (problem: string) => out.problem(problem);
  for (const [type, kind, globalsSection, implicitId] of TYPES) {
    const globals = template.globals(globalsSection);
    const read = (id: string, own: Json) => {
      const raw = withGlobals(globals, own);
      const properties = template.resolve(raw) as Json;
      apis.set(id, { id, kind, raw, properties, auth: samApiAuth(template, properties.Auth, id, kind, say) });
    };
    read(implicitId, {});
    for (const resource of template.ofType(type)) read(resource.id, resource.raw);
  }
  return apis;
}

/**
 * Each SAM API's stage: StageName (the implicit REST API's "Prod", an HttpApi's "$default"), Variables /
 * StageVariables, BinaryMediaTypes, Cors / CorsConfiguration and Auth, with what its DefinitionBody or DefinitionUri
 * adds; the document's routes are read after the functions' events, whose routes win.
 */
export function addSamStages(template: ApiTemplate, out: ApiCollector, apis: ReadonlyMap<string, SamApi>): void {
  for (const api of apis.values()) {
    const { id, kind, raw, properties, auth } = api;
    const document = definitionDocument(template, out, { apiId: id, inlineName: 'DefinitionBody', inline: raw.DefinitionBody, locationName: 'DefinitionUri', location: raw.DefinitionUri });
    const parts: OpenApiStageParts = document
      ? readOpenApi(template, out, document, { apiId: id, kind, where: `${id}'s ${raw.DefinitionBody !== undefined ? 'DefinitionBody' : 'DefinitionUri'}`, authorizers: auth.authorizers, defaultAuthorizer: auth.defaultAuthorizer })
      : { binaryMediaTypes: [] };
    const cors = (kind === 'rest' ? samCors(properties.Cors, `${id}'s`, (p) => out.problem(p)) : listCors(properties.CorsConfiguration)) ?? parts.cors;
    const own = Array.isArray(properties.BinaryMediaTypes) ? properties.BinaryMediaTypes.map(asText) : [];
    const stage: ApiStage = {
      apiId: id,
      kind,
      stage: properties.StageName !== undefined ? asText(properties.StageName) : kind === 'rest' ? 'Prod' : '$default',
      stageVariables: textMap(kind === 'rest' ? properties.Variables : properties.StageVariables),
      binaryMediaTypes: kind === 'rest' ? [...new Set([...own, ...parts.binaryMediaTypes])] : [],
      ...(cors ? { cors } : {}),
      ...(Object.keys(auth.authorizers).length > 0 ? { authorizers: auth.authorizers } : {}),
      ...(kind === 'rest' && cors && auth.guardsPreflight && auth.defaultAuthorizer ? { preflightAuthorizer: auth.defaultAuthorizer } : {}),
    };
    out.stages.set(id, stage);
  }
}
