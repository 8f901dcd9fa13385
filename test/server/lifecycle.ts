// How a conversation moves on over server time (contract §2.1, §5, §6.4). Everything is a
// scheduled step; the store runs the steps that are due before it answers any request.
import { conversationError, finishEvents, messageEvent, riskyAction, toolAction, toolObservation } from './eventFactory';
import { newSessionKey } from './ids';
import type { TurnEnding, TurnPlan } from './scenarios';
import { TIMINGS, TURN_PLANS } from './scenarios';
import type { TaskStatus, SimConversation } from './simConversation';
import { addEvent, schedule, setExecution, setSandbox, setTask } from './simConversation';

const TASK_ORDER = Object.entries(TIMINGS.task) as [TaskStatus, number][];

/** Why a start fails, by cause (the cloud reports these in the task's `detail`). */
function startErrorDetail(c: SimConversation): string {
  if (c.initialText.trim() === '') {
    return 'An initial message is required to start a conversation with an API key.';
  }
  const repo = c.repository ?? 'owner/repo';
  return `Repository ${repo} not found or you do not have access to it.`;
}

export function planStart(c: SimConversation): void {
  const t0 = c.createdAt;
  const fails = c.scenario === 'startError' || c.initialText.trim() === '';
  for (const [status, offset] of TASK_ORDER) {
    if (fails && offset >= TIMINGS.taskErrorAt) {
      schedule(c, t0 + TIMINGS.taskErrorAt, (at) => setTask(c, 'ERROR', at, startErrorDetail(c)));
      return;
    }
    if (offset > 0) {
      schedule(c, t0 + offset, (at) => (status === 'READY' ? becomeReady(c, at) : setTask(c, status, at)));
    }
  }
}

function becomeReady(c: SimConversation, at: number): void {
  setTask(c, 'READY', at);
  c.readyAt = at;
  c.updatedAt = at;
  setSandbox(c, 'STARTING', at);
  schedule(c, at + TIMINGS.sandboxRunningAfterReady, (t) => sandboxUp(c, t, 'idle'));
  schedule(c, at + TIMINGS.agentRunningAfterReady, (t) => startTurn(c, t));
}

function sandboxUp(c: SimConversation, at: number, execution: SimConversation['executionStatus']): void {
  setSandbox(c, 'RUNNING', at);
  c.sessionApiKey = newSessionKey();
  if (!c.timeline.some((entry) => entry.type === 'event')) {
    // The initial message reaches the agent server once the sandbox first runs.
    addEvent(c, messageEvent(at, 'user', c.initialText), at);
  }
  setExecution(c, execution, at);
}

function planFor(c: SimConversation): TurnPlan {
  return c.turns === 0 ? TURN_PLANS[c.scenario].first : TURN_PLANS[c.scenario].later;
}

/** One turn of the agent: tool calls, then the scenario's ending. */
export function startTurn(c: SimConversation, start: number, plan: TurnPlan = planFor(c)): void {
  setExecution(c, 'running', start);
  if (c.title === null) {
    schedule(c, start + TIMINGS.titleAfterRunning, (at) => {
      c.title = generatedTitle(c.initialText);
      c.updatedAt = at;
    });
  }
  for (let i = 0; i < plan.toolCalls; i++) {
    const actionAt = start + TIMINGS.toolActionOffset + i * plan.stepMs;
    schedule(c, actionAt, (at) => {
      const n = c.toolCalls++;
      const action = toolAction(at, n);
      addEvent(c, action, at);
      schedule(c, actionAt - TIMINGS.toolActionOffset + TIMINGS.toolObservationOffset, (t) =>
        addEvent(c, toolObservation(t, action, n), t),
      );
    });
  }
  const endAt = start + TIMINGS.toolObservationOffset + plan.toolCalls * plan.stepMs;
  schedule(c, endAt, (at) => endTurn(c, plan.ending, at));
  if (c.scenario === 'paused' && !c.autoPaused) {
    schedule(c, start + TIMINGS.platformPauseAfterRunning, (at) => {
      c.autoPaused = true;
      pauseSandbox(c, at);
    });
  }
}

function endTurn(c: SimConversation, ending: TurnEnding, at: number): void {
  c.turns++;
  if (ending === 'finish') {
    for (const event of finishEvents(at, 'I fixed the bug in src/math.ts: `add` now returns a + b, and `npm test` passes.')) {
      addEvent(c, event, at);
    }
    setExecution(c, 'finished', at);
  } else if (ending === 'question') {
    addEvent(c, messageEvent(at, 'agent', 'Should I also update the CHANGELOG, or keep the change to the code only?'), at);
    setExecution(c, 'finished', at);
  } else if (ending === 'error') {
    const detail = 'litellm.AuthenticationError: AuthenticationError: Litellm_proxyException - token_not_found_in_db';
    addEvent(c, conversationError(at, 'LLMAuthenticationError', detail), at);
    setExecution(c, 'error', at);
  } else {
    addEvent(c, riskyAction(at), at);
    setExecution(c, 'waiting_for_confirmation', at);
  }
}

function generatedTitle(message: string): string {
  const firstLine = message.replace(/\[scenario:[A-Za-z]+\]/g, '').trim().split('\n')[0] ?? '';
  const words = firstLine.split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
  return words === '' ? 'Untitled conversation' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The platform or the user pauses the sandbox: the current turn is cut short. */
export function pauseSandbox(c: SimConversation, at: number): void {
  if (c.sandboxStatus === 'PAUSED') {
    return;
  }
  c.pending = [];
  c.executionBeforePause = c.executionStatus;
  setSandbox(c, 'PAUSED', at);
  setExecution(c, null, at);
  c.sessionApiKey = null;
}

/** Resume: STARTING, then RUNNING; a turn that was cut short continues. */
export function resumeSandbox(c: SimConversation, at: number): void {
  if (c.sandboxStatus !== 'PAUSED') {
    return;
  }
  setSandbox(c, 'STARTING', at);
  const before = c.executionBeforePause;
  const interrupted = before === null || before === 'running' || before === 'idle';
  schedule(c, at + TIMINGS.resumeSandboxRunning, (t) => sandboxUp(c, t, interrupted ? 'idle' : before));
  if (interrupted) {
    // The cut-short turn continues: a short turn that still ends the way the cut one would.
    const plan: TurnPlan = { ...TURN_PLANS[c.scenario].later, ending: planFor(c).ending };
    schedule(c, at + TIMINGS.resumeAgentRunning, (t) => startTurn(c, t, plan));
  }
}

/** A follow-up message: recorded at once; an idle or finished agent starts a new turn. */
export function receiveMessage(c: SimConversation, text: string, at: number): void {
  addEvent(c, messageEvent(at, 'user', text), at);
  c.updatedAt = at;
  if (c.executionStatus === 'running' || (c.executionStatus === 'idle' && c.pending.length > 0)) {
    return; // the agent picks the message up in the turn it is running or about to start
  }
  c.pending = [];
  c.turns = Math.max(c.turns, 1);
  schedule(c, at + TIMINGS.followUpRunningAfter, (t) => startTurn(c, t));
}

/** The sandbox is gone (archived): terminal for the conversation. */
export function archive(c: SimConversation, at: number): void {
  c.pending = [];
  setSandbox(c, 'MISSING', at);
  setExecution(c, null, at);
  c.sessionApiKey = null;
}
