import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';

// Stand-ins and seeding shared by the core/logs suites.

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export function clientConfig(endpoint: string, region = 'us-east-1') {
  return { endpoint, region, credentials: CREDENTIALS, maxAttempts: 1 };
}

export interface SentCommand {
  readonly name: string;
  readonly input: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FakeHandler = (name: string, input: any, signal: AbortSignal | undefined) => unknown;

/** A real CloudWatchLogsClient (the SDK paginators insist on one) whose send() answers from `handler`, recording each command. */
export function fakeLogsClient(handler: FakeHandler): { client: CloudWatchLogsClient; sent: SentCommand[] } {
  const client = new CloudWatchLogsClient({ region: 'us-east-1', credentials: CREDENTIALS });
  const sent: SentCommand[] = [];
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }, options?: { abortSignal?: AbortSignal }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    // The paginators reuse one input object between pages: copy it as it is now.
    sent.push({ name, input: structuredClone(command.input) });
    options?.abortSignal?.throwIfAborted();
    return handler(name, command.input, options?.abortSignal);
  };
  client.send = send as unknown as CloudWatchLogsClient['send'];
  return { client, sent };
}

export function awsError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });
}

/** Resolves never; rejects with an AbortError once the signal aborts (a request that hangs until cancelled). */
export function untilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    const abort = () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
  });
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 20 ms until it holds or `ms` pass. */
export async function eventually(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await wait(20);
  }
}

/** Creates the group (once) and its streams in moto, and puts the events (sorted, as PutLogEvents wants them). */
export async function seedLogGroup(client: CloudWatchLogsClient, logGroupName: string, streams: Record<string, { timestamp: number; message: string }[]>): Promise<void> {
  await client.send(new CreateLogGroupCommand({ logGroupName })).catch((error: Error) => {
    if (error.name !== 'ResourceAlreadyExistsException') throw error;
  });
  for (const [logStreamName, events] of Object.entries(streams)) {
    await client.send(new CreateLogStreamCommand({ logGroupName, logStreamName }));
    const logEvents = [...events].sort((a, b) => a.timestamp - b.timestamp);
    if (logEvents.length) await client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
  }
}
