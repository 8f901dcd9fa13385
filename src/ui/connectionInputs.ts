// Reacts to what decides where and how we connect: the key (from any window) and the
// settings. Also performs the first load, after activation has returned.
import * as vscode from 'vscode';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Poller } from '../conversations/poller';
import type { ApiKeyStore } from './apiKeyStore';
import type { ConversationSync } from './conversationSync';
import type { ServerSession } from './serverSession';
import { onDidChangeSettings, readSettings } from './settings';

interface Inputs {
  readonly keys: ApiKeyStore;
  readonly session: ServerSession;
  readonly store: ConversationStore;
  readonly sync: ConversationSync;
  readonly poller: Poller;
}

export function watchConnectionInputs(inputs: Inputs): vscode.Disposable {
  const { keys, session, store, sync, poller } = inputs;
  const load = async (): Promise<void> => {
    if (!(await keys.refreshContextKey())) {
      session.setState('none');
      return;
    }
    sync.restoreWatched();
    await sync.reload();
    poller.wake();
  };
  const timer = setTimeout(() => void load(), 0);
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(timer) },
    keys.onDidChange(() => {
      session.restart();
      void keys.get().then((key) => {
        if (!key) sync.hideAll();
        void load();
      });
    }),
    onDidChangeSettings((affects) => {
      if (affects('polling.maxIntervalSeconds')) poller.setMaxInterval(readSettings().maxPollIntervalMs);
      if (affects('serverUrl') || affects('apiVersion')) {
        session.restart();
        store.clear();
        void load();
      }
    }),
  );
}
