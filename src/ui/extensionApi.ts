// What `activate` returns: a read-only view for automation and for the tests that run inside
// VS Code, so they can check what the user sees without scraping the screen.
import type { Conversation } from '../conversations/conversation';
import type { ConversationStore } from '../conversations/conversationStore';
import type { ConnectionState } from './contextKeys';
import type { ServerSession } from './serverSession';
import type { StatusBarController } from './statusBar';

export interface OpenHandsExtensionApi {
  /** The sidebar's conversations, in the sidebar's order. */
  conversations(): readonly Conversation[];
  /** The status-bar item's text; empty while it is hidden. */
  statusBarText(): string;
  connectionState(): ConnectionState;
}

export function extensionApi(store: ConversationStore, statusBar: StatusBarController, session: ServerSession): OpenHandsExtensionApi {
  return {
    conversations: () => store.list(),
    statusBarText: () => statusBar.text,
    connectionState: () => session.state,
  };
}
