// What the status bar says, computed from the store and what the user has not looked at yet.
import type { Conversation } from './conversation';
import { isActive } from './conversation';
import type { AttentionKind } from './attention';
import { attentionOf } from './attention';

export interface StatusSummary {
  /** Empty when there is nothing to say: the item hides. */
  readonly text: string;
  readonly tooltip: string;
  readonly needsAttention: boolean;
}

const ICONS: Record<AttentionKind, string> = {
  waitingForYou: '$(comment-unresolved)',
  failed: '$(error)',
  finished: '$(check)',
};
const WORDS: Record<AttentionKind, string> = {
  waitingForYou: 'needs you',
  failed: 'failed',
  finished: 'finished',
};
const PRIORITY: AttentionKind[] = ['waitingForYou', 'failed', 'finished'];

export function summarize(conversations: readonly Conversation[], unseenIds: ReadonlySet<string>): StatusSummary {
  const active = conversations.filter((c) => isActive(c.phase));
  const unseen = conversations.filter((c) => unseenIds.has(c.id) && attentionOf(c.phase));
  const parts: string[] = [];
  const tips: string[] = [];
  if (active.length > 0) {
    parts.push(`$(sync~spin) ${active.length}`);
    tips.push(`${plural(active.length, 'task')} running: ${active.map(withStep).join(', ')}`);
  }
  for (const kind of PRIORITY) {
    const ofKind = unseen.filter((c) => c.phase === kind);
    if (ofKind.length === 0) continue;
    parts.push(`${ICONS[kind]} ${ofKind.length === 1 ? '' : `${ofKind.length} `}${WORDS[kind]}`);
    tips.push(`${WORDS[kind][0].toUpperCase()}${WORDS[kind].slice(1)}: ${ofKind.map(label).join(', ')}`);
  }
  if (parts.length === 0) return { text: '', tooltip: '', needsAttention: false };
  tips.push('Click to show the OpenHands conversations.');
  return { text: parts.join('  '), tooltip: tips.join('\n'), needsAttention: unseen.length > 0 };
}

function label(conversation: Conversation): string {
  const title = conversation.title ?? conversation.id;
  return title.length > 40 ? `${title.slice(0, 39)}…` : title;
}

/** A starting task names its step ("Preparing repository"), so progress shows on hover. */
function withStep(conversation: Conversation): string {
  return conversation.phase === 'starting' && conversation.statusDetail ? `${label(conversation)} (${conversation.statusDetail})` : label(conversation);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
