// OpenHandsApi for legacy V0 servers (`/api/conversations…`, contract §3). V0 has no batch
// get, so conversations are read one by one with a small concurrency limit.
import type { Conversation } from '../conversations/conversation';
import { mapLimit, uniqueIds } from './batching';
import { ApiError, isApiError } from './errors';
import type { HttpClient } from './http';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { ConversationPage, OpenHandsApi, StartConversationRequest, StartedLookup } from './openHandsApi';
import { findStartedV0 } from './startedLookup';
import { conversationFromV0, latestAgentState, v0StartBody } from './v0Mapping';
import type { JsonRecord } from './wire';
import { expectPage, expectRecord, isRecord, normalizeId, str } from './wire';

const CONVERSATIONS = '/api/conversations';
const CONCURRENCY = 4;
const EVENTS_LIMIT = 20;
/** V0 creates the runtime before answering; it is never retried, so give it room. */
const CREATE_TIMEOUT_MS = 120_000;

export interface V0AdapterOptions {
  readonly http: HttpClient;
  readonly log?: Logger;
  readonly pageSize?: number;
}

interface AgentStateEntry {
  readonly lastUpdatedAt?: string;
  readonly agentState?: string;
}

export class V0Adapter implements OpenHandsApi {
  readonly version = 'v0' as const;
  private readonly http: HttpClient;
  private readonly log: Logger;
  /** Agent state per conversation, valid while `last_updated_at` stays the same. */
  private readonly agentStates = new Map<string, AgentStateEntry>();
  private readonly reported = new Set<string>();

  constructor(private readonly options: V0AdapterOptions) {
    this.http = options.http;
    this.log = options.log ?? silentLogger;
  }

  async startConversation(request: StartConversationRequest, signal?: AbortSignal): Promise<Conversation> {
    const body = v0StartBody(request);
    const reply = expectRecord(
      await this.http.request({ method: 'POST', path: CONVERSATIONS, body, signal, timeoutMs: CREATE_TIMEOUT_MS }),
      CONVERSATIONS,
    );
    const id = str(reply, 'conversation_id');
    if (str(reply, 'status') !== 'ok' || id === undefined) {
      const detail = str(reply, 'message') ?? str(reply, 'msg_id') ?? 'the server did not return a conversation id';
      throw new ApiError(id === undefined ? 'malformed' : 'validation', { url: CONVERSATIONS, detail });
    }
    const conv = conversationFromV0({ status: str(reply, 'conversation_status') ?? 'STARTING' }, id);
    // V0 has no title field on create (extra fields are forbidden); keep ours for display.
    return { ...conv, title: request.title, repository: request.repository, branch: request.branch };
  }

  async resumeConversation(conversation: Conversation, signal?: AbortSignal): Promise<void> {
    const path = `/api/conversations/${encodeURIComponent(conversation.id)}/start`;
    await this.http.request({ method: 'POST', path, body: { providers_set: null }, signal });
  }

  async getConversations(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Conversation | null>> {
    const unique = uniqueIds(ids);
    const found = await mapLimit(unique, CONCURRENCY, (id) => this.getOne(id, signal));
    const byKey = new Map(unique.map((id, i) => [normalizeId(id), found[i] ?? null]));
    return new Map(ids.map((id) => [id, byKey.get(normalizeId(id)) ?? null]));
  }

  async listConversations(pageId?: string, signal?: AbortSignal): Promise<ConversationPage> {
    const query = { limit: this.options.pageSize ?? 20, page_id: pageId };
    const page = expectPage(await this.http.request({ path: CONVERSATIONS, query, signal }), CONVERSATIONS, 'results');
    const items: Conversation[] = [];
    for (const raw of page.items) {
      const id = isRecord(raw) ? str(raw, 'conversation_id') : undefined;
      if (id === undefined || !isRecord(raw)) this.reportOnce('list', 'a listed conversation has no id; skipped');
      else items.push(conversationFromV0(raw, id, this.agentStates.get(normalizeId(id))?.agentState));
    }
    return { items, nextPageId: page.nextPageId };
  }

  findStarted(lookup: StartedLookup, signal?: AbortSignal): Promise<Conversation[]> {
    return findStartedV0(this.http, lookup, signal);
  }

  /** V0 had no key endpoint the cloud kept; the conversation list needs the key everywhere. */
  async validateKey(signal?: AbortSignal): Promise<void> {
    await this.http.request({ path: CONVERSATIONS, query: { limit: 1 }, signal });
  }

  browserUrl(conversationId: string): string {
    return `${this.http.serverUrl}/conversations/${encodeURIComponent(conversationId)}`;
  }

  private async getOne(id: string, signal?: AbortSignal): Promise<Conversation | null> {
    if (id.startsWith('task-')) return null; // a V1 start task: this server cannot know it
    const path = `${CONVERSATIONS}/${encodeURIComponent(id)}`;
    let raw: unknown;
    try {
      raw = await this.http.request({ path, signal });
    } catch (err) {
      if (isApiError(err, 'notFound')) raw = null;
      else throw err;
    }
    if (raw === null || raw === undefined) {
      this.agentStates.delete(normalizeId(id));
      return null; // V0 answers 200 `null` for a conversation it no longer has
    }
    const serverId = isRecord(raw) ? str(raw, 'conversation_id') : undefined;
    if (!isRecord(raw) || serverId === undefined) {
      this.reportOnce(id, 'unreadable conversation');
      return { id, phase: 'unknown', statusDetail: 'The server sent data the extension does not understand' };
    }
    const conv = conversationFromV0(raw, serverId, await this.agentState(id, raw, signal));
    if (conv.phase === 'unknown') this.reportOnce(id, conv.statusDetail ?? 'unknown status');
    return conv;
  }

  /** V0 `status` stays RUNNING after the agent is done (§11.6): the events say more. */
  private async agentState(id: string, raw: JsonRecord, signal?: AbortSignal): Promise<string | undefined> {
    const key = normalizeId(id);
    const cached = this.agentStates.get(key);
    const updatedAt = str(raw, 'last_updated_at');
    if (str(raw, 'status')?.toUpperCase() !== 'RUNNING') return cached?.agentState;
    if (cached && cached.lastUpdatedAt === updatedAt) return cached.agentState;
    try {
      const path = `${CONVERSATIONS}/${encodeURIComponent(id)}/events`;
      const reply = expectRecord(await this.http.request({ path, query: { reverse: true, limit: EVENTS_LIMIT }, signal }), path);
      const events = Array.isArray(reply['events']) ? reply['events'] : [];
      // No state change among the newest events: the last one we saw still holds.
      const agentState = latestAgentState(events) ?? cached?.agentState;
      this.agentStates.set(key, { lastUpdatedAt: updatedAt, agentState });
      return agentState;
    } catch (err) {
      if (isApiError(err, 'cancelled') || isApiError(err, 'unauthorized') || isApiError(err, 'rateLimited')) throw err;
      this.log.warn(`[api] could not read the events of ${id}: ${String(err)}`);
      return cached?.agentState; // not cached as current: the next poll tries again
    }
  }

  private reportOnce(key: string, what: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.log.warn(`[api] ${key}: ${what}`);
  }
}
