// Pure (no SDK): the UI shows environment variables through it, the CLI prints them through it.

/** Names people give secrets: DB_PASSWORD, STRIPE_API_KEY, GITHUB_TOKEN, JWT_SIGNING_KEY, SENTRY_DSN… */
const SECRET_NAME = /(secret|passw(or)?d|passwd|\bpwd|pwd\b|token|api[_-]?key|private[_-]?key|signing[_-]?key|access[_-]?key|credential|auth[_-]?key|\bauth\b|session[_-]?key|encryption[_-]?key|master[_-]?key|\bdsn\b|_dsn\b|connection[_-]?string|webhook)/i;

/** Values that are secrets whatever they are called: keys and tokens with a known shape. */
const SECRET_SHAPES: readonly RegExp[] = [
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/, // AWS access key id
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]+/, // a JWT
  /\b(ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]{20,}/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/, // Slack
  /\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}/, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, // a URL with a password in it
];

/** A long run of letters, digits and +/=_- that mixes cases and digits, with nothing that reads as a name, path or ARN. */
function looksRandom(value: string): boolean {
  if (value.length < 32 || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(value)).length;
  if (classes < 3 && !/^[0-9a-f]{40,}$/i.test(value)) return false;
  return !/^[a-z]+([-_][a-z0-9]+)+$/i.test(value); // orders-table-prod-v2 style names
}

/** Whether an environment variable holds what must not be shown in full: by its name, or by its value's shape. */
export function looksLikeSecret(name: string, value: string): boolean {
  if (value === '') return false;
  return SECRET_NAME.test(name) || SECRET_SHAPES.some((shape) => shape.test(value)) || looksRandom(value);
}

/** The value as it may be shown: a secret as dots with its length, anything else as is. */
export function shownValue(name: string, value: string): string {
  return looksLikeSecret(name, value) ? `•••••••• (${value.length} characters, hidden)` : value;
}

/** Every variable as it may be shown. */
export function shownEnvironment(environment: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, shownValue(name, value)]));
}
