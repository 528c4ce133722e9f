import type { AppSyncAuthorizerEvent, AppSyncIdentity, AppSyncIdentityCognito, AppSyncIdentityIAM, AppSyncResolverEvent } from 'aws-lambda';
import { defineEvent, type EventContext } from '../types';
import { ACCOUNT, REGION, byteLength, epochSeconds, json, queryString, sha256 } from '../helpers';
import { identityPoolOf, sigV4Headers } from './apigateway';

const GROUP = 'AWS AppSync';

type Params<K extends string> = Readonly<Record<K, string>>;
type Fields = Record<string, unknown>;

/** A map parameter: a JSON object, or name=value pairs joined with & (values stay strings). */
function fields(name: string, value: string): Fields {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return json(name, trimmed) as Fields;
  return queryString(trimmed).single;
}

const API = {
  region: REGION,
  apiId: { default: 'xlmplq4xgjfmbefztm5n7exmpl', description: 'GraphQL API id' },
};
const CALLER = {
  userPoolId: { default: 'us-east-1_EXAMPLE1', description: 'Cognito user pool id of the caller' },
  userName: { default: 'alice', description: 'Cognito user name of the caller' },
  sourceIp: { default: '203.0.113.10', description: 'Client IP address' },
};

function host(p: Params<keyof typeof API>): string {
  return `${p.apiId}.appsync-api.${p.region}.amazonaws.com`;
}

function identity(p: Params<keyof typeof API | keyof typeof CALLER>, ctx: EventContext): AppSyncIdentityCognito {
  const sub = ctx.uuid();
  const iat = epochSeconds(ctx.now) - 60;
  const issuer = `https://cognito-idp.${p.region}.amazonaws.com/${p.userPoolId}`;
  return {
    claims: {
      sub,
      iss: issuer,
      'cognito:username': p.userName,
      aud: '5example1clientid2abcdefgh',
      event_id: ctx.uuid(),
      token_use: 'id',
      auth_time: iat,
      exp: iat + 3600,
      iat,
      email: `${p.userName}@example.com`,
      email_verified: true,
    },
    defaultAuthStrategy: 'ALLOW',
    groups: null,
    issuer,
    sourceIp: [p.sourceIp],
    sub,
    username: p.userName,
  };
}

/** The caller's Cognito ID token, as the client sends it in the Authorization header (signature made up). */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
  return `${part({ kid: 'example-key-id', alg: 'RS256' })}.${part(claims)}.${Buffer.from(sha256(JSON.stringify(claims)), 'hex').toString('base64url')}`;
}

function requestHeaders(p: Params<keyof typeof API | 'sourceIp'>, ctx: EventContext, query: string, authorization: string): Record<string, string> {
  return {
    accept: 'application/json, text/plain, */*',
    authorization,
    'content-length': String(byteLength(query)),
    'content-type': 'application/json',
    host: host(p),
    'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)',
    'x-amzn-trace-id': `Root=1-${epochSeconds(ctx.now).toString(16)}-${sha256(query).slice(0, 24)}`,
    'x-forwarded-for': p.sourceIp,
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
  };
}

/** The GraphQL request a field's resolver runs for: the operation text and the selection set. */
function operation(parentTypeName: string, fieldName: string, args: Fields, selection: string[]) {
  const kind = parentTypeName === 'Mutation' ? 'mutation' : parentTypeName === 'Subscription' ? 'subscription' : 'query';
  const names = Object.keys(args);
  const declared = names.length ? `(${names.map((n) => `$${n}: String`).join(', ')})` : '';
  const passed = names.length ? `(${names.map((n) => `${n}: $${n}`).join(', ')})` : '';
  const selectionSetGraphQL = `{\n${selection.map((f) => `  ${f}`).join('\n')}\n}`;
  const body = `${fieldName}${passed} ${selectionSetGraphQL.replace(/\n/g, '\n  ')}`;
  return { selectionSetGraphQL, query: `${kind} ${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}${declared} {\n  ${body}\n}` };
}

