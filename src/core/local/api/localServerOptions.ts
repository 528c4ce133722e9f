// What the local servers (the API Gateway, the function URLs, the WebSocket APIs) are given and report.
import type { LocalInvoker } from '../invoker';
import type { ApiSite } from './apiSite';

/** One line of the request log: what was asked, what answered, how long it took, and why it failed when it did. */
export interface ApiRequestLog {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly functionName?: string;
  readonly ms: number;
  readonly note?: string;
}

export interface LocalApiServerOptions {
  readonly site: () => ApiSite | Promise<ApiSite>;
  /** The shared invoker, or anything that invokes as it does (one asked per invocation, a debugger's). */
  readonly invoker: Pick<LocalInvoker, 'invoke'>;
  readonly host?: string;
  readonly port?: number;
  readonly onRequest?: (entry: ApiRequestLog) => void;
  /** What the user should know once (an authorizer not checked locally, a JWT issuer out of reach); never holds a token. */
  readonly onWarning?: (message: string) => void;
  /** Given to the function as its sandbox's credentials. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
}
