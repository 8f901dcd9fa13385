// V1 start-task routes (contract §2.3): how a client follows a start until READY or ERROR.
import type { Reply } from './httpIo';
import { detail, json } from './httpIo';
import { normalizeUuid } from './ids';
import { MAX_BATCH_IDS, badPageId, pageOffset, readLimit, slicePage } from './paging';
import { QueryReader } from './queryParams';
import type { RequestContext, Route } from './router';
import { route } from './router';
import type { SimConversation } from './simConversation';
import { toStartTask } from './v1Views';

const BASE = '/api/v1/app-conversations/start-tasks';
const SORT_ORDERS = ['CREATED_AT', 'CREATED_AT_DESC', 'UPDATED_AT', 'UPDATED_AT_DESC'] as const;

/** V0-created conversations never had a start task. */
const hasTask = (c: SimConversation): boolean => c.origin !== 'v0';

function batchGet(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const raw = q.list('ids');
  if (raw.length === 0) q.issues.add('missing', ['query', 'ids'], 'Field required', null);
  // `ids: list[UUID]`: a bad id is a 422 here, unlike the conversations batch (a 400).
  raw.forEach((id, i) => {
    if (normalizeUuid(id) === null) q.issues.add('uuid_parsing', ['query', 'ids', i], 'Input should be a valid UUID, unable to parse string as a UUID', id);
  });
  if (!q.issues.ok) return q.issues.reply();
  if (raw.length > MAX_BATCH_IDS) return detail(400, `Too many ids requested. Maximum is ${MAX_BATCH_IDS}.`);
  return json(200, raw.map((id) => {
    const c = ctx.state.store.byStartTaskId(normalizeUuid(id) as string);
    return c && hasTask(c) ? toStartTask(c, ctx.baseUrl) : null;
  }));
}

function filtered(ctx: RequestContext, q: QueryReader): SimConversation[] {
  const conversationId = q.str('conversation_id__eq');
  const createdGte = q.date('created_at__gte');
  if (conversationId !== null && normalizeUuid(conversationId) === null) {
    q.issues.add('uuid_parsing', ['query', 'conversation_id__eq'], 'Input should be a valid UUID, unable to parse string as a UUID', conversationId);
  }
  const wanted = conversationId === null ? null : normalizeUuid(conversationId);
  return ctx.state.store.all().filter((c) =>
    hasTask(c) &&
    (wanted === null || (c.taskStatus === 'READY' && c.id === wanted)) &&
    (createdGte === null || c.createdAt >= createdGte));
}

function search(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const limit = readLimit(q);
  const order = q.enumOf('sort_order', SORT_ORDERS, 'CREATED_AT_DESC');
  const matches = filtered(ctx, q);
  if (!q.issues.ok) return q.issues.reply();
  const offset = pageOffset(q.str('page_id'));
  if (offset === undefined) return badPageId(q.str('page_id'));
  const key = order.startsWith('UPDATED') ? (c: SimConversation) => c.taskUpdatedAt : (c: SimConversation) => c.createdAt;
  const sign = order.endsWith('_DESC') ? -1 : 1;
  const sorted = [...matches].sort((a, b) => sign * (key(a) - key(b)));
  const page = slicePage(sorted, offset, limit);
  return json(200, { items: page.items.map((c) => toStartTask(c, ctx.baseUrl)), next_page_id: page.next_page_id });
}

function count(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const matches = filtered(ctx, q);
  return q.issues.ok ? json(200, matches.length) : q.issues.reply();
}

export const v1TaskRoutes: readonly Route[] = [
  route('GET', BASE, batchGet),
  route('GET', `${BASE}/search`, search),
  route('GET', `${BASE}/count`, count),
];
