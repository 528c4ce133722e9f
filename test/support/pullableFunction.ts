import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DEMO } from './seed';
import { zipFolder } from './zipFolder';

/** The demo's function with real code, to pull, debug, edit and deploy back (the seeded ones have an empty package). */
export const PULLABLE = 'checkout-api';

const HANDLER = `// checkout-api: totals an order's items (the demo's function to pull, debug and deploy back).
exports.handler = async (event) => {
  const items = event.items ?? [];
  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  return { statusCode: 200, body: JSON.stringify({ table: process.env.ORDERS_TABLE, items: items.length, total }) };
};
`;

/**
 * Creates PULLABLE in moto with a handler and environment (one value a secret by its name), writes its package to
 * `<packages>/<name>.zip` for the stand-in to serve, and logs one invocation whose event Powertools logged (to replay).
 */
export async function seedPullableFunction(endpoint: string, packages: string, now = Date.now()): Promise<void> {
  const config = { endpoint, region: DEMO.region, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' }, maxAttempts: 1 };
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'se-demo-checkout-'));
  fs.writeFileSync(path.join(src, 'index.js'), HANDLER);
  const zip = zipFolder(src);
  fs.rmSync(src, { recursive: true, force: true });
  fs.mkdirSync(packages, { recursive: true });
  fs.writeFileSync(path.join(packages, `${PULLABLE}.zip`), zip);
  const lambda = new LambdaClient(config);
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: PULLABLE,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Role: `arn:aws:iam::${DEMO.account}:role/demo-lambda-role`,
      Code: { ZipFile: zip },
      MemorySize: 256,
      Timeout: 10,
      Environment: { Variables: { ORDERS_TABLE: 'orders-demo', DB_PASSWORD: 'demo-only-password', LOG_LEVEL: 'INFO' } },
    }),
  );
  lambda.destroy();
  const logs = new CloudWatchLogsClient(config);
  const group = `/aws/lambda/${PULLABLE}`;
  const stream = `${new Date(now).toISOString().slice(0, 10).replace(/-/g, '/')}/[$LATEST]0d1e2m3o4c5h6e7c8k9o0u1t2a3p4i5`;
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  const id = '6f1c2a9e-3b7d-4e15-9a0c-8d2f4b6e1a37';
  const started = now - 10 * 60_000;
  const event = { orderId: 'o-1042', items: [{ sku: 'tea', price: 4.5, quantity: 2 }, { sku: 'cup', price: 12, quantity: 1 }] };
  const lines = [
    `START RequestId: ${id} Version: $LATEST`,
    JSON.stringify({ level: 'INFO', message: 'Lambda invocation event', service: 'checkout', timestamp: new Date(started + 1).toISOString(), cold_start: true, function_name: PULLABLE, function_request_id: id, event }),
    `END RequestId: ${id}`,
    `REPORT RequestId: ${id}\tDuration: 8.20 ms\tBilled Duration: 9 ms\tMemory Size: 256 MB\tMax Memory Used: 64 MB\tInit Duration: 140.31 ms\t`,
  ];
  await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: lines.map((message, i) => ({ timestamp: started + i, message })) }));
  logs.destroy();
}
