// OpenHandsApi for the V1 app server (`/api/v1/…`, contract §2 and §5).
import type { Conversation } from '../conversations/conversation';
import type { PhaseInfo } from '../conversations/phaseRules';
import { phaseOfStartTask, phaseOfV1Conversation } from '../conversations/phaseRules';
import { alignById, chunk, uniqueIds } from './batching';
import { ApiError, isApiError } from './errors';
import type { HttpClient } from './http';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { ConversationPage, OpenHandsApi, StartConversationRequest, StartedLookup } from './openHandsApi';
import { findStartedV1 } from './startedLookup';
import type { EventsResult } from './v1Events';
import { V1EventCache } from './v1Events';
import {
  conversationFromTask,
  conversationFromV1,
  isTaskId,
  TASK_PREFIX,
  unreadableConversation,
  v1StartBody,
} from './v1Mapping';
import type { JsonRecord } from './wire';
import { date, expectArray, expectPage, expectRecord, isRecord, normalizeId, str } from './wire';

const CONVERSATIONS = '/api/v1/app-conversations';
const START_TASKS = '/api/v1/app-conversations/start-tasks';
const SEARCH = '/api/v1/app-conversations/search';
/** The server refuses 100 or more ids in one batch get (§2.3, §2.4). */
export const MAX_IDS_PER_REQUEST = 99;
/** Creating may wait on a busy server; it is never retried, so give it room. */
const CREATE_TIMEOUT_MS = 60_000;

export interface V1AdapterOptions {
  readonly http: HttpClient;
  readonly log?: Logger;
  readonly now?: () => number;
  readonly pageSize?: number;
}

export class V1Adapter implements OpenHandsApi {
  readonly version = 'v1' as const;
  private readonly http: HttpClient;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly events: V1EventCache;
  /** Last phase per (normalised) id: `execution_status` null and MISSING depend on it. */
  private readonly previous = new Map<string, PhaseInfo>();
  private readonly reported = new Set<string>();

  constructor(private readonly options: V1AdapterOptions) {
    this.http = options.http;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.events = new V1EventCache(this.http, this.log);
  }

  async startConversation(request: StartConversationRequest, signal?: AbortSignal): Promise<Conversation> {
    const body = await this.http.request({
      method: 'POST',
      path: CONVERSATIONS,
      body: v1StartBody(request),
      signal,
      timeoutMs: CREATE_TIMEOUT_MS,
    });
    const task = expectRecord(body, CONVERSATIONS);
    const taskId = str(task, 'id');
    if (!taskId) throw new ApiError('malformed', { url: CONVERSATIONS, detail: 'the start task has no id' });
    const conv = conversationFromTask(task, taskId);
    // Older servers may not echo the request; what we asked for is still true.
    return { ...conv, title: conv.title ?? request.title, repository: conv.repository ?? request.repository, branch: conv.branch ?? request.branch };
  }

  async resumeConversation(conversation: Conversation, signal?: AbortSignal): Promise<void> {
    if (!conversation.sandboxId) throw new ApiError('malformed', { detail: 'the conversation has no sandbox to resume' });
    const path = `/api/v1/sandboxes/${encodeURIComponent(conversation.sandboxId)}/resume`;
    await this.http.request({ method: 'POST', path, signal });
  }

