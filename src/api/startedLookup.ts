// Finding the conversation a create request made when its answer never arrived (timeout,
// reset, window reload). V1 start tasks echo the request, so the message identifies them;
// V0 conversations are matched by time and repository, then by their first user message.
import type { Conversation } from '../conversations/conversation';
import { mapLimit } from './batching';
import type { HttpClient } from './http';
import type { StartedLookup } from './openHandsApi';
import { conversationFromV0 } from './v0Mapping';
import { conversationFromTask } from './v1Mapping';
import type { JsonRecord } from './wire';
import { date, expectPage, expectRecord, isRecord, str } from './wire';

const V1_TASK_SEARCH = '/api/v1/app-conversations/start-tasks/search';
const V0_CONVERSATIONS = '/api/conversations';
/** V1 matches on the exact message, so the time window only bounds the search: be generous. */
const V1_WINDOW_MS = 15 * 60_000;
/** V0 matches on time first: a create answers within its timeout (2 min), plus some slack. */
const V0_WINDOW_MS = 3 * 60_000;
const V1_LIMIT = 50;
const V0_LIMIT = 20;
/** V0 candidates whose first message is read to confirm them. */
const V0_CONFIRM = 5;

export async function findStartedV1(http: HttpClient, lookup: StartedLookup, signal?: AbortSignal): Promise<Conversation[]> {
  const since = new Date(http.serverClock.serverNow(lookup.sentAt.getTime()) - V1_WINDOW_MS).toISOString();
  const query = { created_at__gte: since, sort_order: 'CREATED_AT_DESC', limit: V1_LIMIT };
  const page = expectPage(await http.request({ path: V1_TASK_SEARCH, query, signal }), V1_TASK_SEARCH, 'items');
  const found: Conversation[] = [];
  for (const task of page.items) {
    const id = isRecord(task) ? str(task, 'id') : undefined;
    if (id !== undefined && isRecord(task) && sameV1Request(task, lookup)) found.push(conversationFromTask(task, id));
  }
  return found;
}

function sameV1Request(task: JsonRecord, lookup: StartedLookup): boolean {
  const request = isRecord(task['request']) ? task['request'] : {};
  const initial = isRecord(request['initial_message']) ? request['initial_message'] : {};
  return sameText(textOf(initial['content']), lookup.message) && str(request, 'selected_repository') === lookup.repository;
}

export async function findStartedV0(http: HttpClient, lookup: StartedLookup, signal?: AbortSignal): Promise<Conversation[]> {
  const query = { limit: V0_LIMIT, selected_repository: lookup.repository };
  const page = expectPage(await http.request({ path: V0_CONVERSATIONS, query, signal }), V0_CONVERSATIONS, 'results');
  const since = http.serverClock.serverNow(lookup.sentAt.getTime()) - V0_WINDOW_MS;
  const recent = page.items.filter(isRecord).filter((c) => {
    const created = date(c, 'created_at')?.getTime();
    return str(c, 'conversation_id') !== undefined && created !== undefined && created >= since && str(c, 'selected_repository') === lookup.repository;
  });
  const firstMessages = await mapLimit(recent.slice(0, V0_CONFIRM), 2, (c) => firstUserMessage(http, str(c, 'conversation_id') as string, signal));
  // Confirmed by their first message first; those whose runtime has not started yet (no
  // events) may still be ours; a different first message rules a conversation out.
  const ranked = recent.slice(0, V0_CONFIRM).map((c, i) => ({ c, text: firstMessages[i] }));
  const mine = ranked.filter((r) => r.text !== undefined && sameText(r.text, lookup.message));
  const unknown = ranked.filter((r) => r.text === undefined);
  return [...mine, ...unknown].map((r) => conversationFromV0(r.c, str(r.c, 'conversation_id') as string));
}

async function firstUserMessage(http: HttpClient, id: string, signal?: AbortSignal): Promise<string | undefined> {
  const path = `${V0_CONVERSATIONS}/${encodeURIComponent(id)}/events`;
  const reply = expectRecord(await http.request({ path, query: { start_id: 0, limit: 5 }, signal }), path);
  const events = Array.isArray(reply['events']) ? reply['events'] : [];
  const message = events.find((e) => isRecord(e) && e['source'] === 'user' && e['action'] === 'message');
  if (!isRecord(message)) return undefined;
  const args = isRecord(message['args']) ? message['args'] : {};
  return str(args, 'content') ?? str(message, 'message');
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content.map((part) => (isRecord(part) && typeof part['text'] === 'string' ? part['text'] : '')).join('');
}

/** Servers may trim or normalise line endings of what they store. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\r\n/g, '\n').trim();
  return norm(a) === norm(b);
}
