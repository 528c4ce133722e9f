/**
 * Not part of Lambda's Runtime API: our own runtime clients send their peak resident memory (KB) with each
 * outcome, which spares the host a read of /proc on every invocation. Other clients are measured through /proc.
 */
export const MAX_RSS_HEADER = 'x-serverless-explorer-max-rss-kb';
