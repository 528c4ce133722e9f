// The messages between the invoke result panel (src/ui/webviews/invokeResultPanel.ts) and its page
// (media/invokeResult.ts). Plain data only: every string is rendered as text.

// From core, which shared may import only where the file is pure: report.ts has no Node and no SDK in it.
import type { LambdaReport } from '../core/lambda/report';

export interface InvokeView {
  readonly functionName: string;
  readonly profile: string;
  readonly region: string;
  readonly qualifier: string;
  readonly invocationType: string;
  readonly eventLabel: string;
  readonly at: string;
  readonly statusCode?: number;
  readonly functionError?: string;
  /** Pretty-printed when it is JSON. */
  readonly payload: string;
  readonly logTail?: string;
  readonly report?: LambdaReport;
  readonly executedVersion?: string;
  readonly requestId?: string;
  readonly elapsedMs: number;
  /** A local run: the interpreter it ran on and where that came from. */
  readonly interpreter?: string;
  /** Set when the function streamed its response (payload: the body it wrote, after any function URL prelude). */
  readonly streamed?: StreamedView;
  /** Set when the invocation itself failed (credentials, network, throttling…). */
  readonly error?: { readonly title: string; readonly detail: string };
  /** Set when the view shows a request to the local API (Send Request…): the payload is then the response's body. */
  readonly http?: HttpExchangeView;
}

/** A request sent to the local API and the response it got. */
export interface HttpExchangeView {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  /** The response's headers in the order received (Set-Cookie may repeat). */
  readonly headers: readonly (readonly [string, string])[];
}

/** A streamed response as far as it has come. */
export interface StreamedView {
  readonly contentType: string;
  /** A function URL's prelude (status code, headers), as JSON. */
  readonly prelude?: string;
  /** What the function streamed before it failed (the payload is then the error). */
  readonly beforeError?: string;
}

export type HostMessage =
  | { readonly type: 'running'; readonly functionName: string }
  /** While it runs: the streamed body so far (whole, so that a page that missed one still shows it all). */
  | { readonly type: 'streaming'; readonly functionName: string; readonly text: string; readonly prelude?: string }
  | { readonly type: 'result'; readonly view: InvokeView };
export type PageMessage = { readonly type: 'ready' } | { readonly type: 'runAgain' };

export function isPageMessage(value: unknown): value is PageMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'runAgain';
}
