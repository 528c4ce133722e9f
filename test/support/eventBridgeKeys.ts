/** The envelope keys every EventBridge event has (EventBridge's "event structure" reference). */
export const ENVELOPE = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'] as const;

/** Paths under `detail`, written relative to it: detail('bucket.name') is 'detail.bucket.name'. */
export function detail(...paths: string[]): string[] {
  return paths.map((p) => (p.startsWith('[') ? `detail${p}` : `detail.${p}`));
}

/** The envelope, then the given paths under `detail`. */
export function eventBridge(...paths: string[]): string[] {
  return [...ENVELOPE, ...detail(...paths)];
}
