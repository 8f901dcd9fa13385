// What `activate` returns: a read-only view for automation and for the tests that run inside
// VS Code, so they can check what the user sees without scraping the screen.
import type * as vscode from 'vscode';
import type { Conversation } from '../conversations/conversation';
import type { ConversationStore } from '../conversations/conversationStore';
import type { ConnectionState } from './contextKeys';
import type { ConversationItem } from './conversationItem';
import type { ServerSession } from './serverSession';
import type { StatusBarController } from './statusBar';
import type { ShownMessage } from './userMessages';
import { shownMessages } from './userMessages';

export interface OpenHandsExtensionApi {
  /** The sidebar's conversations, in the sidebar's order. */
  conversations(): readonly Conversation[];
  /** The status-bar item's text; empty while it is hidden. */
  statusBarText(): string;
  connectionState(): ConnectionState;
  /** The line shown above the rows (a rejected key, an unreachable server), if any. */
  viewMessage(): string | undefined;
  /** Why the last background request failed, in words; undefined once one succeeds. */
  connectionProblem(): string | undefined;
  /** The notifications this window showed, oldest first (the last 100). */
  messages(): readonly ShownMessage[];
  /**
   * A copy of what the extension keeps in this workspace's state (the task draft, pending
   * starts, watched conversations, remote choices) — to check that nothing secret is there.
   */
  workspaceState(): Readonly<Record<string, unknown>> | undefined;
}

export function extensionApi(
  store: ConversationStore,
  statusBar: StatusBarController,
  session: ServerSession,
  treeView: vscode.TreeView<ConversationItem>,
  workspaceState?: vscode.Memento,
): OpenHandsExtensionApi {
  return {
    conversations: () => store.list(),
    statusBarText: () => statusBar.text,
    connectionState: () => session.state,
    viewMessage: () => treeView.message,
    connectionProblem: () => session.problemMessage,
    messages: () => shownMessages(),
    workspaceState: () =>
      workspaceState && Object.fromEntries(workspaceState.keys().map((key) => [key, structuredClone(workspaceState.get<unknown>(key))])),
  };
}
