import { functionNameProblem, isProfileName, parseFunctionArn, profileProblem, qualifierProblem, quote, regionProblem } from '../lambda/identifiers';

/** What a function link names: the function, where it is, and, when the link says so, which profile and account. */
export interface FunctionLinkTarget {
  readonly name: string;
  readonly region: string;
  readonly profile?: string;
  /** A version or an alias. */
  readonly qualifier?: string;
  /** Only an ARN says it. */
  readonly account?: string;
}

export type ParsedFunctionLink = { readonly ok: true; readonly target: FunctionLinkTarget } | { readonly ok: false; readonly problem: string };

/** The parts of a link as VS Code hands them to a URI handler: path, query and fragment, percent-decoded once. */
export interface LinkParts {
  readonly path: string;
  readonly query: string;
  readonly fragment?: string;
}

const FUNCTION_PATH = '/function';
const MAX_QUERY_LENGTH = 1024;
const PARAMETERS = ['arn', 'name', 'region', 'profile', 'qualifier'] as const;
type Parameter = (typeof PARAMETERS)[number];
const SHAPES = 'function?arn=<function ARN> or function?name=<name>&region=<region>, each with optional &profile= and &qualifier=';

const refuse = (problem: string): ParsedFunctionLink => ({ ok: false, problem });

/**
 * Reads a link such as `vscode://<extension id>/function?name=orders-api&region=us-east-1&profile=dev` (or `?arn=…`),
 * refusing anything else with what is wrong. Nothing here decodes again: VS Code decoded the link once, and a `%`
 * left in a value is a character Lambda does not allow.
 */
export function parseFunctionLink(parts: LinkParts): ParsedFunctionLink {
  if (parts.path !== FUNCTION_PATH && parts.path !== `${FUNCTION_PATH}/`) {
    const shown = quote(parts.path);
    return refuse(`The link's path ${shown ? `${shown} ` : ''}is not one Serverless Explorer opens: links are ${SHAPES}.`);
  }
  if (parts.fragment) return refuse(`The link has a #fragment, which function links do not have: links are ${SHAPES}.`);
  if (parts.query.length > MAX_QUERY_LENGTH) return refuse(`The link's query is ${parts.query.length} characters long; a function link's is at most ${MAX_QUERY_LENGTH}.`);
  const values = new Map<Parameter, string>();
  for (const pair of parts.query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    if (key === '') return refuse('The link has a value without a parameter name (=… after & or ?).');
    if (!(PARAMETERS as readonly string[]).includes(key)) {
      const shown = quote(key);
      return refuse(`The link has a parameter ${shown ?? '(not shown: it has unusual characters)'} that function links do not have: they take ${PARAMETERS.join(', ')}.`);
    }
    if (equals < 0) return refuse(`The link's ${key} has no value (${key}=…).`);
    if (values.has(key as Parameter)) return refuse(`The link gives ${key} twice; give it once.`);
    values.set(key as Parameter, pair.slice(equals + 1));
  }
  const profile = values.get('profile');
  const profileTrouble = profile === undefined ? undefined : profileProblem(profile);
  if (profileTrouble) return refuse(profileTrouble);
  const qualifier = values.get('qualifier');
  const qualifierTrouble = qualifier === undefined ? undefined : qualifierProblem(qualifier);
  if (qualifierTrouble) return refuse(qualifierTrouble);
  const optional = { ...(profile !== undefined ? { profile } : {}), ...(qualifier !== undefined ? { qualifier } : {}) };

  const arn = values.get('arn');
  if (arn !== undefined) {
    if (values.has('name') || values.has('region')) return refuse('The link gives an ARN and also a name or region; the ARN says both: leave name= and region= out.');
    const parsed = parseFunctionArn(arn);
    if ('problem' in parsed) return refuse(parsed.problem);
    const { name, region, account } = parsed.arn;
    if (parsed.arn.qualifier !== undefined && qualifier !== undefined && parsed.arn.qualifier !== qualifier) {
      return refuse('The link gives a qualifier in the ARN and a different one in qualifier=; give one.');
    }
    const fromArn = parsed.arn.qualifier !== undefined ? { qualifier: parsed.arn.qualifier } : {};
    return { ok: true, target: { name, region, account, ...optional, ...fromArn } };
  }
  const name = values.get('name');
  const region = values.get('region');
  if (name === undefined || region === undefined) return refuse(`The link names no function: links are ${SHAPES}.`);
  const problem = functionNameProblem(name) ?? regionProblem(region);
  if (problem) return refuse(problem);
  return { ok: true, target: { name, region, ...optional } };
}

/** The `<scheme>://<extension id>/function?…` link of a function: what Copy Link puts on the clipboard. */
export function functionLink(scheme: string, extensionId: string, target: Omit<FunctionLinkTarget, 'account'>): string {
  const query = [`name=${encodeURIComponent(target.name)}`, `region=${encodeURIComponent(target.region)}`];
  // A profile no link could carry is left out: whoever opens the link chooses one.
  if (target.profile !== undefined && isProfileName(target.profile)) query.push(`profile=${encodeURIComponent(target.profile)}`);
  if (target.qualifier !== undefined) query.push(`qualifier=${encodeURIComponent(target.qualifier)}`);
  return `${scheme}://${extensionId}${FUNCTION_PATH}?${query.join('&')}`;
}
