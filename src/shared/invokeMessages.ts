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
  /** Set when the invocation itself failed (credentials, network, throttling…). */
  readonly error?: { readonly title: string; readonly detail: string };
}

export type HostMessage = { readonly type: 'running'; readonly functionName: string } | { readonly type: 'result'; readonly view: InvokeView };
export type PageMessage = { readonly type: 'ready' } | { readonly type: 'runAgain' };

export function isPageMessage(value: unknown): value is PageMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'ready' || type === 'runAgain';
}
