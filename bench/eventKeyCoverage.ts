import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CATALOG, eventId, generateEvent } from '../src/core/events/catalog';
import type { EventContext } from '../src/core/events/types';
import {
  type Comparison,
  type DataMap,
  type InnerJson,
  type PlaceholderValue,
  collapsePaths,
  compare,
  eventPaths,
  percentPresent,
  percentText,
  renderTemplate,
} from './eventKeyCoverageParts';
import { printTable } from './table';

// `npm run events-coverage`: our sample events held against AWS's own samples, key path by key path (issue 19's
// measure). Their samples: SAM CLI's `sam local generate-event` templates and aws-lambda-go's events/testdata, read
// from local git mirrors (SE_SAM_CLI_REPO, SE_LAMBDA_GO_REPO). Exit 1 when a goal is missed, so it can gate.

const SAM_REPO = process.env.SE_SAM_CLI_REPO ?? '/work/.mirror/aws+aws-sam-cli/repo';
const GO_REPO = process.env.SE_LAMBDA_GO_REPO ?? '/work/.mirror/aws+aws-lambda-go/repo';
const SAM_DIR = 'samcli/lib/generated_sample_events';

/** The 13 trigger sources (≥ 95 % each); everything together ≥ 90 %. */
const SEED_SOURCES = ['S3', 'API Gateway', 'DynamoDB', 'SNS', 'SQS', 'EventBridge', 'CloudFormation', 'Kinesis', 'IoT', 'Cognito', 'CloudFront', 'Config', 'CloudWatch Logs'];
const SEED_GOAL = 95;
const OVERALL_GOAL = 90;

/**
 * Maps whose keys are data chosen by whoever sent the event (a header name, an attribute name, a slot name), so a
 * sample's choice of names is not a key we could lack: every path beneath one counts as the map's own path.
 */
const DATA_MAPS: readonly DataMap[] = [
  { map: /(^|\.)(headers|multiValueHeaders|queryStringParameters|multiValueQueryStringParameters|pathParameters|stageVariables)$/, why: 'HTTP header, query and path parameter names, stage variables (API Gateway, ALB, function URLs, AppSync, S3 Object Lambda, MQ)' },
  { map: /\.cf\.(request|response)\.headers$|\.customHeaders$/, why: 'CloudFront header names (lowercased, each an array of key/value)' },
  { map: /^request\.(userAttributes|clientMetadata|validationData|privateChallengeParameters)$|^response\.(publicChallengeParameters|privateChallengeParameters|userAttributes|userAttributesToMap)$/, why: 'Cognito user attributes, client metadata, challenge parameters' },
  { map: /^request\.attributes\.(tokenResponse|idToken|userInfo|samlResponse)$/, why: "Cognito inbound federation: the identity provider's claims and attributes" },
  { map: /\.dynamodb\.(Keys|NewImage|OldImage)$/, why: 'DynamoDB attribute names (and their type descriptors, which follow the data)' },
  { map: /(^|\.)(messageAttributes|MessageAttributes)$/, why: 'SQS and SNS message attribute names' },
  { map: /^invokingEvent\(json\)\.configurationItem\.(configuration|supplementaryConfiguration|tags)$/, why: "Config: the recorded resource's own configuration and tags" },
  { map: /^(ResourceProperties|OldResourceProperties)$/, keep: ['ServiceToken'], why: "CloudFormation: the custom resource's properties in the template (ServiceToken is AWS's)" },
  { map: /(^|\.)(slots|resolvedSlots|slotDetails|sessionAttributes|requestAttributes)$/, why: 'Lex and Alexa slot names, session and request attributes' },
  { map: /^session\.attributes$/, why: 'Alexa session attributes' },
  { map: /^Details\.(Parameters|ContactData\.Attributes)$/, why: 'Connect contact attributes and flow parameters' },
  { map: /^(\[\]\.)?(arguments|stash|source|prev|info\.variables|identity\.claims|identity\.resolverContext)$|^requestHeaders$/, why: 'AppSync field arguments, stash, parent, variables, token claims, request headers' },
  { map: /^requestContext\.authorizer\.(claims|lambda|jwt\.claims)$/, why: 'API Gateway authorizer claims and Lambda authorizer context' },
  { map: /^(deviceInfo|placementInfo)\.attributes$|^placementInfo\.devices$|^parameters$/, why: 'IoT 1-Click device and placement attributes, IoT provisioning template parameters' },
  { map: /^datasetRecords$/, values: 'keyed', why: 'Cognito Sync record names' },
  { map: /^job\.userArguments$/, why: 'S3 Batch Operations user arguments' },
  { map: /^state$/, why: "Kinesis and DynamoDB tumbling windows: the handler's own state" },
  { map: /\.claimsToAddOrOverride$/, why: 'Cognito pre token generation: the claims a handler adds' },
  { map: /^messages\[\]\.properties$/, why: "ActiveMQ message properties (the sender's)" },
];

