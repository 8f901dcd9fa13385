// Registers every command the manifest contributes. Each handler is a few lines that call
// into the services; the flows themselves live in their own files.
import * as vscode from 'vscode';
import { describeApiError } from '../api/errors';
import type { Conversation } from '../conversations/conversation';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Poller } from '../conversations/poller';
import type { ApiKeyStore } from './apiKeyStore';
import { promptForApiKey } from './apiKeyPrompt';
import type { ConversationItem } from './conversationItem';
import type { ConversationSync } from './conversationSync';
import type { ConversationTreeProvider } from './conversationTree';
import type { ServerSession } from './serverSession';
import type { StartTaskArgs, StartTaskDeps } from './startTask';
import { startTask } from './startTask';
import { showMessage } from './userMessages';
import { SHOW_VIEW_COMMAND } from './statusBar';

export interface CommandDeps extends StartTaskDeps {
  readonly keys: ApiKeyStore;
  readonly session: ServerSession;
  readonly store: ConversationStore;
  readonly sync: ConversationSync;
  readonly poller: Poller;
  readonly tree: ConversationTreeProvider;
  readonly treeView: vscode.TreeView<ConversationItem>;
  readonly markSeen: () => void;
  readonly chooseRemote: () => Promise<void>;
}

/** Item commands get the tree item; the notifier and tests pass an id. */
type Target = ConversationItem | string | undefined;

export function registerCommands(deps: CommandDeps): vscode.Disposable {
  const resolve = (target: Target): Conversation | undefined =>
    typeof target === 'string' ? deps.store.get(target) : target?.conversation ?? deps.treeView.selection[0]?.conversation;
  const handlers: Record<string, (...args: never[]) => unknown> = {
    // From a menu the first argument is the editor's URI, not StartTaskArgs.
    'openhands.startTask': (args?: StartTaskArgs) => startTask(deps, args instanceof vscode.Uri ? undefined : args),
    // The editor's context menu shows titles without their category, hence its own title.
    'openhands.startTaskOnSelection': () => startTask(deps),
    'openhands.setApiKey': (key?: string) => setApiKey(deps, key),
    'openhands.clearApiKey': () => clearApiKey(deps),
    'openhands.refresh': () => refresh(deps),
    'openhands.showLogs': () => deps.log.show(),
    'openhands.loadMore': () => deps.sync.loadMore(),
    'openhands.selectRemote': () => deps.chooseRemote(),
    'openhands.showConversations': (id?: string) => showConversations(deps, id),
    'openhands.openInBrowser': (target: Target) => openInBrowser(deps, resolve(target)),
    'openhands.copyConversationId': async (target: Target) => {
      const conversation = resolve(target);
      if (conversation) await vscode.env.clipboard.writeText(conversation.id);
    },
    'openhands.resumeConversation': (target: Target) => resume(deps, resolve(target)),
    'openhands.watchConversation': (target: Target) => setWatched(deps, resolve(target), true),
    'openhands.unwatchConversation': (target: Target) => setWatched(deps, resolve(target), false),
  };
  return vscode.Disposable.from(...Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler)));
}

async function setApiKey(deps: CommandDeps, key?: string): Promise<void> {
  // A key passed as an argument (automation, tests) is saved as-is; typed keys are checked first.
  if (typeof key === 'string' && key.trim()) await deps.keys.set(key.trim());
  else if (!(await promptForApiKey(deps.keys, deps.log))) return;
  void vscode.window.showInformationMessage('OpenHands API key saved.');
}

async function clearApiKey(deps: CommandDeps): Promise<void> {
  await deps.keys.clear();
  void vscode.window.showInformationMessage('OpenHands API key removed from this machine.');
}

async function refresh(deps: CommandDeps): Promise<void> {
  await vscode.window.withProgress({ location: { viewId: 'openhands.conversations' } }, async () => {
    deps.session.restart();
    await deps.sync.reload();
    deps.poller.wake();
  });
}

async function showConversations(deps: CommandDeps, id?: string): Promise<void> {
  await vscode.commands.executeCommand(SHOW_VIEW_COMMAND);
  deps.markSeen();
  const item = id ? deps.tree.itemFor(id) : undefined;
  if (item) await deps.treeView.reveal(item, { select: true, focus: false });
}

async function openInBrowser(deps: CommandDeps, conversation: Conversation | undefined): Promise<void> {
  if (!conversation) return;
  const api = await deps.session.api();
  await vscode.env.openExternal(vscode.Uri.parse(api.browserUrl(conversation.id)));
}

function setWatched(deps: CommandDeps, conversation: Conversation | undefined, watched: boolean): void {
  if (conversation) deps.store.setWatched(conversation.id, watched);
}

async function resume(deps: CommandDeps, conversation: Conversation | undefined): Promise<void> {
  if (!conversation) return;
  try {
    await (await deps.session.api()).resumeConversation(conversation);
    deps.log.info(`[resume] asked the server to resume ${conversation.id}`);
    // Paused is not polled; mark it starting so the poller follows it back to running.
    deps.store.applyUpdates(new Map([[conversation.id, { ...conversation, phase: 'starting', statusDetail: 'Resuming' }]]));
    deps.poller.wake();
  } catch (error) {
    const choice = await showMessage('error', `Couldn't resume the conversation. ${describeApiError(error, deps.session.serverUrl)}`, 'Show Logs');
    if (choice) deps.log.show();
  }
}
