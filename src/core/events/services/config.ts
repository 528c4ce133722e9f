import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, isoTime, json, md5, sha256 } from '../helpers';

const GROUP = 'AWS Config';
const RULE_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  ruleName: { default: 'required-tags', description: 'Config rule name' },
  ruleParameters: { default: '{"tag1Key":"CostCenter"}', description: 'Rule parameters (JSON object)' },
};
const INSTANCE = { default: 'i-0123456789abcdef0', description: 'EC2 instance id (the resource evaluated)' };
const RESOURCE_TYPE = 'AWS::EC2::Instance';

type RuleParams = Readonly<Record<keyof typeof RULE_PARAMS, string>>;
type Ctx = { now: Date; uuid(): string };

/**
 * The event Config sends a custom rule's function. @types/aws-lambda has no type for it: invokingEvent and
 * ruleParameters are JSON strings inside the event.
 */
function ruleEvent(p: RuleParams, ctx: Ctx, invokingEvent: Record<string, unknown>): Record<string, unknown> {
  const parameters = json('ruleParameters', p.ruleParameters);
  if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters)) throw new TypeError(`Parameter ruleParameters must be a JSON object, not ${p.ruleParameters}.`);
  const configRuleId = `config-rule-${sha256(`${p.account}/${p.region}/${p.ruleName}`).slice(0, 6)}`;
  return {
    configRuleId,
    version: '1.0',
    configRuleName: p.ruleName,
    configRuleArn: arn('config', p.region, p.account, `config-rule/${configRuleId}`),
    invokingEvent: JSON.stringify(invokingEvent),
    resultToken: Buffer.from(`${ctx.uuid()}:${sha256(configRuleId + ctx.now.toISOString())}`).toString('base64'),
    eventLeftScope: false,
    ruleParameters: JSON.stringify(parameters),
    executionRoleArn: arn('iam', '', p.account, 'role/config-role'),
    accountId: p.account,
  };
}

/** The fields a configuration item and its summary share. */
function itemCore(p: RuleParams, instanceId: string, ctx: Ctx) {
  return {
    configurationItemVersion: '1.3',
    configurationItemCaptureTime: isoTime(ctx.now),
    configurationStateId: ctx.now.getTime(),
    awsAccountId: p.account,
    configurationItemStatus: 'OK',
    resourceType: RESOURCE_TYPE,
    resourceId: instanceId,
    resourceName: null,
    ARN: arn('ec2', p.region, p.account, `instance/${instanceId}`),
    awsRegion: p.region,
    availabilityZone: `${p.region}a`,
    configurationStateMd5Hash: '',
    resourceCreationTime: isoTime(new Date(ctx.now.getTime() - 86_400_000)),
  };
}

export const configEvents = [
  defineEvent<Record<string, unknown>>()({
    service: 'config',
    event: 'item-change-notification',
    title: 'AWS Config rule: configuration item change',
    group: GROUP,
    params: { ...RULE_PARAMS, instanceId: INSTANCE },
    build: (p, ctx) =>
      ruleEvent(p, ctx, {
        configurationItemDiff: {
          changedProperties: { 'Configuration.State.Name': { previousValue: 'stopped', updatedValue: 'running', changeType: 'UPDATE' } },
          changeType: 'UPDATE',
        },
        configurationItem: {
          relatedEvents: [],
          relationships: [
            { resourceId: 'sg-0a1b2c3d4e5f67890', resourceName: null, resourceType: 'AWS::EC2::SecurityGroup', name: 'Is associated with SecurityGroup' },
            { resourceId: 'subnet-0a1b2c3d4e5f67890', resourceName: null, resourceType: 'AWS::EC2::Subnet', name: 'Is contained in Subnet' },
            { resourceId: 'vol-0a1b2c3d4e5f67890', resourceName: null, resourceType: 'AWS::EC2::Volume', name: 'Is attached to Volume' },
            { resourceId: 'vpc-0a1b2c3d4e5f67890', resourceName: null, resourceType: 'AWS::EC2::VPC', name: 'Is contained in Vpc' },
          ],
          configuration: {
            instanceId: p.instanceId,
            imageId: 'ami-0abcdef1234567890',
            instanceType: 't3.micro',
            keyName: 'my-key-pair',
            launchTime: isoTime(new Date(ctx.now.getTime() - 3_600_000)),
            placement: { availabilityZone: `${p.region}a`, tenancy: 'default' },
            privateIpAddress: '10.0.0.12',
            state: { code: 16, name: 'running' },
            subnetId: 'subnet-0a1b2c3d4e5f67890',
            vpcId: 'vpc-0a1b2c3d4e5f67890',
            securityGroups: [{ groupName: 'web-server', groupId: 'sg-0a1b2c3d4e5f67890' }],
            tags: [{ key: 'Name', value: 'web-server' }],
          },
          supplementaryConfiguration: {},
          tags: { Name: 'web-server' },
          ...itemCore(p, p.instanceId, ctx),
          configurationStateMd5Hash: md5(`${p.instanceId}:running`),
        },
        notificationCreationTime: isoTime(ctx.now),
        messageType: 'ConfigurationItemChangeNotification',
        recordVersion: '1.3',
      }),
  }),
  defineEvent<Record<string, unknown>>()({
    service: 'config',
    event: 'oversized-item-change-notification',
    title: 'AWS Config rule: oversized configuration item change (item in S3)',
    group: GROUP,
    params: { ...RULE_PARAMS, instanceId: INSTANCE },
    build: (p, ctx) => {
      const day = ctx.now.toISOString().slice(0, 10).split('-').map(Number).join('/');
      const stamp = ctx.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      return ruleEvent(p, ctx, {
        configurationItemSummary: { changeType: 'UPDATE', ...itemCore(p, p.instanceId, ctx) },
        s3ObjectKey: `AWSLogs/${p.account}/Config/${p.region}/${day}/OversizedChangeNotification/${RESOURCE_TYPE}/${p.instanceId}/${p.account}_Config_${p.region}_ChangeNotification_${RESOURCE_TYPE}_${p.instanceId}_${stamp}_${ctx.now.getTime()}.json.gz`,
        s3BucketLocation: `config-bucket-${p.account}`,
        notificationCreationTime: isoTime(ctx.now),
        messageType: 'OversizedConfigurationItemChangeNotification',
        recordVersion: '1.0',
      });
    },
  }),
  defineEvent<Record<string, unknown>>()({
    service: 'config',
    event: 'periodic-rule',
    title: 'AWS Config rule: periodic evaluation',
    group: GROUP,
    params: RULE_PARAMS,
    build: (p, ctx) =>
      ruleEvent(p, ctx, {
        awsAccountId: p.account,
        notificationCreationTime: isoTime(ctx.now),
        messageType: 'ScheduledNotification',
        recordVersion: '1.0',
      }),
  }),
];