/** Kafka's records (by topic-partition) and RabbitMQ's messages (by queue): data keys whose values have AWS's keys. */
const KAFKA: readonly DataMap[] = [
  { map: /^records$/, values: 'keyed', why: 'Kafka records by topic-partition' },
  { map: /^records\[\*\]\[\]\.headers\[\]$/, why: 'Kafka record header names' },
];
const RABBIT: readonly DataMap[] = [{ map: /^rmqMessagesByQueue$/, values: 'keyed', why: 'RabbitMQ messages by queue' }];

/** What a sample is: one of our events (by id, existing or not yet), or not an event (a response a handler returns). */
interface SampleMapping {
  readonly id: string | null;
  readonly source: string;
  readonly inner?: readonly InnerJson[];
  readonly maps?: readonly DataMap[];
  /** Paths of the sample that are not AWS's (a typo in a template, a field the Go library adds), with the reason. */
  readonly ignore?: { readonly paths: readonly string[]; readonly why: string };
  /** Parameters that select the sample's variant of our event (SAM's Alexa smart home templates are payload version 2). */
  readonly params?: Readonly<Record<string, string>>;
  /** More of our events whose paths count too, for a sample that mixes kinds ours keep apart. */
  readonly also?: readonly { readonly id: string; readonly params?: Readonly<Record<string, string>> }[];
  /** Compare only what is under `theirs` in the sample with what is under `ours` in our event (the same object, wrapped differently). */
  readonly rebase?: { readonly theirs?: string; readonly ours?: string };
}

/** The paths under `root`, written relative to it; every path when there is no root. */
function under(paths: ReadonlySet<string>, root: string | undefined): Set<string> {
  if (root === undefined) return new Set(paths);
  return new Set([...paths].filter((p) => p.startsWith(`${root}.`)).map((p) => p.slice(root.length + 1)));
}

const SNS_MESSAGE: readonly InnerJson[] = [{ path: 'Records[].Sns.Message', encoding: 'json' }];
const CONFIG_INVOKING: readonly InnerJson[] = [{ path: 'invokingEvent', encoding: 'json' }];
const CWL_DATA: readonly InnerJson[] = [{ path: 'awslogs.data', encoding: 'base64 gzip json' }];
const FIREHOSE_CWL: readonly InnerJson[] = [{ path: 'records[].data', encoding: 'base64 gzip json' }];

/** A REST Lambda authorizer's context: its own keys beside API Gateway's principalId and integrationLatency. */
const REST_AUTHORIZER_CONTEXT: readonly DataMap[] = [
  { map: /^requestContext\.authorizer$/, keep: ['principalId', 'integrationLatency', 'claims'], why: "a REST Lambda authorizer's context keys (clientId…)" },
];
/** The token changes a pre token generation function returns: Cognito sends them null, the samples show a function's. */
const TOKEN_OVERRIDES: readonly DataMap[] = [
  { map: /^response\.(claimsOverrideDetails|claimsAndScopeOverrideDetails)$/, why: 'what the function returns (Cognito sends it null)' },
];

const NOT_EVENT = (source: string): SampleMapping => ({ id: null, source });

