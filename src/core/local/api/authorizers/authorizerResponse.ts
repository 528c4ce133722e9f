import { isRecord } from '../../sources/sam/intrinsics';
import { readPolicyDocument } from './policy';
import type { PolicyStatement } from './policy';

/** A Lambda authorizer's answer, read: an IAM policy (every kind of API) or, with simple responses, a yes or no. */
export type AuthorizerResponse =
  | { readonly kind: 'policy'; readonly principalId?: string; readonly statements: readonly PolicyStatement[]; readonly context: Readonly<Record<string, unknown>> }
  | { readonly kind: 'simple'; readonly isAuthorized: boolean; readonly context: Readonly<Record<string, unknown>> };

export interface ResponseRules {
  /** HTTP APIs with EnableSimpleResponses: { isAuthorized, context }. */
  readonly simple: boolean;
  /** HTTP APIs take lists and objects in context; a REST API takes only strings, numbers and booleans. */
  readonly nestedContext: boolean;
}

/** Reads the JSON a Lambda authorizer returned, or says what API Gateway would find wrong with it (it answers 500 then). */
export function readAuthorizerResponse(payload: string, rules: ResponseRules): AuthorizerResponse | { readonly malformed: string } {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return { malformed: 'the answer is not JSON' };
  }
  if (!isRecord(value)) return { malformed: `the answer must be an object${rules.simple ? ' { isAuthorized, context }' : ' { principalId, policyDocument, context }'}` };
  const context = readContext(value.context, rules.nestedContext);
  if (typeof context === 'string') return { malformed: context };
  if (rules.simple) {
    if (typeof value.isAuthorized !== 'boolean') return { malformed: `isAuthorized must be true or false, not ${JSON.stringify(value.isAuthorized) ?? 'missing'}` };
    return { kind: 'simple', isAuthorized: value.isAuthorized, context };
  }
  if (value.principalId !== undefined && typeof value.principalId !== 'string') return { malformed: 'principalId must be a string' };
  const statements = readPolicyDocument(value.policyDocument);
  if (typeof statements === 'string') return { malformed: statements };
  return { kind: 'policy', principalId: value.principalId, statements, context };
}

function readContext(context: unknown, nested: boolean): Record<string, unknown> | string {
  if (context === undefined || context === null) return {};
  if (!isRecord(context)) return 'context must be an object';
  if (!nested) {
    const bad = Object.entries(context).find(([, v]) => typeof v === 'object' && v !== null);
    if (bad) return `context.${bad[0]} must be a string, number or boolean: a REST API takes no lists or objects in context`;
  }
  return context;
}
