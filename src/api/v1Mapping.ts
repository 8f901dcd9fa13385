// V1 wire shapes → the domain model, and the start request body. Phases come from
// phaseRules; this file only copies fields.
import type { Conversation } from '../conversations/conversation';
import { TASK_ID_PREFIX } from '../conversations/conversation';
import { serverTitle } from './titles';
import type { PhaseInfo } from '../conversations/phaseRules';
import { phaseOfStartTask } from '../conversations/phaseRules';
import type { StartConversationRequest } from './openHandsApi';
import type { JsonRecord } from './wire';
import { date, isRecord, str } from './wire';

export const TASK_PREFIX = TASK_ID_PREFIX;

export function isTaskId(id: string): boolean {
  return id.startsWith(TASK_PREFIX);
}

/** `AppConversationStartRequest` (contract §2.1); absent fields are left out, not null. */
export function v1StartBody(request: StartConversationRequest): Record<string, unknown> {
  return {
    initial_message: { role: 'user', content: [{ type: 'text', text: request.message }], run: true },
    selected_repository: request.repository,
    selected_branch: request.branch,
    git_provider: request.gitProvider,
    title: request.title,
  };
}

/** An `AppConversation` with its phase already decided. */
export function conversationFromV1(raw: JsonRecord, id: string, phase: PhaseInfo, startTaskId?: string): Conversation {
  return {
    id,
    startTaskId,
    title: serverTitle(str(raw, 'title')),
    repository: str(raw, 'selected_repository'),
    branch: str(raw, 'selected_branch'),
    createdAt: date(raw, 'created_at'),
    updatedAt: date(raw, 'updated_at'),
    phase: phase.phase,
    statusDetail: phase.detail,
    sandboxId: str(raw, 'sandbox_id'),
    rawStatus: [str(raw, 'sandbox_status') ?? '?', str(raw, 'execution_status') ?? 'null'].join('/'),
  };
}

/** A start task that has no conversation to show yet, as `task-<id>`. */
export function conversationFromTask(task: JsonRecord, taskId: string, phase?: PhaseInfo): Conversation {
  const request = isRecord(task['request']) ? task['request'] : {};
  const info = phase ?? phaseOfStartTask(task);
  return {
    id: `${TASK_PREFIX}${taskId}`,
    startTaskId: taskId,
    title: str(request, 'title'),
    repository: str(request, 'selected_repository'),
    branch: str(request, 'selected_branch'),
    createdAt: date(task, 'created_at'),
    updatedAt: date(task, 'updated_at'),
    phase: info.phase,
    statusDetail: info.detail,
    sandboxId: str(task, 'sandbox_id'),
    rawStatus: str(task, 'status'),
  };
}

/** What a batch entry we cannot read becomes: visible, but honest about it. */
export function unreadableConversation(id: string, startTaskId?: string): Conversation {
  return {
    id,
    startTaskId,
    phase: 'unknown',
    statusDetail: 'The server sent data the extension does not understand',
  };
}
