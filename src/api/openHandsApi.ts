// The one interface the rest of the extension uses to talk to an OpenHands server.
// A V1 adapter and a V0 adapter implement it; see ../../../shared/openhands-api.md.
import type { Conversation } from '../conversations/conversation';

export type ApiVersion = 'v1' | 'v0';

/** `git_provider` values the server understands (contract §4). */
export type GitProvider =
  | 'github'
  | 'gitlab'
  | 'bitbucket'
  | 'bitbucket_data_center'
  | 'forgejo'
  | 'azure_devops'
  | 'enterprise_sso';

export interface StartConversationRequest {
  /** The whole first message, already including any selected code. Never empty. */
  readonly message: string;
  /** `owner/repo`; absent to start without a repository. */
  readonly repository?: string;
  readonly branch?: string;
  readonly gitProvider?: GitProvider;
  readonly title?: string;
}

/** What a lost create request asked for, to find the conversation it may have made. */
export interface StartedLookup {
  /** The whole first message, exactly as sent. */
  readonly message: string;
  readonly repository?: string;
  /** When the request was sent (client clock). */
  readonly sentAt: Date;
}

export interface ConversationPage {
  readonly items: Conversation[];
  /** Absent on the last page. */
  readonly nextPageId?: string;
}

export interface OpenHandsApi {
  readonly version: ApiVersion;
  /**
   * Sends exactly one create request; never retried, whatever fails. V1 answers with a start
   * task: the result then has `id` `task-<start task id>`, `startTaskId` set and phase
   * `starting`. V0 answers with the conversation id at once.
   */
  startConversation(request: StartConversationRequest, signal?: AbortSignal): Promise<Conversation>;
  /**
   * Current state of the given conversations (ids as the store knows them, `task-…` ids
   * included), batched as the version allows. The map is keyed by the requested id; `null`
   * means the server no longer knows it. A start task that became READY comes back as its
   * conversation (with the real `id` and the `startTaskId`).
   */
  getConversations(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, Conversation | null>>;
  /** One page of the account's conversations, newest first. */
  listConversations(pageId?: string, signal?: AbortSignal): Promise<ConversationPage>;
  /**
   * Brings a paused conversation back (the platform pauses older ones when too many run).
   * V1 resumes its sandbox; V0 starts the conversation's runtime again.
   */
  resumeConversation(conversation: Conversation, signal?: AbortSignal): Promise<void>;
  /**
   * Conversations (V1: start tasks) created from this message since about `sentAt`, newest
   * first — to learn whether a create request whose answer was lost (timeout, reset, window
   * reload) reached the server. Reads at most one page; throws an ApiError when it cannot tell.
   */
  findStarted(lookup: StartedLookup, signal?: AbortSignal): Promise<Conversation[]>;
  /** Resolves when the server accepts the key; throws an ApiError otherwise. */
  validateKey(signal?: AbortSignal): Promise<void>;
  /** The page where the user can watch a conversation in the browser. */
  browserUrl(conversationId: string): string;
}
