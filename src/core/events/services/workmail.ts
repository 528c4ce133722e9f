import { defineEvent } from '../types';
import { md5 } from '../helpers';

const GROUP = 'Amazon WorkMail';

/** @types/aws-lambda has no WorkMail type; this is the documented event of a Run Lambda email flow rule (synchronous or asynchronous alike). */
export interface WorkMailEmailFlowEvent {
  summaryVersion: string;
  envelope: { mailFrom: { address: string }; recipients: { address: string }[] };
  sender: { address: string };
  subject: string;
  /** The id to fetch (GetRawMessageContent) or, from a synchronous rule, update (PutRawMessageContent) the message with. */
  messageId: string;
  /** Same for every retry of one invocation. */
  invocationId: string;
  flowDirection: 'INBOUND' | 'OUTBOUND';
  truncated: boolean;
}

const DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
/** WorkMail cuts the subject it sends to 256 characters. */
const SUBJECT_LIMIT = 256;

function address(name: string, value: string): string {
  const trimmed = value.trim();
  if (!/^[^\s@<>,]+@[^\s@<>,]+\.[^\s@<>,]+$/.test(trimmed)) throw new TypeError(`Parameter ${name} must be an email address such as jane.doe@example.com, not "${value}".`);
  return trimmed;
}

export const workmailEvents = [
  defineEvent<WorkMailEmailFlowEvent>()({
    service: 'workmail',
    event: 'email',
    title: 'WorkMail email flow rule: Run Lambda',
    group: GROUP,
    params: {
      flowDirection: { default: 'INBOUND', description: 'INBOUND (mail arriving at the organization) or OUTBOUND (mail its users send)' },
      mailFrom: { default: 'jane.doe@example.com', description: 'Envelope sender (SMTP MAIL FROM)' },
      sender: { default: 'jane.doe@example.com', description: 'Sender address from the message headers' },
      recipients: { default: 'orders@amzn-demo.awsapps.com, support@amzn-demo.awsapps.com', description: 'Envelope recipients, comma-separated' },
      subject: { default: 'Order 1234: delivery address change', description: 'Subject (WorkMail sends its first 256 characters)' },
    },
    build: (p, ctx) => {
      const flowDirection = DIRECTIONS.find((d) => d === p.flowDirection);
      if (!flowDirection) throw new TypeError(`Parameter flowDirection must be one of ${DIRECTIONS.join(', ')}, not "${p.flowDirection}".`);
      const recipients = p.recipients
        .split(',')
        .filter((r) => r.trim() !== '')
        .map((r) => ({ address: address('recipients', r) }));
      if (recipients.length === 0) throw new TypeError('Parameter recipients must name at least one address.');
      const messageId = ctx.uuid();
      return {
        summaryVersion: '2018-10-10',
        envelope: { mailFrom: { address: address('mailFrom', p.mailFrom) }, recipients },
        sender: { address: address('sender', p.sender) },
        subject: [...p.subject].slice(0, SUBJECT_LIMIT).join(''),
        messageId,
        invocationId: md5(`${messageId}:${ctx.now.toISOString()}`),
        flowDirection,
        truncated: false,
      };
    },
  }),
];