/** SAM CLI's services → trigger source; its event names are our ids. */
function samSource(service: string, event: string): string {
  if (service === 'cloudwatch') return event === 'logs' ? 'CloudWatch Logs' : 'EventBridge';
  if (service === 'kinesis') return event.startsWith('analytics') ? 'Kinesis Data Analytics' : 'Kinesis';
  const names: Record<string, string> = {
    'alexa-skills-kit': 'Alexa', 'alexa-smart-home': 'Alexa', alb: 'ALB', apigateway: 'API Gateway', appsync: 'AppSync', batch: 'Batch',
    cloudformation: 'CloudFormation', cloudfront: 'CloudFront', codecommit: 'CodeCommit', codepipeline: 'CodePipeline', cognito: 'Cognito',
    config: 'Config', connect: 'Connect', dynamodb: 'DynamoDB', lex: 'Lex', 'lex-v2': 'Lex', rekognition: 'Rekognition', s3: 'S3',
    sagemaker: 'SageMaker', ses: 'SES', sns: 'SNS', sqs: 'SQS', stepfunctions: 'Step Functions', workmail: 'WorkMail',
  };
  return names[service] ?? service;
}

function samMapping(service: string, event: string): SampleMapping {
  const id = `${service} ${event}`;
  const inner = service === 'config' ? CONFIG_INVOKING : id === 'cloudwatch logs' ? CWL_DATA : id === 'kinesis cloudwatch-logs-processor' ? FIREHOSE_CWL : undefined;
  // SAM's template spells it deliverySteamArn; Firehose sends deliveryStreamArn.
  const ignore = id === 'kinesis streams-as-source' ? { paths: ['deliverySteamArn'], why: 'a typo in the template' } : undefined;
  const params = service === 'alexa-smart-home' ? { payloadVersion: '2' } : undefined;
  // SAM's http-api-proxy template is a JWT-authorized request; ours keeps that as http-api-jwt beside the unauthorized one.
  const also = id === 'apigateway http-api-proxy' ? [{ id: 'apigateway http-api-jwt' }] : undefined;
  return { id, source: samSource(service, event), inner, ignore, params, also };
}

