import * as fs from 'node:fs';
import * as path from 'node:path';
import { asText, isRecord, type Json } from '../sources/sam/intrinsics';
import { parseTemplateText } from '../sources/sam/templateText';
import type { ApiCollector } from './apiCollector';
import type { ApiTemplate } from './apiTemplate';

/** Where an API's OpenAPI document is written: inline (DefinitionBody / Body) or in a file (DefinitionUri / BodyS3Location). */
export interface DefinitionProperties {
  /** "ShopApi": the API, for problems. */
  readonly apiId: string;
  readonly inlineName: string;
  /** As written, so that an `Fn::Transform: AWS::Include` is still there. */
  readonly inline: unknown;
  readonly locationName: string;
  readonly location: unknown;
}

/**
 * An API's OpenAPI 3 or Swagger 2 document, intrinsic functions resolved: the inline body, an inline
 * `Fn::Transform` of `AWS::Include` with a local Location, or a local file relative to the template. What is in S3
 * cannot be read locally: a problem says to use a local file. Files read are recorded, so that editing one reloads.
 */
export function definitionDocument(template: ApiTemplate, out: ApiCollector, properties: DefinitionProperties): Json | undefined {
  const { apiId, inlineName, inline, locationName, location } = properties;
  if (inline !== undefined && inline !== null) {
    const include = isRecord(inline) ? inline['Fn::Transform'] : undefined;
    if (isRecord(include)) {
      if (include.Name !== 'AWS::Include') {
        out.problem(`${apiId}'s ${inlineName} is an Fn::Transform of ${asText(include.Name)}, which is not run locally (only AWS::Include with a local Location is), so its routes are not served`);
        return undefined;
      }
      const parameters = isRecord(include.Parameters) ? include.Parameters : {};
      return fromFile(template, out, `${apiId}'s ${inlineName} (AWS::Include Location)`, 'Location', template.resolve(parameters.Location));
    }
    const body = template.resolve(inline);
    if (isRecord(body)) return openApi(out, `${apiId}'s ${inlineName}`, body);
    out.problem(`${apiId}'s ${inlineName} is not a mapping (write the OpenAPI document inline, or point ${locationName} at its file), so its routes are not served`);
    return undefined;
  }
  if (location === undefined || location === null) return undefined;
  return fromFile(template, out, `${apiId}'s ${locationName}`, locationName, template.resolve(location));
}

function fromFile(template: ApiTemplate, out: ApiCollector, where: string, property: string, location: unknown): Json | undefined {
  if (isRecord(location) || (typeof location === 'string' && /^s3:\/\//i.test(location)) || (typeof location === 'string' && /^https?:\/\//i.test(location))) {
    const shown = isRecord(location) ? `s3://${asText(location.Bucket)}/${asText(location.Key)}` : location;
    out.problem(`${where} is in S3 (${shown}), which cannot be read locally, so its routes are not served (set ${property} to the local file with the OpenAPI definition, relative to the template; sam deploy uploads it)`);
    return undefined;
  }
  if (typeof location !== 'string' || location.trim() === '' || location.includes('${')) {
    out.problem(`${where} is not a file path${typeof location === 'string' ? ` (${location})` : ''}, so its routes are not served (set ${property} to the local OpenAPI file, relative to the template)`);
    return undefined;
  }
  const file = path.resolve(template.directory, location);
  out.includedFiles.add(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    out.problem(`${where} ${location} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}), so its routes are not served (check the path: it is relative to the template)`);
    return undefined;
  }
  const parsed = parseTemplateText(text, file);
  if ('problem' in parsed) {
    out.problem(`${where} ${location}: ${parsed.problem.message}`);
    return undefined;
  }
  const document = template.resolve(parsed.value);
  if (isRecord(document)) return openApi(out, `${where} ${location}`, document);
  out.problem(`${where} ${location} is not an OpenAPI document (its top level is not a mapping), so its routes are not served`);
  return undefined;
}

function openApi(out: ApiCollector, where: string, document: Json): Json | undefined {
  if (isRecord(document.paths) || document.openapi !== undefined || document.swagger !== undefined) return document;
  out.problem(`${where} is not an OpenAPI or Swagger document (it has no openapi, swagger or paths), so no routes are read from it`);
  return undefined;
}
