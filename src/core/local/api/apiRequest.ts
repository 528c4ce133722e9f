/** An HTTP request as the local API received it, before it becomes an API Gateway event. */
export interface ApiRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query string. */
  readonly rawPath: string;
  /** What follows "?", as sent ("" for none). */
  readonly rawQuery: string;
  /** Header names and values in the order received, names as sent (Node's rawHeaders, paired). */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly sourceIp: string;
  /** "HTTP/1.1". */
  readonly protocol: string;
}

/** What an event says of the API and the moment it was called: the same for each kind of event. */
export interface ApiEventContext {
  readonly apiId: string;
  readonly stage: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** A REST API's BinaryMediaTypes ("image/png", "image/*", "*\/*"); HTTP APIs decide by text-ness instead. */
  readonly binaryMediaTypes: readonly string[];
  readonly requestId: string;
  readonly now: Date;
  /** The Host header's value, else 127.0.0.1:port. */
  readonly domainName: string;
  /** What the route's authorizer handed on: the event's requestContext.authorizer (absent for an open route). */
  readonly authorizer?: Readonly<Record<string, unknown>>;
}

export function headerValue(request: ApiRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  return request.headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** The query string's pairs, decoded as API Gateway decodes them ("+" stays "+"); a malformed escape is kept as sent. */
export function queryPairs(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      const [key, value] = equals < 0 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
      return [decodeLeniently(key), decodeLeniently(value)];
    });
}

function decodeLeniently(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a content type matches one of the media types, wildcards ("image/*", "*\/*") included. */
export function matchesMediaType(contentType: string | undefined, mediaTypes: readonly string[]): boolean {
  if (!contentType) return mediaTypes.includes('*/*');
  const type = contentType.split(';')[0].trim().toLowerCase();
  return mediaTypes.some((pattern) => {
    const wanted = pattern.trim().toLowerCase().replace(/~1/g, '/');
    if (wanted === '*/*') return true;
    if (wanted.endsWith('/*')) return type.startsWith(wanted.slice(0, -1));
    return type === wanted;
  });
}

/** How an HTTP API tells text from binary: text/*, JSON, XML, JavaScript and forms are text; the rest is base64. */
export function isTextContent(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return type.startsWith('text/') || /json|xml|javascript|x-www-form-urlencoded|yaml|csv/.test(type);
}
