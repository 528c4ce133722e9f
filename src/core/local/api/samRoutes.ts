import { isRecord, Resolver, type Json } from '../sources/sam/intrinsics';
import type { ApiDefinitions, ApiStage } from './apiDefinitions';
import type { ApiKind, ApiRoute } from './apiRoute';

/** The APIs SAM creates when an event names none. */
export const IMPLICIT_REST_API = 'ServerlessRestApi';
export const IMPLICIT_HTTP_API = 'ServerlessHttpApi';

/**
 * The routes of a SAM template's functions: each `Api` (REST) and `HttpApi` event's Path and Method (`any` for every
 * method), on the API its RestApiId/ApiId names or SAM's implicit one, with the stage of that API
 * (`AWS::Serverless::Api` StageName, Variables, BinaryMediaTypes; `AWS::Serverless::HttpApi` StageName,
 * StageVariables). SAM's implicit REST stage is "Prod"; an HTTP API's default stage is "$default".
 */
export function readSamRoutes(template: Json, functionNames: ReadonlySet<string>): ApiDefinitions {
  const resolver = new Resolver(template);
  const resolved = (value: unknown) => resolver.resolve(value).value;
  const resources = isRecord(template.Resources) ? template.Resources : {};
  const stages = new Map<string, ApiStage>([
    [IMPLICIT_REST_API, { apiId: IMPLICIT_REST_API, kind: 'rest', stage: 'Prod', stageVariables: {}, binaryMediaTypes: [] }],
    [IMPLICIT_HTTP_API, { apiId: IMPLICIT_HTTP_API, kind: 'http', stage: '$default', stageVariables: {}, binaryMediaTypes: [] }],
  ]);
  const problems: string[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isRecord(resource)) continue;
    const properties = isRecord(resource.Properties) ? (resolved(resource.Properties) as Json) : {};
    if (resource.Type === 'AWS::Serverless::Api') {
      stages.set(logicalId, {
        apiId: logicalId,
        kind: 'rest',
        stage: typeof properties.StageName === 'string' ? properties.StageName : 'Prod',
        stageVariables: textMap(properties.Variables),
        binaryMediaTypes: Array.isArray(properties.BinaryMediaTypes) ? properties.BinaryMediaTypes.map(String) : [],
      });
    } else if (resource.Type === 'AWS::Serverless::HttpApi') {
      stages.set(logicalId, {
        apiId: logicalId,
        kind: 'http',
        stage: typeof properties.StageName === 'string' ? properties.StageName : '$default',
        stageVariables: textMap(properties.StageVariables),
        binaryMediaTypes: [],
      });
    }
  }
  const routes: ApiRoute[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || resource.Type !== 'AWS::Serverless::Function' || !functionNames.has(logicalId)) continue;
    const events = isRecord(resource.Properties) && isRecord(resource.Properties.Events) ? resource.Properties.Events : {};
    for (const [eventName, event] of Object.entries(events)) {
      if (!isRecord(event) || (event.Type !== 'Api' && event.Type !== 'HttpApi')) continue;
      const kind: ApiKind = event.Type === 'Api' ? 'rest' : 'http';
      const properties = isRecord(event.Properties) ? (resolved(event.Properties) as Json) : {};
      const where = `${logicalId}'s event ${eventName}`;
      const apiRef = kind === 'rest' ? event.Properties && (event.Properties as Json).RestApiId : event.Properties && (event.Properties as Json).ApiId;
      const apiId = apiRef === undefined ? (kind === 'rest' ? IMPLICIT_REST_API : IMPLICIT_HTTP_API) : referencedId(apiRef);
      if (!apiId || !stages.has(apiId)) {
        problems.push(`${where} names ${kind === 'rest' ? 'RestApiId' : 'ApiId'} ${JSON.stringify(apiRef)}, which is not an ${kind === 'rest' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'} of the template (use !Ref to one)`);
        continue;
      }
      if (stages.get(apiId)!.kind !== kind) {
        problems.push(`${where} is of Type ${event.Type} but its API ${apiId} is not (an Api event needs an AWS::Serverless::Api, an HttpApi event an AWS::Serverless::HttpApi)`);
        continue;
      }
      const path = properties.Path;
      const method = properties.Method;
      if (kind === 'http' && path === undefined && method === undefined) {
        routes.push({ method: 'ANY', path: '$default', functionName: logicalId, kind, payloadVersion: payloadVersion(properties), apiId });
        continue;
      }
      if (typeof path !== 'string' || !path.startsWith('/')) {
        problems.push(`${where} has ${path === undefined ? 'no Path' : `the Path ${JSON.stringify(path)}`}; give one that starts with "/", e.g. Path: /hello`);
        continue;
      }
      if (typeof method !== 'string' || method.trim() === '') {
        problems.push(`${where} has no Method; give one (get, post, any…)`);
        continue;
      }
      const upper = method.trim().toUpperCase();
      routes.push({
        method: upper === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : upper,
        path,
        functionName: logicalId,
        kind,
        payloadVersion: kind === 'rest' ? '1.0' : payloadVersion(properties),
        apiId,
      });
    }
  }
  return { routes, stages, functionUrls: [], webSockets: [], problems };
}

function payloadVersion(properties: Json): '1.0' | '2.0' {
  return String(properties.PayloadFormatVersion ?? '2.0') === '1.0' ? '1.0' : '2.0';
}

/** The logical id of `!Ref Api` or a plain string naming it. */
function referencedId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.Ref === 'string') return value.Ref;
  return undefined;
}

function textMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, String(v)]));
}
