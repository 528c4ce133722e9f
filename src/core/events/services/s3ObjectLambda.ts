import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, sha256 } from '../helpers';

const GROUP = 'Amazon S3';

// @types/aws-lambda has no S3 Object Lambda type; these follow AWS's documented event context of an Object Lambda access point.
interface ObjectLambdaIdentity {
  type: 'IAMUser' | 'AssumedRole';
  principalId: string;
  arn: string;
  accountId: string;
  accessKeyId: string;
  sessionContext?: {
    attributes: { mfaAuthenticated: string; creationDate: string };
    sessionIssuer: { type: 'Role'; principalId: string; arn: string; accountId: string; userName: string };
  };
}

export interface S3ObjectLambdaEvent {
  xAmzRequestId: string;
  getObjectContext?: { inputS3Url: string; outputRoute: string; outputToken: string };
  headObjectContext?: { inputS3Url: string };
  listObjectsContext?: { inputS3Url: string };
  listObjectsV2Context?: { inputS3Url: string };
  configuration: { accessPointArn: string; supportingAccessPointArn: string; payload: string };
  userRequest: { url: string; headers: Record<string, string> };
  userIdentity: ObjectLambdaIdentity;
  protocolVersion: string;
}

const IDENTITIES = ['IAMUser', 'AssumedRole'] as const;

const AP_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  bucket: { default: 'amzn-s3-demo-bucket', description: 'Bucket behind the supporting access point' },
  accessPoint: { default: 'my-object-lambda-ap', description: 'Object Lambda access point name' },
  identity: { default: 'IAMUser', description: `Who asked: ${IDENTITIES.join(' | ')} (a role session, with its sessionContext)` },
  principal: { default: 'alice', description: 'IAM user name, or the role session name of an assumed role' },
  payload: { default: '{"redact":["email"]}', description: 'The access point\'s configured payload, passed as text (empty: none)' },
};

type ApParams = Readonly<Record<keyof typeof AP_PARAMS, string>>;

/** The empty body's SHA-256, which S3 clients send as X-Amz-Content-SHA256 on a GET or HEAD. */
const EMPTY_SHA256 = sha256('');

/** A stable 20-character id derived from a name, in the shape of IAM's unique ids (AIDA… for users, AROA… for roles). */
function uniqueId(prefix: string, name: string): string {
  return prefix + sha256(name).slice(0, 17).toUpperCase();
}

/** A session's creation date as the sessionContext writes it: "Thu Nov 26 13:55:09 UTC 2026". */
function sessionTime(date: Date): string {
  const [day, , month, , time] = date.toUTCString().replace(',', '').split(' ');
  return `${day} ${month} ${String(date.getUTCDate()).padStart(2, '0')} ${time} UTC ${date.getUTCFullYear()}`;
}

function identity(p: ApParams, now: Date): ObjectLambdaIdentity {
  const kind = IDENTITIES.find((i) => i.toLowerCase() === p.identity.trim().toLowerCase());
  if (!kind) throw new TypeError(`Parameter identity must be one of ${IDENTITIES.join(', ')}, not "${p.identity}".`);
  if (!/^[\w+=,.@-]{1,64}$/.test(p.principal)) throw new TypeError(`Parameter principal must be an IAM user or session name (letters, digits and +=,.@_-, at most 64), not "${p.principal}".`);
  const accessKeyId = `ASIA${sha256(`${p.account}/${p.principal}`).slice(0, 16).toUpperCase()}`;
  if (kind === 'IAMUser') {
    return { type: 'IAMUser', principalId: uniqueId('AIDA', p.principal), arn: `arn:aws:iam::${p.account}:user/${p.principal}`, accountId: p.account, accessKeyId: accessKeyId.replace(/^ASIA/, 'AKIA') };
  }
  const role = 'ObjectLambdaReader';
  const roleId = uniqueId('AROA', role);
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${p.principal}`,
    arn: `arn:aws:sts::${p.account}:assumed-role/${role}/${p.principal}`,
    accountId: p.account,
    accessKeyId,
    sessionContext: {
      attributes: { mfaAuthenticated: 'false', creationDate: sessionTime(new Date(now.getTime() - 600_000)) },
      sessionIssuer: { type: 'Role', principalId: roleId, arn: `arn:aws:iam::${p.account}:role/${role}`, accountId: p.account, userName: role },
    },
  };
}

/** The parts every Object Lambda event shares; `path` is the request's path and query on both endpoints. */
function objectLambda(p: ApParams, ctx: { now: Date; uuid(): string }, path: string, headers: Record<string, string>) {
  const supportingHost = `${p.accessPoint}-supporting-${p.account}.s3-accesspoint.${p.region}.amazonaws.com`;
  const host = `${p.accessPoint}-${p.account}.s3-object-lambda.${p.region}.amazonaws.com`;
  const inputUrl = `https://${supportingHost}${path}`;
  const signed = `${inputUrl}${path.includes('?') ? '&' : '?'}X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${sha256(`${p.bucket}${inputUrl}`)}`;
  return {
    inputS3Url: signed,
    base: {
      xAmzRequestId: ctx.uuid(),
      configuration: {
        accessPointArn: arn('s3-object-lambda', p.region, p.account, `accesspoint/${p.accessPoint}`),
        supportingAccessPointArn: arn('s3', p.region, p.account, `accesspoint/${p.accessPoint}-supporting`),
        payload: p.payload,
      },
      userRequest: { url: `https://${host}${path}`, headers: { Host: host, ...headers } },
      userIdentity: identity(p, ctx.now),
    },
  };
}

