import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, byteLength, epochSeconds, int, isoSeconds, isoTime, json, sha256 } from '../helpers';

const GROUP = 'Amazon DynamoDB';

type Image = Record<string, AttributeValue>;
type ViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';
type Change = { eventName: 'INSERT' | 'MODIFY' | 'REMOVE'; oldImage?: Image; newImage?: Image };

/** A batch of a tumbling window (aggregation across invocations): the window, the state the last invocation returned, and its end flags. @types/aws-lambda has no DynamoDB one. */
export interface DynamoDBStreamTumblingWindowEvent extends DynamoDBStreamEvent {
  window: { start: string; end: string };
  state: Record<string, unknown>;
  shardId: string;
  eventSourceARN: string;
  isFinalInvokeForWindow: boolean;
  isWindowTerminatedEarly: boolean;
}

const VIEW_TYPES: readonly ViewType[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

const TABLE_PARAMS = {
  region: REGION,
  account: ACCOUNT,
  table: { default: 'Orders', description: 'Table name (in the stream ARN)' },
  key: { default: 'Id', description: 'Partition key attribute name' },
  keyValue: { default: '101', description: 'Partition key value (a number is sent as N, anything else as S)' },
  attribute: { default: 'Message', description: 'A non-key attribute of the item' },
  streamViewType: { default: 'NEW_AND_OLD_IMAGES', description: `What the stream records carry: ${VIEW_TYPES.join(' | ')}` },
};

type TableParams = Readonly<Record<keyof typeof TABLE_PARAMS, string>>;

function viewType(value: string): ViewType {
  const found = VIEW_TYPES.find((v) => v === value.trim().toUpperCase());
  if (!found) throw new TypeError(`Parameter streamViewType must be one of ${VIEW_TYPES.join(', ')}, not "${value}".`);
  return found;
}

/** A parameter as a DynamoDB attribute value: a number as N (as strings, the way DynamoDB sends them), else S. */
function attributeValue(value: string): AttributeValue {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? { N: value.trim() } : { S: value };
}

/** Bytes DynamoDB counts for a number: one per two significant digits, plus one. */
function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return byteLength(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return Buffer.from(v.B, 'base64').length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + byteLength(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + numberSize(s), 0);
  if (v.BS) return v.BS.reduce((n, s) => n + Buffer.from(s, 'base64').length, 0);
  if (v.L) return 3 + v.L.reduce((n, e) => n + valueSize(e) + 1, 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((n, [k, e]) => n + byteLength(k) + valueSize(e) + 1, 0);
  return 0;
}

/** Item size as DynamoDB counts it (attribute names plus values); a stream record's SizeBytes is that of its keys and images. */
function itemSize(image: Image): number {
  return Object.entries(image).reduce((n, [name, v]) => n + byteLength(name) + valueSize(v), 0);
}

/** A stream label as DynamoDB writes it into a stream ARN: ISO 8601 with milliseconds, no zone. */
function streamArn(p: TableParams, now: Date): string {
  return arn('dynamodb', p.region, p.account, `table/${p.table}/stream/${isoTime(now).replace(/Z$/, '')}`);
}

/** Sequence numbers grow within a shard; derived from the clock so later events sort after earlier ones. */
function sequenceNumber(now: Date, index: number): string {
  return `4${String(now.getTime() * 100 + index + 1).padStart(20, '0')}`;
}

function item(p: TableParams, value: string, extra: Image = {}): Image {
  return { [p.key]: attributeValue(p.keyValue), [p.attribute]: attributeValue(value), ...extra };
}

function records(p: TableParams, ctx: { now: Date; uuid(): string }, changes: Change[], userIdentity?: DynamoDBRecord['userIdentity']): DynamoDBStreamEvent {
  const view = viewType(p.streamViewType);
  const keys: Image = { [p.key]: attributeValue(p.keyValue) };
  return {
    Records: changes.map((change, i) => {
      const images: Pick<NonNullable<DynamoDBRecord['dynamodb']>, 'NewImage' | 'OldImage'> = {};
      if (change.newImage && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) images.NewImage = change.newImage;
      if (change.oldImage && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES')) images.OldImage = change.oldImage;
      const size = itemSize(keys) + (images.NewImage ? itemSize(images.NewImage) : 0) + (images.OldImage ? itemSize(images.OldImage) : 0);
      const record: DynamoDBRecord = {
        eventID: ctx.uuid().replace(/-/g, ''),
        eventName: change.eventName,
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: p.region,
        dynamodb: {
          ApproximateCreationDateTime: epochSeconds(ctx.now),
          Keys: keys,
          ...images,
          SequenceNumber: sequenceNumber(ctx.now, i),
          SizeBytes: size,
          StreamViewType: view,
        },
        eventSourceARN: streamArn(p, ctx.now),
      };
      if (userIdentity) record.userIdentity = userIdentity;
      return record;
    }),
  };
}

/** A DynamoDB Streams shard id: "shardId-", a 20-digit creation time, "-" and 8 hex digits. */
function streamShardId(p: TableParams, now: Date): string {
  return `shardId-${String(now.getTime() - 3_600_000).padStart(20, '0')}-${sha256(`${p.account}/${p.table}`).slice(0, 8)}`;
}

export const dynamodbEvents = [
  defineEvent<DynamoDBStreamEvent>()({
    service: 'dynamodb',
    event: 'update',
    title: 'DynamoDB Streams batch (INSERT, MODIFY, REMOVE)',
    group: GROUP,
    params: {
      ...TABLE_PARAMS,
      oldValue: { default: 'New item!', description: 'Attribute value when inserted (the old image of the MODIFY)' },
      newValue: { default: 'This item has changed', description: 'Attribute value after the MODIFY (the old image of the REMOVE)' },
      batchSize: { default: '3', description: 'Number of records: the item is inserted, modified and removed, and again in that order' },
    },
    build: (p, ctx) => {
      const count = int('batchSize', p.batchSize);
      if (count < 1 || count > 10000) throw new TypeError(`Parameter batchSize must be between 1 and 10000, not ${count}.`);
      const before = item(p, p.oldValue);
      const after = item(p, p.newValue);
      const cycle: Change[] = [
        { eventName: 'INSERT', newImage: before },
        { eventName: 'MODIFY', oldImage: before, newImage: after },
        { eventName: 'REMOVE', oldImage: after },
      ];
      return records(p, ctx, Array.from({ length: count }, (_, i) => cycle[i % 3]));
    },
  }),
  defineEvent<DynamoDBStreamEvent>()({
    service: 'dynamodb',
    event: 'insert',
    title: 'DynamoDB Streams item inserted',
    group: GROUP,
    params: { ...TABLE_PARAMS, value: { default: 'New item!', description: 'Attribute value of the new item' } },
    build: (p, ctx) => records(p, ctx, [{ eventName: 'INSERT', newImage: item(p, p.value) }]),
  }),
  defineEvent<DynamoDBStreamEvent>()({
    service: 'dynamodb',
    event: 'modify',
    title: 'DynamoDB Streams item modified',
    group: GROUP,
    params: {
      ...TABLE_PARAMS,
      oldValue: { default: 'New item!', description: 'Attribute value before the update' },
      newValue: { default: 'This item has changed', description: 'Attribute value after the update' },
    },
    build: (p, ctx) => records(p, ctx, [{ eventName: 'MODIFY', oldImage: item(p, p.oldValue), newImage: item(p, p.newValue) }]),
  }),
  defineEvent<DynamoDBStreamEvent>()({
    service: 'dynamodb',
    event: 'remove',
    title: 'DynamoDB Streams item removed',
    group: GROUP,
    params: { ...TABLE_PARAMS, value: { default: 'This item has changed', description: 'Attribute value of the deleted item' } },
    build: (p, ctx) => records(p, ctx, [{ eventName: 'REMOVE', oldImage: item(p, p.value) }]),
  }),
  defineEvent<DynamoDBStreamEvent>()({
    service: 'dynamodb',
    event: 'ttl-expire',
    title: 'DynamoDB Streams item deleted by TTL',
    group: GROUP,
    params: {
      ...TABLE_PARAMS,
      value: { default: 'Session data', description: 'Attribute value of the expired item' },
      ttlAttribute: { default: 'expiresAt', description: 'TTL attribute name (epoch seconds; an hour before now)' },
    },
    // A TTL deletion is the one record that carries userIdentity: the DynamoDB service principal.
    build: (p, ctx) =>
      records(p, ctx, [{ eventName: 'REMOVE', oldImage: item(p, p.value, { [p.ttlAttribute]: { N: String(epochSeconds(ctx.now) - 3600) } }) }], {
        type: 'Service',
        principalId: 'dynamodb.amazonaws.com',
      }),
  }),
  defineEvent<DynamoDBStreamTumblingWindowEvent>()({
    service: 'dynamodb',
    event: 'tumbling-window',
    title: 'DynamoDB Streams tumbling window',
    group: GROUP,
    params: {
      ...TABLE_PARAMS,
      oldValue: { default: 'New item!', description: 'Attribute value when inserted (the old image of the MODIFY)' },
      newValue: { default: 'This item has changed', description: 'Attribute value after the MODIFY' },
      windowSeconds: { default: '300', description: 'Tumbling window length in seconds (1-900); the window holds now' },
      state: { default: '{"inserted":4,"modified":2}', description: 'State the previous invocation of this window returned (a JSON object)' },
      final: { default: 'false', description: 'true: the last invocation of the window (isFinalInvokeForWindow)' },
    },
    build: (p, ctx) => {
      const seconds = int('windowSeconds', p.windowSeconds);
      if (seconds < 1 || seconds > 900) throw new TypeError(`Parameter windowSeconds must be between 1 and 900, not ${seconds}.`);
      const state = json('state', p.state);
      if (state === null || typeof state !== 'object' || Array.isArray(state)) throw new TypeError('Parameter state must be a JSON object, such as {"count":3}.');
      if (p.final !== 'true' && p.final !== 'false') throw new TypeError(`Parameter final must be true or false, not "${p.final}".`);
      const start = Math.floor(ctx.now.getTime() / 1000 / seconds) * seconds * 1000;
      const before = item(p, p.oldValue);
      const after = item(p, p.newValue);
      const batch = records(p, ctx, [{ eventName: 'INSERT', newImage: before }, { eventName: 'MODIFY', oldImage: before, newImage: after }]);
      return {
        ...batch,
        window: { start: isoSeconds(new Date(start)), end: isoSeconds(new Date(start + seconds * 1000)) },
        state: state as Record<string, unknown>,
        shardId: streamShardId(p, ctx.now),
        eventSourceARN: streamArn(p, ctx.now),
        isFinalInvokeForWindow: p.final === 'true',
        isWindowTerminatedEarly: false,
      };
    },
  }),
];