const GO_DECODED = { paths: ['Records[].s3.object.urlDecodedKey'], why: "added by aws-lambda-go's decoder; S3 does not send it" };
/** aws-lambda-go's events/testdata/<file>.json → our id (the nearest SAM-style one). */
const GO_SAMPLES: Readonly<Record<string, SampleMapping>> = {
  'activemq-event': { id: 'mq activemq', source: 'MQ' },
  'alb-lambda-target-request-headers-only': { id: 'alb request', source: 'ALB' },
  'alb-lambda-target-request-multivalue-headers': { id: 'alb request-multi-value', source: 'ALB' },
  'alb-lambda-target-response': NOT_EVENT('ALB'),
  'apigw-custom-auth-request-type-request': { id: 'apigateway request-authorizer', source: 'API Gateway' },
  'apigw-custom-auth-request': { id: 'apigateway authorizer', source: 'API Gateway' },
  'apigw-custom-auth-response': NOT_EVENT('API Gateway'),
  'apigw-request': { id: 'apigateway aws-proxy-lambda-authorizer', source: 'API Gateway', maps: REST_AUTHORIZER_CONTEXT },
  'apigw-response': NOT_EVENT('API Gateway'),
  // An OpenAPI-defined method (operationName, which aws-proxy has) behind a Lambda authorizer.
  'apigw-restapi-openapi-request': { id: 'apigateway aws-proxy-lambda-authorizer', source: 'API Gateway', maps: REST_AUTHORIZER_CONTEXT, also: [{ id: 'apigateway aws-proxy' }] },
  'apigw-v2-custom-authorizer-v1-request': { id: 'apigateway http-api-authorizer-v1', source: 'API Gateway' },
  'apigw-v2-custom-authorizer-v2-request': { id: 'apigateway http-api-authorizer', source: 'API Gateway' },
  'apigw-v2-request-iam': { id: 'apigateway http-api-iam', source: 'API Gateway' },
  'apigw-v2-request-jwt-authorizer': { id: 'apigateway http-api-jwt', source: 'API Gateway' },
  'apigw-v2-request-lambda-authorizer': { id: 'apigateway http-api-lambda-authorizer', source: 'API Gateway' },
  'apigw-v2-request-no-authorizer': { id: 'apigateway http-api-proxy', source: 'API Gateway' },
  'apigw-websocket-request-disconnect': { id: 'apigateway websocket-disconnect', source: 'API Gateway' },
  'apigw-websocket-request-send-message': { id: 'apigateway websocket-message', source: 'API Gateway' },
  'apigw-websocket-request': {
    id: 'apigateway websocket-connect',
    source: 'API Gateway',
    ignore: {
      paths: ['body', 'httpMethod', 'path', 'pathParameters', 'resource', 'stageVariables', 'requestContext.accountId', 'requestContext.authorizer', 'requestContext.authorizer.clientId', 'requestContext.authorizer.clientName', 'requestContext.authorizer.principalId', 'requestContext.error', 'requestContext.httpMethod', 'requestContext.integrationLatency', 'requestContext.resourceId', 'requestContext.resourcePath', 'requestContext.status'],
      why: "REST API fields aws-lambda-go's shared struct writes into its WebSocket sample; a $connect event (API Gateway's WebSocket docs) has none of them",
    },
  },
  // These two are only a resolver event's `identity`: a Cognito user pool caller (appsync resolver's) and an IAM one.
  'appsync-identity-cognito': { id: 'appsync resolver', source: 'AppSync', rebase: { ours: 'identity' }, maps: [{ map: /^claims$/, why: "the user pool token's claims" }] },
  'appsync-identity-iam': { id: 'appsync resolver-iam-identity', source: 'AppSync', rebase: { ours: 'identity' } },
  'appsync-lambda-auth-request': { id: 'appsync authorizer', source: 'AppSync' },
  'appsync-lambda-auth-response': NOT_EVENT('AppSync'),
  'autoscaling-event-launch-successful': { id: 'eventbridge autoscaling-instance-launch-successful', source: 'EventBridge' },
  'autoscaling-event-launch-unsuccessful': { id: 'eventbridge autoscaling-instance-launch-unsuccessful', source: 'EventBridge' },
  'autoscaling-event-lifecycle-action': { id: 'eventbridge autoscaling-instance-launch-lifecycle', source: 'EventBridge' },
  'autoscaling-event-terminate-action': { id: 'eventbridge autoscaling-instance-terminate-lifecycle', source: 'EventBridge' },
  'autoscaling-event-terminate-successful': { id: 'eventbridge autoscaling-instance-terminate-successful', source: 'EventBridge' },
  'autoscaling-event-terminate-unsuccessful': { id: 'eventbridge autoscaling-instance-terminate-unsuccessful', source: 'EventBridge' },
  'clientvpn-connectionhandler-request': { id: 'clientvpn connection-handler', source: 'Client VPN' },
  'cloudwatch-alarm-sns-payload-multiple-metrics': { id: 'sns cloudwatch-alarm-metric-math', source: 'SNS', inner: SNS_MESSAGE },
  'cloudwatch-alarm-sns-payload-single-metric': { id: 'sns cloudwatch-alarm', source: 'SNS', inner: SNS_MESSAGE },
  'cloudwatch-logs-event': { id: 'cloudwatch logs', source: 'CloudWatch Logs', inner: CWL_DATA },
  'code-commit-event': { id: 'codecommit repository', source: 'CodeCommit' },
  'codebuild-phase-change': { id: 'eventbridge codebuild-build-phase-change', source: 'EventBridge' },
  'codebuild-state-change': { id: 'eventbridge codebuild-build-state-change', source: 'EventBridge' },
  'codedeploy-deployment-event': { id: 'eventbridge codedeploy-deployment-state-change', source: 'EventBridge' },
  'codedeploy-instance-event': { id: 'eventbridge codedeploy-instance-state-change', source: 'EventBridge' },
  'codepipeline-action-execution-stage-change-event': { id: 'eventbridge codepipeline-action-execution-state-change', source: 'EventBridge' },
  'codepipeline-execution-stage-change-event': { id: 'eventbridge codepipeline-stage-execution-state-change', source: 'EventBridge' },
  'codepipeline-execution-state-change-event': { id: 'eventbridge codepipeline-execution-state-change', source: 'EventBridge' },
  // It carries a continuationToken: a job that continues an earlier run.
  'codepipeline-job-event': { id: 'codepipeline job-continuation', source: 'CodePipeline' },
  'cognito-event-userpools-create-auth-challenge': { id: 'cognito-user-pool create-auth-challenge', source: 'Cognito' },
  'cognito-event-userpools-custommessage': { id: 'cognito-user-pool custom-message', source: 'Cognito' },
  'cognito-event-userpools-define-auth-challenge': { id: 'cognito-user-pool define-auth-challenge', source: 'Cognito' },
  'cognito-event-userpools-inbound-federation-oidc': { id: 'cognito-user-pool inbound-federation-oidc', source: 'Cognito' },
  'cognito-event-userpools-inbound-federation-saml': { id: 'cognito-user-pool inbound-federation-saml', source: 'Cognito' },
  'cognito-event-userpools-migrateuser': { id: 'cognito-user-pool user-migration', source: 'Cognito', ignore: { paths: ['response.desiredDeliveryMediums[]'], why: 'what the function returns; Cognito sends the response fields null' } },
  'cognito-event-userpools-postauthentication': { id: 'cognito-user-pool post-authentication', source: 'Cognito' },
  'cognito-event-userpools-postconfirmation': { id: 'cognito-user-pool post-confirmation', source: 'Cognito' },
  'cognito-event-userpools-preauthentication': { id: 'cognito-user-pool pre-authentication', source: 'Cognito' },
  'cognito-event-userpools-presignup': { id: 'cognito-user-pool pre-signup', source: 'Cognito' },
  'cognito-event-userpools-pretokengen-v2': { id: 'cognito-user-pool pre-token-generation-v2', source: 'Cognito', maps: TOKEN_OVERRIDES },
  'cognito-event-userpools-pretokengen-v2_0': { id: 'cognito-user-pool pre-token-generation-v2', source: 'Cognito', maps: TOKEN_OVERRIDES },
  'cognito-event-userpools-pretokengen': { id: 'cognito-user-pool pre-token-generation', source: 'Cognito', maps: TOKEN_OVERRIDES, ignore: { paths: ['request.groupConfiguration.iamRolesToOverride[]'], why: "a role of the sample's groups (data: a user whose groups have no IAM role has none)" } },
  'cognito-event-userpools-verify-auth-challenge': { id: 'cognito-user-pool verify-auth-challenge-response', source: 'Cognito' },
  'cognito-event': { id: 'cognito sync-trigger', source: 'Cognito' },
  // Its invokingEvent is a ConfigurationSnapshotDeliveryCompleted message (a delivery notice, not a rule evaluation):
  // the rule-level keys are compared, the message's own are not.
  'config-event': { id: 'config periodic-rule', source: 'Config' },
  'connect-event': { id: 'connect contact-flow-event', source: 'Connect' },
  'dynamodb-event-malformed.2': NOT_EVENT('DynamoDB'),
  // Its records mix a write with a TTL deletion (userIdentity), which our events keep apart.
  'dynamodb-event': { id: 'dynamodb insert', source: 'DynamoDB', also: [{ id: 'dynamodb ttl-expire' }] },
  'dynamodb-time-window-event': { id: 'dynamodb tumbling-window', source: 'DynamoDB' },
  'ecr-image-push-event': { id: 'eventbridge ecr-image-push', source: 'EventBridge' },
  'ecr-image-scan-event': { id: 'eventbridge ecr-image-scan', source: 'EventBridge' },
  'ecs-container-instance-state-change': { id: 'eventbridge ecs-container-instance-state-change', source: 'EventBridge' },
  'iot-1-click-event': { id: 'iot 1-click', source: 'IoT' },
  'iot-button-event': { id: 'iot button', source: 'IoT' },
  // Its protocolData has MQTT, TLS and HTTP at once; ours are an MQTT and an HTTP connection.
  'iot-custom-auth-request': { id: 'iot custom-authorizer', source: 'IoT', also: [{ id: 'iot custom-authorizer-http' }] },
  'iot-custom-auth-response': NOT_EVENT('IoT'),
  'iot-preprovision-hook-request': { id: 'iot pre-provisioning-hook', source: 'IoT' },
  'iot-preprovision-hook-response': NOT_EVENT('IoT'),
  'kafka-event': { id: 'kafka msk', source: 'Kafka', maps: KAFKA },
  'kinesis-analytics-output-delivery-event': { id: 'kinesis analytics-output-delivery', source: 'Kinesis Data Analytics' },
  'kinesis-analytics-output-delivery-response': NOT_EVENT('Kinesis Data Analytics'),
  'kinesis-event': { id: 'kinesis get-records', source: 'Kinesis' },
  // A Firehose stream reading a Kinesis data stream (sourceKinesisStreamArn, kinesisRecordMetadata).
  'kinesis-firehose-event': { id: 'kinesis streams-as-source', source: 'Kinesis' },
  'kinesis-firehose-response': NOT_EVENT('Kinesis'),
  'kinesis-time-window-event': { id: 'kinesis tumbling-window', source: 'Kinesis' },
  'lambda-urls-request': { id: 'lambda function-url-iam', source: 'Lambda function URLs' },
  'lambda-urls-response': NOT_EVENT('Lambda function URLs'),
  'lex-event': { id: 'lex order-flowers', source: 'Lex' },
  'lex-response': NOT_EVENT('Lex'),
  'rabbitmq-event': { id: 'mq rabbitmq', source: 'MQ', maps: RABBIT },
  's3-batch-job-event-request-1.0': { id: 's3 batch-invocation', source: 'S3' },
  's3-batch-job-event-request-2.0': { id: 's3 batch-invocation-v2', source: 'S3' },
  's3-batch-job-event-response': NOT_EVENT('S3'),
  's3-event-with-decoded': { id: 's3 put', source: 'S3', ignore: GO_DECODED },
  's3-event': { id: 's3 put', source: 'S3' },
  's3-glacier-event': { id: 's3 restore-completed', source: 'S3', ignore: GO_DECODED },
  's3-intelligenttier-event': { id: 's3 intelligent-tiering', source: 'S3', ignore: GO_DECODED },
  's3-lifecycle-event': { id: 's3 lifecycle-transition', source: 'S3', ignore: GO_DECODED },
  's3-object-lambda-event-get-object-assumed-role': { id: 's3 object-lambda-get', source: 'S3', params: { identity: 'AssumedRole' } },
  's3-object-lambda-event-get-object-iam': { id: 's3 object-lambda-get', source: 'S3' },
  's3-object-lambda-event-head-object-iam': { id: 's3 object-lambda-head', source: 'S3' },
  's3-object-lambda-event-list-objects-iam': { id: 's3 object-lambda-list', source: 'S3' },
  's3-object-lambda-event-list-objects-v2-iam': { id: 's3 object-lambda-list-v2', source: 'S3' },
  's3-replication-event': { id: 's3 replication-failed', source: 'S3', ignore: GO_DECODED },
  's3-restore-event': {
    id: 's3 restore-completed',
    source: 'S3',
    ignore: {
      paths: ['Records[].s3.object.urlDecodedKey', 'Records[].restoreEventData', 'Records[].restoreEventData.lifecycleRestorationExpiryTime', 'Records[].restoreEventData.lifecycleRestoreStorageClass'],
      why: "aws-lambda-go's own fields: S3 sends restoreEventData inside glacierEventData (also in this sample), and no urlDecodedKey",
    },
  },
  'secretsmanager-secret-rotation-event': { id: 'secretsmanager rotation', source: 'Secrets Manager' },
  // dmarcPolicy is there only when the mail fails DMARC, as in this sample.
  'ses-lambda-event': { id: 'ses email-receiving', source: 'SES', params: { dmarcPolicy: 'reject' } },
  // These two are the receipt notifications of SES's S3 and SNS actions, which reach a function as an SNS message; the
  // samples put the same notification in an SES-event record, so compare what is inside each.
  // Both samples are of a mail that failed DMARC; the SNS one has a Cc header.
  'ses-s3-event': { id: 'ses s3-action-notification', source: 'SES', params: { dmarcPolicy: 'reject' }, rebase: { theirs: 'Records[].ses', ours: 'Records[].Sns.Message(json)' }, inner: SNS_MESSAGE },
  'ses-sns-event': { id: 'ses sns-action-notification', source: 'SES', params: { dmarcPolicy: 'reject', cc: 'carol@example.com' }, rebase: { theirs: 'Records[].ses', ours: 'Records[].Sns.Message(json)' }, inner: SNS_MESSAGE },
  'sns-event': { id: 'sns notification', source: 'SNS' },
  // Its messages have message attributes (and so md5OfMessageAttributes).
  'sqs-event': { id: 'sqs receive-message-with-attributes', source: 'SQS' },
};

