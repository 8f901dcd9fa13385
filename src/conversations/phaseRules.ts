// Pure rules that turn raw server status values into a Phase (contract §5). Both adapters
// use them; nothing here does I/O, so every combination is cheap to test.
import type { Phase } from './conversation';

export interface PhaseInfo {
  readonly phase: Phase;
  readonly detail?: string;
}

type Json = Readonly<Record<string, unknown>>;

/** After start or a reply, `idle` is a blip before `running`; past this it means "waiting". */
export const DEFAULT_IDLE_GRACE_MS = 120_000;

export interface V1PhaseOptions {
  readonly nowMs?: number;
  /** When the conversation last changed (its `updated_at`), epoch ms. */
  readonly lastActivityMs?: number;
  readonly idleGraceMs?: number;
}

const TASK_LABELS: Readonly<Record<string, string>> = {
  WORKING: 'Starting',
  WAITING_FOR_SANDBOX: 'Waiting for a sandbox',
  PREPARING_REPOSITORY: 'Preparing repository',
  RUNNING_SETUP_SCRIPT: 'Running setup script',
  SETTING_UP_GIT_HOOKS: 'Setting up git hooks',
  SETTING_UP_SKILLS: 'Setting up skills',
  STARTING_CONVERSATION: 'Starting conversation',
  READY: 'Ready',
  ERROR: 'Failed to start',
};

/** Words for a start task status; unknown future steps are humanised rather than hidden. */
export function startTaskStatusLabel(status: string): string {
  return lookup(TASK_LABELS, status.toUpperCase()) ?? humanize(status);
}

/** Phase A of §5. READY stays `starting` here: the adapter swaps in the conversation. */
export function phaseOfStartTask(task: { readonly status?: unknown; readonly detail?: unknown }): PhaseInfo {
  const status = upper(task.status);
  if (status === undefined) return { phase: 'unknown', detail: 'No start status' };
  if (status === 'ERROR') return { phase: 'failed', detail: text(task.detail) ?? TASK_LABELS['ERROR'] };
  const label = lookup(TASK_LABELS, status);
  return label ? { phase: 'starting', detail: label } : { phase: 'unknown', detail: humanize(status) };
}

/**
 * Phase B of §5. `lastEvents` are the newest events (any order; sorted here), needed to
 * read `finished` and `error`; `previous` is what we said last time for this conversation.
 */
export function phaseOfV1Conversation(
  conv: { readonly sandbox_status?: unknown; readonly execution_status?: unknown },
  lastEvents?: readonly unknown[],
  previous?: PhaseInfo,
  options: V1PhaseOptions = {},
): PhaseInfo {
  switch (upper(conv.sandbox_status)) {
    case 'STARTING':
      return { phase: 'starting', detail: 'Starting the sandbox' };
    case 'PAUSED':
      return keepSettled(previous, 'sandbox paused') ?? { phase: 'paused', detail: PAUSED_DETAIL };
    case 'ERROR':
      return { phase: 'failed', detail: errorDetail(lastEvents) ?? 'The sandbox failed' };
    case 'MISSING':
      return keepSettled(previous, 'archived') ?? { phase: 'archived', detail: 'The sandbox is gone' };
    case 'RUNNING':
      return phaseOfExecution(conv.execution_status, lastEvents, previous, options);
    default:
      return { phase: 'unknown', detail: `Unknown sandbox status ${String(conv.sandbox_status)}` };
  }
}

const PAUSED_DETAIL = 'Sandbox paused (concurrency limit, idle timeout or a user); resume it to continue';

function phaseOfExecution(
  raw: unknown,
  events: readonly unknown[] | undefined,
  previous: PhaseInfo | undefined,
  options: V1PhaseOptions,
): PhaseInfo {
  const status = raw === null || raw === undefined ? undefined : String(raw).toLowerCase();
  switch (status) {
    case undefined: // the agent server did not answer this time (§11.19)
      return previous ?? { phase: 'unknown', detail: 'The agent server did not report a status' };
    case 'running':
      return { phase: 'running' };
    case 'idle':
      return isWithinGrace(options) ? { phase: 'starting', detail: 'Waiting for the agent to start' } : WAITING;
    case 'paused':
      return { phase: 'paused', detail: 'The agent was paused' };
    case 'waiting_for_confirmation':
      return { phase: 'waitingForYou', detail: 'The agent needs you to confirm an action' };
    case 'finished':
      return phaseOfFinishedTurn(events);
    case 'error':
      return { phase: 'failed', detail: errorDetail(events) ?? 'The agent stopped with an error' };
    case 'stuck':
      return { phase: 'failed', detail: errorDetail(events) ?? 'The agent got stuck' };
    case 'deleting':
      return { phase: 'archived', detail: 'Being deleted' };
    default:
      return { phase: 'unknown', detail: `Unknown execution status ${status}` };
  }
}

const WAITING: PhaseInfo = { phase: 'waitingForYou', detail: 'The agent is waiting for your reply' };

function isWithinGrace(options: V1PhaseOptions): boolean {
  const { nowMs, lastActivityMs } = options;
  if (nowMs === undefined || lastActivityMs === undefined) return true; // cannot tell: keep polling
  return nowMs - lastActivityMs < (options.idleGraceMs ?? DEFAULT_IDLE_GRACE_MS);
}

