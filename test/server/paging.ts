// Offset pages as the V1 app server serves them: `next_page_id` is an opaque string (here the
// offset of the next item), null on the last page.
import type { Reply } from './httpIo';
import { detail } from './httpIo';
import { normalizeUuid, pythonListRepr } from './ids';
import type { QueryReader } from './queryParams';

export interface Page<T> {
  readonly items: T[];
  readonly next_page_id: string | null;
}

/** Parses `page_id`; undefined means the client sent one we never handed out. */
export function pageOffset(pageId: string | null): number | undefined {
  if (pageId === null || pageId === '') return 0;
  return /^\d+$/.test(pageId) ? Number(pageId) : undefined;
}

export function slicePage<T>(all: readonly T[], offset: number, limit: number): Page<T> {
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? String(offset + limit) : null;
  return { items, next_page_id: next };
}

export const badPageId = (pageId: string | null): Reply => detail(400, `Invalid page_id: ${pageId}`);

/** The 1–100 `limit` with default 100 that every V1 search endpoint takes. */
export const readLimit = (q: QueryReader): number => q.int('limit', 100, { gt: 0, le: 100 });

export const MAX_BATCH_IDS = 99;

/** `?ids=` batches (contract §2.4): at most 99; every id must be a UUID in either form. */
export function readIdBatch(q: QueryReader): { ids: string[] } | { reply: Reply } | { missing: true } {
  const raw = q.list('ids');
  if (raw.length === 0) {
    q.issues.add('missing', ['query', 'ids'], 'Field required', null);
    return { missing: true };
  }
  if (raw.length > MAX_BATCH_IDS) {
    return { reply: detail(400, `Too many ids requested. Maximum is ${MAX_BATCH_IDS}.`) };
  }
  const invalid = raw.filter((id) => normalizeUuid(id) === null);
  if (invalid.length > 0) {
    return { reply: detail(400, `Invalid UUID format for ids: ${pythonListRepr(invalid)}`) };
  }
  return { ids: raw.map((id) => normalizeUuid(id) as string) };
}