/** A fixed clock and ids, so two runs print the same figures. */
const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

interface SampleResult extends Comparison {
  readonly name: string;
  readonly id: string;
  readonly source: string;
  readonly kindMissing: boolean;
}

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

interface RawSample {
  readonly name: string;
  /** Parsed only for a sample that is an event (dynamodb-event-malformed is not JSON). */
  readonly json: () => unknown;
  readonly mapping: SampleMapping | undefined;
}

interface SamTag {
  readonly default?: string;
  readonly type?: string;
  readonly encoding?: string;
}

/** A SAM CLI tag's default as `sam local generate-event` substitutes it (base64 and URL encodings applied). */
export function samTagValue(tag: SamTag): PlaceholderValue | undefined {
  if (tag.default === undefined) return undefined;
  if (tag.type === 'dict') return { json: JSON.parse(tag.default) as unknown };
  if (tag.encoding === 'base64') return Buffer.from(tag.default, 'utf8').toString('base64');
  if (tag.encoding === 'url') return encodeURIComponent(tag.default).replace(/%2F/g, '/');
  return tag.default;
}

function samSamples(): RawSample[] {
  const mapping = JSON.parse(git(SAM_REPO, 'show', `HEAD:${SAM_DIR}/event-mapping.json`)) as Record<string, Record<string, { filename: string; tags?: Record<string, SamTag> }>>;
  const samples: RawSample[] = [];
  for (const [service, events] of Object.entries(mapping)) {
    for (const [event, spec] of Object.entries(events)) {
      const values: Record<string, PlaceholderValue> = {};
      for (const [tag, props] of Object.entries(spec.tags ?? {})) {
        const value = samTagValue(props);
        if (value !== undefined) values[tag.replace(/-/g, '_')] = value;
      }
      const text = git(SAM_REPO, 'show', `HEAD:${SAM_DIR}/events/${service}/${spec.filename}.json`);
      samples.push({ name: `sam ${service} ${event}`, json: () => JSON.parse(renderTemplate(text, values)) as unknown, mapping: samMapping(service, event) });
    }
  }
  return samples;
}

