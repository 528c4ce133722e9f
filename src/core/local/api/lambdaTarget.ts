import { LOCAL_ACCOUNT_ID, asText } from '../sources/sam/intrinsics';
import type { ApiTemplate } from './apiTemplate';

export type LambdaTarget = { readonly functionName: string } | { readonly problem: string };

const LAMBDA_FUNCTIONS = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function']);
/** `arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations`: how API Gateway names a function to invoke. */
const INVOCATION_URI = /^arn:[^:]+:apigateway:[^:]*:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/;
/** "${Fn}", "${Fn.Arn}", "${Fn.Alias}", each maybe with a ":qualifier". */
const PLACEHOLDER = /^\$\{([A-Za-z0-9]+)(?:\.(Arn|Alias))?\}(?::[A-Za-z0-9$_-]+)?$/;
const FUNCTION_ARN = /^arn:[^:]+:lambda:[^:]*:([^:]*):function:([^:]+)(?::[^:]+)?$/;

/**
 * The local function that an integration's URI, an authorizer's URI or a function URL's target names, with
 * intrinsic functions resolved: the invocation URI form, a function ARN (`!GetAtt Fn.Arn`, `!Sub …:function:${Fn}`,
 * `${Fn.Alias}`, an AWS::Lambda::Alias or Version of it), `!Ref Fn`, or a function's name. Anything else (a function
 * this template does not define or cannot run) is a problem saying `where` and what to change.
 */
export function lambdaTarget(template: ApiTemplate, value: unknown, where: string): LambdaTarget {
  const resolved = template.resolve(value);
  const text = asText(resolved);
  if (typeof resolved !== 'string' || text.trim() === '') return { problem: `${where} names no function (name one of the template's functions, e.g. ${example(template)})` };
  const inner = INVOCATION_URI.exec(text)?.[1] ?? text;
  const placeholder = PLACEHOLDER.exec(inner);
  if (placeholder) return byLogicalId(template, placeholder[1], where, text, new Set());
  const arn = FUNCTION_ARN.exec(inner);
  if (arn) {
    const named = PLACEHOLDER.exec(arn[2]);
    if (named) return byLogicalId(template, named[1], where, text, new Set());
    return byFunctionName(template, arn[2], where, text, arn[1]);
  }
  if (/^[A-Za-z0-9_-]+$/.test(inner)) return byFunctionName(template, inner, where, text);
  return notLocal(template, where, text, 'not a Lambda function ARN');
}

function byLogicalId(template: ApiTemplate, id: string, where: string, text: string, seen: Set<string>): LambdaTarget {
  if (template.functionNames.has(id)) return { functionName: id };
  const resource = template.resource(id);
  if (resource && LAMBDA_FUNCTIONS.has(resource.type)) {
    return { problem: `${where} names the function ${id}, which does not run locally (see ${id}'s own problem)` };
  }
  if (resource && (resource.type === 'AWS::Lambda::Alias' || resource.type === 'AWS::Lambda::Version') && !seen.has(id)) {
    seen.add(id);
    const of = PLACEHOLDER.exec(asText(resource.properties.FunctionName));
    if (of) return byLogicalId(template, of[1], where, text, seen);
  }
  // SAM's AutoPublishAlias creates "<Function>Alias<alias>", which templates reference by that id.
  const alias = /^(.+)Alias[A-Za-z0-9]+$/.exec(id);
  if (!resource && alias && template.functionNames.has(alias[1])) return { functionName: alias[1] };
  return notLocal(template, where, text, resource ? `an ${resource.type}, not a function` : 'not a resource of the template');
}

/**
 * A function written by its name, or in an ARN of any account: the template's function of that FunctionName (else
 * logical id) is the one the ARN names once deployed. An OpenAPI file (DefinitionUri) can only write ARNs literally.
 */
function byFunctionName(template: ApiTemplate, name: string, where: string, text: string, account?: string): LambdaTarget {
  const named = [...template.functionNames].find((id) => template.resource(id)?.properties.FunctionName === name);
  if (named) return { functionName: named };
  if (template.functionNames.has(name)) return { functionName: name };
  const whose = account !== undefined && account !== LOCAL_ACCOUNT_ID ? `a function of the account ${account} that this template does not define` : 'not a function of this template';
  return notLocal(template, where, text, whose);
}

function notLocal(template: ApiTemplate, where: string, text: string, why: string): LambdaTarget {
  return { problem: `${where} names ${text}, which is ${why}: only the template's own functions run locally (name one of them, e.g. ${example(template)})` };
}

function example(template: ApiTemplate): string {
  const first = [...template.functionNames][0] ?? 'MyFunction';
  return `!GetAtt ${first}.Arn, or \${${first}.Arn} in a !Sub`;
}
