/** Streams pages of a paginated listing to `onPage` as they arrive; stops early when the signal aborts. */
export async function forEachPage<Page, Item>(
  pages: AsyncIterable<Page>,
  itemsOf: (page: Page) => Item[] | undefined,
  onPage: (items: Item[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  for await (const page of pages) {
    if (signal?.aborted) return;
    onPage(itemsOf(page) ?? []);
  }
}

/** Splits a list into chunks of `size` (for Describe* calls that take at most N ids). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