const RESOLVER = {
  ...API,
  ...CALLER,
  parentTypeName: { default: 'Query', description: 'Type that owns the field (Query, Mutation, or an object type)' },
  fieldName: { default: 'getPost', description: 'Field being resolved' },
  arguments: { default: 'id=post-1', description: 'Field arguments: name=value pairs (a=1&b=2) or a JSON object' },
  selection: { default: 'id title content', description: 'Fields selected on the result, space-separated' },
};

const { userPoolId: _userPoolId, userName: _userName, ...RESOLVER_FIELDS } = RESOLVER;

const IAM_RESOLVER = {
  ...RESOLVER_FIELDS,
  account: ACCOUNT,
  signer: { default: 'us-east-1:7c3f0a52-9e1d-4b6a-8f27-3d5e1c9a4b60', description: 'Who signed the request: a Cognito identity pool id (<region>:<id>) whose authenticated role did, or an IAM user name' },
  userPoolId: { default: 'us-east-1_EXAMPLE1', description: 'User pool the identity pool caller signed in with (its authentication provider)' },
};

// An IAM user has no Cognito identity: AppSync sends those fields null, where @types/aws-lambda types them as strings.
type CognitoFields = 'cognitoIdentityPoolId' | 'cognitoIdentityId' | 'cognitoIdentityAuthType' | 'cognitoIdentityAuthProvider';
type IamIdentity = Omit<AppSyncIdentityIAM, CognitoFields> & { [K in CognitoFields]: string | null };

/** The caller of an AWS_IAM-authorized API: the authenticated role of a Cognito identity pool, or an IAM user. */
function iamIdentity(p: Params<keyof typeof IAM_RESOLVER>, ctx: EventContext): IamIdentity {
  const poolId = identityPoolOf(p.signer);
  if (poolId === null) {
    return {
      accountId: p.account,
      cognitoIdentityPoolId: null,
      cognitoIdentityId: null,
      sourceIp: [p.sourceIp],
      username: `AIDA${sha256(`${p.account}/${p.signer.trim()}`).slice(0, 17).toUpperCase()}`,
      userArn: `arn:aws:iam::${p.account}:user/${p.signer.trim()}`,
      cognitoIdentityAuthType: null,
      cognitoIdentityAuthProvider: null,
    };
  }
  const role = 'CognitoIdentityPoolAuthRole';
  const provider = `cognito-idp.${p.region}.amazonaws.com/${p.userPoolId}`;
  return {
    accountId: p.account,
    cognitoIdentityPoolId: poolId,
    cognitoIdentityId: `${poolId.split(':')[0]}:${ctx.uuid()}`,
    sourceIp: [p.sourceIp],
    username: `AROA${sha256(`${p.account}/${role}`).slice(0, 17).toUpperCase()}:CognitoIdentityCredentials`,
    userArn: `arn:aws:sts::${p.account}:assumed-role/${role}/CognitoIdentityCredentials`,
    cognitoIdentityAuthType: 'authenticated',
    cognitoIdentityAuthProvider: `"${provider}","${provider}:CognitoSignIn:${ctx.uuid()}"`,
  };
}

function resolverEvent(
  p: Params<keyof typeof RESOLVER_FIELDS>,
  ctx: EventContext,
  args: Fields,
  source: Record<string, unknown> | null,
  caller: (requestBody: string) => { identity: AppSyncIdentity; authorization: string },
): AppSyncResolverEvent<Fields, Record<string, unknown> | null> {
  const selection = p.selection.split(/\s+/).filter(Boolean);
  const op = operation(p.parentTypeName, p.fieldName, args, selection);
  const body = JSON.stringify({ query: op.query, variables: args });
  const { identity: who, authorization } = caller(body);
  return {
    arguments: args,
    identity: who,
    source,
    request: { headers: requestHeaders(p, ctx, body, authorization), domainName: null },
    prev: null,
    info: { selectionSetList: selection, selectionSetGraphQL: op.selectionSetGraphQL, parentTypeName: p.parentTypeName, fieldName: p.fieldName, variables: args },
    stash: {},
  };
}

