// When the list is not empty the welcome views cannot show, so a rejected key or an
// unreachable server is said in the view's message line instead, above the last-seen rows.
import type * as vscode from 'vscode';
import type { ConversationStore } from '../conversations/conversationStore';
import type { ConversationItem } from './conversationItem';
import type { ConnectionState } from './contextKeys';
import type { ServerSession } from './serverSession';

const MESSAGES: Partial<Record<ConnectionState, string>> = {
  keyRejected: 'The server rejected your API key: run “OpenHands: Set API Key…”. Showing what was last seen.',
  unreachable: 'Can’t reach the OpenHands server; retrying. Showing what was last seen.',
};

export function wireViewMessage(session: ServerSession, store: ConversationStore, treeView: vscode.TreeView<ConversationItem>): vscode.Disposable[] {
  const update = (): void => {
    // An empty tree keeps its welcome view, which a message would hide.
    const message = store.list().length > 0 ? MESSAGES[session.state] : undefined;
    if (treeView.message !== message) treeView.message = message;
  };
  return [session.onDidChangeState(update), store.onDidChange(update)];
}
