import type { MSKEvent, MSKRecord, SelfManagedKafkaEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, base64, headers, int, md5 } from '../helpers';

// One trigger source for users: Kafka, on Amazon MSK or self-managed.
const MSK_GROUP = 'Apache Kafka (Amazon MSK, self-managed)';
const KAFKA_GROUP = MSK_GROUP;

const RECORD_PARAMS = {
  topic: { default: 'mytopic', description: 'Topic name' },
  partition: { default: '0', description: 'Partition number' },
  offset: { default: '15', description: 'Offset of the record in its partition' },
  key: { default: 'order-1234', description: 'Record key (base64-encoded in the event)' },
  value: { default: '{"orderId":"1234","status":"created"}', description: 'Record value (base64-encoded in the event)' },
  headers: { default: 'source: checkout-service; content-type: application/json', description: 'Record headers: "Name: value" pairs or a JSON object (values sent as byte arrays)' },
};

type RecordParams = Readonly<Record<keyof typeof RECORD_PARAMS, string>>;

/** The records map: "<topic>-<partition>" → records; header values as arrays of UTF-8 byte values. */
function records(p: RecordParams, now: Date): Record<string, MSKRecord[]> {
  const partition = int('partition', p.partition);
  const offset = int('offset', p.offset);
  const recordHeaders = Object.entries(headers('headers', p.headers)).map(([name, value]) => ({ [name]: [...Buffer.from(String(value), 'utf8')] }));
  return {
    [`${p.topic}-${partition}`]: [
      {
        topic: p.topic,
        partition,
        offset,
        timestamp: now.getTime(),
        timestampType: 'CREATE_TIME',
        key: base64(p.key),
        value: base64(p.value),
        headers: recordHeaders,
      },
    ],
  };
}

export const kafkaEvents = [
  defineEvent<MSKEvent>()({
    service: 'kafka',
    event: 'msk',
    title: 'Amazon MSK record batch',
    group: MSK_GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      cluster: { default: 'demo-cluster-1', description: 'MSK cluster name' },
      ...RECORD_PARAMS,
    },
    build: (p, ctx) => {
      const dns = `${p.cluster.toLowerCase()}.${md5(p.cluster).slice(0, 6)}.c2.kafka.${p.region}.amazonaws.com`;
      return {
        eventSource: 'aws:kafka',
        eventSourceArn: arn('kafka', p.region, p.account, `cluster/${p.cluster}/${ctx.uuid()}-2`),
        bootstrapServers: `b-2.${dns}:9098,b-1.${dns}:9098`,
        records: records(p, ctx.now),
      };
    },
  }),
  defineEvent<SelfManagedKafkaEvent>()({
    service: 'kafka',
    event: 'self-managed',
    title: 'Self-managed Apache Kafka record batch',
    group: KAFKA_GROUP,
    params: {
      bootstrapServers: { default: 'kafka-1.example.com:9092,kafka-2.example.com:9092', description: 'Bootstrap servers, comma-separated host:port' },
      ...RECORD_PARAMS,
    },
    build: (p, ctx) => ({
      eventSource: 'SelfManagedKafka',
      bootstrapServers: p.bootstrapServers,
      records: records(p, ctx.now),
    }),
  }),
];
