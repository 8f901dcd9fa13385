// V1 event history (contract §2.10): `/api/v1/conversation/{id}/events/search` (singular).
import type { Reply } from './httpIo';
import { json } from './httpIo';
import { parseIsoDate } from './ids';
import { badPageId, pageOffset, readLimit, slicePage } from './paging';
import { QueryReader } from './queryParams';
import type { RequestContext, Route } from './router';
import { route } from './router';
import type { SimEvent } from './simConversation';
import { events } from './simConversation';
import { findVisible } from './v1ConversationRoutes';

export const EVENT_KINDS = [
  'ServerErrorEvent', 'ACPToolCallEvent', 'Condensation', 'CondensationRequest', 'CondensationSummaryEvent', 'ConversationErrorEvent',
  'ConversationStateUpdateEvent', 'HookExecutionEvent', 'LLMCompletionLogEvent', 'ActionEvent', 'MessageEvent', 'AgentErrorEvent',
  'ObservationEvent', 'UserRejectObservation', 'SystemPromptEvent', 'StreamingDeltaEvent', 'TokenEvent', 'InterruptEvent', 'PauseEvent',
] as const;

/** Unknown conversations have no events: an empty page, not a 404. */
function matching(ctx: RequestContext, q: QueryReader): SimEvent[] {
  const kind = q.str('kind__eq');
  if (kind !== null) q.enumOf('kind__eq', EVENT_KINDS, 'MessageEvent');
  const gte = q.date('timestamp__gte');
  const lt = q.date('timestamp__lt');
  const c = findVisible(ctx, ctx.params.id);
  return (c ? events(c) : []).filter((e) => {
    const at = parseIsoDate(String(e.timestamp)) ?? 0;
    return (kind === null || e.kind === kind) && (gte === null || at >= gte) && (lt === null || at < lt);
  });
}

function search(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const limit = readLimit(q);
  const order = q.enumOf('sort_order', ['TIMESTAMP', 'TIMESTAMP_DESC'] as const, 'TIMESTAMP');
  const found = matching(ctx, q);
  if (!q.issues.ok) return q.issues.reply();
  const offset = pageOffset(q.str('page_id'));
  if (offset === undefined) return badPageId(q.str('page_id'));
  const ordered = order === 'TIMESTAMP_DESC' ? [...found].reverse() : found;
  return json(200, slicePage(ordered, offset, limit));
}

function count(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const found = matching(ctx, q);
  return q.issues.ok ? json(200, found.length) : q.issues.reply();
}

export const v1EventRoutes: readonly Route[] = [
  route('GET', '/api/v1/conversation/:id/events/search', search),
  route('GET', '/api/v1/conversation/:id/events/count', count),
];
