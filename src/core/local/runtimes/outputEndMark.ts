/**
 * Not part of Lambda: our own runtime clients write `OUTPUT_END_MARK <nonce> <request id or "init">` on stdout and
 * on stderr just before they post an outcome, so that the host knows when it has all the invocation wrote
 * (runtimeOutput.ts). The nonce comes in OUTPUT_MARKER_VARIABLE, which each client takes out of its environment
 * before the handler loads: a handler cannot end its own log early by printing the mark. The Python and Ruby
 * clients spell the same two strings.
 */
export const OUTPUT_MARKER_VARIABLE = 'SERVERLESS_EXPLORER_OUTPUT_MARKER';
export const OUTPUT_END_MARK = '\u001eSE-END';