function goSamples(): RawSample[] {
  const files = git(GO_REPO, 'ls-tree', '--name-only', 'HEAD', 'events/testdata/').split('\n').filter((f) => f.endsWith('.json'));
  return files.map((file) => {
    const base = path.basename(file, '.json');
    return { name: `go ${base}`, json: () => JSON.parse(git(GO_REPO, 'show', `HEAD:${file}`)) as unknown, mapping: GO_SAMPLES[base] };
  });
}

function measure(samples: readonly RawSample[]): { results: SampleResult[]; notEvents: string[]; unmapped: string[] } {
  const byId = new Map(CATALOG.map((e) => [eventId(e), e]));
  const results: SampleResult[] = [];
  const notEvents: string[] = [];
  const unmapped: string[] = [];
  for (const sample of samples) {
    const mapping = sample.mapping;
    if (!mapping) {
      unmapped.push(sample.name);
      continue;
    }
    if (mapping.id === null) {
      notEvents.push(sample.name);
      continue;
    }
    const maps = [...DATA_MAPS, ...(mapping.maps ?? [])];
    const theirsAll = collapsePaths(eventPaths(sample.json(), mapping.inner), maps);
    for (const p of mapping.ignore?.paths ?? []) theirsAll.delete(p);
    const theirs = under(theirsAll, mapping.rebase?.theirs);
    const ours = byId.get(mapping.id);
    const variants = [{ id: mapping.id, params: mapping.params }, ...(mapping.also ?? [])];
    const oursPaths = ours
      ? new Set(
          variants.flatMap(({ id, params }) => {
            const event = byId.get(id);
            return event ? [...under(collapsePaths(eventPaths(generateEvent(event, params ?? {}, FIXED), mapping.inner), maps), mapping.rebase?.ours)] : [];
          }),
        )
      : undefined;
    results.push({ name: sample.name, id: mapping.id, source: mapping.source, kindMissing: !ours, ...compare(theirs, oursPaths) });
  }
  return { results, notEvents, unmapped };
}

