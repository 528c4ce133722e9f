import { isIntrinsic, isRecord, type Json } from '../sources/sam/intrinsics';

/** SAM's Globals merged into a resource's own properties as SAM merges them: mappings key by key, lists added to, the resource's values winning. */
export function withGlobals(globals: Json, own: Json): Json {
  const merged: Json = { ...globals };
  for (const [key, value] of Object.entries(own)) {
    const global = merged[key];
    if (isRecord(global) && isRecord(value) && !isIntrinsic(global) && !isIntrinsic(value)) merged[key] = withGlobals(global, value);
    else if (Array.isArray(global) && Array.isArray(value)) merged[key] = [...global, ...value];
    else merged[key] = value;
  }
  return merged;
}
