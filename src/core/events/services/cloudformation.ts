import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEventCommon,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, json, sha256 } from '../helpers';

const GROUP = 'AWS CloudFormation';
const RESOURCE_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  stackName: { default: 'my-stack', description: 'Stack name' },
  logicalResourceId: { default: 'MyCustomResource', description: 'Logical id of the custom resource in the template' },
  resourceType: { default: 'Custom::MyResource', description: 'Resource type, Custom::<name>' },
  functionName: { default: 'my-custom-resource-provider', description: 'Function name (the ServiceToken)' },
  properties: { default: '{"BucketName":"amzn-s3-demo-bucket","Retain":"true"}', description: 'Resource properties (JSON object), as in the template' },
};
const PHYSICAL_ID = { default: 'my-stack-MyCustomResource-1A2B3C4D5E6F', description: 'Physical id the provider returned on create' };

type ResourceParams = Readonly<Record<keyof typeof RESOURCE_PARAMS, string>>;
type Common = CloudFormationCustomResourceEventCommon;

function properties(name: string, value: string): Record<string, unknown> {
  const parsed = json(name, value);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError(`Parameter ${name} must be a JSON object, not ${value}.`);
  return parsed as Record<string, unknown>;
}

/** The pre-signed S3 URL CloudFormation waits on: the key is "<StackId>|<LogicalResourceId>|<RequestId>", URL-encoded with slashes kept. */
function responseUrl(region: string, stackId: string, logicalId: string, requestId: string, now: Date): string {
  const host = `cloudformation-custom-resource-response-${region.replace(/-/g, '')}.s3.${region === 'us-east-1' ? '' : `${region}.`}amazonaws.com`;
  const key = encodeURIComponent(`${stackId}|${logicalId}|${requestId}`).replace(/%2F/g, '/');
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const credential = encodeURIComponent(`AKIA6GOVEXAMPLEKEY7Q/${amzDate.slice(0, 8)}/${region}/s3/aws4_request`);
  const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${amzDate}&X-Amz-SignedHeaders=host&X-Amz-Expires=7200&X-Amz-Credential=${credential}`;
  return `https://${host}/${key}?${query}&X-Amz-Signature=${sha256(`${host}/${key}?${query}`)}`;
}

/** The fields all three requests share, in the order CloudFormation sends them. */
function common(p: ResourceParams, ctx: { now: Date; uuid(): string }): Common {
  if (!p.resourceType.startsWith('Custom::')) throw new TypeError(`Parameter resourceType must start with "Custom::", not "${p.resourceType}".`);
  const serviceToken = arn('lambda', p.region, p.account, `function:${p.functionName}`);
  const stackId = arn('cloudformation', p.region, p.account, `stack/${p.stackName}/${ctx.uuid()}`);
  const requestId = ctx.uuid();
  return {
    ServiceToken: serviceToken,
    ResponseURL: responseUrl(p.region, stackId, p.logicalResourceId, requestId, ctx.now),
    StackId: stackId,
    RequestId: requestId,
    LogicalResourceId: p.logicalResourceId,
    ResourceType: p.resourceType,
    ResourceProperties: { ServiceToken: serviceToken, ...properties('properties', p.properties) },
  };
}

export const cloudformationEvents = [
  defineEvent<CloudFormationCustomResourceCreateEvent>()({
    service: 'cloudformation',
    event: 'create-request',
    title: 'CloudFormation custom resource Create request',
    group: GROUP,
    params: RESOURCE_PARAMS,
    build: (p, ctx) => ({ RequestType: 'Create', ...common(p, ctx) }),
  }),
  defineEvent<CloudFormationCustomResourceUpdateEvent>()({
    service: 'cloudformation',
    event: 'update-request',
    title: 'CloudFormation custom resource Update request',
    group: GROUP,
    params: {
      ...RESOURCE_PARAMS,
      physicalResourceId: PHYSICAL_ID,
      oldProperties: { default: '{"BucketName":"amzn-s3-demo-bucket","Retain":"false"}', description: 'Properties before the update (JSON object)' },
    },
    build: (p, ctx) => {
      const request = common(p, ctx);
      return {
        RequestType: 'Update',
        ...request,
        PhysicalResourceId: p.physicalResourceId,
        OldResourceProperties: { ServiceToken: request.ServiceToken, ...properties('oldProperties', p.oldProperties) },
      };
    },
  }),
  defineEvent<CloudFormationCustomResourceDeleteEvent>()({
    service: 'cloudformation',
    event: 'delete-request',
    title: 'CloudFormation custom resource Delete request',
    group: GROUP,
    params: { ...RESOURCE_PARAMS, physicalResourceId: PHYSICAL_ID },
    build: (p, ctx) => ({ RequestType: 'Delete', ...common(p, ctx), PhysicalResourceId: p.physicalResourceId }),
  }),
];
