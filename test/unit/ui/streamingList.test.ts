import * as assert from 'node:assert/strict';
import { StreamingList } from '../../../src/ui/explorer/streamingList';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A listing driven by the test: pages, end and failure arrive when the test says so. */
class FakeListing<T> {
  calls = 0;
  signal?: AbortSignal;
  private onPage?: (items: T[]) => void;
  private settle?: { resolve: () => void; reject: (error: unknown) => void };

  readonly load = (onPage: (items: T[]) => void, signal: AbortSignal): Promise<void> => {
    this.calls++;
    this.onPage = onPage;
    this.signal = signal;
    return new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
  };

  page(...items: T[]): void {
    assert.ok(this.onPage, 'load has not been called');
    this.onPage(items);
  }

  end(): void {
    this.settle?.resolve();
  }

  fail(error: unknown): void {
    this.settle?.reject(error);
  }
}

/** Whether the promise settled within a few turns of the event loop. */
async function settles(promise: Promise<unknown>, ms = 30): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await sleep(ms);
  return settled;
}

describe('ui/explorer StreamingList', () => {
  const lists: StreamingList<unknown>[] = [];
  afterEach(() => {
    for (const list of lists.splice(0)) list.dispose();
  });

  function streaming<T>(listing: FakeListing<T>, throttleMs = 20): { list: StreamingList<T>; changes: () => number } {
    let changes = 0;
    // Like VS Code, answer each announcement by asking for what to show.
    const list: StreamingList<T> = new StreamingList<T>(listing.load, () => (changes++, list.snapshot()), throttleMs);
    lists.push(list as StreamingList<unknown>);
    return { list, changes: () => changes };
  }

  it('does not start listing until the first page is asked for, and starts it only once', async () => {
    const listing = new FakeListing<number>();
    const { list } = streaming(listing);
    assert.equal(listing.calls, 0);
    const first = list.whenFirstPage();
    assert.equal(list.whenFirstPage(), first);
    assert.equal(listing.calls, 1);
    listing.page(1);
    await first;
    await list.whenFirstPage();
    assert.equal(listing.calls, 1);
  });

  it('resolves whenFirstPage as soon as the first page is in, while the listing goes on', async () => {
    const listing = new FakeListing<string>();
    const { list } = streaming(listing);
    const first = list.whenFirstPage();
    assert.equal(await settles(first), false, 'resolved before any page arrived');
    listing.page('a', 'b');
    assert.equal(await settles(first), true);
    assert.deepEqual(list.items, ['a', 'b']);
    assert.equal(list.done, false);
    assert.equal(list.error, undefined);
  });

  it('accumulates the items of every page, in order, and is done when the listing ends', async () => {
    const listing = new FakeListing<number>();
    const { list, changes } = streaming(listing);
    const first = list.whenFirstPage();
    listing.page(1, 2);
    await first;
    listing.page(3);
    listing.page();
    listing.page(4, 5);
    assert.deepEqual(list.items, [1, 2, 3, 4, 5]);
    assert.equal(list.done, false);
    listing.end();
    await sleep(5);
    assert.equal(list.done, true);
    assert.equal(list.error, undefined);
    assert.deepEqual(list.items, [1, 2, 3, 4, 5]);
    assert.ok(changes() >= 1, 'the end of the listing was not announced');
  });

  it('announces later pages while the listing is still going', async () => {
    const listing = new FakeListing<number>();
    const { list, changes } = streaming(listing);
    const first = list.whenFirstPage();
    listing.page(1);
    await first;
    listing.page(2);
    await sleep(40);
    assert.ok(changes() >= 1, 'a second page was never announced before the end');
    assert.equal(list.done, false);
  });

  it('throttles announcements: many quick pages cause few calls, and the end is always announced', async () => {
    const listing = new FakeListing<number>();
    const { list, changes } = streaming(listing, 20);
    const first = list.whenFirstPage();
    listing.page(0);
    await first;
    const pages = 40;
    for (let i = 1; i <= pages; i++) {
      listing.page(i);
      await sleep(2);
    }
    const whileStreaming = changes();
    assert.ok(whileStreaming <= pages / 4, `${whileStreaming} announcements for ${pages} pages`);
    listing.end();
    await sleep(5);
    assert.equal(changes(), whileStreaming + 1, 'the end was not announced exactly once');
    assert.equal(list.items.length, pages + 1);
    await sleep(50);
    assert.equal(changes(), whileStreaming + 1, 'a throttled announcement fired after the end');
  });

  it('keeps the pages already in and reports the error when the listing fails midway', async () => {
    const listing = new FakeListing<string>();
    const { list, changes } = streaming(listing);
    const first = list.whenFirstPage();
    listing.page('a');
    await first;
    listing.page('b');
    const error = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    listing.fail(error);
    await sleep(5);
    assert.equal(list.done, true);
    assert.equal(list.error, error);
    assert.deepEqual(list.items, ['a', 'b']);
    assert.ok(changes() >= 1);
  });

  it('resolves whenFirstPage with the error set when the listing fails before any page', async () => {
    const listing = new FakeListing<string>();
    const { list, changes } = streaming(listing);
    const first = list.whenFirstPage();
    const error = Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException' });
    listing.fail(error);
    assert.equal(await settles(first), true, 'whenFirstPage never settled');
    await first; // resolves, does not reject
    assert.equal(list.done, true);
    assert.equal(list.error, error);
    assert.deepEqual(list.items, []);
    assert.equal(changes(), 1);
  });

  it('announces again until the view has asked for the newest state (VS Code can drop a refresh)', async () => {
    const listing = new FakeListing<number>();
    let changes = 0;
    const list = new StreamingList<number>(listing.load, () => changes++, 10);
    lists.push(list as StreamingList<unknown>);
    const first = list.whenFirstPage();
    listing.page(1);
    await first;
    list.snapshot(); // the view shows page 1 while the listing goes on
    listing.end();
    await sleep(45);
    assert.ok(changes >= 3, `announced the end ${changes} times without being asked for it`);
    list.snapshot();
    const seen = changes;
    await sleep(40);
    assert.equal(changes, seen, 'kept announcing after the view had the final state');
  });

  it('resolves whenFirstPage for an empty listing', async () => {
    const listing = new FakeListing<string>();
    const { list } = streaming(listing);
    const first = list.whenFirstPage();
    listing.end();
    assert.equal(await settles(first), true);
    assert.equal(list.done, true);
    assert.deepEqual(list.items, []);
  });

  it('after dispose(), aborts the listing and ignores what still arrives', async () => {
    const listing = new FakeListing<number>();
    const { list, changes } = streaming(listing);
    const first = list.whenFirstPage();
    listing.page(1);
    await first;
    listing.page(2); // an announcement is now pending
    assert.equal(listing.signal?.aborted, false);
    list.dispose();
    assert.equal(listing.signal?.aborted, true);
    listing.page(3);
    listing.page(4);
    await sleep(50);
    listing.end();
    await sleep(0);
    assert.deepEqual(list.items, [1, 2]);
    assert.equal(changes(), 0, 'changed was called after dispose()');
    assert.equal(list.done, false);
  });

  it('after dispose(), a failing listing (the abort itself) sets no error', async () => {
    const listing = new FakeListing<number>();
    const { list, changes } = streaming(listing);
    const first = list.whenFirstPage();
    listing.page(1);
    await first;
    list.dispose();
    listing.fail(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    await sleep(0);
    assert.equal(list.error, undefined);
    assert.equal(changes(), 0);
  });

  // BUG (src/ui/explorer/streamingList.ts): when the list is disposed before its first page (a refresh while
  // a slow listing is loading), finish() returns early for the aborted signal without resolving the first-page
  // promise, so whenFirstPage() never settles. LambdaGroupNode/ClusterNode.children() await it, so the
  // getChildren call that VS Code is waiting on for that node never returns (the node keeps spinning, and VS Code
  // queues later refreshes of that node behind the pending one).
  it('settles whenFirstPage when disposed before the first page', async () => {
    const listing = new FakeListing<number>();
    const { list } = streaming(listing);
    const first = list.whenFirstPage();
    list.dispose();
    listing.fail(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    assert.equal(await settles(first, 50), true, 'whenFirstPage never settled after dispose()');
  });
});
