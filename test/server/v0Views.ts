// How a simulated conversation looks through the legacy V0 API (ConversationInfo in
// V0_openapi.json; events as the 2025 server streamed them). V0's `status` stays RUNNING after
// the agent finishes: only `agent_state_changed` events tell (contract §5, pitfall §11.6).
import { conversationError, messageEvent } from './eventFactory';
import { isoNaive, isoUtc } from './ids';
import type { ExecutionStatus, SimConversation, SimEvent, TimelineEntry } from './simConversation';
import { agentServerUrl } from './v1Views';

/** The 0.53 spec's enums; values outside them are shown as null (ConversationStatus too). */
const V0_PROVIDERS = ['github', 'gitlab', 'bitbucket', 'enterprise_sso'];
const V0_TRIGGERS = ['resolver', 'gui', 'suggested_task', 'openhands_api', 'slack', 'microagent_management', 'jira', 'jira_dc', 'linear'];
const pick = (value: string | null, allowed: readonly string[]): string | null => (value !== null && allowed.includes(value) ? value : null);

/** V1-created conversations exist for V0 once READY; V0-created ones at once. */
export const visibleInV0 = (c: SimConversation): boolean => c.origin !== 'v1' || c.readyAt !== null;

/** The 0.53 enum has only STARTING/RUNNING/STOPPED: archived and failed starts show STOPPED. */
function status(c: SimConversation): 'STARTING' | 'RUNNING' | 'STOPPED' {
  if (c.taskStatus === 'ERROR') return 'STOPPED';
  if (c.readyAt === null || c.sandboxStatus === 'STARTING') return 'STARTING';
  return c.sandboxStatus === 'RUNNING' ? 'RUNNING' : 'STOPPED';
}

const TASK_RUNTIME: Record<string, string> = {
  WORKING: 'STATUS$STARTING_RUNTIME', WAITING_FOR_SANDBOX: 'STATUS$STARTING_RUNTIME', PREPARING_REPOSITORY: 'STATUS$SETTING_UP_WORKSPACE',
  RUNNING_SETUP_SCRIPT: 'STATUS$SETTING_UP_WORKSPACE', SETTING_UP_GIT_HOOKS: 'STATUS$SETTING_UP_GIT_HOOKS', SETTING_UP_SKILLS: 'STATUS$SETTING_UP_GIT_HOOKS',
  STARTING_CONVERSATION: 'STATUS$RUNTIME_STARTED', READY: 'STATUS$RUNTIME_STARTED', ERROR: 'STATUS$ERROR',
};

function runtimeStatus(c: SimConversation): string | null {
  if (c.readyAt === null || c.taskStatus === 'ERROR') return TASK_RUNTIME[c.taskStatus];
  if (c.sandboxStatus === 'RUNNING') return c.executionStatus === 'error' || c.executionStatus === 'stuck' ? 'STATUS$ERROR' : 'STATUS$READY';
  return { STARTING: 'STATUS$RUNTIME_STARTED', PAUSED: 'STATUS$STOPPED', ERROR: 'STATUS$ERROR', MISSING: null }[c.sandboxStatus] ?? null;
}

export function toConversationInfo(c: SimConversation, baseUrl: string): Record<string, unknown> {
  const running = c.sandboxStatus === 'RUNNING';
  return {
    conversation_id: c.id,
    title: c.title ?? `Conversation ${c.id.slice(0, 5)}`,
    last_updated_at: isoUtc(c.updatedAt),
    status: status(c),
    runtime_status: runtimeStatus(c),
    selected_repository: c.repository,
    selected_branch: c.branch,
    git_provider: pick(c.gitProvider, V0_PROVIDERS),
    trigger: pick(c.trigger, V0_TRIGGERS),
    num_connections: 0,
    url: running ? `${agentServerUrl(c, baseUrl)}/api/conversations/${c.id}` : null,
    session_api_key: running ? c.sessionApiKey : null,
    created_at: isoUtc(c.createdAt),
    pr_number: [],
    conversation_version: c.origin === 'v1' ? 'V1' : 'V0',
    sub_conversation_ids: [],
  };
}

