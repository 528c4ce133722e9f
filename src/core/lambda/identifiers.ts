// What Lambda accepts as a function name, a region, a qualifier and a function ARN, and what a profile name may be in
// a link: the rules a link is checked against before anything uses it. Each check returns a problem in words, or
// undefined.

const LIMITS = { name: 64, region: 20, profile: 128, qualifier: 128, arn: 256 } as const;

// Lambda's pattern for the region part of a function ARN (us-east-1, us-gov-west-1, us-isob-east-1, cn-north-1), and eusc-de-east-1.
const REGION = /^[a-z]{2,4}(?:-gov|-iso[a-z]?)?(?:-[a-z]+){1,2}-\d{1,2}$/;
const QUALIFIER = /^(?:\$LATEST|[A-Za-z0-9_-]+)$/;
const PROFILE_CHAR = /[\w .@+:/,-]/;
const ACCOUNT = /^\d{12}$/;
const PARTITION = /^aws(?:-[a-z]+)*$/;

/** A character as a message may show it: itself when harmless, else only its code point (no markdown, no controls). */
function describeChar(char: string): string {
  const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /^[A-Za-z0-9 .,:;!?$%&=+@#~'/-]$/.test(char) ? `"${char}" (${code})` : code;
}

/** A value a message may quote: only when it is short and made of harmless characters (a link is anyone's text). */
export function quote(value: string): string | undefined {
  return value.length <= 60 && /^[A-Za-z0-9 _.:/@$+,=-]*$/.test(value) ? `"${value}"` : undefined;
}

function firstOutside(value: string, allowed: RegExp): { char: string; position: number } | undefined {
  let position = 0;
  for (const char of value) {
    position++;
    if (!allowed.test(char)) return { char, position };
  }
  return undefined;
}

function badCharacter(what: string, value: string, allowed: RegExp, rule: string): string | undefined {
  const bad = firstOutside(value, allowed);
  if (!bad) return undefined;
  const percent = bad.char === '%' ? ' (a link is decoded once: encode each character once, as %2D, never twice)' : '';
  return `The ${what} contains ${describeChar(bad.char)} at position ${bad.position}, which is not allowed${percent}: ${rule}.`;
}

function tooLong(what: string, value: string, max: number, rule: string): string | undefined {
  const length = [...value].length;
  return length > max ? `The ${what} is ${length} characters long: ${rule}.` : undefined;
}

const NAME_RULE = `a Lambda function name is 1 to ${LIMITS.name} letters, digits, hyphens and underscores`;
const REGION_RULE = 'a region is written like us-east-1 or eu-west-2';
const QUALIFIER_RULE = `a qualifier is $LATEST, a version number or an alias name (letters, digits, hyphens and underscores, at most ${LIMITS.qualifier})`;
const PROFILE_RULE = `a profile name is at most ${LIMITS.profile} letters, digits, spaces and . _ - @ + : / ,`;

export function functionNameProblem(name: string, what = 'function name'): string | undefined {
  if (name === '') return `The ${what} is empty: ${NAME_RULE}.`;
  return tooLong(what, name, LIMITS.name, NAME_RULE) ?? badCharacter(what, name, /[A-Za-z0-9_-]/, NAME_RULE);
}

export function regionProblem(region: string): string | undefined {
  if (region === '') return `The region is empty: ${REGION_RULE}.`;
  const long = tooLong('region', region, LIMITS.region, REGION_RULE);
  if (long || REGION.test(region)) return long;
  const shown = quote(region);
  return `The region ${shown ? `${shown} ` : ''}is not a region name: ${REGION_RULE}.`;
}

export function qualifierProblem(qualifier: string): string | undefined {
  if (qualifier === '') return `The qualifier is empty: ${QUALIFIER_RULE}.`;
  return (
    tooLong('qualifier', qualifier, LIMITS.qualifier, QUALIFIER_RULE) ??
    (QUALIFIER.test(qualifier) ? undefined : (badCharacter('qualifier', qualifier, /[A-Za-z0-9_-]/, QUALIFIER_RULE) ?? `The qualifier is not valid: ${QUALIFIER_RULE}.`))
  );
}

export function profileProblem(profile: string): string | undefined {
  if (profile.trim() === '') return `The profile is empty: leave profile= out to choose one, or name a profile of your AWS config file.`;
  if (profile !== profile.trim()) return 'The profile name starts or ends with a space; profile names do not.';
  return tooLong('profile', profile, LIMITS.profile, PROFILE_RULE) ?? badCharacter('profile', profile, PROFILE_CHAR, PROFILE_RULE);
}

export function isProfileName(value: string): boolean {
  return profileProblem(value) === undefined;
}

export interface FunctionArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly name: string;
  readonly qualifier?: string;
}

const ARN_SHAPE = 'arn:aws:lambda:<region>:<12-digit account>:function:<name>[:<version or alias>]';

/** A Lambda function's ARN (optionally qualified), or the problem with it. */
export function parseFunctionArn(arn: string): { readonly arn: FunctionArn } | { readonly problem: string } {
  const problem = (what: string) => ({ problem: `${what}: a function ARN is ${ARN_SHAPE}.` });
  if (arn === '') return problem('The ARN is empty');
  const long = tooLong('ARN', arn, LIMITS.arn, `a function ARN is at most ${LIMITS.arn} characters`);
  if (long) return { problem: long };
  const parts = arn.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return problem('This is not an ARN');
  const [, partition, service, region, account, resourceType, name, qualifier, ...rest] = parts;
  const named = (what: string, value: string) => [what, quote(value)].filter(Boolean).join(' ');
  if (!PARTITION.test(partition)) return problem(`${named("The ARN's partition", partition)} is not an AWS partition`);
  if (service !== 'lambda') return problem(`The ARN is of ${quote(service) ?? 'another service'}, not of a Lambda function`);
  if (resourceType !== 'function') return problem(`The ARN names a Lambda ${quote(resourceType) ?? 'resource'}, not a function`);
  if (!REGION.test(region)) return problem(`${named("The ARN's region", region)} is not a region name`);
  if (!ACCOUNT.test(account)) return problem(`${named("The ARN's account", account)} is not a 12-digit account id`);
  if (name === undefined || rest.length > 0) return problem('The ARN does not end with a function name and an optional qualifier');
  const nameProblem = functionNameProblem(name, "ARN's function name");
  if (nameProblem) return { problem: nameProblem };
  if (qualifier !== undefined) {
    const qualifierTrouble = qualifierProblem(qualifier);
    if (qualifierTrouble) return { problem: qualifierTrouble.replace('The qualifier', "The ARN's qualifier") };
  }
  return { arn: { partition, region, account, name, ...(qualifier !== undefined ? { qualifier } : {}) } };
}

/** The account of an ARN of any service (arn:partition:service:region:account:…), if it has one. */
export function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && ACCOUNT.test(account) ? account : undefined;
}
