// Small readers for untrusted JSON. Servers of different ages send different shapes, so
// every field is read defensively instead of being cast to an interface.
import { ApiError } from './errors';

export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string field, else undefined. */
export function str(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A timestamp field as a Date; undefined when absent or unparseable. */
export function date(record: JsonRecord, key: string): Date | undefined {
  const value = str(record, key);
  return value === undefined ? undefined : parseServerTime(value);
}

/**
 * SDK timestamps are naive `isoformat()` strings written in UTC; JavaScript would read them
 * as local time, so a missing offset is taken as UTC.
 */
export function parseServerTime(value: string): Date | undefined {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value);
  const zoned = !hasZone && /T\d\d:\d\d/.test(value) ? `${value}Z` : value;
  const parsed = new Date(zoned);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

/** The reply must be an array; anything else means we talk to something unexpected. */
export function expectArray(body: unknown, url: string): readonly unknown[] {
  if (Array.isArray(body)) return body;
  throw new ApiError('malformed', { url, detail: `expected a JSON array, got ${describeJson(body)}` });
}

export function expectRecord(body: unknown, url: string): JsonRecord {
  if (isRecord(body)) return body;
  throw new ApiError('malformed', { url, detail: `expected a JSON object, got ${describeJson(body)}` });
}

/** A page's item list (`items` in V1, `results` in V0) and its next page id. */
export function expectPage(
  body: unknown,
  url: string,
  itemsKey: 'items' | 'results',
): { items: readonly unknown[]; nextPageId?: string } {
  const page = expectRecord(body, url);
  const items = page[itemsKey];
  if (!Array.isArray(items)) {
    throw new ApiError('malformed', { url, detail: `expected "${itemsKey}" to be an array` });
  }
  return { items, nextPageId: str(page, 'next_page_id') };
}

/** Ids are hex UUIDs that servers print without dashes; inputs may have them. */
export function normalizeId(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