function missingText(missing: readonly string[], limit = 4): string {
  if (missing.length === 0) return '';
  const shown = missing.slice(0, limit).join(', ');
  return missing.length > limit ? `${shown} … (+${missing.length - limit})` : shown;
}

function main(): number {
  const absent = [SAM_REPO, GO_REPO].filter((repo) => !existsSync(repo));
  if (absent.length > 0) {
    console.log(`events-coverage needs local clones of AWS's samples, not found: ${absent.join(', ')}.`);
    console.log('Get them with `git clone https://github.com/aws/aws-sam-cli` and `git clone https://github.com/aws/aws-lambda-go`,');
    console.log('then point SE_SAM_CLI_REPO and SE_LAMBDA_GO_REPO at them. Nothing measured.');
    return 0;
  }
  const { results, notEvents, unmapped } = measure([...samSamples(), ...goSamples()]);

  printTable([
    ['sample', 'our event', 'their paths', 'our paths', 'present', 'missing paths'],
    ...results.map((r) => [r.name, r.kindMissing ? `${r.id} (none yet)` : r.id, String(r.theirs), String(r.ours), percentText(percentPresent([r])), r.kindMissing ? '(the whole kind)' : missingText(r.missing)]),
  ]);

  const sources = [...new Set([...SEED_SOURCES, ...results.map((r) => r.source)])];
  const over: string[] = [];
  const sourceRows = sources.map((source) => {
    const ofSource = results.filter((r) => r.source === source);
    const seed = SEED_SOURCES.includes(source);
    const value = percentPresent(ofSource);
    const met = !seed || value >= SEED_GOAL;
    if (!met) over.push(`${source}: ${percentText(value)} of their key paths, goal ≥ ${SEED_GOAL} %`);
    const kindsMissing = ofSource.filter((r) => r.kindMissing).length;
    return [source, String(ofSource.length), kindsMissing ? String(kindsMissing) : '', percentText(value), percentText(percentPresent(ofSource.filter((r) => !r.kindMissing))), seed ? `≥ ${SEED_GOAL} %` : '', seed ? (met ? 'met' : 'MISSED') : ''];
  });
  const overall = percentPresent(results);
  if (overall < OVERALL_GOAL) over.push(`everything: ${percentText(overall)} of their key paths, goal ≥ ${OVERALL_GOAL} %`);
  const missingKinds = [...new Set(results.filter((r) => r.kindMissing).map((r) => r.id))].sort();
  const samMissing = [...new Set(results.filter((r) => r.kindMissing && r.name.startsWith('sam ')).map((r) => r.id))];
  if (samMissing.length > 0) over.push(`SAM CLI event kinds missing: ${samMissing.join(', ')}`);
  console.log('');
  printTable([
    ['trigger source', 'samples', 'kinds missing', 'their key paths present', 'in the kinds we have', 'goal', ''],
    ...sourceRows,
    ['everything', String(results.length), String(results.filter((r) => r.kindMissing).length), percentText(overall), percentText(percentPresent(results.filter((r) => !r.kindMissing))), `≥ ${OVERALL_GOAL} %`, overall >= OVERALL_GOAL ? 'met' : 'MISSED'],
  ]);

  console.log('');
  console.log(`Missing kinds (${missingKinds.length}): ${missingKinds.join(', ') || 'none'}`);
  console.log(`Not events (responses a handler returns, malformed input), not measured: ${notEvents.map((n) => n.replace(/^go /, '')).join(', ')}`);
  if (unmapped.length > 0) console.log(`Samples the table does not know yet (add them to GO_SAMPLES): ${unmapped.join(', ')}`);
  console.log('');
  console.log('Their key paths our events lack, by event (every sample of it together):');
  const gaps = new Map<string, Set<string>>();
  for (const r of results.filter((x) => !x.kindMissing && x.missing.length > 0)) {
    const set = gaps.get(r.id) ?? new Set<string>();
    for (const p of r.missing) set.add(p);
    gaps.set(r.id, set);
  }
  for (const [id, paths] of [...gaps.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))) {
    console.log(`  ${id} (${paths.size}): ${[...paths].join(', ')}`);
  }
  console.log('');
  if (unmapped.length > 0) over.push(`${unmapped.length} sample(s) not in the table`);
  console.log(over.length === 0 ? 'Every goal met.' : `Goals missed:\n  ${over.join('\n  ')}`);
  return over.length === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