/** `finished` covers both "task done" and "asked you something" (§5, §11.9). */
function phaseOfFinishedTurn(events: readonly unknown[] | undefined): PhaseInfo {
  for (const event of newestFirst(events)) {
    if (event['kind'] === 'MessageEvent') {
      // A user message newer than the last agent output means the turn is stale (§5.6).
      return event['source'] === 'user' ? { phase: 'running', detail: 'Working on your message' } : WAITING;
    }
    if (event['kind'] !== 'ActionEvent') continue;
    const action = isJson(event['action']) ? event['action'] : {};
    if (action['kind'] === 'FinishAction' || event['tool_name'] === 'finish') {
      return { phase: 'finished', detail: text(action['message']) };
    }
    // The turn ended on an ordinary tool call: the iteration cap, not a conclusion (§11.7).
    return { phase: 'waitingForYou', detail: 'The agent stopped before finishing; it may need you to continue' };
  }
  return { phase: 'finished' }; // no events to tell: trust the SDK's terminal status
}

function errorDetail(events: readonly unknown[] | undefined): string | undefined {
  for (const event of newestFirst(events)) {
    const kind = event['kind'];
    if (kind === 'ConversationErrorEvent' || kind === 'ServerErrorEvent') {
      return text(event['detail']) ?? text(event['code']);
    }
    if (kind === 'AgentErrorEvent') return text(event['error']);
  }
  return undefined;
}

/** A finished or failed conversation stays so when its sandbox is later paused or removed. */
function keepSettled(previous: PhaseInfo | undefined, what: string): PhaseInfo | undefined {
  if (previous?.phase !== 'finished' && previous?.phase !== 'failed') return undefined;
  const words = previous.detail?.replace(/ \((sandbox paused|archived|stopped)\)$/, '') ?? capitalize(previous.phase);
  return { phase: previous.phase, detail: `${words} (${what})` };
}

// Timestamps of one server share a format, so string order is time order. Servers that
// ignore sort_order would otherwise make us read the oldest event as the newest.
function newestFirst(events: readonly unknown[] | undefined): Json[] {
  const valid = (events ?? []).filter(isJson);
  const stamp = (e: Json): string => (typeof e['timestamp'] === 'string' ? e['timestamp'] : '');
  return valid.map((e, i) => ({ e, i })).sort((a, b) => stamp(b.e).localeCompare(stamp(a.e)) || a.i - b.i).map((x) => x.e);
}

const V0_AGENT_STATES: Readonly<Record<string, PhaseInfo>> = {
  loading: { phase: 'starting', detail: 'The agent is loading' },
  running: { phase: 'running' },
  user_confirmed: { phase: 'running' },
  user_rejected: { phase: 'running' },
  rate_limited: { phase: 'running', detail: 'Rate limited by the LLM provider; retrying' },
  awaiting_user_input: WAITING,
  awaiting_user_confirmation: { phase: 'waitingForYou', detail: 'The agent needs you to confirm an action' },
  finished: { phase: 'finished' },
  rejected: { phase: 'failed', detail: 'The agent rejected the task' },
  error: { phase: 'failed', detail: 'The agent stopped with an error' },
  // Stopped by a user or with the runtime; a new message continues it, so not a failure.
  stopped: { phase: 'paused', detail: 'The agent was stopped' },
  paused: { phase: 'paused', detail: 'The agent was paused' },
};

/**
 * V0: `status` stays RUNNING after the agent is done (§11.6), so the agent state from the
 * latest `agent_state_changed` event decides; `runtime_status` fills in when there is none.
 */
export function phaseOfV0Conversation(
  info: { readonly status?: unknown; readonly runtime_status?: unknown },
  lastAgentState?: string,
): PhaseInfo {
  const agent = lastAgentState === undefined ? undefined : lookup(V0_AGENT_STATES, lastAgentState.toLowerCase());
  const settled = agent?.phase === 'finished' || agent?.phase === 'failed' ? agent : undefined;
  const runtime = upper(info.runtime_status);
  switch (upper(info.status)) {
    case 'STARTING':
      return { phase: 'starting', detail: runtime ? humanize(runtime) : 'Starting the runtime' };
    case 'RUNNING':
      if (agent) return agent;
      if (lastAgentState !== undefined) return { phase: 'unknown', detail: `Unknown agent state ${lastAgentState}` };
      return phaseOfV0Runtime(runtime);
    case 'STOPPED': // V0 has no PAUSED: a paused runtime shows STOPPED (§4)
      return keepSettled(settled, 'stopped') ?? { phase: 'paused', detail: 'The runtime is stopped; it can be restarted' };
    case 'ARCHIVED':
      return keepSettled(settled, 'archived') ?? { phase: 'archived', detail: 'The runtime is gone' };
    case 'ERROR':
      return { phase: 'failed', detail: runtime ? humanize(runtime) : 'The runtime failed' };
    default:
      return { phase: 'unknown', detail: `Unknown status ${String(info.status)}` };
  }
}

function phaseOfV0Runtime(runtime: string | undefined): PhaseInfo {
  if (runtime === undefined || runtime === 'STATUS$READY' || runtime === 'STATUS$LLM_RETRY') return { phase: 'running' };
  if (runtime.includes('ERROR') || runtime.endsWith('STOPPED_MESSAGE')) return { phase: 'failed', detail: humanize(runtime) };
  if (runtime === 'STATUS$STOPPED') return { phase: 'paused', detail: 'The runtime is stopped' };
  return { phase: 'starting', detail: humanize(runtime) };
}

// Own keys only: a server sending "constructor" must not reach Object.prototype.
function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function upper(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value.toUpperCase() : undefined;
}

const MAX_DETAIL = 300;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const trimmed = value.trim();
  return trimmed.length > MAX_DETAIL ? `${trimmed.slice(0, MAX_DETAIL - 1)}…` : trimmed;
}

function humanize(value: string): string {
  return capitalize(value.replace(/^STATUS\$/i, '').replace(/[_$]+/g, ' ').trim().toLowerCase());
}

function capitalize(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
