// A create request whose outcome is not known yet: written down before the request goes out
// and removed once the server's answer settles it. If the answer never comes (the window
// reloads, the connection drops mid-request), the record lets us look the conversation up
// instead of telling the user to start again — which could start the same task twice.
import type { OpenHandsApi } from '../api/openHandsApi';
import type { Conversation } from './conversation';

export interface PendingStart {
  readonly id: string;
  /** The whole first message as sent (selected code included): what identifies the start. */
  readonly message: string;
  /** What the user typed, to restore in the prompt. */
  readonly task: string;
  readonly repository?: string;
  readonly branch?: string;
  /** ISO time the request was sent, client clock. */
  readonly sentAt: string;
  /** The window (extension host) that sent it. */
  readonly window: string;
}

export type StartLookupResult =
  | { readonly kind: 'found'; readonly conversation: Conversation }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'unknown'; readonly error: unknown };

/** Records older than this are dropped unread: nobody waits a day for a lost start. */
export const PENDING_START_MAX_AGE_MS = 24 * 3600_000;

/**
 * Asks the server whether `pending` created a conversation. `isKnown` excludes conversations
 * already in the sidebar (the same text may have been started successfully before).
 */
export async function lookUpStart(
  api: Pick<OpenHandsApi, 'findStarted'>,
  pending: PendingStart,
  isKnown: (conversation: Conversation) => boolean,
  signal?: AbortSignal,
): Promise<StartLookupResult> {
  try {
    const lookup = { message: pending.message, repository: pending.repository, sentAt: new Date(pending.sentAt) };
    const found = (await api.findStarted(lookup, signal)).find((c) => !isKnown(c));
    return found ? { kind: 'found', conversation: found } : { kind: 'notFound' };
  } catch (error) {
    return { kind: 'unknown', error };
  }
}

/** Tolerates anything: storage written by another version must not break activation. */
export function readPendingStart(value: unknown, nowMs: number): PendingStart | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const text = (key: string): string | undefined => (typeof v[key] === 'string' && v[key] !== '' ? (v[key] as string) : undefined);
  const id = text('id');
  const message = text('message');
  const sentAt = text('sentAt');
  const sentMs = sentAt === undefined ? NaN : Date.parse(sentAt);
  if (!id || !message || !sentAt || Number.isNaN(sentMs) || nowMs - sentMs > PENDING_START_MAX_AGE_MS) return undefined;
  return { id, message, sentAt, task: text('task') ?? message, repository: text('repository'), branch: text('branch'), window: text('window') ?? '' };
}
