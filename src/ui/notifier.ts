// Tells the user when a task they started finishes, fails or waits for them: once per change,
// also across reloads and windows (the announced changes live in global state).
import * as vscode from 'vscode';
import { AnnouncedChanges, deservesNotification } from '../conversations/attention';
import type { Conversation } from '../conversations/conversation';
import type { ConversationStore, PhaseTransition } from '../conversations/conversationStore';
import { disableNotifications, readSettings } from './settings';
import { showMessage } from './userMessages';

const ANNOUNCED_KEY = 'openhands.announcedChanges';

export class Notifier implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    store: ConversationStore,
    private readonly globalState: vscode.Memento,
    private readonly browserUrl: (conversation: Conversation) => Promise<string | undefined>,
  ) {
    this.subscription = store.onDidTransition((t) => void this.onTransition(t));
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private async onTransition(transition: PhaseTransition): Promise<void> {
    if (!deservesNotification(transition) || !readSettings().notificationsEnabled) return;
    // Read afresh: another window may have announced this change already.
    const announced = new AnnouncedChanges(this.globalState.get<string[]>(ANNOUNCED_KEY));
    if (!announced.add(transition.conversation)) return;
    await this.globalState.update(ANNOUNCED_KEY, announced.toJSON());
    await this.show(transition.conversation);
  }

  private async show(conversation: Conversation): Promise<void> {
    const title = `“${conversation.title || 'Your OpenHands task'}”`;
    const detail = conversation.statusDetail ? `: ${conversation.statusDetail}` : '.';
    const actions = ['Open in Browser', 'Show', "Don't Show Again"];
    const choice =
      conversation.phase === 'finished'
        ? await showMessage('info', `OpenHands finished ${title}.`, ...actions)
        : conversation.phase === 'failed'
          ? await showMessage('error', `OpenHands failed on ${title}${detail}`, ...actions)
          : await showMessage('warning', `OpenHands needs your reply on ${title}.`, ...actions);
    if (choice === 'Open in Browser') {
      const url = await this.browserUrl(conversation);
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    } else if (choice === 'Show') {
      await vscode.commands.executeCommand('openhands.showConversations', conversation.id);
    } else if (choice === "Don't Show Again") {
      await disableNotifications();
    }
  }
}
