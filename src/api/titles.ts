// OpenHands names a conversation "Conversation 1a2b3" until its model has written a title.
// That placeholder says less than the task's first line, which the sidebar shows meanwhile.
const PLACEHOLDER = /^Conversation [0-9a-f]{5}$/i;

export function serverTitle(title: string | undefined): string | undefined {
  const trimmed = title?.trim();
  return trimmed && !PLACEHOLDER.test(trimmed) ? trimmed : undefined;
}
