import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for the Lambda and ECS APIs that really paginates (moto ignores MaxItems, Marker and
 * maxResults), for pagination tests and the bench. Listens on 127.0.0.1; answers with realistic payloads.
 */
export interface StandInOptions {
  readonly functions?: number;
  /** Lambda ListFunctions page size cap (AWS: 50). */
  readonly pageSize?: number;
  /** ECS services per cluster "demo": [fargate, ec2, fargateSpot]. */
  readonly services?: { fargate: number; ec2: number; spot: number };
  /** Added to every response, like a network round trip. */
  readonly latencyMs?: number;
  /** The first N requests answer 429 TooManyRequestsException (throttling). */
  readonly throttleFirst?: number;
}

export class PagingStandIn {
  requests = 0;
  private throttled = 0;

  private constructor(
    private readonly server: http.Server,
    readonly endpoint: string,
    private readonly options: StandInOptions,
  ) {}

  static async start(options: StandInOptions = {}): Promise<PagingStandIn> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const standIn = new PagingStandIn(server, `http://127.0.0.1:${port}`, options);
    server.on('request', (req, res) => void standIn.handle(req, res));
    return standIn;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.requests++;
    const body = await readBody(req);
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    if (this.throttled < (this.options.throttleFirst ?? 0)) {
      this.throttled++;
      return send(res, 429, { message: 'Rate exceeded' }, { 'x-amzn-errortype': 'TooManyRequestsException:' });
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname.replace(/\/$/, '') === '/2015-03-31/functions') return this.listFunctions(url, res);
    const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(url.pathname);
    if (req.method === 'POST' && invoke) return this.invoke(decodeURIComponent(invoke[1]), body, res);
    const target = String(req.headers['x-amz-target'] ?? '').split('.').pop();
    const input = body ? JSON.parse(body) : {};
    if (target === 'ListClusters') return send(res, 200, { clusterArns: [CLUSTER_ARN] });
    if (target === 'DescribeClusters') return send(res, 200, { clusters: [{ clusterArn: CLUSTER_ARN, clusterName: 'demo', status: 'ACTIVE', runningTasksCount: 0, activeServicesCount: this.allServices().length }], failures: [] });
    if (target === 'ListServices') return this.listServices(input, res);
    if (target === 'DescribeServices') return send(res, 200, { services: this.allServices().filter((s) => input.services.includes(s.serviceArn)), failures: [] });
    send(res, 400, { __type: 'UnknownOperationException', message: `stand-in does not serve ${req.method} ${url.pathname} ${target ?? ''}` });
  }

  private listFunctions(url: URL, res: http.ServerResponse): void {
    const total = this.options.functions ?? 0;
    const max = Math.min(Number(url.searchParams.get('MaxItems') ?? 50), this.options.pageSize ?? 50);
    const start = Number(url.searchParams.get('Marker') ?? 0);
    const end = Math.min(total, start + max);
    const Functions = Array.from({ length: end - start }, (_, i) => lambdaFunction(start + i));
    send(res, 200, { Functions, NextMarker: end < total ? String(end) : null });
  }

  /** Invoke as a failing Node function answers: FunctionError, a log tail with START/END/REPORT, the executed version. */
  private invoke(name: string, payload: string, res: http.ServerResponse): void {
    const requestId = '8f5d2b9e-3c1a-4d7e-9f60-1a2b3c4d5e6f';
    const log = [
      `START RequestId: ${requestId} Version: 3`,
      `2026-11-26T14:00:00.000Z\t${requestId}\tERROR\tInvoke Error \t{"errorType":"TypeError","errorMessage":"Cannot read properties of undefined (reading 'items')"}`,
      `END RequestId: ${requestId}`,
      `REPORT RequestId: ${requestId}\tDuration: 41.27 ms\tBilled Duration: 42 ms\tMemory Size: 512 MB\tMax Memory Used: 88 MB\tInit Duration: 201.09 ms\t`,
      '',
    ].join('\n');
    res.writeHead(200, {
      'content-type': 'application/json',
      'x-amz-function-error': 'Unhandled',
      'x-amz-log-result': Buffer.from(log).toString('base64'),
      'x-amz-executed-version': '3',
      'x-amzn-requestid': requestId,
    });
    res.end(JSON.stringify({ errorType: 'TypeError', errorMessage: "Cannot read properties of undefined (reading 'items')", trace: [`at handler (/var/task/${name}.js:3:20)`], receivedBytes: Buffer.byteLength(payload) }));
  }

  private listServices(input: { maxResults?: number; nextToken?: string }, res: http.ServerResponse): void {
    const all = this.allServices();
    const max = Math.min(input.maxResults ?? 10, 10);
    const start = Number(input.nextToken ?? 0);
    const end = Math.min(all.length, start + max);
    send(res, 200, { serviceArns: all.slice(start, end).map((s) => s.serviceArn), nextToken: end < all.length ? String(end) : undefined });
  }

  private allServices() {
    const { fargate, ec2, spot } = this.options.services ?? { fargate: 0, ec2: 0, spot: 0 };
    const make = (name: string, extra: object) => ({
      serviceArn: `arn:aws:ecs:us-east-1:123456789012:service/demo/${name}`,
      serviceName: name,
      clusterArn: CLUSTER_ARN,
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      taskDefinition: `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}:7`,
      deployments: [{ id: `ecs-svc/${name}`, status: 'PRIMARY', rolloutState: 'COMPLETED' }],
      ...extra,
    });
    return [
      ...Array.from({ length: fargate }, (_, i) => make(`fargate-${i}`, { launchType: 'FARGATE' })),
      ...Array.from({ length: ec2 }, (_, i) => make(`ec2-${i}`, { launchType: 'EC2' })),
      ...Array.from({ length: spot }, (_, i) => make(`spot-${i}`, { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 3 }, { capacityProvider: 'FARGATE', weight: 1 }] })),
    ];
  }
}

const CLUSTER_ARN = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo';

/** A ListFunctions entry the size of a real one (about 1.3 KB of JSON). */
export function lambdaFunction(i: number) {
  const name = `fn-${String(i).padStart(5, '0')}`;
  return {
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
    Runtime: ['nodejs20.x', 'python3.12', 'java21', 'provided.al2023'][i % 4],
    Role: 'arn:aws:iam::123456789012:role/service-role/lambda-execution-role-abcdef',
    Handler: 'index.handler',
    CodeSize: 1_048_576 + i,
    Description: `Function number ${i} of the paging stand-in`,
    Timeout: 30,
    MemorySize: 512,
    LastModified: '2026-11-01T12:00:00.000+0000',
    CodeSha256: 'qGXXt0ybMOMhaB4E5HX7G7vGmZ2PQiMXDQ8ZdbLYN2c=',
    Version: '$LATEST',
    Environment: { Variables: { STAGE: 'prod', TABLE_NAME: `table-${i}`, LOG_LEVEL: 'info' } },
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: '4f0a3c5e-1b2d-4e6f-8a9b-0c1d2e3f4a5b',
    Layers: [{ Arn: 'arn:aws:lambda:us-east-1:123456789012:layer:shared-deps:12', CodeSize: 5_242_880 }],
    PackageType: 'Zip',
    Architectures: [i % 2 ? 'arm64' : 'x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => resolve(data));
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