function objectPath(key: string): string {
  return `/${key.split('/').map(encodeURIComponent).join('/')}`;
}

function listPath(query: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== '')).toString();
  return search === '' ? '/' : `/?${search}`;
}

const KEY = { default: 'uploads/photo 2026.jpg', description: 'Object key asked for' };
const PREFIX = { default: 'uploads/', description: 'Prefix of the listing (empty: the whole bucket)' };

export const objectLambdaEvents = [
  defineEvent<S3ObjectLambdaEvent>()({
    service: 's3',
    event: 'object-lambda-get',
    title: 'S3 Object Lambda GetObject request',
    group: GROUP,
    params: { ...AP_PARAMS, key: KEY },
    build: (p, ctx) => {
      const { inputS3Url, base } = objectLambda(p, ctx, objectPath(p.key), { 'Accept-Encoding': 'identity', 'X-Amz-Content-SHA256': EMPTY_SHA256 });
      return {
        xAmzRequestId: base.xAmzRequestId,
        getObjectContext: { inputS3Url, outputRoute: `io-${p.region.replace(/-/g, '').slice(0, 4)}-${sha256(p.key).slice(0, 12)}`, outputToken: sha256(`${p.bucket}/${p.key}`).slice(0, 40) },
        configuration: base.configuration,
        userRequest: base.userRequest,
        userIdentity: base.userIdentity,
        protocolVersion: '1.00',
      };
    },
  }),
  defineEvent<S3ObjectLambdaEvent>()({
    service: 's3',
    event: 'object-lambda-head',
    title: 'S3 Object Lambda HeadObject request',
    group: GROUP,
    params: { ...AP_PARAMS, key: KEY },
    build: (p, ctx) => {
      const { inputS3Url, base } = objectLambda(p, ctx, objectPath(p.key), { 'Accept-Encoding': 'identity', 'X-Amz-Content-SHA256': EMPTY_SHA256 });
      return { xAmzRequestId: base.xAmzRequestId, headObjectContext: { inputS3Url }, configuration: base.configuration, userRequest: base.userRequest, userIdentity: base.userIdentity, protocolVersion: '1.01' };
    },
  }),
  defineEvent<S3ObjectLambdaEvent>()({
    service: 's3',
    event: 'object-lambda-list',
    title: 'S3 Object Lambda ListObjects request',
    group: GROUP,
    params: { ...AP_PARAMS, prefix: PREFIX },
    build: (p, ctx) => {
      const { inputS3Url, base } = objectLambda(p, ctx, listPath({ prefix: p.prefix }), { 'Accept-Encoding': 'identity', 'X-Amz-Content-SHA256': EMPTY_SHA256 });
      return { xAmzRequestId: base.xAmzRequestId, listObjectsContext: { inputS3Url }, configuration: base.configuration, userRequest: base.userRequest, userIdentity: base.userIdentity, protocolVersion: '1.01' };
    },
  }),
  defineEvent<S3ObjectLambdaEvent>()({
    service: 's3',
    event: 'object-lambda-list-v2',
    title: 'S3 Object Lambda ListObjectsV2 request',
    group: GROUP,
    params: { ...AP_PARAMS, prefix: PREFIX },
    build: (p, ctx) => {
      const { inputS3Url, base } = objectLambda(p, ctx, listPath({ 'list-type': '2', prefix: p.prefix }), { 'Accept-Encoding': 'identity', 'X-Amz-Content-SHA256': EMPTY_SHA256 });
      return { xAmzRequestId: base.xAmzRequestId, listObjectsV2Context: { inputS3Url }, configuration: base.configuration, userRequest: base.userRequest, userIdentity: base.userIdentity, protocolVersion: '1.01' };
    },
  }),
];
