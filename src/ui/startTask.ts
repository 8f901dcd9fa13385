// "OpenHands: Start Task": key → task text → repository → one create request. The typed text
// is kept (per workspace) until the server confirms the conversation, and the request is
// written down before it goes out, so a lost answer is looked up rather than repeated.
import * as vscode from 'vscode';
import { describeApiError } from '../api/errors';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Poller } from '../conversations/poller';
import { buildTaskMessage } from '../conversations/taskMessage';
import type { StartConversationRequest } from '../api/openHandsApi';
import type { ApiKeyStore } from './apiKeyStore';
import { promptForApiKey } from './apiKeyPrompt';
import type { PendingStarts } from './pendingStarts';
import type { RepositoryResolver } from './repositoryResolver';
import { selectedCode, selectionLabel } from './selectedCode';
import type { ServerSession } from './serverSession';
import { startFailed } from './startFailure';
import { confirmStart } from './startOutcome';
import type { TaskDraft } from './taskDraft';
import { promptForTask } from './taskPrompt';

export const VIEW_ID = 'openhands.conversations';

export interface StartTaskDeps {
  readonly keys: ApiKeyStore;
  readonly session: ServerSession;
  readonly store: ConversationStore;
  readonly poller: Poller;
  readonly draft: TaskDraft;
  readonly repositories: RepositoryResolver;
  readonly log: vscode.LogOutputChannel;
  /** Where requests wait for their answer, so a lost one is looked up, even after a reload. */
  readonly pendingStarts: PendingStarts;
}

/** Arguments for automation (keybindings, tests): a task given here skips the prompt. */
export interface StartTaskArgs {
  readonly task?: string;
}

export async function startTask(deps: StartTaskDeps, args?: StartTaskArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const withSelection = editor && !editor.selection.isEmpty ? editor : undefined;
  if (!(await deps.keys.get())) {
    const key = await promptForApiKey(deps.keys, deps.log, 'Set your OpenHands API key first; your task comes next.');
    if (!key) return;
  }
  const given = typeof args?.task === 'string' && args.task.trim() ? args.task.trim() : undefined;
  const task = given ?? (await promptForTask(deps.draft, withSelection && selectionLabel(withSelection)));
  if (!task) return;
  const target = await deps.repositories.resolve(editor?.document.uri);
  if (!target) return;
  const code = withSelection ? await selectedCode(withSelection, target) : undefined;
  const request: StartConversationRequest = {
    message: buildTaskMessage(task, code),
    repository: target.repository,
    branch: target.branch,
    gitProvider: target.provider,
  };
  await send(deps, request, task);
}

async function send(deps: StartTaskDeps, request: StartConversationRequest, task: string): Promise<void> {
  // Whatever path the text came from (prompt, selection, automation), it is kept until confirmed.
  await deps.draft.save(task);
  const fields = { message: request.message, task, repository: request.repository, branch: request.branch };
  const pending = await deps.pendingStarts.begin(fields);
  deps.log.info(`[start] creating a conversation for ${request.repository ?? 'no repository'}${request.branch ? ` (${request.branch})` : ''}`);
  try {
    const conversation = await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: 'Starting task' }, async () =>
      (await deps.session.api()).startConversation(request),
    );
    await confirmStart(deps, conversation, pending);
  } catch (error) {
    deps.log.error(`[start] ${describeApiError(error, deps.session.serverUrl)}`);
    await startFailed(deps, pending, error, () => send(deps, request, task));
  } finally {
    deps.pendingStarts.release(pending);
  }
}
