// Which phase changes deserve the user's attention, and remembering which ones were
// already announced so nothing is announced twice — also across window reloads.
import type { Conversation, Phase } from './conversation';
import type { PhaseTransition } from './conversationStore';

export type AttentionKind = 'finished' | 'failed' | 'waitingForYou';

export function attentionOf(phase: Phase): AttentionKind | undefined {
  return phase === 'finished' || phase === 'failed' || phase === 'waitingForYou' ? phase : undefined;
}

/** A key for one change of one conversation: a later finish after a follow-up is a new change. */
export function changeKey(conversation: Conversation): string {
  return `${conversation.id}|${conversation.phase}|${conversation.updatedAt?.getTime() ?? ''}`;
}

/** Persisted set of announced changes, bounded so it cannot grow forever. */
export class AnnouncedChanges {
  private readonly keys: string[];

  constructor(saved: readonly string[] | undefined, private readonly limit = 500) {
    this.keys = Array.isArray(saved) ? saved.filter((k) => typeof k === 'string').slice(-limit) : [];
  }

  has(conversation: Conversation): boolean {
    return this.keys.includes(changeKey(conversation));
  }

  /** Returns false when it was already announced (by this window or an earlier one). */
  add(conversation: Conversation): boolean {
    const key = changeKey(conversation);
    if (this.keys.includes(key)) return false;
    this.keys.push(key);
    if (this.keys.length > this.limit) this.keys.splice(0, this.keys.length - this.limit);
    return true;
  }

  toJSON(): string[] {
    return [...this.keys];
  }
}

/** A transition the user asked to hear about: a watched conversation reaching a turn's end. */
export function deservesNotification(transition: PhaseTransition): boolean {
  return transition.watched && attentionOf(transition.conversation.phase) !== undefined && transition.previous !== transition.conversation.phase;
}