/** V0 `agent_state`: a finished turn is `finished` only after the finish tool, else the agent asked. */
function agentState(status: ExecutionStatus, previous: SimEvent | undefined): string {
  if (status === 'finished') {
    const finished = previous !== undefined && (previous.tool_name === 'finish' || (previous.observation as { kind?: string } | undefined)?.kind === 'FinishObservation');
    return finished ? 'finished' : 'awaiting_user_input';
  }
  const map: Record<ExecutionStatus, string> = {
    idle: 'loading', running: 'running', paused: 'paused', waiting_for_confirmation: 'awaiting_user_confirmation',
    finished: 'finished', error: 'error', stuck: 'error', deleting: 'stopped',
  };
  return map[status];
}

const textOf = (content: unknown): string =>
  Array.isArray(content) ? content.map((c: { text?: unknown }) => (typeof c.text === 'string' ? c.text : '')).join('\n') : '';

/** One V1 event as the V0 event it corresponds to (without id/timestamp), or null. */
function v0Event(e: SimEvent, actionIds: Map<string, number>): Record<string, unknown> | null {
  if (e.kind === 'MessageEvent') {
    const text = textOf((e.llm_message as { content?: unknown }).content);
    const user = e.source === 'user';
    return { source: user ? 'user' : 'agent', action: 'message', message: text, args: { content: text, image_urls: user ? [] : null, file_urls: user ? [] : null, wait_for_response: !user } };
  }
  if (e.kind === 'ActionEvent') {
    const a = e.action as Record<string, unknown>;
    if (a.kind === 'FinishAction') return { source: 'agent', action: 'finish', message: a.message, args: { final_thought: a.message, outputs: {}, thought: '' } };
    if (a.kind === 'FileEditorAction') return { source: 'agent', action: 'edit', message: `I am editing ${String(a.path)}`, args: { path: a.path, command: a.command, old_str: a.old_str, new_str: a.new_str, file_text: null, insert_line: null, thought: '' } };
    const risky = e.security_risk === 'HIGH';
    return { source: 'agent', action: 'run', message: `Running command: ${String(a.command)}`, args: { command: a.command, is_input: false, thought: '', blocking: false, hidden: false, confirmation_state: risky ? 'awaiting_confirmation' : 'confirmed' } };
  }
  if (e.kind === 'ObservationEvent') {
    const o = e.observation as Record<string, unknown>;
    const cause = actionIds.get(String(e.action_id));
    if (o.kind === 'TerminalObservation') return { source: 'agent', observation: 'run', cause, message: `Command \`${String(o.command)}\` executed with exit code 0.`, content: textOf(o.content), extras: { command: o.command, metadata: o.metadata, hidden: false }, success: true };
    if (o.kind === 'FileEditorObservation') return { source: 'agent', observation: 'edit', cause, message: `I edited the file ${String(o.path)}.`, content: textOf(o.content), extras: { path: o.path, prev_exist: true, old_content: null, new_content: null, impl_source: 'oh_aci', diff: '' } };
    return null; // V0 had no finish observation
  }
  if (e.kind === 'ConversationErrorEvent') return { source: 'agent', observation: 'error', message: e.detail, content: e.detail, extras: { error_id: e.code } };
  return null;
}

/** The V0 event stream: ids 0, 1, 2… with agent_state_changed observations between. */
export function toV0Events(c: SimConversation): Record<string, unknown>[] {
  const timeline: TimelineEntry[] = [...c.timeline];
  if (c.taskStatus === 'ERROR') {
    // A failed start: the message was accepted, then the runtime reported the error.
    timeline.push({ type: 'event', at: c.createdAt, event: messageEvent(c.createdAt, 'user', c.initialText) });
    timeline.push({ type: 'event', at: c.taskUpdatedAt, event: conversationError(c.taskUpdatedAt, 'RuntimeError', c.taskDetail ?? 'Start failed') });
    timeline.push({ type: 'state', at: c.taskUpdatedAt, status: 'error' });
  }
  const out: Record<string, unknown>[] = [];
  const actionIds = new Map<string, number>();
  let previous: SimEvent | undefined;
  for (const entry of timeline) {
    const body = entry.type === 'state'
      ? { source: 'environment', observation: 'agent_state_changed', message: '', content: '', extras: { agent_state: agentState(entry.status, previous), reason: '' } }
      : v0Event(entry.event, actionIds);
    if (entry.type === 'event') {
      previous = entry.event;
      if (entry.event.kind === 'ActionEvent') actionIds.set(entry.event.id, out.length);
    }
    if (body) out.push({ id: out.length, timestamp: isoNaive(entry.at), ...body });
  }
  return out;
}
