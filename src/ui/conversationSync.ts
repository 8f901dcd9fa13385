// Keeps the store in step with the server: the account's first page (and more on request),
// and the poll of active conversations. Watched conversations are saved per workspace so
// polling resumes after a reload; starts whose answer was lost are settled at each first
// load; a first load that fails is tried again by itself.
import type * as vscode from 'vscode';
import { ApiError } from '../api/errors';
import type { OpenHandsApi } from '../api/openHandsApi';
import { TASK_ID_PREFIX } from '../conversations/conversation';
import type { ConversationStore } from '../conversations/conversationStore';
import type { PollResult } from '../conversations/poller';
import { fromStored, toStored } from '../conversations/serialization';
import { isTransient } from './connectionProblem';
import { setContextKey } from './contextKeys';
import type { PendingStarts } from './pendingStarts';
import { Reconnect } from './reconnect';
import type { ServerSession } from './serverSession';
import { StartRecovery } from './startRecovery';
import type { TaskDraft } from './taskDraft';

const WATCHED_KEY = 'openhands.watchedConversations';
const MAX_WATCHED = 200;

export class ConversationSync implements vscode.Disposable {
  private nextPageId: string | undefined;
  private loading: Promise<void> | undefined;
  private persisting = true;
  private readonly subscription: vscode.Disposable;
  private readonly recovery: StartRecovery;
  /** Public for tests: when the next automatic retry of a failed load is planned. */
  readonly reconnect = new Reconnect(() => void this.reload());

  constructor(
    private readonly session: ServerSession,
    private readonly store: ConversationStore,
    private readonly workspaceState: vscode.Memento,
    pendingStarts: PendingStarts,
    draft: TaskDraft,
  ) {
    this.recovery = new StartRecovery(pendingStarts, store, draft, session.log);
    this.restoreWatched();
    this.subscription = store.onDidChange(() => {
      if (this.persisting) void this.saveWatched();
    });
  }

  /** Brings back the conversations started from this workspace (after a reload or a new key). */
  restoreWatched(): void {
    const restored = (this.workspaceState.get<unknown[]>(WATCHED_KEY) ?? []).map(fromStored).filter((c) => c !== undefined);
    this.store.restore(restored, true);
  }

  /**
   * Empties the sidebar (the key or the server went away) but keeps the saved watch list,
   * so conversations started here come back with the next key.
   */
  hideAll(): void {
    this.persisting = false;
    try {
      this.store.clear();
    } finally {
      this.persisting = true;
    }
  }

  /** Loads the first page of the account's conversations; concurrent calls share one load. */
  reload(): Promise<void> {
    this.reconnect.cancel();
    this.loading ??= this.loadPage(undefined).finally(() => (this.loading = undefined));
    return this.loading;
  }

  async loadMore(): Promise<void> {
    if (this.nextPageId) await this.loadPage(this.nextPageId);
  }

  /** The poller's work: one batched fetch of the active conversations. */
  async poll(signal: AbortSignal): Promise<PollResult> {
    const ids = this.store.activeIds();
    if (ids.length === 0) return { changed: false };
    let changed = false;
    const listener = this.store.onDidChange(() => (changed = true));
    try {
      const api = await this.session.api(signal);
      this.store.applyUpdates(await api.getConversations(ids, signal));
      this.session.setState('ready');
    } catch (error) {
      this.session.reportFailure(error);
      throw error;
    } finally {
      listener.dispose();
    }
    return { changed };
  }

  dispose(): void {
    this.reconnect.cancel();
    this.subscription.dispose();
  }

  private async loadPage(pageId: string | undefined): Promise<void> {
    // A retry in the background keeps saying "unreachable" rather than flashing "loading".
    if (!pageId && this.store.list().length === 0 && this.session.state !== 'unreachable') this.session.setState('loading');
    try {
      const api = await this.session.api();
      if (!pageId) await this.recovery.recoverAll(api);
      if (!pageId) await this.resolveStartTasks(api);
      const page = await api.listConversations(pageId);
      this.store.mergeListed(page.items);
      this.nextPageId = page.nextPageId;
      setContextKey('openhands.hasMore', page.nextPageId !== undefined);
      this.session.setState('ready');
      this.reconnect.succeeded();
    } catch (error) {
      this.session.reportFailure(error);
      if (this.session.state === 'loading') this.session.setState('unreachable');
      if (!pageId && error instanceof ApiError && isTransient(error)) this.reconnect.schedule(error.retryAfterMs);
    }
  }

  /**
   * A start task that became a conversation must be matched to it before the list arrives,
   * or the list would show the conversation a second time next to its start task.
   */
  private async resolveStartTasks(api: OpenHandsApi): Promise<void> {
    const pending = this.store.activeIds().filter((id) => id.startsWith(TASK_ID_PREFIX));
    if (pending.length > 0) this.store.applyUpdates(await api.getConversations(pending));
  }

  private async saveWatched(): Promise<void> {
    const watched = this.store.watched().slice(0, MAX_WATCHED).map(toStored);
    await this.workspaceState.update(WATCHED_KEY, watched);
  }
}
