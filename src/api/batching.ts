// Helpers for spreading many ids over few, polite requests.
import { isRecord, normalizeId } from './wire';

/** Splits `items` into consecutive slices of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Like Promise.all over `items.map(fn)`, but with at most `limit` calls in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Distinct ids, compared the way the server compares them (dashes and case ignored). */
export function uniqueIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = normalizeId(id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Pairs a batch reply with the ids asked for. The servers answer in request order with
 * `null` for unknown ids, but print ids without dashes; match by id first and fall back to
 * position, so a malformed item still reaches the id it belongs to. Unmatched ids get null.
 */
export function alignById(requested: readonly string[], items: readonly unknown[], idKey = 'id'): Map<string, unknown> {
  const byId = new Map<string, unknown>();
  for (const item of items) {
    const id = isRecord(item) ? item[idKey] : undefined;
    if (typeof id === 'string') byId.set(normalizeId(id), item);
  }
  const aligned = new Map<string, unknown>();
  requested.forEach((id, i) => {
    const found = byId.get(normalizeId(id));
    const positional = items.length === requested.length ? items[i] : null;
    const belongsElsewhere = isRecord(positional) && typeof positional[idKey] === 'string';
    aligned.set(id, found ?? (belongsElsewhere ? null : positional ?? null));
  });
  return aligned;
}
