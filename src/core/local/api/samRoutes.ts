import { isRecord, type Json } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import type { ApiKind } from './apiRoute';
import type { ApiTemplate } from './apiTemplate';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API, type SamApi } from './samApis';
import { routeAuth } from './samAuth';

/**
 * The routes of a SAM template's functions: each `Api` (REST) and `HttpApi` event's Path and Method (`any` for every
 * method), on the API its RestApiId/ApiId names or SAM's implicit one, guarded by the event's `Auth.Authorizer` (NONE
 * for none) or its API's DefaultAuthorizer, with the event's AuthorizationScopes.
 */
export function readSamRoutes(template: ApiTemplate, out: ApiCollector, apis: ReadonlyMap<string, SamApi>): void {
  const say = (problem: string) => out.problem(problem);
  for (const resource of template.ofType('AWS::Serverless::Function')) {
    const logicalId = resource.id;
    if (!template.functionNames.has(logicalId)) continue;
    const events = isRecord(resource.raw.Events) ? resource.raw.Events : {};
    for (const [eventName, event] of Object.entries(events)) {
      if (!isRecord(event) || (event.Type !== 'Api' && event.Type !== 'HttpApi')) continue;
      const kind: ApiKind = event.Type === 'Api' ? 'rest' : 'http';
      const raw = isRecord(event.Properties) ? event.Properties : {};
      const properties = template.resolve(raw) as Json;
      const where = `${logicalId}'s event ${eventName}`;
      const apiProperty = kind === 'rest' ? 'RestApiId' : 'ApiId';
      const apiRef = raw[apiProperty];
      const apiId = apiRef === undefined ? (kind === 'rest' ? IMPLICIT_REST_API : IMPLICIT_HTTP_API) : template.reference(properties[apiProperty])?.id;
      const api = apiId === undefined ? undefined : apis.get(apiId);
      if (!api) {
        out.problem(`${where} names ${apiProperty} ${JSON.stringify(apiRef)}, which is not an ${kind === 'rest' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'} of the template (use !Ref to one)`);
        continue;
      }
      if (api.kind !== kind) {
        out.problem(`${where} is of Type ${event.Type} but its API ${api.id} is not (an Api event needs an AWS::Serverless::Api, an HttpApi event an AWS::Serverless::HttpApi)`);
        continue;
      }
      const path = properties.Path;
      const method = properties.Method;
      const base = { functionName: logicalId, kind, payloadVersion: kind === 'rest' ? '1.0' : payloadVersion(properties), apiId: api.id } as const;
      if (kind === 'http' && path === undefined && method === undefined) {
        out.addRoute({ method: 'ANY', path: '$default', ...base, ...routeAuth(api.auth, properties.Auth, api.id, where, say) }, where, 'event');
        continue;
      }
      if (typeof path !== 'string' || !path.startsWith('/')) {
        out.problem(`${where} has ${path === undefined ? 'no Path' : `the Path ${JSON.stringify(path)}`}; give one that starts with "/", e.g. Path: /hello`);
        continue;
      }
      if (typeof method !== 'string' || method.trim() === '') {
        out.problem(`${where} has no Method; give one (get, post, any…)`);
        continue;
      }
      const upper = method.trim().toUpperCase();
      const route = { method: upper === 'X-AMAZON-APIGATEWAY-ANY-METHOD' ? 'ANY' : upper, path, ...base };
      out.addRoute({ ...route, ...routeAuth(api.auth, properties.Auth, api.id, where, say) }, where, 'event');
    }
  }
}

function payloadVersion(properties: Json): '1.0' | '2.0' {
  return String(properties.PayloadFormatVersion ?? '2.0') === '1.0' ? '1.0' : '2.0';
}
