// Small wiring between the window, the sidebar and the services: focus drives the poller,
// looking at the sidebar clears the status bar's news, and relative times are kept fresh.
import * as vscode from 'vscode';
import type { Poller } from '../conversations/poller';
import type { ConversationItem } from './conversationItem';
import type { ConversationTreeProvider } from './conversationTree';
import type { StatusBarController } from './statusBar';

const RELATIVE_TIME_REFRESH_MS = 60_000;

export function wireViewLifecycle(
  poller: Poller,
  tree: ConversationTreeProvider,
  treeView: vscode.TreeView<ConversationItem>,
  statusBar: StatusBarController,
): vscode.Disposable {
  let ticker: ReturnType<typeof setInterval> | undefined;
  const setTicking = (on: boolean): void => {
    if (ticker) clearInterval(ticker);
    ticker = on ? setInterval(() => tree.refreshAll(), RELATIVE_TIME_REFRESH_MS) : undefined;
  };
  const markIfLooking = (): void => {
    if (treeView.visible && vscode.window.state.focused) statusBar.markSeen();
  };
  setTicking(treeView.visible);
  poller.setFocused(vscode.window.state.focused);
  return vscode.Disposable.from(
    vscode.window.onDidChangeWindowState((state) => {
      poller.setFocused(state.focused);
      markIfLooking();
    }),
    treeView.onDidChangeVisibility(({ visible }) => {
      setTicking(visible);
      markIfLooking();
    }),
    // A row that changes id (a start task becoming its conversation) loses its selection:
    // that empty selection is not the user looking.
    treeView.onDidChangeSelection(({ selection }) => {
      if (selection.length > 0) statusBar.markSeen();
    }),
    { dispose: () => setTicking(false) },
  );
}
