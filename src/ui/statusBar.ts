// One left status-bar item: a spinner and count while tasks run, and a short word when one
// finishes, fails or needs the user, until the user has looked at the sidebar.
import * as vscode from 'vscode';
import { attentionOf } from '../conversations/attention';
import type { ConversationStore } from '../conversations/conversationStore';
import { summarize } from '../conversations/statusSummary';

export const SHOW_VIEW_COMMAND = 'workbench.view.extension.openhands';

export class StatusBarController implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly unseen = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly store: ConversationStore) {
    this.item = vscode.window.createStatusBarItem('openhands.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'OpenHands Conversations';
    this.item.command = { title: 'Show OpenHands Conversations', command: 'openhands.showConversations' };
    this.subscriptions.push(
      store.onDidChange(() => this.render()),
      store.onDidTransition(({ conversation }) => {
        if (attentionOf(conversation.phase)) this.unseen.add(conversation.id);
        else this.unseen.delete(conversation.id);
        this.render();
      }),
    );
    this.render();
  }

  /** What the item shows now ('' when hidden), for the extension's API. */
  get text(): string {
    return this.item.text;
  }

  /** The user looked at the sidebar: the news is no longer news. */
  markSeen(): void {
    if (this.unseen.size === 0) return;
    this.unseen.clear();
    this.render();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }

  private render(): void {
    const summary = summarize(this.store.list(), this.unseen);
    if (!summary.text) {
      this.item.text = '';
      this.item.hide();
      return;
    }
    this.item.text = summary.text;
    this.item.tooltip = summary.tooltip;
    this.item.accessibilityInformation = { label: `OpenHands: ${summary.tooltip.split('\n')[0]}` };
    this.item.show();
  }
}