/** A user pool caller: its identity, and its ID token as the Authorization header. */
function cognitoCaller(p: Params<keyof typeof RESOLVER>, ctx: EventContext) {
  return () => {
    const who = identity(p, ctx);
    return { identity: who, authorization: idToken(who.claims) };
  };
}

export const appsyncEvents = [
  defineEvent<AppSyncResolverEvent<Fields, Record<string, unknown> | null>>()({
    service: 'appsync',
    event: 'resolver',
    title: 'AppSync direct Lambda resolver (Cognito user pool caller)',
    group: GROUP,
    params: RESOLVER,
    build: (p, ctx) => resolverEvent(p, ctx, fields('arguments', p.arguments), null, cognitoCaller(p, ctx)),
  }),
  defineEvent<AppSyncResolverEvent<Fields, Record<string, unknown> | null>>()({
    service: 'appsync',
    event: 'resolver-iam-identity',
    title: 'AppSync direct Lambda resolver (AWS_IAM caller: a Cognito identity pool role or an IAM user)',
    group: GROUP,
    params: IAM_RESOLVER,
    build: (p, ctx) =>
      resolverEvent(p, ctx, fields('arguments', p.arguments), null, (body) => {
        const who = iamIdentity(p, ctx);
        const accessKey = `${who.cognitoIdentityId === null ? 'AKIA' : 'ASIA'}${sha256(who.userArn).slice(0, 16).toUpperCase()}`;
        return { identity: who as AppSyncIdentityIAM, authorization: sigV4Headers(accessKey, p.region, 'appsync', ctx, `${host(p)}${body}`).authorization };
      }),
  }),
  defineEvent<AppSyncResolverEvent<Fields, Record<string, unknown> | null>[]>()({
    service: 'appsync',
    event: 'batch-resolver',
    title: 'AppSync batched direct Lambda resolver (BatchInvoke)',
    group: GROUP,
    params: {
      ...RESOLVER,
      parentTypeName: { default: 'Post', description: 'Type that owns the field' },
      fieldName: { default: 'author', description: 'Field being resolved for each source' },
      arguments: { default: '', description: 'Field arguments: name=value pairs (a=1&b=2) or a JSON object' },
      selection: { default: 'id name', description: 'Fields selected on the result, space-separated' },
      sources: { default: 'post-1,post-2,post-3', description: 'Ids of the parent objects batched into one invocation, comma-separated' },
    },
    build: (p, ctx) => {
      const args = fields('arguments', p.arguments);
      return p.sources
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
        .map((id) => resolverEvent(p, ctx, args, { id, authorId: `author-${sha256(id).slice(0, 8)}` }, cognitoCaller(p, ctx)));
    },
  }),
  defineEvent<AppSyncAuthorizerEvent>()({
    service: 'appsync',
    event: 'authorizer',
    title: 'AppSync Lambda authorizer',
    group: GROUP,
    params: {
      ...API,
      account: ACCOUNT,
      token: { default: 'custom-authorization-token-1234', description: 'Value of the Authorization header' },
      operationName: { default: 'GetPost', description: 'GraphQL operation name' },
      queryString: { default: 'query GetPost($id: ID!) { getPost(id: $id) { id title } }', description: 'GraphQL request text' },
      variables: { default: 'id=post-1', description: 'Operation variables: name=value pairs (a=1&b=2) or a JSON object' },
      sourceIp: CALLER.sourceIp,
    },
    build: (p, ctx) => {
      const variables = fields('variables', p.variables);
      return {
        authorizationToken: p.token,
        requestContext: {
          apiId: p.apiId,
          accountId: p.account,
          requestId: ctx.uuid(),
          queryString: p.queryString,
          operationName: p.operationName,
          variables,
        },
        requestHeaders: requestHeaders(p, ctx, JSON.stringify({ query: p.queryString, operationName: p.operationName, variables }), p.token),
      };
    },
  }),
];
