// OpenHands names as the user sees them, kept in one place so a renamed title breaks one line.
import type { Page } from 'playwright-core';
import { runCommand, typeInQuickInput } from './palette';

export const OPENHANDS = {
  container: 'OpenHands',
  conversationsView: 'Conversations',
  statusItemId: 'openhands.status',
  commands: {
    startTask: 'OpenHands: Start Task…',
    setApiKey: 'OpenHands: Set API Key…',
    clearApiKey: 'OpenHands: Clear API Key',
    refresh: 'OpenHands: Refresh',
    showLogs: 'OpenHands: Show Logs',
    showConversations: 'OpenHands: Show Conversations',
    loadMore: 'OpenHands: Load More Conversations',
    selectRemote: 'OpenHands: Choose Repository Remote…',
  },
} as const;

/** Stores a key the way a user does: the palette command, then the (password) input box. */
export async function setApiKeyViaPalette(page: Page, key: string): Promise<void> {
  await runCommand(page, OPENHANDS.commands.setApiKey);
  await typeInQuickInput(page, key);
}
