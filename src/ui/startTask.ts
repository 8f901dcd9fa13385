// "OpenHands: Start Task": key → task text → repository → one create request. Whatever
// fails, the typed task is kept and the user is offered a retry (the user's own click).
import * as vscode from 'vscode';
import { describeApiError, isApiError } from '../api/errors';
import type { StartConversationRequest } from '../api/openHandsApi';
import type { ConversationStore } from '../conversations/conversationStore';
import type { Poller } from '../conversations/poller';
import { buildTaskMessage, titleFromTask } from '../conversations/taskMessage';
import type { ApiKeyStore } from './apiKeyStore';
import { promptForApiKey } from './apiKeyPrompt';
import type { RepositoryResolver } from './repositoryResolver';
import { selectedCode, selectionLabel } from './selectedCode';
import type { ServerSession } from './serverSession';
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
  deps.log.info(`[start] creating a conversation for ${request.repository ?? 'no repository'}${request.branch ? ` (${request.branch})` : ''}`);
  try {
    const conversation = await vscode.window.withProgress({ location: { viewId: VIEW_ID }, title: 'Starting task' }, async () =>
      (await deps.session.api()).startConversation(request),
    );
    deps.store.addStarted({
      ...conversation,
      title: conversation.title ?? titleFromTask(task),
      repository: conversation.repository ?? request.repository,
      branch: conversation.branch ?? request.branch,
      createdAt: conversation.createdAt ?? new Date(),
    });
    deps.session.setState('ready');
    deps.poller.wake();
    await deps.draft.clear();
    await vscode.commands.executeCommand('openhands.showConversations', conversation.id);
    void offerBrowser(deps, conversation.id);
  } catch (error) {
    deps.log.error(`[start] ${describeApiError(error, deps.session.serverUrl)}`);
    await offerRetry(deps, request, task, error);
  }
}

async function offerRetry(deps: StartTaskDeps, request: StartConversationRequest, task: string, error: unknown): Promise<void> {
  const fixKey = isApiError(error, 'unauthorized');
  const actions = fixKey ? ['Set API Key', 'Show Logs'] : ['Retry', 'Show Logs'];
  const choice = await vscode.window.showErrorMessage(
    `Couldn't start the task. ${describeApiError(error, deps.session.serverUrl)} Your task text is kept.`,
    ...actions,
  );
  if (choice === 'Retry') await send(deps, request, task);
  if (choice === 'Show Logs') deps.log.show();
  if (choice === 'Set API Key' && (await promptForApiKey(deps.keys, deps.log))) {
    deps.session.restart();
    await send(deps, request, task);
  }
}

async function offerBrowser(deps: StartTaskDeps, conversationId: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage('OpenHands is on it. Follow the task in the sidebar.', 'Open in Browser');
  if (choice !== 'Open in Browser') return;
  const current = deps.store.get(conversationId) ?? deps.store.list().find((c) => c.startTaskId && `task-${c.startTaskId}` === conversationId);
  const api = await deps.session.api();
  await vscode.env.openExternal(vscode.Uri.parse(api.browserUrl(current?.id ?? conversationId)));
}
