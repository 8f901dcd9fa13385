// V1 app-conversation routes (contract §2.1, §2.4–§2.8).
import type { Reply } from './httpIo';
import { detail, json } from './httpIo';
import { normalizeUuid } from './ids';
import { receiveMessage } from './lifecycle';
import { badPageId, pageOffset, readIdBatch, readLimit, slicePage } from './paging';
import { Issues, checkUuid } from './pydanticChecks';
import { QueryReader } from './queryParams';
import { checkSendMessage, checkStartRequest, checkUpdate, textOf } from './requestBodies';
import type { RequestContext, Route } from './router';
import { route } from './router';
import { scenarioFromText } from './scenarios';
import type { SimConversation } from './simConversation';
import { toAppConversation, toStartTask, visibleInV1 } from './v1Views';

const BASE = '/api/v1/app-conversations';

/** A conversation the V1 API can see, by id in either form. */
export function findVisible(ctx: RequestContext, rawId: string): SimConversation | undefined {
  const id = normalizeUuid(rawId);
  const c = id === null ? undefined : ctx.state.store.byConversationId(id);
  return c && visibleInV1(c) ? c : undefined;
}

/**
 * Start failures are not HTTP errors in V1 (contract §2.1): a start without an initial message
 * is accepted (every field is optional) and its task turns ERROR later (pitfall §11.13).
 */
function create(ctx: RequestContext): Reply {
  const checked = checkStartRequest(ctx.rawBody, ctx.body);
  if (!checked.ok) return checked.issues.reply();
  const echo = checked.value;
  const message = echo.initial_message as { content: Record<string, unknown>[] } | null;
  const text = message ? textOf(message.content) : '';
  const chosenId = typeof echo.conversation_id === 'string' ? normalizeUuid(echo.conversation_id) : null;
  if (chosenId !== null && ctx.state.store.byConversationId(chosenId)) {
    return detail(409, `Conversation ${chosenId} already exists`);
  }
  const c = ctx.state.store.create(
    {
      origin: 'v1',
      scenario: scenarioFromText(text) ?? ctx.state.scenario,
      initialText: text,
      request: echo,
      repository: echo.selected_repository as string | null,
      branch: echo.selected_branch as string | null,
      gitProvider: echo.git_provider as string | null,
      title: echo.title as string | null,
      trigger: echo.trigger as string | null,
      isPublic: echo.public as boolean | null,
      ...(chosenId !== null ? { id: chosenId } : {}),
    },
    ctx.now,
  );
  return json(200, toStartTask(c, ctx.baseUrl));
}

function batchGet(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const batch = readIdBatch(q);
  if ('missing' in batch) return q.issues.reply();
  if ('reply' in batch) return batch.reply;
  return json(200, batch.ids.map((id) => {
    const c = findVisible(ctx, id);
    return c ? toAppConversation(c, ctx.baseUrl) : null;
  }));
}

/** The search/count filters (no repository filter in V1: clients filter themselves). */
function filtered(ctx: RequestContext, q: QueryReader): SimConversation[] {
  const title = q.str('title__contains');
  const createdGte = q.date('created_at__gte');
  const createdLt = q.date('created_at__lt');
  const updatedGte = q.date('updated_at__gte');
  const updatedLt = q.date('updated_at__lt');
  const sandbox = q.str('sandbox_id__eq');
  q.bool('include_sub_conversations', false);
  return ctx.state.store.all().filter((c) =>
    visibleInV1(c) &&
    (title === null || (c.title ?? '').toLowerCase().includes(title.toLowerCase())) &&
    (createdGte === null || c.createdAt >= createdGte) &&
    (createdLt === null || c.createdAt < createdLt) &&
    (updatedGte === null || c.updatedAt >= updatedGte) &&
    (updatedLt === null || c.updatedAt < updatedLt) &&
    (sandbox === null || c.sandboxId === sandbox));
}

function search(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const limit = readLimit(q);
  const matches = filtered(ctx, q);
  if (!q.issues.ok) return q.issues.reply();
  const offset = pageOffset(q.str('page_id'));
  if (offset === undefined) return badPageId(q.str('page_id'));
  const page = slicePage(matches, offset, limit);
  return json(200, { items: page.items.map((c) => toAppConversation(c, ctx.baseUrl)), next_page_id: page.next_page_id });
}

function count(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const matches = filtered(ctx, q);
  return q.issues.ok ? json(200, matches.length) : q.issues.reply();
}

function update(ctx: RequestContext): Reply {
  const checked = checkUpdate(ctx.rawBody, ctx.body);
  if (!checked.ok) return checked.issues.reply();
  const c = findVisible(ctx, ctx.params.id);
  if (!c) return detail(404, 'unknown_app_conversation');
  const body = checked.value;
  if (body.title !== undefined) c.title = body.title as string | null;
  if (body.public !== undefined) c.isPublic = body.public as boolean | null;
  if (body.selected_repository !== undefined) c.repository = body.selected_repository as string | null;
  if (body.selected_branch !== undefined) c.branch = body.selected_branch as string | null;
  if (body.git_provider !== undefined) c.gitProvider = body.git_provider as string | null;
  c.updatedAt = ctx.now;
  return json(200, toAppConversation(c, ctx.baseUrl));
}

function remove(ctx: RequestContext): Reply {
  if (normalizeUuid(ctx.params.id) === null) return detail(400, 'Invalid conversation ID format');
  const c = findVisible(ctx, ctx.params.id);
  if (!c) return detail(404, 'Conversation not found');
  ctx.state.store.delete(c);
  return json(200, { success: true });
}

function sendMessage(ctx: RequestContext): Reply {
  const checked = checkSendMessage(ctx.rawBody, ctx.body);
  const pathIssues = new Issues();
  checkUuid(pathIssues, ctx.params.id, ['path', 'conversation_id'], false);
  // FastAPI validates path and body together before the handler runs.
  if (!pathIssues.ok || !checked.ok) {
    const all = new Issues();
    all.list.push(...pathIssues.list, ...(checked.ok ? [] : checked.issues.list));
    return all.reply();
  }
  const c = findVisible(ctx, ctx.params.id);
  if (!c) return detail(404, 'Conversation not found');
  const sandbox = c.sandboxStatus;
  if (sandbox === 'PAUSED' || sandbox === 'STARTING') {
    return detail(409, `Sandbox ${c.sandboxId} is not running (status: ${sandbox}). Resume it with POST /api/v1/sandboxes/${c.sandboxId}/resume and try again.`);
  }
  if (sandbox === 'MISSING') return detail(410, 'Conversation is archived: its sandbox no longer exists.');
  if (sandbox === 'ERROR') return detail(503, 'Sandbox is in an error state.');
  receiveMessage(c, checked.value.text, ctx.now);
  ctx.state.store.touch(c);
  return json(200, { success: true, sandbox_status: c.sandboxStatus, message: null });
}

export const v1ConversationRoutes: readonly Route[] = [
  route('POST', BASE, create),
  route('GET', BASE, batchGet),
  route('GET', `${BASE}/search`, search),
  route('GET', `${BASE}/count`, count),
  route('PATCH', `${BASE}/:id`, update),
  route('DELETE', `${BASE}/:id`, remove),
  route('POST', `${BASE}/:id/send-message`, sendMessage),
];
