/** A setting or input the user must correct; the message says what is wrong and how to fix it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates the `serverlessExplorer.endpointUrl` setting. Empty means "let the SDK decide",
 * which honours `AWS_ENDPOINT_URL` and the service-specific variables by itself.
 */
export function parseEndpointUrl(value: string | undefined): string | undefined {
  const trimmed = (value ?? '').trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError(
      `The endpoint URL "${trimmed}" is not a URL. Use a full address such as http://127.0.0.1:4566, or clear the setting serverlessExplorer.endpointUrl to use AWS.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(
      `The endpoint URL "${trimmed}" must start with http:// or https:// (it starts with ${url.protocol}//).`,
    );
  }
  return trimmed.replace(/\/+$/, '');
}
