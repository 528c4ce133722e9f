import type { PackageEntry } from './packageEntries';

/** What a deploy changes in a function's package, file by file. */
export interface PackageDiff {
  readonly added: readonly PackageEntry[];
  /** Content or mode differs; `before` is the deployed size. */
  readonly changed: readonly (PackageEntry & { readonly before: number })[];
  readonly removed: readonly PackageEntry[];
  readonly unchangedCount: number;
}

/** The deployed package's entries against the new ones. */
export function diffPackages(deployed: readonly PackageEntry[], next: readonly PackageEntry[]): PackageDiff {
  const old = new Map(deployed.map((e) => [e.name, e]));
  const added: PackageEntry[] = [];
  const changed: (PackageEntry & { before: number })[] = [];
  let unchangedCount = 0;
  for (const entry of next) {
    const was = old.get(entry.name);
    old.delete(entry.name);
    if (!was) added.push(entry);
    // A zip made without Unix modes (0) says nothing about them: only content counts then.
    else if (was.crc32 !== entry.crc32 || was.size !== entry.size || (was.mode !== 0 && entry.mode !== 0 && was.mode !== entry.mode)) changed.push({ ...entry, before: was.size });
    else unchangedCount++;
  }
  const byName = (a: PackageEntry, b: PackageEntry) => (a.name < b.name ? -1 : 1);
  return { added: added.sort(byName), changed: changed.sort(byName), removed: [...old.values()].sort(byName), unchangedCount };
}

export function hasChanges(diff: PackageDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length > 0;
}
