import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventLookupError, eventId, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import { platformEvents } from '../../../../src/core/events/services/platform';
import type { EventContext, SampleEvent } from '../../../../src/core/events/types';

const UUID = '11111111-2222-4333-8444-555555555555';
const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => UUID };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function build(id: string, values: Record<string, string> = {}): Json {
  return generateEvent(findEventById(id), values, FIXED) as Json;
}

/** The choices a "must be one of A, B, C, not …" message lists. */
function choicesIn(message: string): string[] {
  const m = /must be one of (.+), not "/.exec(message);
  return m ? m[1].split(', ') : [];
}

/** A value different from the default for a parameter: the catalogue test's marker, or one the builder accepts. */
function changedValues(event: SampleEvent, name: string, fallback: string): string[] {
  const param = event.params.find((p) => p.name === name)!;
  const marker = name === 'region' ? 'eu-central-2' : name === 'account' ? '210987654321' : /^\d+$/.test(param.default) ? String(Number(param.default) + 7) : `${param.default}x`;
  return [marker, fallback];
}

const ids = platformEvents.map(eventId);

describe('core/events catalogue: platform triggers (EventBridge, CloudFormation, Config, IoT, Cognito)', () => {
  it('has at least 35 events, each id once, in one group per trigger source', () => {
    assert.ok(platformEvents.length >= 35, `${platformEvents.length} events`);
    assert.equal(new Set(ids).size, ids.length);
    const groups = new Set(platformEvents.map((e) => e.group));
    assert.deepEqual([...groups].sort(), ['AWS CloudFormation', 'AWS Config', 'AWS IoT', 'Amazon Cognito', 'Amazon EventBridge']);
  });

  for (const event of platformEvents) {
    it(`${eventId(event)}: every parameter reaches the event (a validated one rejects a bad value, naming itself)`, () => {
      const before = JSON.stringify(generateEvent(event, {}, FIXED));
      for (const param of event.params) {
        let changed = false;
        for (const value of changedValues(event, param.name, '{"probe":"changed"}')) {
          let built: unknown;
          try {
            built = generateEvent(event, { [param.name]: value }, FIXED);
          } catch (error) {
            assert.ok(error instanceof EventLookupError, `${param.name}: ${String(error)}`);
            assert.match(error.message, new RegExp(`\\b${param.name}\\b`), 'the message names the parameter');
            // A choice: each listed value builds, and one of them differs from the default.
            for (const choice of choicesIn(error.message)) {
              if (JSON.stringify(generateEvent(event, { [param.name]: choice }, FIXED)) !== before) changed = true;
            }
            continue;
          }
          if (JSON.stringify(built) !== before) changed = true;
        }
        assert.ok(changed, `changing ${param.name} changes nothing`);
      }
    });
  }

  describe('EventBridge', () => {
    const bridge = platformEvents.filter((e) => e.group === 'Amazon EventBridge');

    it('every event has the envelope, in AWS order, with time in whole seconds and the account and region given', () => {
      for (const event of bridge) {
        const built = generateEvent(event, { region: 'eu-central-2', account: '210987654321' }, FIXED) as Json;
        assert.deepEqual(Object.keys(built), ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'], eventId(event));
        assert.equal(built.time, '2026-11-26T14:05:09Z');
        assert.equal(built.account, '210987654321');
        assert.equal(built.region, 'eu-central-2');
        assert.ok(built.source.length > 0 && built['detail-type'].length > 0 && Array.isArray(built.resources));
      }
    });

    it('scheduled event: the rule ARN is the resource', () => {
      const built = build('cloudwatch scheduled-event', { rule: 'nightly' });
      assert.deepEqual(built.resources, ['arn:aws:events:us-east-1:123456789012:rule/nightly']);
      assert.equal(built['detail-type'], 'Scheduled Event');
      assert.deepEqual(built.detail, {});
    });

    it('custom: any JSON detail, source and detail-type arrive as given', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (detail, source, detailType) => {
          const built = build('eventbridge custom', { detail: JSON.stringify(detail), source, detailType });
          assert.deepEqual(built.detail, JSON.parse(JSON.stringify(detail)));
          assert.equal(built.source, source);
          assert.equal(built['detail-type'], detailType);
        }),
      );
    });

    it('S3 object created: the key is carried as is, the size as a number, the bucket ARN as the resource', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9.-]{2,20}[a-z0-9]$/), fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), fc.nat(), (bucket, key, size) => {
          const built = build('eventbridge s3-object-created', { bucket, key, size: String(size) });
          assert.equal(built.detail.object.key, key);
          assert.equal(built.detail.object.size, size);
          assert.equal(built.detail.bucket.name, bucket);
          assert.deepEqual(built.resources, [`arn:aws:s3:::${bucket}`]);
        }),
      );
    });

    it('Step Functions: a running execution has no stop date or output, a succeeded one has its output', () => {
      const running = build('eventbridge step-functions-execution-status-change', { status: 'RUNNING' }).detail;
      assert.equal(running.stopDate, null);
      assert.equal(running.output, null);
      const done = build('eventbridge step-functions-execution-status-change', { output: '{"ok":true}' }).detail;
      assert.equal(done.output, '{"ok":true}');
      assert.equal(done.stopDate, FIXED.now.getTime());
      assert.ok(done.startDate < done.stopDate);
      assert.ok(done.executionArn.endsWith(`:execution:order-workflow:${done.name}`));
    });

    it('CodeBuild: phases run back to back and end in COMPLETED at the event time', () => {
      const detail = build('eventbridge codebuild-build-state-change').detail;
      const phases = detail['additional-information'].phases;
      assert.equal(phases.at(-1)['phase-type'], 'COMPLETED');
      assert.equal(phases.at(-1)['start-time'], 'Nov 26, 2026 2:05:09 PM');
      for (let i = 1; i < phases.length; i++) assert.equal(phases[i]['start-time'], phases[i - 1]['end-time']);
      assert.equal(detail['build-id'], `arn:aws:codebuild:us-east-1:123456789012:build/my-project:${UUID}`);
    });
  });

  describe('CloudFormation', () => {
    it('the response URL is a pre-signed S3 URL whose key decodes to StackId|LogicalResourceId|RequestId', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,30}$/),
          fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,30}$/),
          fc.constantFrom('us-east-1', 'eu-central-2', 'ap-southeast-4'),
          fc.constantFrom('create-request', 'update-request', 'delete-request'),
          (stackName, logicalResourceId, region, kind) => {
            const built = build(`cloudformation ${kind}`, { stackName, logicalResourceId, region });
            const url = new URL(built.ResponseURL);
            assert.equal(url.protocol, 'https:');
            assert.match(url.hostname, new RegExp(`^cloudformation-custom-resource-response-${region.replace(/-/g, '')}\\.s3\\.`));
            assert.equal(decodeURIComponent(url.pathname.slice(1)), `${built.StackId}|${logicalResourceId}|${built.RequestId}`);
            assert.equal(url.searchParams.get('X-Amz-Algorithm'), 'AWS4-HMAC-SHA256');
            assert.match(built.StackId, new RegExp(`^arn:aws:cloudformation:${region}:123456789012:stack/${stackName}/[0-9a-f-]{36}$`));
          },
        ),
      );
    });

    it('properties arrive as given, with the ServiceToken CloudFormation adds; an update carries the old ones', () => {
      const built = build('cloudformation update-request', { properties: '{"Size":"2"}', oldProperties: '{"Size":"1"}', functionName: 'provider' });
      assert.equal(built.ServiceToken, 'arn:aws:lambda:us-east-1:123456789012:function:provider');
      assert.deepEqual(built.ResourceProperties, { ServiceToken: built.ServiceToken, Size: '2' });
      assert.deepEqual(built.OldResourceProperties, { ServiceToken: built.ServiceToken, Size: '1' });
      assert.equal(built.RequestType, 'Update');
      assert.ok(built.PhysicalResourceId);
      assert.throws(() => build('cloudformation create-request', { resourceType: 'AWS::S3::Bucket' }), /resourceType must start with "Custom::"/);
      assert.throws(() => build('cloudformation create-request', { properties: '[1]' }), /properties must be a JSON object/);
    });
  });

  describe('AWS Config', () => {
    it('invokingEvent and ruleParameters are JSON strings; rule parameters round-trip', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.string()), fc.constantFrom('config item-change-notification', 'config oversized-item-change-notification', 'config periodic-rule'), (parameters, id) => {
          const built = build(id, { ruleParameters: JSON.stringify(parameters) });
          assert.equal(typeof built.invokingEvent, 'string');
          assert.deepEqual(JSON.parse(built.ruleParameters), JSON.parse(JSON.stringify(parameters)));
          assert.equal(built.configRuleArn, `arn:aws:config:us-east-1:123456789012:config-rule/${built.configRuleId}`);
        }),
      );
    });

    it('the configuration item names the instance in the account and region given', () => {
      const built = build('config item-change-notification', { instanceId: 'i-0fedcba9876543210', region: 'eu-central-2', account: '210987654321' });
      const invoking = JSON.parse(built.invokingEvent);
      assert.equal(invoking.messageType, 'ConfigurationItemChangeNotification');
      assert.equal(invoking.configurationItem.ARN, 'arn:aws:ec2:eu-central-2:210987654321:instance/i-0fedcba9876543210');
      assert.equal(invoking.configurationItem.awsAccountId, '210987654321');
      const oversized = JSON.parse(build('config oversized-item-change-notification').invokingEvent);
      assert.equal(oversized.messageType, 'OversizedConfigurationItemChangeNotification');
      assert.match(oversized.s3ObjectKey, /^AWSLogs\/123456789012\/Config\/us-east-1\/2026\/11\/26\//);
      assert.equal(JSON.parse(build('config periodic-rule').invokingEvent).messageType, 'ScheduledNotification');
    });
  });

  describe('IoT', () => {
    it('rule: the payload object arrives as selected, plus topic and timestamp', () => {
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string({ minLength: 1 }), (payload, topic) => {
          const built = build('iot rule', { payload: JSON.stringify(payload), topic });
          const parsed = JSON.parse(JSON.stringify(payload));
          for (const key of Object.keys(parsed)) if (key !== 'topic' && key !== 'timestamp') assert.deepEqual(built[key], parsed[key]);
          assert.equal(built.topic, topic);
          assert.equal(built.timestamp, FIXED.now.getTime());
        }),
      );
    });

    it('button: each click type, and any other is refused naming the choices', () => {
      for (const clickType of ['SINGLE', 'DOUBLE', 'LONG']) assert.equal(build('iot button', { clickType }).clickType, clickType);
      assert.throws(() => build('iot button', { clickType: 'TRIPLE' }), (e: EventLookupError) => e instanceof EventLookupError && /SINGLE, DOUBLE, LONG/.test(e.message));
      assert.equal(build('iot button', { batteryVoltage: '1650' }).batteryVoltage, '1650mV');
    });

    it('custom authorizer: the MQTT password is base64 of any password', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (password) => {
          const mqtt = build('iot custom-authorizer', { password }).protocolData.mqtt;
          assert.equal(Buffer.from(mqtt.password, 'base64').toString('utf8'), password);
        }),
      );
    });

    it('custom authorizer over HTTP: the token is in its header, the query string starts with "?"', () => {
      const http = build('iot custom-authorizer-http', { token: 'tok', tokenHeader: 'x-my-token', queryString: 'qos=0' }).protocolData.http;
      assert.equal(http.headers['x-my-token'], 'tok');
      assert.equal(http.queryString, '?qos=0');
    });
  });

  describe('Cognito', () => {
    const pool = platformEvents.filter((e) => e.service === 'cognito-user-pool');

    it('user pool triggers share version, region, userPoolId, userName and callerContext; sub is the user uuid', () => {
      for (const event of pool) {
        const named = event.params.some((p) => p.name === 'userName');
        const built = generateEvent(event, { region: 'eu-central-2', clientId: 'client123', ...(named ? { userName: 'bob' } : {}) }, FIXED) as Json;
        const id = eventId(event);
        assert.deepEqual(Object.keys(built), ['version', 'region', 'userPoolId', 'userName', 'callerContext', 'triggerSource', 'request', 'response'], id);
        assert.equal(built.version, id.endsWith('-v2') ? '2' : id.endsWith('-v3') ? '3' : '1', id);
        assert.equal(built.region, 'eu-central-2');
        assert.equal(built.userPoolId, 'eu-central-2_Ab12Cd34E');
        // A federated user is named after the provider; a client credentials grant has only the app client.
        if (named) assert.equal(built.userName, 'bob');
        else if (id.includes('inbound-federation')) assert.match(built.userName, new RegExp(`^${built.request.providerName}_.+`), id);
        else assert.equal(built.userName, 'client123', id);
        assert.deepEqual(built.callerContext, { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client123' });
        const attrs = built.request.userAttributes;
        // Sign-up has no user yet, and a machine (client credentials) has no attributes.
        if (attrs && !id.endsWith('pre-signup') && !id.endsWith('-v3')) assert.equal(attrs.sub, UUID, id);
      }
    });

    it('a full userPoolId must be in the region given', () => {
      assert.equal(build('cognito-user-pool post-confirmation', { userPoolId: 'eu-west-1_Zz9Yy8Xx7', region: 'eu-west-1' }).userPoolId, 'eu-west-1_Zz9Yy8Xx7');
      assert.throws(() => build('cognito-user-pool post-confirmation', { userPoolId: 'eu-west-1_Zz9Yy8Xx7' }), /is in eu-west-1 but region is us-east-1/);
    });

    it('custom message: each trigger source, the user name placeholder only for AdminCreateUser', () => {
      const sources = ['SignUp', 'AdminCreateUser', 'ResendCode', 'ForgotPassword', 'UpdateUserAttribute', 'VerifyUserAttribute', 'Authentication'].map((s) => `CustomMessage_${s}`);
      for (const triggerSource of sources) {
        const built = build('cognito-user-pool custom-message', { triggerSource });
        assert.equal(built.triggerSource, triggerSource);
        assert.equal(built.request.usernameParameter, triggerSource === 'CustomMessage_AdminCreateUser' ? '{username}' : null);
        assert.deepEqual(built.response, { smsMessage: null, emailMessage: null, emailSubject: null });
      }
      assert.throws(() => build('cognito-user-pool custom-message', { triggerSource: 'CustomMessage_Nope' }), /CustomMessage_SignUp, CustomMessage_AdminCreateUser/);
    });

    it('responses the function fills arrive empty, as Cognito sends them', () => {
      assert.deepEqual(build('cognito-user-pool pre-signup').response, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
      assert.deepEqual(build('cognito-user-pool pre-token-generation').response, { claimsOverrideDetails: null });
      assert.deepEqual(build('cognito-user-pool pre-token-generation-v2').response, { claimsAndScopeOverrideDetails: null });
      assert.deepEqual(build('cognito-user-pool verify-auth-challenge-response').response, { answerCorrect: null });
      assert.equal(build('cognito-user-pool user-migration').response.userAttributes, null);
    });

    it('sync trigger: the record changed, removed when the new value is empty', () => {
      const built = build('cognito sync-trigger', { key: 'k', oldValue: 'a', newValue: '' });
      assert.deepEqual(built.datasetRecords, { k: { oldValue: 'a', newValue: '', op: 'remove' } });
      assert.match(built.identityPoolId, /^us-east-1:[0-9a-f-]{36}$/);
    });
  });
});
