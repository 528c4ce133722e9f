import * as assert from 'node:assert/strict';
import { ECSClient } from '@aws-sdk/client-ecs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { listFargateServices } from '../../../src/core/fargate/services';
import type { FargateService } from '../../../src/core/fargate/services';
import { listFunctions } from '../../../src/core/lambda/functions';
import type { LambdaFunction } from '../../../src/core/lambda/functions';
import { PagingStandIn } from '../../support/pagingStandIn';

const config = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
  retryMode: 'adaptive' as const,
  maxAttempts: 3,
});

describe('core pagination against a paginating stand-in', () => {
  let standIn: PagingStandIn | undefined;
  afterEach(async () => {
    await standIn?.stop();
    standIn = undefined;
  });

  it('streams every function, 50 a page, the first page after one request', async () => {
    standIn = await PagingStandIn.start({ functions: 230 });
    const pages: LambdaFunction[][] = [];
    const requestsAtFirstPage: number[] = [];
    await listFunctions(new LambdaClient(config(standIn.endpoint)), (page) => {
      if (pages.length === 0) requestsAtFirstPage.push(standIn!.requests);
      pages.push(page);
    });
    assert.deepEqual(pages.map((p) => p.length), [50, 50, 50, 50, 30]);
    assert.deepEqual(requestsAtFirstPage, [1]);
    const names = pages.flat().map((f) => f.name);
    assert.equal(new Set(names).size, 230);
    assert.equal(names[229], 'fn-00229');
    assert.deepEqual(
      { runtime: pages[0][1].runtime, family: pages[0][1].family, memory: pages[0][1].memoryMb, arch: pages[0][1].architecture },
      { runtime: 'python3.12', family: 'python', memory: 512, arch: 'arm64' },
    );
  });

  it('stops asking for pages once aborted', async () => {
    standIn = await PagingStandIn.start({ functions: 500 });
    const controller = new AbortController();
    let seen = 0;
    await listFunctions(
      new LambdaClient(config(standIn.endpoint)),
      (page) => {
        seen += page.length;
        if (seen >= 100) controller.abort();
      },
      controller.signal,
    ).catch((error: Error) => assert.equal(error.name, 'AbortError'));
    assert.equal(seen, 100);
    assert.ok(standIn.requests <= 3, `${standIn.requests} requests after abort`);
  });

  it('rides out throttling with the SDK retry and still lists everything', async () => {
    standIn = await PagingStandIn.start({ functions: 120, throttleFirst: 2 });
    const all: LambdaFunction[] = [];
    await listFunctions(new LambdaClient(config(standIn.endpoint)), (page) => all.push(...page));
    assert.equal(all.length, 120);
    assert.equal(standIn.requests, 3 + 2);
  });

  it('reports throttling that outlasts the retries as an error', async () => {
    standIn = await PagingStandIn.start({ functions: 10, throttleFirst: 100 });
    await assert.rejects(
      listFunctions(new LambdaClient(config(standIn.endpoint)), () => undefined),
      (error: Error) => error.name === 'TooManyRequestsException',
    );
  });

  it('lists only Fargate services (launch type or capacity provider), across ListServices pages', async () => {
    standIn = await PagingStandIn.start({ services: { fargate: 13, ec2: 9, spot: 4 } });
    const pages: FargateService[][] = [];
    await listFargateServices(new ECSClient(config(standIn.endpoint)), 'demo', (page) => pages.push(page));
    assert.equal(pages.length, 3, 'three pages of at most 10 services');
    const names = pages.flat().map((s) => s.name);
    assert.equal(names.length, 17);
    assert.ok(names.every((n) => !n.startsWith('ec2-')), names.join());
    const spot = pages.flat().find((s) => s.name === 'spot-0')!;
    assert.equal(spot.capacity, 'FARGATE_SPOT:3, FARGATE:1');
    assert.deepEqual([spot.running, spot.desired, spot.deploying, spot.taskDefinition], [2, 2, false, 'spot-0:7']);
  });
});
