import type { IoTCustomAuthorizerEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { REGION, base64, headers, int, json } from '../helpers';

const GROUP = 'AWS IoT';
const CLICK_TYPES = ['SINGLE', 'DOUBLE', 'LONG'] as const;

/** The device data endpoint a client connects to (the TLS server name). */
function endpoint(region: string): string {
  return `a1b2c3d4e5f6g7-ats.iot.${region}.amazonaws.com`;
}

export const iotEvents = [
  // What the rule's SQL selects is the event, so it has no fixed shape (@types/aws-lambda: IoTEvent is any JSON);
  // here the rule is `SELECT *, topic() AS topic, timestamp() AS timestamp FROM '<topic filter>'`.
  defineEvent<Record<string, unknown>>()({
    service: 'iot',
    event: 'rule',
    title: 'IoT rule action (SELECT *, topic(), timestamp())',
    group: GROUP,
    params: {
      topic: { default: 'sensors/greenhouse-1/telemetry', description: 'MQTT topic the message was published to' },
      payload: { default: '{"deviceId":"greenhouse-1","temperature":22.4,"humidity":61}', description: 'Message payload (JSON object)' },
    },
    build: (p, ctx) => {
      const payload = json('payload', p.payload);
      if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new TypeError(`Parameter payload must be a JSON object, not ${p.payload}.`);
      return { ...(payload as Record<string, unknown>), topic: p.topic, timestamp: ctx.now.getTime() };
    },
  }),
  // @types/aws-lambda has no type for the AWS IoT Button's event.
  defineEvent<Record<string, unknown>>()({
    service: 'iot',
    event: 'button',
    title: 'AWS IoT Button click',
    group: GROUP,
    params: {
      serialNumber: { default: 'G030JF055364XVRB', description: 'Button serial number (DSN)' },
      clickType: { default: 'SINGLE', description: `Click type: ${CLICK_TYPES.join(', ')}` },
      batteryVoltage: { default: '1705', description: 'Battery voltage in millivolts' },
    },
    build: (p) => {
      if (!(CLICK_TYPES as readonly string[]).includes(p.clickType)) throw new TypeError(`Parameter clickType must be one of ${CLICK_TYPES.join(', ')}, not "${p.clickType}".`);
      return { serialNumber: p.serialNumber, clickType: p.clickType, batteryVoltage: `${int('batteryVoltage', p.batteryVoltage)}mV` };
    },
  }),
  defineEvent<IoTCustomAuthorizerEvent>()({
    service: 'iot',
    event: 'custom-authorizer',
    title: 'IoT Core custom authorizer (MQTT connection)',
    group: GROUP,
    params: {
      region: REGION,
      token: { default: 'allow', description: 'Token the device sent (in the token key name header or query parameter)' },
      clientId: { default: 'greenhouse-1', description: 'MQTT client id' },
      username: { default: 'device-user', description: 'MQTT user name' },
      password: { default: 's3cr3t-passw0rd', description: 'MQTT password (base64-encoded in the event)' },
    },
    build: (p, ctx) => ({
      token: p.token,
      signatureVerified: false,
      protocols: ['tls', 'mqtt'],
      protocolData: {
        tls: { serverName: endpoint(p.region) },
        mqtt: { username: p.username, password: base64(p.password), clientId: p.clientId },
      },
      connectionMetadata: { id: ctx.uuid() },
    }),
  }),
  defineEvent<IoTCustomAuthorizerEvent>()({
    service: 'iot',
    event: 'custom-authorizer-http',
    title: 'IoT Core custom authorizer (HTTPS publish)',
    group: GROUP,
    params: {
      region: REGION,
      token: { default: 'allow', description: 'Token the device sent in the token header' },
      tokenHeader: { default: 'x-auth-token', description: 'Name of the header that carries the token' },
      authorizer: { default: 'my-authorizer', description: 'Custom authorizer name' },
      queryString: { default: '?qos=1', description: 'Query string of the publish request' },
      headers: { default: 'Content-Type: application/json', description: 'Other request headers ("Name: value" lines or a JSON object)' },
    },
    build: (p, ctx) => ({
      token: p.token,
      signatureVerified: false,
      protocols: ['tls', 'http'],
      protocolData: {
        tls: { serverName: endpoint(p.region) },
        http: {
          headers: {
            Host: endpoint(p.region),
            'x-amz-customauthorizer-name': p.authorizer,
            [p.tokenHeader]: p.token,
            ...headers('headers', p.headers),
          },
          queryString: p.queryString === '' || p.queryString.startsWith('?') ? p.queryString : `?${p.queryString}`,
        },
      },
      connectionMetadata: { id: ctx.uuid() },
    }),
  }),
];
