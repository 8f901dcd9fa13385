// Legacy V0 routes (contract §3), for servers from before April 2026.
import { USER_ID } from './account';
import type { Reply } from './httpIo';
import { detail, json } from './httpIo';
import { normalizeUuid } from './ids';
import { receiveMessage } from './lifecycle';
import { Issues, bodyObject, checkEnum, checkList, checkModel, checkNoExtra, checkString } from './pydanticChecks';
import { QueryReader } from './queryParams';
import type { RequestContext, Route } from './router';
import { route } from './router';
import { scenarioFromText } from './scenarios';
import type { SimConversation } from './simConversation';
import { toConversationInfo, toV0Events, visibleInV0 } from './v0Views';

const INIT_FIELDS = ['repository', 'git_provider', 'selected_branch', 'initial_user_msg', 'image_urls', 'replay_json', 'suggested_task', 'create_microagent', 'conversation_instructions', 'mcp_config', 'conversation_id'];

function find(ctx: RequestContext): SimConversation | undefined {
  const id = normalizeUuid(ctx.params.id);
  const c = id === null ? undefined : ctx.state.store.byConversationId(id);
  return c && visibleInV0(c) ? c : undefined;
}

/** InitSessionRequest forbids extra fields; a start without a message is a 400 (pitfall §11.13). */
function create(ctx: RequestContext): Reply {
  const issues = new Issues();
  const body = bodyObject(issues, ctx.rawBody, ctx.body);
  if (body) {
    checkNoExtra(issues, body, ['body'], INIT_FIELDS);
    for (const f of ['repository', 'selected_branch', 'initial_user_msg', 'replay_json', 'conversation_instructions', 'conversation_id']) {
      if (body[f] !== undefined) checkString(issues, body[f], ['body', f], f !== 'conversation_id');
    }
    if (body.git_provider !== undefined) checkEnum(issues, body.git_provider, ['body', 'git_provider'], ['github', 'gitlab', 'bitbucket', 'enterprise_sso']);
    if (body.image_urls !== undefined && checkList(issues, body.image_urls, ['body', 'image_urls'])) {
      body.image_urls.forEach((u, i) => checkString(issues, u, ['body', 'image_urls', i], false));
    }
    for (const f of ['suggested_task', 'create_microagent', 'mcp_config']) {
      if (body[f] !== undefined) checkModel(issues, body[f], ['body', f], f === 'mcp_config' ? 'MCPConfig' : f === 'suggested_task' ? 'SuggestedTask' : 'CreateMicroagent');
    }
  }
  if (!body || !issues.ok) return issues.reply();
  const text = typeof body.initial_user_msg === 'string' ? body.initial_user_msg : '';
  if (text.trim() === '') {
    return json(400, { status: 'error', message: 'Missing initial user message', msg_id: 'CONFIGURATION$MISSING_USER_MESSAGE' });
  }
  const c = ctx.state.store.create(
    {
      origin: 'v0',
      scenario: scenarioFromText(text) ?? ctx.state.scenario,
      initialText: text,
      request: {},
      repository: (body.repository as string | null | undefined) ?? null,
      branch: (body.selected_branch as string | null | undefined) ?? null,
      gitProvider: (body.git_provider as string | null | undefined) ?? null,
      title: null,
      trigger: 'openhands_api',
      isPublic: null,
    },
    ctx.now,
  );
  return json(200, { status: 'ok', conversation_id: c.id, message: null, conversation_status: 'STARTING' });
}

function getOne(ctx: RequestContext): Reply {
  const c = find(ctx);
  return json(200, c ? toConversationInfo(c, ctx.baseUrl) : null);
}

/** `page_id` is opaque base64 JSON, as after the 2025 V0/V1 merge. */
const encodePage = (offset: number): string => Buffer.from(JSON.stringify({ v0: offset, v1: null })).toString('base64');
function decodePage(pageId: string | null): number | undefined {
  if (pageId === null || pageId === '') return 0;
  try {
    const offset = (JSON.parse(Buffer.from(pageId, 'base64').toString('utf8')) as { v0?: unknown }).v0;
    return typeof offset === 'number' && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

function list(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const limit = q.int('limit', 20, { gt: 0 });
  const repo = q.str('selected_repository');
  const trigger = q.str('conversation_trigger');
  if (!q.issues.ok) return q.issues.reply();
  const offset = decodePage(q.str('page_id'));
  if (offset === undefined) return detail(400, 'Invalid page_id');
  const all = ctx.state.store.all().filter((c) => visibleInV0(c) && (repo === null || c.repository === repo) && (trigger === null || c.trigger === trigger));
  const results = all.slice(offset, offset + limit).map((c) => toConversationInfo(c, ctx.baseUrl));
  return json(200, { results, next_page_id: offset + limit < all.length ? encodePage(offset + limit) : null });
}

function events(ctx: RequestContext): Reply {
  const q = new QueryReader(ctx.query);
  const start = q.int('start_id', 0);
  const endRaw = q.str('end_id');
  const end = endRaw === null ? null : q.int('end_id', 0);
  const reverse = q.bool('reverse', false);
  const limit = q.int('limit', 20);
  if (!q.issues.ok) return q.issues.reply();
  if (limit < 0 || limit > 100) return detail(400, 'Invalid limit');
  const c = find(ctx);
  if (!c) return detail(404, 'Conversation not found');
  const selected = toV0Events(c).filter((e) => (e.id as number) >= start && (end === null || (e.id as number) <= end));
  const ordered = reverse ? selected.reverse() : selected;
  return json(200, { events: ordered.slice(0, limit), has_more: ordered.length > limit });
}

function message(ctx: RequestContext): Reply {
  const issues = new Issues();
  const body = bodyObject(issues, ctx.rawBody, ctx.body);
  if (body) {
    if (body.message === undefined) issues.add('missing', ['body', 'message'], 'Field required', body);
    else checkString(issues, body.message, ['body', 'message'], false);
  }
  if (!body || !issues.ok) return issues.reply();
  const c = find(ctx);
  if (!c || c.sandboxStatus !== 'RUNNING') return json(500, { success: false, error: 'Conversation is not running' });
  receiveMessage(c, body.message as string, ctx.now);
  ctx.state.store.touch(c);
  return json(200, { success: true });
}

function remove(ctx: RequestContext): Reply {
  const c = find(ctx);
  if (c) ctx.state.store.delete(c);
  return json(200, c !== undefined);
}

export const v0Routes: readonly Route[] = [
  route('POST', '/api/conversations', create),
  route('GET', '/api/conversations', list),
  route('GET', '/api/conversations/:id', getOne),
  route('DELETE', '/api/conversations/:id', remove),
  route('GET', '/api/conversations/:id/events', events),
  route('POST', '/api/conversations/:id/message', message),
  route('GET', '/api/user/info', () => json(200, { id: USER_ID, login: 'openhands-demo', avatar_url: 'https://avatars.githubusercontent.com/u/1?v=4', company: null, name: 'OpenHands Demo', email: 'demo@example.com' })),
];

/** Path prefixes that belong to V0 only: answered per `removedRoutes` when V0 is not served. */
export const V0_PREFIXES = ['/api/conversations', '/api/user/', '/api/options/', '/api/settings'];
