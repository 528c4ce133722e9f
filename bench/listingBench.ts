import { AwsClientFactory } from '../src/core/aws/clients';
import { LambdaClient, listFunctions } from '../src/core/lambda/functions';
import { PagingStandIn } from '../test/support/pagingStandIn';

export interface ListingFigures {
  readonly functions: number;
  readonly pages: number;
  readonly firstPageMs: number;
  readonly requestsAtFirstPage: number;
  readonly fullListMs: number;
}

/** Lists `count` functions from a local paginating endpoint (50 a page) through the same code as the explorer. */
export async function benchListing(count: number): Promise<ListingFigures> {
  const standIn = await PagingStandIn.start({ functions: count });
  try {
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIDBENCH';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'bench';
    const factory = new AwsClientFactory({ endpointUrl: standIn.endpoint });
    const client = factory.client(LambdaClient, { profile: '(environment)', region: 'us-east-1' });
    const started = performance.now();
    let firstPageMs = 0;
    let requestsAtFirstPage = 0;
    let total = 0;
    let pages = 0;
    await listFunctions(client, (page) => {
      if (pages++ === 0) {
        firstPageMs = performance.now() - started;
        requestsAtFirstPage = standIn.requests;
      }
      total += page.length;
    });
    const fullListMs = performance.now() - started;
    factory.dispose();
    return { functions: total, pages, firstPageMs, requestsAtFirstPage, fullListMs };
  } finally {
    await standIn.stop();
  }
}
