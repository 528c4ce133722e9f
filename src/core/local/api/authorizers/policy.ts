import { isRecord } from '../../sources/sam/intrinsics';

/** One statement of the IAM policy a Lambda authorizer answers with. */
export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  /** "execute-api:Invoke", "execute-api:*", "*". */
  readonly actions: readonly string[];
  /** execute-api ARNs, with * and ? wildcards. */
  readonly resources: readonly string[];
}

/** What a policy says of one request: an explicit deny wins over any allow, and no allow at all is a deny too. */
export type PolicyDecision = 'allow' | 'deny' | 'no-allow';

/** The decision of a policy for the request whose ARN this is, as IAM evaluates it (execute-api:Invoke being the action). */
export function policyDecision(statements: readonly PolicyStatement[], arn: string): PolicyDecision {
  const applies = (statement: PolicyStatement) =>
    statement.actions.some((action) => wildcardMatches(action, 'execute-api:Invoke', true)) && statement.resources.some((resource) => wildcardMatches(resource, arn, false));
  if (statements.some((statement) => statement.effect === 'Deny' && applies(statement))) return 'deny';
  return statements.some((statement) => statement.effect === 'Allow' && applies(statement)) ? 'allow' : 'no-allow';
}

/** IAM's matching: * stands for any run of characters (":" and "/" included), ? for exactly one; actions ignore case, resources do not. */
export function wildcardMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

/** The statements of a policyDocument, or what is wrong with it. */
export function readPolicyDocument(document: unknown): PolicyStatement[] | string {
  if (!isRecord(document)) return 'policyDocument must be an object with a Statement list';
  const raw = document.Statement;
  const list = Array.isArray(raw) ? raw : isRecord(raw) ? [raw] : undefined;
  if (!list) return 'policyDocument.Statement must be a list of statements';
  const statements: PolicyStatement[] = [];
  for (const [index, statement] of list.entries()) {
    const where = `policyDocument.Statement[${index}]`;
    if (!isRecord(statement)) return `${where} must be an object`;
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return `${where}.Effect must be "Allow" or "Deny", not ${JSON.stringify(statement.Effect)}`;
    const actions = strings(statement.Action);
    if (!actions) return `${where}.Action must be "execute-api:Invoke" (a string or a list of strings)`;
    const resources = strings(statement.Resource);
    if (!resources) return `${where}.Resource must be an execute-api ARN (a string or a list of strings)`;
    statements.push({ effect: statement.Effect, actions, resources });
  }
  return statements;
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string') ? value : undefined;
}
