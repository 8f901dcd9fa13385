// Settles starts whose answer was lost: at the first load after a window reload, and when a
// load succeeds again after a failed lookup. A start the server made joins the sidebar as
// watched; one it never got is removed, and the user is offered to start again with the
// text kept. What the server cannot tell us yet stays pending for the next load.
import * as vscode from 'vscode';
import type { OpenHandsApi } from '../api/openHandsApi';
import { normalizeId } from '../api/wire';
import type { Conversation } from '../conversations/conversation';
import type { ConversationStore } from '../conversations/conversationStore';
import type { PendingStart, StartLookupResult } from '../conversations/pendingStart';
import { lookUpStart } from '../conversations/pendingStart';
import { titleFromTask } from '../conversations/taskMessage';
import type { PendingStarts } from './pendingStarts';
import { WINDOW_ID } from './pendingStarts';
import type { TaskDraft } from './taskDraft';
import { showMessage } from './userMessages';

/** The conversation as the sidebar shows a start of ours: our title and repository until the server has its own. */
export function asStarted(conversation: Conversation, pending: Pick<PendingStart, 'task' | 'repository' | 'branch' | 'sentAt'>): Conversation {
  return {
    ...conversation,
    title: conversation.title ?? titleFromTask(pending.task),
    repository: conversation.repository ?? pending.repository,
    branch: conversation.branch ?? pending.branch,
    createdAt: conversation.createdAt ?? new Date(pending.sentAt),
  };
}

/**
 * Already the result of a start this workspace confirmed (watched), by conversation id or by
 * the start task that made it: the same text may have been started twice on purpose. A row
 * that is only listed from the account may well be the one whose answer was lost.
 */
export function knownTo(store: ConversationStore): (c: Conversation) => boolean {
  return (c) => {
    if (store.isWatched(c.id)) return true;
    const task = c.startTaskId && normalizeId(c.startTaskId);
    return task !== undefined && store.watched().some((s) => s.startTaskId !== undefined && normalizeId(s.startTaskId) === task);
  };
}

export class StartRecovery {
  constructor(
    private readonly pending: PendingStarts,
    private readonly store: ConversationStore,
    private readonly draft: TaskDraft,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Looks up every start whose answer was lost; never throws. */
  async recoverAll(api: OpenHandsApi): Promise<void> {
    for (const record of this.pending.unresolved()) {
      if (!this.pending.claim(record)) continue;
      try {
        this.tell(record, await this.settle(api, record));
      } finally {
        this.pending.release(record);
      }
    }
  }

  /** Asks the server, then adopts or drops the record; an unanswered lookup keeps it. */
  async settle(api: OpenHandsApi, record: PendingStart): Promise<StartLookupResult> {
    const result = await lookUpStart(api, record, knownTo(this.store));
    if (result.kind === 'unknown') {
      this.log.warn(`[start] still can't tell whether the task sent at ${record.sentAt} was started: ${String(result.error)}`);
      return result;
    }
    await this.pending.remove(record);
    if (result.kind === 'found') {
      this.log.info(`[start] the task sent at ${record.sentAt} was started: ${result.conversation.id}`);
      this.store.addStarted(asStarted(result.conversation, record));
      if (this.draft.get() === record.task) await this.draft.clear();
    } else {
      this.log.info(`[start] the task sent at ${record.sentAt} never reached the server`);
      if (!this.draft.get()) await this.draft.save(record.task);
    }
    return result;
  }

  private tell(record: PendingStart, result: StartLookupResult): void {
    if (result.kind === 'unknown') return; // the view says the server is unreachable; we try again later
    const title = `“${titleFromTask(record.task)}”`;
    const reloaded = record.window !== WINDOW_ID;
    if (result.kind === 'found') {
      const text = reloaded
        ? `Your task ${title} was started before the window reloaded; it is in the OpenHands sidebar.`
        : `Your task ${title} did reach the server after all; it is in the OpenHands sidebar.`;
      void showMessage('info', text, 'Show').then((choice) => {
        if (choice === 'Show') void vscode.commands.executeCommand('openhands.showConversations', result.conversation.id);
      });
      return;
    }
    const text = reloaded
      ? `Your task ${title} was not started before the window reloaded. Your text is kept.`
      : `Your task ${title} did not reach the server. Your text is kept.`;
    void showMessage('warning', text, 'Restore Task').then((choice) => {
      if (choice === 'Restore Task') void vscode.commands.executeCommand('openhands.startTask');
    });
  }
}
