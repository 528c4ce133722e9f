// Pure (no SDK): environment values that must not be shown as they are.

const SECRET_NAME = /(secret|passw(or)?d|pwd|token|api_?key|private_?key|credential|auth|signing|session_?key|access_?key)/i;
const SECRET_VALUE = [
  /^AKIA[0-9A-Z]{16}$/, // an AWS access key id
  /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, // a JWT
  /^-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /^(sk|pk|rk|ghp|gho|xox[bpa])[-_][\w-]{16,}$/, // Stripe, GitHub, Slack tokens
  /^[A-Za-z0-9+/=_-]{32,}$/, // a long random-looking string
];

/** Whether a variable looks like it holds a secret: by its name, or by the look of its value. */
export function looksSecret(name: string, value: string): boolean {
  if (SECRET_NAME.test(name)) return true;
  return SECRET_VALUE.some((pattern) => pattern.test(value)) && !/^[a-z-]+$/.test(value);
}

/** The value as it may be shown: masked when it looks like a secret. */
export function shownValue(name: string, value: string): string {
  return looksSecret(name, value) ? `•••••••• (${value.length} characters, hidden)` : value;
}
