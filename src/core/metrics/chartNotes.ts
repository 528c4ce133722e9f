/** "a", "a and b", "a, b and c". */
export function listOf(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Why a chart lacks the percentiles it asked for, and what it shows instead. */
export function missingPercentilesNote(missing: readonly string[], shown: readonly string[]): string {
  return `${listOf(missing)} ${missing.length > 1 ? 'were' : 'was'} not returned by this endpoint: showing ${listOf(shown.map((s) => s.toLowerCase()))}`;
}
