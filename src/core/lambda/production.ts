// Pure (no SDK), so the UI bundle can use it without loading the AWS SDK.
const PRODUCTION_WORD = /^(prod|production|prd|live)$/i;

/** Whether a function looks like production: by its name, the alias invoked, or its tags. */
export function looksLikeProduction(functionName: string, qualifier: string | undefined, tags: Readonly<Record<string, string>> = {}): string | undefined {
  if (functionName.split(/[-_.]/).some((word) => PRODUCTION_WORD.test(word))) return `its name "${functionName}"`;
  if (qualifier && PRODUCTION_WORD.test(qualifier)) return `the alias "${qualifier}"`;
  for (const [key, value] of Object.entries(tags)) {
    if (/^(env|environment|stage|tier)$/i.test(key) && /^(prod|production|prd|live)/i.test(value)) return `its tag ${key}=${value}`;
  }
  return undefined;
}
