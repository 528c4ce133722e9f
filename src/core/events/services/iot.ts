import type { IoTCustomAuthorizerEvent, IoTPreProvisioningHookEvent } from 'aws-lambda';
import { defineEvent } from '../types';
import { pem } from './apigateway';
import { ACCOUNT, REGION, arn, base64, headers, int, isoTime, json, queryString, sha256 } from '../helpers';

const GROUP = 'AWS IoT';
const CLICK_TYPES = ['SINGLE', 'DOUBLE', 'LONG'] as const;

/** The device data endpoint a client connects to (the TLS server name). */
function endpoint(region: string): string {
  return `a1b2c3d4e5f6g7-ats.iot.${region}.amazonaws.com`;
}

/** A map parameter: a JSON object of strings, or name=value pairs joined with &. */
function stringMap(name: string, value: string): Record<string, string> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return json(name, trimmed) as Record<string, string>;
  return queryString(trimmed).single;
}

// @types/aws-lambda has no type for AWS IoT 1-Click's device event.
interface OneClickEvent {
  deviceEvent: { buttonClicked: { clickType: string; reportedTime: string } };
  deviceInfo: { attributes: Record<string, string>; type: string; deviceId: string; remainingLife: number };
  placementInfo: { projectName: string; placementName: string; attributes: Record<string, string>; devices: Record<string, string> };
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
  defineEvent<OneClickEvent>()({
    service: 'iot',
    event: '1-click',
    title: 'AWS IoT 1-Click device event (button clicked)',
    group: GROUP,
    params: {
      deviceId: { default: 'G030PM0123456789', description: 'Device id (the button serial number)' },
      clickType: { default: 'SINGLE', description: `Click type: ${CLICK_TYPES.join(', ')}` },
      remainingLife: { default: '90', description: 'Remaining battery life, percent (0 to 100)' },
      deviceAttributes: { default: 'firmware=1.2', description: 'Device attributes: name=value pairs (a=1&b=2) or a JSON object' },
      projectName: { default: 'OfficeButtons', description: 'Project name' },
      placementName: { default: 'meeting-room-3', description: 'Placement name' },
      placementAttributes: { default: 'location=Floor 2&action=call-facilities', description: 'Placement attributes: name=value pairs (a=1&b=2) or a JSON object' },
      deviceTemplate: { default: 'callButton', description: "The project's device template name the device is placed under" },
    },
    build: (p, ctx) => {
      if (!(CLICK_TYPES as readonly string[]).includes(p.clickType)) throw new TypeError(`Parameter clickType must be one of ${CLICK_TYPES.join(', ')}, not "${p.clickType}".`);
      const remainingLife = Number(p.remainingLife);
      if (!Number.isFinite(remainingLife) || remainingLife < 0 || remainingLife > 100) throw new TypeError(`Parameter remainingLife must be a percentage from 0 to 100, not "${p.remainingLife}".`);
      return {
        deviceEvent: { buttonClicked: { clickType: p.clickType, reportedTime: isoTime(ctx.now) } },
        deviceInfo: { attributes: stringMap('deviceAttributes', p.deviceAttributes), type: 'button', deviceId: p.deviceId, remainingLife },
        placementInfo: {
          projectName: p.projectName,
          placementName: p.placementName,
          attributes: stringMap('placementAttributes', p.placementAttributes),
          devices: { [p.deviceTemplate]: p.deviceId },
        },
      };
    },
  }),
  defineEvent<IoTPreProvisioningHookEvent>()({
    service: 'iot',
    event: 'pre-provisioning-hook',
    title: 'IoT fleet provisioning pre-provisioning hook (provisioning by claim)',
    group: GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      template: { default: 'GreenhouseFleetTemplate', description: 'Provisioning template name' },
      clientId: { default: 'greenhouse-7', description: 'MQTT client id of the device asking to be provisioned' },
      parameters: { default: 'SerialNumber=GH-0007&DeviceLocation=north-wing', description: 'Template parameters the device sent: name=value pairs (a=1&b=2) or a JSON object' },
    },
    build: (p) => {
      const certificatePem = pem(`${p.account}/${p.clientId}`);
      return {
        claimCertificateId: sha256(`claim/${p.account}/${p.template}`),
        certificateId: sha256(certificatePem),
        certificatePem,
        templateArn: arn('iot', p.region, p.account, `provisioningtemplate/${p.template}`),
        clientId: p.clientId,
        parameters: stringMap('parameters', p.parameters),
      };
    },
  }),
];
