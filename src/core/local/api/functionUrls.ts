import { asText, isRecord, type Json } from '../sources/sam/intrinsics';
import type { ApiCollector } from './apiCollector';
import type { FunctionUrl } from './apiDefinitions';
import type { ApiTemplate } from './apiTemplate';
import { listCors } from './corsRules';
import { lambdaTarget } from './lambdaTarget';
import { withGlobals } from './samGlobals';

/**
 * Function URLs: a SAM function's FunctionUrlConfig (or Globals.Function's) and CloudFormation's AWS::Lambda::Url
 * (TargetFunctionArn naming a local function), each with AuthType, InvokeMode (BUFFERED unless RESPONSE_STREAM) and Cors.
 */
export function readFunctionUrls(template: ApiTemplate, out: ApiCollector): void {
  const say = (problem: string) => out.problem(problem);
  const globals = template.globals('Function').FunctionUrlConfig;
  for (const resource of template.ofType('AWS::Serverless::Function')) {
    if (!template.functionNames.has(resource.id)) continue;
    const own = resource.raw.FunctionUrlConfig;
    if (own === undefined && globals === undefined) continue;
    const config = template.resolve(isRecord(globals) && isRecord(own) ? withGlobals(globals, own) : (own ?? globals));
    if (isRecord(config)) out.functionUrls.push(functionUrl(resource.id, config, `${resource.id}'s FunctionUrlConfig`, say));
  }
  for (const { id, properties } of template.ofType('AWS::Lambda::Url')) {
    const target = lambdaTarget(template, properties.TargetFunctionArn, `${id}'s TargetFunctionArn`);
    if ('problem' in target) say(`${target.problem}; the URL is not served`);
    else out.functionUrls.push(functionUrl(target.functionName, properties, id, say));
  }
}

function functionUrl(functionName: string, config: Json, where: string, say: (problem: string) => void): FunctionUrl {
  const authType = asText(config.AuthType).toUpperCase();
  if (authType !== 'NONE' && authType !== 'AWS_IAM') {
    say(`${where} has ${config.AuthType === undefined ? 'no AuthType' : `the AuthType ${JSON.stringify(asText(config.AuthType))}`}, which a function URL needs as NONE or AWS_IAM; AWS_IAM is assumed (set AuthType)`);
  }
  const invokeMode = asText(config.InvokeMode ?? 'BUFFERED').toUpperCase();
  if (invokeMode !== 'BUFFERED' && invokeMode !== 'RESPONSE_STREAM') {
    say(`${where} has the InvokeMode ${JSON.stringify(invokeMode)}, which is neither BUFFERED nor RESPONSE_STREAM; BUFFERED is used`);
  }
  const cors = listCors(config.Cors);
  return {
    functionName,
    authType: authType === 'NONE' ? 'NONE' : 'AWS_IAM',
    invokeMode: invokeMode === 'RESPONSE_STREAM' ? 'RESPONSE_STREAM' : 'BUFFERED',
    ...(cors ? { cors } : {}),
  };
}
