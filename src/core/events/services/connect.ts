import type { ConnectContactFlowEndpoint, ConnectContactFlowEvent, ConnectContactFlowQueue } from 'aws-lambda';
import { defineEvent } from '../types';
import { ACCOUNT, REGION, arn, json, queryString, sha256 } from '../helpers';
import { flag } from './apigateway';

const GROUP = 'Amazon Connect';

/** A map parameter: a JSON object of strings, or name=value pairs joined with &. */
function stringMap(name: string, value: string): Record<string, string> {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return json(name, trimmed) as Record<string, string>;
  return queryString(trimmed).single;
}

/** A stable UUID-shaped id derived from a seed, for the instance's queue. */
function idFrom(seed: string): string {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// AWS documents more contact data than @types/aws-lambda types: the Region, customer id, description, language,
// the contact's name, references, segment attributes, tags, a related contact, and the queue's outbound caller id.
type ContactFlowEvent = ConnectContactFlowEvent & {
  Details: {
    ContactData: {
      AwsRegion: string;
      CustomerId: string | null;
      Description: string | null;
      LanguageCode: string;
      Queue: (ConnectContactFlowQueue & { OutboundCallerId: ConnectContactFlowEndpoint }) | null;
      Name: string | null;
      References: Record<string, { Type: string; Value: string }>;
      RelatedContactId: string | null;
      SegmentAttributes: Record<string, { ValueString: string }>;
      Tags: Record<string, string>;
    };
  };
};

export const connectEvents = [
  defineEvent<ContactFlowEvent>()({
    service: 'connect',
    event: 'contact-flow-event',
    title: 'Amazon Connect flow: Invoke AWS Lambda function block',
    group: GROUP,
    params: {
      region: REGION,
      account: ACCOUNT,
      instanceId: { default: 'c8c0e68d-2200-4265-82c0-5b1e6a3f0d9b', description: 'Connect instance id' },
      phoneNumber: { default: '+12065550100', description: 'Customer phone number (E.164)' },
      systemNumber: { default: '+18005550199', description: 'Number the customer dialled (E.164)' },
      queue: { default: 'BasicQueue', description: 'Queue name' },
      attributes: { default: 'customerTier=gold', description: 'Contact attributes: name=value pairs (a=1&b=2) or a JSON object' },
      parameters: { default: 'action=lookupOrder', description: 'Function input parameters set in the flow block: name=value pairs or a JSON object' },
      tags: { default: 'Department=Support', description: 'Contact tags: name=value pairs (a=1&b=2) or a JSON object' },
      instanceAlias: { default: 'example-contact-center', description: 'Instance alias (names the Kinesis video stream of live media streaming)' },
      mediaStreaming: { default: 'true', description: 'true: live media streaming started for the contact (MediaStreams.Customer.Audio names the stream); false: not started (null)' },
    },
    build: (p, ctx) => {
      const contactId = ctx.uuid();
      const instanceArn = arn('connect', p.region, p.account, `instance/${p.instanceId}`);
      const started = ctx.now.getTime() - 5000;
      const audio = {
        StartFragmentNumber: BigInt(`0x${sha256(`${contactId}/fragment`).slice(0, 30)}`).toString(),
        StartTimestamp: String(started),
        StreamARN: arn('kinesisvideo', p.region, p.account, `stream/connect-${p.instanceAlias}-contact-${contactId}/${started - 1000}`),
      };
      return {
        Details: {
          ContactData: {
            Attributes: stringMap('attributes', p.attributes),
            AwsRegion: p.region,
            Channel: 'VOICE',
            ContactId: contactId,
            CustomerEndpoint: { Address: p.phoneNumber, Type: 'TELEPHONE_NUMBER' },
            CustomerId: null,
            Description: null,
            InitialContactId: contactId,
            InitiationMethod: 'INBOUND',
            InstanceARN: instanceArn,
            LanguageCode: 'en-US',
            // Null until media streaming starts for the contact.
            MediaStreams: { Customer: { Audio: flag(p.mediaStreaming) ? audio : null } },
            PreviousContactId: contactId,
            Queue: {
              ARN: `${instanceArn}/queue/${idFrom(`${p.instanceId}/${p.queue}`)}`,
              Name: p.queue,
              OutboundCallerId: { Address: p.systemNumber, Type: 'TELEPHONE_NUMBER' },
            },
            // The contact's name (a task's or email's subject); a call has none.
            Name: null,
            References: {},
            RelatedContactId: null,
            SegmentAttributes: { 'connect:Direction': { ValueString: 'INBOUND' }, 'connect:Subtype': { ValueString: 'connect:Telephony' } },
            Tags: stringMap('tags', p.tags),
            SystemEndpoint: { Address: p.systemNumber, Type: 'TELEPHONE_NUMBER' },
          },
          Parameters: stringMap('parameters', p.parameters),
        },
        Name: 'ContactFlowEvent',
      };
    },
  }),
];
