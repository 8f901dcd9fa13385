// V0 (legacy) wire shapes → the domain model, and the start request body (contract §3).
import type { Conversation } from '../conversations/conversation';
import { phaseOfV0Conversation } from '../conversations/phaseRules';
import type { StartConversationRequest } from './openHandsApi';
import { serverTitle } from './titles';
import type { JsonRecord } from './wire';
import { date, isRecord, str } from './wire';

/** `InitSessionRequest` forbids extra fields, so only these four; absent ones are left out. */
export function v0StartBody(request: StartConversationRequest): Record<string, unknown> {
  return {
    initial_user_msg: request.message,
    repository: request.repository,
    selected_branch: request.branch,
    git_provider: request.gitProvider,
  };
}

/** A `ConversationInfo`, given the agent state read from its events (if any). */
export function conversationFromV0(raw: JsonRecord, id: string, agentState?: string): Conversation {
  const info = phaseOfV0Conversation(raw, agentState);
  const status = [str(raw, 'status') ?? '?', str(raw, 'runtime_status'), agentState].filter(Boolean).join('/');
  return {
    id,
    title: serverTitle(str(raw, 'title')),
    repository: str(raw, 'selected_repository'),
    branch: str(raw, 'selected_branch'),
    createdAt: date(raw, 'created_at'),
    updatedAt: date(raw, 'last_updated_at'),
    phase: info.phase,
    statusDetail: info.detail,
    rawStatus: status,
  };
}

/**
 * The agent state of the newest `agent_state_changed` observation in an events reply
 * (`{events:[…]}`, asked for newest first). Undefined when none is among them.
 */
export function latestAgentState(events: readonly unknown[]): string | undefined {
  // V0 event ids count up; sorting guards against a server that ignored `reverse`.
  const order = (e: unknown): number => (isRecord(e) && typeof e['id'] === 'number' ? e['id'] : -1);
  const newestFirst = events.every((e) => order(e) >= 0) ? [...events].sort((a, b) => order(b) - order(a)) : events;
  for (const event of newestFirst) {
    if (!isRecord(event) || event['observation'] !== 'agent_state_changed') continue;
    const extras = isRecord(event['extras']) ? event['extras'] : {};
    const state = str(extras, 'agent_state');
    if (state !== undefined) return state;
  }
  return undefined;
}
