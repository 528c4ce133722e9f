import type { LocalInvokeResult } from '../../core/local/invoker';
import { describeInterpreter } from '../../core/local/runtimes/interpreterInfo';
import type { LocalFunctionDefinition } from '../../core/local/types';
import type { InvokeView, StreamedView } from '../../shared/invokeMessages';
import { HTTP_INTEGRATION_CONTENT_TYPE } from '../../core/local/streamedText';

/** What the result view shows of a local invocation (run or debugged): the same view as a remote one. */
export function localBase(definition: LocalFunctionDefinition, eventLabel: string): Pick<InvokeView, 'functionName' | 'profile' | 'region' | 'qualifier' | 'invocationType' | 'eventLabel' | 'at'> {
  return { functionName: definition.name, profile: 'local', region: definition.runtime, qualifier: '$LATEST', invocationType: 'RequestResponse', eventLabel, at: new Date().toISOString() };
}

/** `streamedText`: the body a streaming function wrote, as shown while it ran (kept when it then failed). */
export function localResultView(definition: LocalFunctionDefinition, eventLabel: string, result: LocalInvokeResult, elapsedMs: number, streamedText?: string): InvokeView {
  const streamed = result.streamed && !result.functionError ? streamedBody(result.payload, result.streamed.contentType) : undefined;
  const beforeError = result.streamed && result.functionError && streamedText ? { beforeError: streamedText } : {};
  return {
    ...localBase(definition, eventLabel),
    statusCode: 200,
    functionError: result.functionError,
    payload: streamed ? streamed.body : pretty(result.payload),
    ...(result.streamed ? { streamed: { contentType: result.streamed.contentType, ...(streamed?.prelude ? { prelude: streamed.prelude } : {}), ...beforeError } } : {}),
    logTail: result.log,
    report: result.report,
    executedVersion: '$LATEST',
    requestId: result.requestId,
    elapsedMs,
    interpreter: result.interpreter && describeInterpreter(result.interpreter),
  };
}

/** A streamed response's body, told apart from a function URL's prelude (JSON, then 8 NUL bytes). */
function streamedBody(payload: string, contentType: string): { body: string; prelude?: StreamedView['prelude'] } {
  const delimiter = '\0'.repeat(8);
  const end = contentType === HTTP_INTEGRATION_CONTENT_TYPE ? payload.indexOf(delimiter) : -1;
  return end < 0 ? { body: payload } : { prelude: payload.slice(0, end), body: payload.slice(end + delimiter.length) };
}

export function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
