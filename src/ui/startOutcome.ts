// The good end of Start Task: the server made the conversation (it answered, or a lookup
// found it after the answer was lost). It joins the sidebar as watched and the draft goes.
import * as vscode from 'vscode';
import type { Conversation } from '../conversations/conversation';
import type { PendingStart } from '../conversations/pendingStart';
import type { StartTaskDeps } from './startTask';
import { asStarted } from './startRecovery';
import { showMessage } from './userMessages';

/** The server made the conversation (answered, or found by a lookup): show it, forget the draft. */
export async function confirmStart(deps: StartTaskDeps, conversation: Conversation, pending: PendingStart, note?: string): Promise<void> {
  deps.store.addStarted(asStarted(conversation, pending));
  deps.session.setState('ready');
  deps.poller.wake();
  await deps.draft.clear();
  await deps.pendingStarts.remove(pending);
  await vscode.commands.executeCommand('openhands.showConversations', conversation.id);
  void offerBrowser(deps, conversation.id, note);
}

async function offerBrowser(deps: StartTaskDeps, conversationId: string, note?: string): Promise<void> {
  const text = note ?? 'OpenHands is on it. Follow the task in the sidebar.';
  const choice = await showMessage('info', text, 'Open in Browser');
  if (choice !== 'Open in Browser') return;
  const current = deps.store.get(conversationId) ?? deps.store.list().find((c) => c.startTaskId && `task-${c.startTaskId}` === conversationId);
  const api = await deps.session.api();
  await vscode.env.openExternal(vscode.Uri.parse(api.browserUrl(current?.id ?? conversationId)));
}
