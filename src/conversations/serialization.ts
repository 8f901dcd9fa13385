// Conversations as JSON for the extension's storage (watched conversations survive reloads).
import type { Conversation, Phase } from './conversation';

const PHASES: readonly Phase[] = ['starting', 'running', 'waitingForYou', 'finished', 'failed', 'paused', 'archived', 'unknown'];

export type StoredConversation = Record<string, string | undefined>;

export function toStored(conversation: Conversation): StoredConversation {
  return {
    ...conversation,
    createdAt: conversation.createdAt?.toISOString(),
    updatedAt: conversation.updatedAt?.toISOString(),
  } as StoredConversation;
}

/** Tolerates anything: storage written by another version must not break activation. */
export function fromStored(value: unknown): Conversation | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !PHASES.includes(v.phase as Phase)) return undefined;
  const text = (key: string): string | undefined => (typeof v[key] === 'string' ? (v[key] as string) : undefined);
  const date = (key: string): Date | undefined => {
    const parsed = text(key) ? new Date(text(key) as string) : undefined;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
  };
  return {
    id: v.id,
    phase: v.phase as Phase,
    startTaskId: text('startTaskId'),
    title: text('title'),
    repository: text('repository'),
    branch: text('branch'),
    statusDetail: text('statusDetail'),
    sandboxId: text('sandboxId'),
    rawStatus: text('rawStatus'),
    createdAt: date('createdAt'),
    updatedAt: date('updatedAt'),
  };
}
