import * as assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { EventLookupError, findEventById, generateEvent } from '../../../../src/core/events/catalog';
import type { EventContext } from '../../../../src/core/events/types';

const FIXED: EventContext = { now: new Date('2026-11-26T14:05:09.123Z'), uuid: () => '11111111-2222-4333-8444-555555555555' };

/** Builds an event by id with some parameters, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function build(id: string, values: Record<string, string> = {}, ctx: EventContext = FIXED): any {
  return generateEvent(findEventById(id), values, ctx);
}

const decode = (data: string) => Buffer.from(data, 'base64').toString('utf8');
/** Text without line breaks that is not blank: one Firehose record or log event. */
const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => !/[\r\n]/.test(s) && s.trim() !== '');
const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);

describe('core/events catalogue: streams, messaging and developer tools', () => {
  describe('DynamoDB Streams', () => {
    it('computes SizeBytes as DynamoDB does (the documented INSERT, MODIFY, REMOVE example: 26, 59, 38)', () => {
      const event = build('dynamodb update');
      assert.deepEqual(
        event.Records.map((r: { eventName: string; dynamodb: { SizeBytes: number } }) => [r.eventName, r.dynamodb.SizeBytes]),
        [
          ['INSERT', 26],
          ['MODIFY', 59],
          ['REMOVE', 38],
        ],
      );
    });

    it('carries the images the StreamViewType asks for, and the keys always', () => {
      const expected: Record<string, [boolean, boolean]> = { KEYS_ONLY: [false, false], NEW_IMAGE: [true, false], OLD_IMAGE: [false, true], NEW_AND_OLD_IMAGES: [true, true] };
      for (const [view, [hasNew, hasOld]] of Object.entries(expected)) {
        const modify = build('dynamodb modify', { streamViewType: view }).Records[0].dynamodb;
        assert.equal(modify.StreamViewType, view);
        assert.deepEqual(modify.Keys, { Id: { N: '101' } });
        assert.equal('NewImage' in modify, hasNew, view);
        assert.equal('OldImage' in modify, hasOld, view);
      }
      assert.throws(
        () => build('dynamodb insert', { streamViewType: 'NEW' }),
        (e: Error) => e instanceof EventLookupError && /KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES/.test(e.message),
      );
    });

    it('sizes any string value by its UTF-8 bytes, and puts the table and stream label in the ARN', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), name, (value, table) => {
          fc.pre(!/^-?\d+(\.\d+)?$/.test(value.trim()));
          const record = build('dynamodb insert', { value, table }).Records[0];
          assert.deepEqual(record.dynamodb.NewImage.Message, { S: value });
          // Keys (Id=101: 2 + 3) + NewImage (Id=101: 5, "Message": 7 + the value's bytes).
          assert.equal(record.dynamodb.SizeBytes, 5 + 5 + 7 + Buffer.byteLength(value, 'utf8'));
          assert.equal(record.eventSourceARN, `arn:aws:dynamodb:us-east-1:123456789012:table/${table}/stream/2026-11-26T14:05:09.123`);
        }),
      );
    });

    it('a batch cycles INSERT, MODIFY, REMOVE with growing sequence numbers', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 40 }), (n) => {
          const records = build('dynamodb update', { batchSize: String(n) }).Records;
          assert.equal(records.length, n);
          records.forEach((r: { eventName: string; dynamodb: { SequenceNumber: string } }, i: number) => {
            assert.equal(r.eventName, ['INSERT', 'MODIFY', 'REMOVE'][i % 3]);
            if (i > 0) assert.ok(BigInt(r.dynamodb.SequenceNumber) > BigInt(records[i - 1].dynamodb.SequenceNumber));
          });
        }),
      );
    });

    it('a TTL deletion carries the DynamoDB service identity', () => {
      const record = build('dynamodb ttl-expire').Records[0];
      assert.deepEqual(record.userIdentity, { type: 'Service', principalId: 'dynamodb.amazonaws.com' });
      assert.equal(record.dynamodb.OldImage.expiresAt.N, String(Math.floor(FIXED.now.getTime() / 1000) - 3600));
    });
  });

  describe('Kinesis and Firehose', () => {
    it('Kinesis: data is the base64 of any payload; eventID is the shard and sequence number', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), name, (data, partitionKey) => {
          const record = build('kinesis get-records', { data, partitionKey }).Records[0];
          assert.equal(decode(record.kinesis.data), data);
          assert.equal(record.kinesis.partitionKey, partitionKey);
          assert.equal(record.eventID, `shardId-000000000006:${record.kinesis.sequenceNumber}`);
          assert.match(record.kinesis.sequenceNumber, /^\d{56}$/);
          assert.equal(record.kinesis.approximateArrivalTimestamp, FIXED.now.getTime() / 1000);
        }),
      );
    });

    it('Kinesis tumbling window: the window holds now and has the given length', () => {
      const event = build('kinesis tumbling-window', { windowSeconds: '60' });
      assert.deepEqual(event.window, { start: '2026-11-26T14:05:00Z', end: '2026-11-26T14:06:00Z' });
      assert.equal(event.shardId, 'shardId-000000000006');
    });

    it('Firehose: one record per line, each the base64 of that line; a Kinesis source adds its metadata', () => {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
          const direct = build('kinesis kinesis-firehose', { data: lines.join('\n') });
          assert.deepEqual(direct.records.map((r: { data: string }) => decode(r.data)), lines);
          assert.equal(new Set(direct.records.map((r: { recordId: string }) => r.recordId)).size, lines.length);
          const fromStream = build('kinesis streams-as-source', { data: lines.join('\n'), partitionKey: 'pk' });
          assert.equal(fromStream.sourceKinesisStreamArn, 'arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream');
          for (const r of fromStream.records) {
            assert.equal(r.kinesisRecordMetadata.partitionKey, 'pk');
            assert.equal(`${r.kinesisRecordMetadata.sequenceNumber}000000`, r.recordId);
            assert.equal(r.kinesisRecordMetadata.subsequenceNumber, 0);
          }
        }),
      );
    });

    it('Firehose CloudWatch Logs processor: data is gzip of the subscription JSON', () => {
      const lines = ['first message', 'second message'];
      const record = build('kinesis kinesis-firehose-cloudwatch-logs-processor', { messages: lines.join('\n'), account: '210987654321' }).records[0];
      const decoded = JSON.parse(gunzipSync(Buffer.from(record.data, 'base64')).toString('utf8'));
      assert.equal(decoded.owner, '210987654321');
      assert.deepEqual(decoded.logEvents.map((e: { message: string }) => e.message), lines);
    });

    it('Firehose Apache log: the line carries the request in Common Log Format', () => {
      const record = build('kinesis kinesis-firehose-apache-log', { path: '/a b', status: '404' }).records[0];
      assert.equal(decode(record.data), '203.0.113.10 - - [26/Nov/2026:14:05:09 +0000] "GET /a b HTTP/1.1" 404 2326 "-" "Mozilla/5.0 (X11; Linux x86_64)"');
    });
  });

  describe('CloudWatch', () => {
    it('Logs: awslogs.data gunzips to the documented JSON, for any messages, group and stream', () => {
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), line, line, (messages, logGroup, logStream) => {
          const event = build('cloudwatch logs', { messages: messages.join('\n'), logGroup, logStream });
          const decoded = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8'));
          assert.equal(decoded.messageType, 'DATA_MESSAGE');
          assert.equal(decoded.owner, '123456789012');
          assert.equal(decoded.logGroup, logGroup);
          assert.equal(decoded.logStream, logStream);
          assert.deepEqual(decoded.subscriptionFilters, ['LambdaStream_my-function']);
          assert.deepEqual(decoded.logEvents.map((e: { message: string }) => e.message), messages);
          for (const e of decoded.logEvents) {
            assert.match(e.id, /^\d{56}$/);
            assert.equal(e.timestamp, FIXED.now.getTime());
          }
        }),
      );
    });

    it('Metric alarm: ALARM when the datapoint is above the threshold, OK otherwise, consistent with reasonData', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (threshold, datapoint) => {
          const { alarmData } = build('cloudwatch alarm-state-change', { threshold: String(threshold), datapoint: String(datapoint) });
          const reason = JSON.parse(alarmData.state.reasonData);
          assert.equal(alarmData.state.value, datapoint > threshold ? 'ALARM' : 'OK');
          assert.notEqual(alarmData.previousState.value, alarmData.state.value);
          assert.equal(reason.threshold, threshold);
          assert.deepEqual(reason.recentDatapoints, [datapoint]);
        }),
      );
    });

    it('Composite alarm: the triggering child alarm is named in reason and reasonData; no suppressor when empty', () => {
      const event = build('cloudwatch composite-alarm-state-change', { triggeringAlarm: 'disk-full', actionsSuppressor: '' });
      const child = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:disk-full';
      assert.ok(event.alarmData.state.reason.startsWith(`${child} transitioned to ALARM at Thursday 26 November, 2026 14:05:09 UTC`));
      assert.equal(JSON.parse(event.alarmData.state.reasonData).triggeringAlarms[0].arn, child);
      assert.deepEqual(event.alarmData.configuration, { alarmRule: 'ALARM(cpu-high) OR ALARM(error-rate)' });
    });
  });

  describe('SNS', () => {
    it('the subscription, unsubscribe URL and topic ARN agree for any topic and region', () => {
      fc.assert(
        fc.property(name, fc.constantFrom('us-east-1', 'eu-central-2', 'ap-southeast-4'), fc.string({ unit: 'grapheme', maxLength: 100 }), (topic, region, message) => {
          const sns = build('sns notification', { topic, region, message }).Records[0];
          const topicArn = `arn:aws:sns:${region}:123456789012:${topic}`;
          assert.equal(sns.Sns.TopicArn, topicArn);
          assert.ok(sns.EventSubscriptionArn.startsWith(`${topicArn}:`));
          assert.equal(sns.Sns.UnsubscribeUrl, `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sns.EventSubscriptionArn}`);
          assert.ok(sns.Sns.SigningCertUrl.startsWith(`https://sns.${region}.amazonaws.com/SimpleNotificationService-`));
          assert.equal(sns.Sns.Message, message);
          assert.equal(Buffer.from(sns.Sns.Signature, 'base64').length, 256);
        }),
      );
    });

    it('message attributes: strings, numbers, lists and typed values', () => {
      const attributes = build('sns notification-with-attributes', { attributes: '{"store":"corp","price":9.5,"tags":["a","b"],"blob":{"Type":"Binary","Value":"AQI="}}' }).Records[0].Sns
        .MessageAttributes;
      assert.deepEqual(attributes, {
        store: { Type: 'String', Value: 'corp' },
        price: { Type: 'Number', Value: '9.5' },
        tags: { Type: 'String.Array', Value: '["a","b"]' },
        blob: { Type: 'Binary', Value: 'AQI=' },
      });
      assert.equal(build('sns notification', { subject: '' }).Records[0].Sns.Subject, null);
    });
  });

  describe('Kafka and Amazon MQ', () => {
    it('Kafka (MSK and self-managed): key and value are base64, headers are the UTF-8 bytes, keyed "topic-partition"', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => !/[\n;]/.test(s) && s.trim() === s && s !== ''),
          fc.integer({ min: 0, max: 99 }),
          (key, value, header, partition) => {
            for (const id of ['kafka msk', 'kafka self-managed']) {
              const event = build(id, { key, value, partition: String(partition), headers: `trace-id: ${header}` });
              assert.deepEqual(Object.keys(event.records), [`mytopic-${partition}`]);
              const record = event.records[`mytopic-${partition}`][0];
              assert.equal(decode(record.key), key);
              assert.equal(decode(record.value), value);
              assert.equal(record.partition, partition);
              assert.equal(Buffer.from(record.headers[0]['trace-id']).toString('utf8'), header);
            }
          },
        ),
      );
      assert.equal(build('kafka self-managed', { bootstrapServers: 'k1:9092' }).bootstrapServers, 'k1:9092');
      assert.equal(build('kafka msk').eventSource, 'aws:kafka');
    });

    it('RabbitMQ: data is base64 of the body and bodySize its bytes, under "queue::vhost"; ActiveMQ: the queue is the destination', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), name, (body, queue) => {
          const rabbit = build('mq rabbitmq', { body, queue, virtualHost: 'prod' });
          const [message] = rabbit.rmqMessagesByQueue[`${queue}::prod`];
          assert.equal(decode(message.data), body);
          assert.equal(message.basicProperties.bodySize, Buffer.byteLength(body, 'utf8'));
          const active = build('mq activemq', { body, queue }).messages[0];
          assert.equal(decode(active.data), body);
          assert.deepEqual(active.destination, { physicalName: queue });
        }),
      );
      assert.equal(build('mq rabbitmq').rmqMessagesByQueue['orders::/'][0].basicProperties.timestamp, 'Nov 26, 2026, 2:05:09 PM');
    });
  });

  describe('Developer tools, Step Functions, Secrets Manager, SES', () => {
    it('Secrets Manager: every step is accepted; anything else is refused naming the steps; the ARN has a 6-character suffix', () => {
      for (const step of ['createSecret', 'setSecret', 'testSecret', 'finishSecret']) assert.equal(build('secretsmanager rotation', { step }).Step, step);
      assert.throws(
        () => build('secretsmanager rotation', { step: 'rotate' }),
        (e: Error) => e instanceof EventLookupError && /createSecret, setSecret, testSecret, finishSecret/.test(e.message) && /"rotate"/.test(e.message),
      );
      fc.assert(
        fc.property(fc.stringMatching(/^[A-Za-z0-9/_+=.@-]{1,40}$/), (secret) => {
          const id = build('secretsmanager rotation', { secret, region: 'eu-central-2', account: '210987654321' }).SecretId;
          assert.ok(id.startsWith(`arn:aws:secretsmanager:eu-central-2:210987654321:secret:${secret}-`), id);
          assert.match(id.slice(-7), /^-[A-Za-z0-9]{6}$/);
          assert.equal(build('secretsmanager rotation', { secret }).SecretId.slice(-6), id.slice(-6), 'the suffix is stable for a secret');
        }),
      );
    });

    it('SES: from, to and subject agree across headers, commonHeaders, source, destination and recipients', () => {
      const display = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => !/[<>,"\n;]/.test(s) && s.trim() === s);
      fc.assert(
        fc.property(display, fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !/[\r\n]/.test(s)), (fromName, subject) => {
          const from = `${fromName} <sender@example.org>`;
          const { mail, receipt } = build('ses email-receiving', { from, to: 'a@example.com, B <b@example.com>', subject }).Records[0].ses;
          const header = (n: string) => mail.headers.find((h: { name: string }) => h.name === n).value as string;
          const unfold = (v: string) => v.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
          assert.equal(mail.source, 'sender@example.org');
          assert.equal(header('Return-Path'), '<sender@example.org>');
          assert.deepEqual(mail.commonHeaders.from, [from]);
          assert.equal(unfold(header('From')), from);
          assert.equal(mail.commonHeaders.subject, subject);
          assert.equal(unfold(header('Subject')), subject);
          assert.deepEqual(mail.commonHeaders.to, ['a@example.com', 'B <b@example.com>']);
          assert.deepEqual(mail.destination, ['a@example.com', 'b@example.com']);
          assert.deepEqual(receipt.recipients, mail.destination);
          assert.equal(header('Date'), mail.commonHeaders.date);
          assert.equal(header('Message-ID'), mail.commonHeaders.messageId);
          assert.equal(receipt.action.type, 'Lambda');
        }),
      );
    });

    it('Step Functions: input is JSON, the Context object names the execution and state machine', () => {
      const task = build('stepfunctions task', { input: '{"a":[1,2]}', stateMachine: 'Flow', execution: 'run-1' });
      assert.deepEqual(task.input, { a: [1, 2] });
      assert.deepEqual(task.context.Execution.Input, { a: [1, 2] });
      assert.equal(task.context.Execution.Id, 'arn:aws:states:us-east-1:123456789012:execution:Flow:run-1');
      assert.equal(task.context.StateMachine.Id, 'arn:aws:states:us-east-1:123456789012:stateMachine:Flow');
      assert.equal('Task' in task.context, false);
      assert.equal(build('stepfunctions task', { input: '"text"' }).input, 'text');
      assert.throws(() => build('stepfunctions task', { input: '{oops' }), (e: Error) => e instanceof EventLookupError && /Parameter input must be JSON/.test(e.message));
      const callback = build('stepfunctions wait-for-task-token');
      assert.equal(callback.context.Task.Token, callback.taskToken);
      // A handler after a Catch reads event.Error and event.Cause (ResultPath $), or finds them where ResultPath put them.
      const error = build('stepfunctions error', { errorType: 'TimeoutError', errorMessage: 'took too long' });
      assert.deepEqual(Object.keys(error), ['Error', 'Cause']);
      assert.equal(error.Error, 'TimeoutError');
      assert.deepEqual(JSON.parse(error.Cause).errorMessage, 'took too long');
      const kept = build('stepfunctions catch-result-path', { input: '{"orderId":"9","meta":{"try":1}}', resultPath: '$.meta.failure', errorType: 'Boom' });
      assert.deepEqual(kept.meta, { try: 1, failure: { Error: 'Boom', Cause: kept.meta.failure.Cause } });
      assert.equal(kept.orderId, '9');
      assert.deepEqual(build('stepfunctions catch-result-path', { resultPath: '$' }).Error, 'OrderValidationError');
      const odd = build('stepfunctions catch-result-path', { resultPath: '$.__proto__.polluted' });
      assert.equal(JSON.parse(JSON.stringify(odd)).__proto__.polluted.Error, 'OrderValidationError', 'a field named __proto__ is an ordinary field');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      assert.throws(() => build('stepfunctions catch-result-path', { resultPath: 'error' }), (e: Error) => e instanceof EventLookupError && /resultPath/.test(e.message));
      assert.throws(() => build('stepfunctions catch-result-path', { input: '[1]' }), (e: Error) => e instanceof EventLookupError && /input/.test(e.message));
    });

    it('CodeCommit: a branch name becomes a full ref; tags and full refs are kept', () => {
      assert.equal(build('codecommit repository', { ref: 'dev' }).Records[0].codecommit.references[0].ref, 'refs/heads/dev');
      assert.deepEqual(build('codecommit create-branch', { ref: 'refs/tags/v1.0' }).Records[0].codecommit.references[0], {
        commit: '5e493c6f3067653f3d04eca608b4901eb227078a',
        ref: 'refs/tags/v1.0',
        created: true,
      });
      assert.equal(build('codecommit delete-branch').Records[0].codecommit.references[0].deleted, true);
      assert.equal(build('codecommit repository').Records[0].eventTime, '2026-11-26T14:05:09.123+0000');
    });

    it('CodePipeline: artifacts live in the artifact bucket; credentials are the documented fake ones; a continuation carries its token', () => {
      const job = build('codepipeline job-continuation', { pipeline: 'a-very-long-pipeline-name-indeed', continuationToken: 'tok' })['CodePipeline.job'];
      const [input] = job.data.inputArtifacts;
      assert.equal(input.location.s3Location.bucketName, 'codepipeline-us-east-1-123456789012');
      assert.match(input.location.s3Location.objectKey, /^a-very-long-pipeline\/SourceArti\/[A-Za-z0-9]{7}$/);
      assert.equal(job.data.outputArtifacts[0].revision, null);
      assert.equal(job.data.artifactCredentials.accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
      assert.equal(job.data.continuationToken, 'tok');
      assert.equal('continuationToken' in build('codepipeline job')['CodePipeline.job'].data, false);
    });
  });
});
