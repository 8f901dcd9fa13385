// How a simulated conversation looks through the V1 API (AppConversationStartTask and
// AppConversation in openhands-cloud.json).
import { LLM_MODEL, USER_ID } from './account';
import { isoUtc } from './ids';
import type { SimConversation } from './simConversation';

/** A pydantic dump of AppConversationStartRequest always carries every field. */
const REQUEST_DEFAULTS: Record<string, unknown> = {
  sandbox_id: null, conversation_id: null, initial_message: null, system_message_suffix: null, processors: null,
  llm_model: null, agent_profile_id: null, selected_repository: null, selected_branch: null, git_provider: null,
  suggested_task: null, title: null, trigger: null, pr_number: [], parent_conversation_id: null, agent_type: 'default',
  public: null, observability_metadata: null, observability_tags: null, observability_span_name: null, plugins: null, secrets: null,
};

const STARTED = new Set(['WAITING_FOR_SANDBOX', 'PREPARING_REPOSITORY', 'RUNNING_SETUP_SCRIPT', 'SETTING_UP_GIT_HOOKS', 'SETTING_UP_SKILLS', 'STARTING_CONVERSATION', 'READY']);

export const agentServerUrl = (c: SimConversation, baseUrl: string): string => `${baseUrl}/runtime/${c.sandboxId}`;

/** A conversation exists for the V1 API once its start task is READY. */
export const visibleInV1 = (c: SimConversation): boolean => c.readyAt !== null;

export function toStartTask(c: SimConversation, baseUrl: string): Record<string, unknown> {
  const ready = c.taskStatus === 'READY';
  return {
    id: c.taskId,
    created_by_user_id: USER_ID,
    status: c.taskStatus,
    detail: c.taskDetail,
    app_conversation_id: ready ? c.id : null,
    sandbox_id: STARTED.has(c.taskStatus) ? c.sandboxId : null,
    agent_server_url: ready ? agentServerUrl(c, baseUrl) : null,
    request: { ...REQUEST_DEFAULTS, ...c.request },
    created_at: isoUtc(c.createdAt),
    updated_at: isoUtc(c.taskUpdatedAt),
  };
}

function metrics(c: SimConversation): Record<string, unknown> | null {
  if (c.toolCalls === 0) return null;
  return {
    model_name: LLM_MODEL,
    accumulated_cost: Math.round(c.toolCalls * 1234) / 100000,
    max_budget_per_task: null,
    accumulated_token_usage: {
      model: LLM_MODEL, prompt_tokens: c.toolCalls * 5200, completion_tokens: c.toolCalls * 310, cache_read_tokens: c.toolCalls * 4100,
      cache_write_tokens: 900, reasoning_tokens: 0, context_window: 200000, per_turn_token: 5510, response_id: '',
    },
  };
}

export function toAppConversation(c: SimConversation, baseUrl: string): Record<string, unknown> {
  const running = c.sandboxStatus === 'RUNNING';
  return {
    id: c.id,
    created_by_user_id: USER_ID,
    sandbox_id: c.sandboxId,
    selected_repository: c.repository,
    selected_branch: c.branch,
    git_provider: c.gitProvider,
    title: c.title,
    trigger: c.trigger,
    pr_number: [],
    llm_model: LLM_MODEL,
    agent_kind: 'openhands',
    metrics: metrics(c),
    parent_conversation_id: null,
    sub_conversation_ids: [],
    public: c.isPublic,
    tags: {},
    created_at: isoUtc(c.createdAt),
    updated_at: isoUtc(c.updatedAt),
    sandbox_status: c.sandboxStatus,
    // Contract §2.4: null unless the sandbox is RUNNING.
    execution_status: running ? c.executionStatus : null,
    conversation_url: running ? `${agentServerUrl(c, baseUrl)}/api/conversations/${c.id}` : null,
    session_api_key: running ? c.sessionApiKey : null,
    acp_server: null,
    launched_agent_profile: null,
  };
}
