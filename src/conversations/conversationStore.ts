// The single source of truth for what the sidebar, the status bar and the notifier show.
// It fires `onDidChange` with just the conversations that changed, so the tree refreshes
// only those rows, and `onDidTransition` when a conversation's phase moves.
import type { Conversation, Phase } from './conversation';
import { isActive } from './conversation';
import { Emitter } from './emitter';

export interface StoreChange {
  /** Conversations whose row must be redrawn. */
  readonly updated: readonly Conversation[];
  /** True when rows were added, removed or re-ordered: the whole list must be redrawn. */
  readonly structural: boolean;
}

export interface PhaseTransition {
  readonly conversation: Conversation;
  readonly previous: Phase;
  /** Started from this workspace (or marked as watched): the user asked to hear about it. */
  readonly watched: boolean;
}

interface Entry {
  conversation: Conversation;
  watched: boolean;
}

export class ConversationStore {
  private readonly entries = new Map<string, Entry>();
  private readonly changes = new Emitter<StoreChange>();
  private readonly transitions = new Emitter<PhaseTransition>();
  readonly onDidChange = this.changes.event;
  readonly onDidTransition = this.transitions.event;

  get(id: string): Conversation | undefined {
    return this.entries.get(id)?.conversation;
  }

  isWatched(id: string): boolean {
    return this.entries.get(id)?.watched ?? false;
  }

  /** Newest first. */
  list(): Conversation[] {
    return [...this.entries.values()].map((e) => e.conversation).sort(newestFirst);
  }

  /** Ids worth polling: the agent may still move on by itself. */
  activeIds(): string[] {
    return [...this.entries.values()].filter((e) => isActive(e.conversation.phase)).map((e) => e.conversation.id);
  }

  watched(): Conversation[] {
    return [...this.entries.values()].filter((e) => e.watched).map((e) => e.conversation);
  }

  /** A conversation this window just started: tracked and watched. */
  addStarted(conversation: Conversation): void {
    this.entries.set(conversation.id, { conversation, watched: true });
    this.changes.fire({ updated: [conversation], structural: true });
  }

  /** The user asks to be told (or no longer) when this conversation needs them. */
  setWatched(id: string, watched: boolean): void {
    const entry = this.entries.get(id);
    if (!entry || entry.watched === watched) return;
    entry.watched = watched;
    this.changes.fire({ updated: [entry.conversation], structural: false });
  }

  /** Conversations restored after a reload; their phases are not news. */
  restore(conversations: readonly Conversation[], watched: boolean): void {
    let added = false;
    for (const conversation of conversations) {
      if (this.entries.has(conversation.id)) continue;
      this.entries.set(conversation.id, { conversation, watched });
      added = true;
    }
    if (added) this.changes.fire({ updated: [], structural: true });
  }

  /**
   * Merges a page of the account's conversations. Phases that moved since we last saw them
   * count as transitions; conversations seen for the first time do not (they are not news).
   */
  mergeListed(conversations: readonly Conversation[]): void {
    const result = new ChangeCollector();
    for (const conversation of conversations) this.upsert(conversation.id, conversation, result);
    this.emit(result);
  }

  /**
   * Applies a poll's results, keyed by the id that was asked for. A start task that became
   * a conversation is re-keyed; `null` means the server no longer knows the conversation.
   * Ids the store does not hold are ignored.
   */
  applyUpdates(updates: ReadonlyMap<string, Conversation | null>): void {
    const result = new ChangeCollector();
    for (const [requestedId, conversation] of updates) {
      // A poll that was in flight while the list was cleared (key or server changed) must
      // not bring its conversations back.
      if (!this.entries.has(requestedId)) continue;
      const next = conversation ?? this.gone(requestedId);
      if (next) this.upsert(requestedId, next, result);
    }
    this.emit(result);
  }

  clear(): void {
    if (this.entries.size === 0) return;
    this.entries.clear();
    this.changes.fire({ updated: [], structural: true });
  }

  dispose(): void {
    this.changes.dispose();
    this.transitions.dispose();
  }

  private upsert(key: string, next: Conversation, result: ChangeCollector): void {
    const existing = this.entries.get(key) ?? this.entries.get(next.id);
    if (!existing) {
      this.entries.set(next.id, { conversation: next, watched: false });
      result.structural = true;
      return;
    }
    const previous = existing.conversation;
    if (key !== next.id) {
      this.entries.delete(key);
      this.entries.set(next.id, existing);
      result.structural = true;
    }
    // A list or poll reply may lack what we knew: the local title, the repository, the start task.
    const merged = {
      ...next,
      title: next.title ?? previous.title,
      repository: next.repository ?? previous.repository,
      startTaskId: next.startTaskId ?? previous.startTaskId,
    };
    if (sameRow(previous, merged)) return;
    existing.conversation = merged;
    result.updated.push(merged);
    if (previous.phase !== merged.phase) {
      result.transitions.push({ conversation: merged, previous: previous.phase, watched: existing.watched });
    }
  }

  private gone(id: string): Conversation | undefined {
    const previous = this.entries.get(id)?.conversation;
    if (!previous || previous.phase === 'archived') return undefined;
    return { ...previous, phase: 'archived', statusDetail: 'No longer on the server (deleted elsewhere?)' };
  }

  private emit(result: ChangeCollector): void {
    if (result.updated.length > 0 || result.structural) {
      this.changes.fire({ updated: result.updated, structural: result.structural });
    }
    for (const transition of result.transitions) this.transitions.fire(transition);
  }
}

class ChangeCollector {
  readonly updated: Conversation[] = [];
  readonly transitions: PhaseTransition[] = [];
  structural = false;
}

function newestFirst(a: Conversation, b: Conversation): number {
  return time(b.createdAt) - time(a.createdAt) || a.id.localeCompare(b.id);
}

function time(date: Date | undefined): number {
  return date ? date.getTime() : Number.MAX_SAFE_INTEGER;
}

function sameRow(a: Conversation, b: Conversation): boolean {
  return (
    a.id === b.id &&
    a.phase === b.phase &&
    a.title === b.title &&
    a.statusDetail === b.statusDetail &&
    a.repository === b.repository &&
    a.branch === b.branch &&
    time(a.updatedAt) === time(b.updatedAt)
  );
}