  async getConversations(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Conversation | null>> {
    const taskIds = uniqueIds(ids.filter(isTaskId).map((id) => id.slice(TASK_PREFIX.length)));
    const tasks = await this.batchGet(START_TASKS, taskIds, signal);
    // READY tasks are resolved in this same round: their conversations join the batch.
    const readyIds = [...tasks.values()].map(readyConversationId).filter((id): id is string => id !== undefined);
    const convs = await this.readConversations(uniqueIds([...ids.filter((id) => !isTaskId(id)), ...readyIds]), signal);
    const result = new Map<string, Conversation | null>();
    for (const id of ids) {
      const taskId = isTaskId(id) ? id.slice(TASK_PREFIX.length) : undefined;
      const task = taskId === undefined ? undefined : tasks.get(normalizeId(taskId));
      result.set(id, taskId === undefined ? convs.get(normalizeId(id)) ?? null : this.fromTask(taskId, task, convs));
    }
    return result;
  }

  async listConversations(pageId?: string, signal?: AbortSignal): Promise<ConversationPage> {
    const query = { limit: this.options.pageSize ?? 20, page_id: pageId };
    const page = expectPage(await this.http.request({ path: SEARCH, query, signal }), SEARCH, 'items');
    const listed = new Map<string, JsonRecord>();
    for (const raw of page.items) {
      const id = isRecord(raw) ? str(raw, 'id') : undefined;
      if (id !== undefined && isRecord(raw)) listed.set(normalizeId(id), raw);
      else this.reportOnce('list', 'a listed conversation has no id; skipped');
    }
    // `finished` needs the events here too: read without them, a question would show as
    // finished until the next poll (and notify as such). Cached, so a page costs this once.
    const events = await this.events.refresh(listed, signal);
    const items = [...listed].map(([key, raw]) => this.fromConversation(key, raw, events.get(key)));
    return { items: items.filter((c): c is Conversation => c !== null), nextPageId: page.nextPageId };
  }

  findStarted(lookup: StartedLookup, signal?: AbortSignal): Promise<Conversation[]> {
    return findStartedV1(this.http, lookup, signal);
  }

  /** `/api/keys/current` on the cloud; servers without API keys fall back to a user or count probe. */
  async validateKey(signal?: AbortSignal): Promise<void> {
    const probes = ['/api/keys/current', '/api/v1/users/me', `${CONVERSATIONS}/count`];
    for (const [i, path] of probes.entries()) {
      try {
        await this.http.request({ path, signal });
        return;
      } catch (err) {
        // 400 on keys/current means "not an API-key request" (e.g. a session-key server).
        const fallBack = isApiError(err, 'notFound') || isApiError(err, 'notOpenHands') || (i === 0 && isApiError(err, 'validation'));
        if (!fallBack || i === probes.length - 1) throw err;
      }
    }
  }

  browserUrl(conversationId: string): string {
    return `${this.http.serverUrl}/conversations/${encodeURIComponent(conversationId)}`;
  }

  /** Items keyed by normalised id; null for ids the server does not know. */
  private async batchGet(path: string, ids: readonly string[], signal?: AbortSignal): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    for (const part of chunk(ids, MAX_IDS_PER_REQUEST)) {
      const body = await this.http.request({ path, query: { ids: part }, signal });
      for (const [id, item] of alignById(part, expectArray(body, path))) out.set(normalizeId(id), item);
    }
    return out;
  }

  /** Conversations keyed by normalised id; events are read only where the phase needs them. */
  private async readConversations(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Conversation | null>> {
    const raws = await this.batchGet(CONVERSATIONS, ids, signal);
    const valid = new Map<string, JsonRecord>();
    for (const [key, raw] of raws) if (isRecord(raw) && str(raw, 'id')) valid.set(key, raw);
    const events = await this.events.refresh(valid, signal);
    return new Map([...raws].map(([key, raw]) => [key, this.fromConversation(key, raw, events.get(key))]));
  }

  private fromConversation(requestedId: string, raw: unknown, events?: EventsResult): Conversation | null {
    const key = normalizeId(requestedId);
    if (raw === null || raw === undefined) {
      this.previous.delete(key);
      this.events.forget(key);
      return null;
    }
    const id = isRecord(raw) ? str(raw, 'id') : undefined;
    if (!isRecord(raw) || id === undefined) {
      this.reportOnce(key, 'unreadable conversation item');
      return unreadableConversation(requestedId);
    }
    return conversationFromV1(raw, id, this.phaseOf(key, raw, events));
  }

  private phaseOf(key: string, raw: JsonRecord, fetched?: EventsResult): PhaseInfo {
    const failedFinished = fetched?.failed === true && str(raw, 'execution_status')?.toLowerCase() === 'finished';
    const lastActivityMs = (date(raw, 'updated_at') ?? date(raw, 'created_at'))?.getTime();
    const info: PhaseInfo = failedFinished
      ? { phase: 'unknown', detail: 'Could not read the latest events; will retry' } // unknown keeps it polled
      : phaseOfV1Conversation(raw, fetched?.events ?? this.events.cached(key, raw), this.previous.get(key), {
          nowMs: this.http.serverClock.serverNow(this.now()), // compared with server timestamps
          lastActivityMs,
        });
    this.previous.set(key, info);
    if (info.phase === 'unknown') this.reportOnce(key, info.detail ?? 'unknown status');
    return info;
  }

  private fromTask(taskId: string, raw: unknown, convs: ReadonlyMap<string, Conversation | null>): Conversation | null {
    if (raw === null || raw === undefined) return null;
    if (!isRecord(raw)) {
      this.reportOnce(taskId, 'unreadable start task item');
      return unreadableConversation(`${TASK_PREFIX}${taskId}`, taskId);
    }
    const convId = readyConversationId(raw);
    if (convId !== undefined) {
      const conv = convs.get(normalizeId(convId));
      if (conv) return { ...conv, startTaskId: taskId };
      return conversationFromTask(raw, taskId, { phase: 'starting', detail: 'Ready; waiting for the conversation to appear' });
    }
    const info = phaseOfStartTask(raw);
    if (info.phase === 'unknown') this.reportOnce(taskId, info.detail ?? 'unknown start task status');
    return conversationFromTask(raw, taskId, info);
  }

  private reportOnce(key: string, what: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log.warn(`[api] ${key}: ${what}`);
  }
}

function readyConversationId(task: unknown): string | undefined {
  if (!isRecord(task) || str(task, 'status')?.toUpperCase() !== 'READY') return undefined;
  return str(task, 'app_conversation_id');
}
