import type { LocalInvokeResult } from '../../core/local/invoker';
import { describeInterpreter } from '../../core/local/runtimes/interpreterInfo';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { InvokeView } from '../../shared/invokeMessages';

/** What the result view shows of a local invocation (run or debugged): the same view as a remote one. */
export function localBase(definition: LocalFunctionDefinition, eventLabel: string): Pick<InvokeView, 'functionName' | 'profile' | 'region' | 'qualifier' | 'invocationType' | 'eventLabel' | 'at'> {
  return { functionName: definition.name, profile: 'local', region: definition.runtime, qualifier: '$LATEST', invocationType: 'RequestResponse', eventLabel, at: new Date().toISOString() };
}

export function localResultView(definition: LocalFunctionDefinition, eventLabel: string, result: LocalInvokeResult, elapsedMs: number): InvokeView {
  return {
    ...localBase(definition, eventLabel),
    statusCode: 200,
    functionError: result.functionError,
    payload: pretty(result.payload),
    logTail: result.log,
    report: result.report,
    executedVersion: '$LATEST',
    requestId: result.requestId,
    elapsedMs,
    interpreter: result.interpreter && describeInterpreter(result.interpreter),
  };
}

export function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
