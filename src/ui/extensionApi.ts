// What `activate` returns: a read-only view for automation and for the tests that run inside
// VS Code, so they can check what the user sees without scraping the screen.
import type * as vscode from 'vscode';
import type { Conversation } from '../conversations/conversation';
import type { ConversationStore } from '../conversations/conversationStore';
import type { ConnectionState } from './contextKeys';
import type { ConversationItem } from './conversationItem';
import type { ServerSession } from './serverSession';
import type { StatusBarController } from './statusBar';

export interface OpenHandsExtensionApi {
  /** The sidebar's conversations, in the sidebar's order. */
  conversations(): readonly Conversation[];
  /** The status-bar item's text; empty while it is hidden. */
  statusBarText(): string;
  connectionState(): ConnectionState;
  /** The line shown above the rows (a rejected key, an unreachable server), if any. */
  viewMessage(): string | undefined;
}

export function extensionApi(
  store: ConversationStore,
  statusBar: StatusBarController,
  session: ServerSession,
  treeView: vscode.TreeView<ConversationItem>,
): OpenHandsExtensionApi {
  return {
    conversations: () => store.list(),
    statusBarText: () => statusBar.text,
    connectionState: () => session.state,
    viewMessage: () => treeView.message,
  };
}
