// Composition root: builds the services once, wires them, registers every disposable.
// Nothing here awaits the network or git: the first load runs after activate returns.
import * as vscode from 'vscode';
import { systemClock } from './conversations/clock';
import { ConversationStore } from './conversations/conversationStore';
import { Poller } from './conversations/poller';
import { ApiKeyStore } from './ui/apiKeyStore';
import { registerCommands } from './ui/commands';
import { ConversationSync } from './ui/conversationSync';
import { ConversationTreeProvider } from './ui/conversationTree';
import type { OpenHandsExtensionApi } from './ui/extensionApi';
import { extensionApi } from './ui/extensionApi';
import { Notifier } from './ui/notifier';
import { PendingStarts } from './ui/pendingStarts';
import { RepositoryResolver } from './ui/repositoryResolver';
import { ServerSession } from './ui/serverSession';
import { readSettings } from './ui/settings';
import { VIEW_ID } from './ui/startTask';
import { StatusBarController } from './ui/statusBar';
import { TaskDraft } from './ui/taskDraft';
import { watchConnectionInputs } from './ui/connectionInputs';
import { wireViewLifecycle } from './ui/viewLifecycle';
import { wireViewMessage } from './ui/viewMessage';

export function activate(context: vscode.ExtensionContext): OpenHandsExtensionApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('OpenHands', { log: true });
  const keys = new ApiKeyStore(context.secrets);
  const session = new ServerSession(keys, log);
  const store = new ConversationStore();
  const draft = new TaskDraft(context.workspaceState);
  const pendingStarts = new PendingStarts(context.workspaceState);
  const sync = new ConversationSync(session, store, context.workspaceState, pendingStarts, draft);
  const poller = new Poller({
    clock: systemClock,
    poll: (signal) => sync.poll(signal),
    hasActive: () => store.activeIds().length > 0,
    maxIntervalMs: readSettings().maxPollIntervalMs,
    log,
  });
  const tree = new ConversationTreeProvider(store);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree });
  const statusBar = new StatusBarController(store);
  const repositories = new RepositoryResolver(context.workspaceState, log);
  const notifier = new Notifier(store, context.globalState, async (c) => (await session.api()).browserUrl(c.id));
  context.subscriptions.push(
    log, keys, session, store, sync, { dispose: () => poller.dispose() }, tree, treeView, statusBar, repositories, notifier,
    registerCommands({
      keys, session, store, sync, poller, tree, treeView, log, repositories,
      draft,
      pendingStarts,
      markSeen: () => statusBar.markSeen(),
      chooseRemote: () => repositories.chooseRemoteInteractively(vscode.window.activeTextEditor?.document.uri),
    }),
    wireViewLifecycle(poller, tree, treeView, statusBar),
    ...wireViewMessage(session, store, treeView),
    watchConnectionInputs({ keys, session, store, sync, poller }),
  );
  log.info(`[activate] activated in ${(performance.now() - started).toFixed(1)} ms`);
  return extensionApi(store, statusBar, session, treeView, context.workspaceState);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
