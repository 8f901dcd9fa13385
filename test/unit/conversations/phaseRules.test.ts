import * as assert from 'node:assert/strict';
import type { Phase } from '../../../src/conversations/conversation';
import type { PhaseInfo } from '../../../src/conversations/phaseRules';
import {
  phaseOfStartTask,
  phaseOfV0Conversation,
  phaseOfV1Conversation,
  startTaskStatusLabel,
} from '../../../src/conversations/phaseRules';

const SANDBOX = ['STARTING', 'RUNNING', 'PAUSED', 'ERROR', 'MISSING'] as const;
const EXECUTION = [null, 'idle', 'running', 'paused', 'waiting_for_confirmation', 'finished', 'error', 'stuck', 'deleting'] as const;

const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const fresh = { nowMs: NOW, lastActivityMs: NOW - 10_000 };
const stale = { nowMs: NOW, lastActivityMs: NOW - 10 * 60_000 };

const RUNNING_EXPECTED: Record<string, Phase> = {
  null: 'unknown',
  idle: 'waitingForYou',
  running: 'running',
  paused: 'paused',
  waiting_for_confirmation: 'waitingForYou',
  finished: 'finished',
  error: 'failed',
  stuck: 'failed',
  deleting: 'archived',
};
const OTHER_EXPECTED: Record<string, Phase> = { STARTING: 'starting', PAUSED: 'paused', ERROR: 'failed', MISSING: 'archived' };

let seq = 0;
const event = (kind: string, fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `e${++seq}`,
  timestamp: `2026-12-04T11:59:${String(10 + seq).padStart(2, '0')}.000000`,
  source: 'agent',
  kind,
  ...fields,
});
const finish = (message = 'All done: PR #7 opened.'): Record<string, unknown> =>
  event('ActionEvent', { tool_name: 'finish', action: { kind: 'FinishAction', message } });
const agentMessage = (): Record<string, unknown> => event('MessageEvent', { source: 'agent', llm_message: { role: 'assistant', content: [] } });
const userMessage = (): Record<string, unknown> => event('MessageEvent', { source: 'user', llm_message: { role: 'user', content: [] } });

describe('phase rules: V1 sandbox × execution status', () => {
  for (const sandbox of SANDBOX) {
    for (const execution of EXECUTION) {
      const expected = sandbox === 'RUNNING' ? RUNNING_EXPECTED[String(execution)] : OTHER_EXPECTED[sandbox];
      for (const [s, e] of [
        [sandbox, execution],
        [sandbox.toLowerCase(), execution?.toUpperCase() ?? null],
      ] as const) {
        it(`${s} / ${String(e)} → ${expected}`, () => {
          const info = phaseOfV1Conversation({ sandbox_status: s, execution_status: e }, [], undefined, stale);
          assert.equal(info.phase, expected);
          if (info.phase !== 'running' && info.phase !== 'finished') assert.ok(info.detail, 'explains itself');
        });
      }
    }
  }

  it('unknown or missing values are unknown, with the raw value in the detail', () => {
    assert.deepEqual(phaseOfV1Conversation({ sandbox_status: 'HIBERNATING', execution_status: 'running' }), {
      phase: 'unknown',
      detail: 'Unknown sandbox status HIBERNATING',
    });
    assert.equal(phaseOfV1Conversation({ execution_status: 'running' }).phase, 'unknown');
    assert.equal(phaseOfV1Conversation({ sandbox_status: 42 }).phase, 'unknown');
    const odd = phaseOfV1Conversation({ sandbox_status: 'RUNNING', execution_status: 'pondering' });
    assert.deepEqual(odd, { phase: 'unknown', detail: 'Unknown execution status pondering' });
  });

  it('RUNNING with execution_status null keeps the previous phase', () => {
    const previous: PhaseInfo = { phase: 'running' };
    assert.equal(phaseOfV1Conversation({ sandbox_status: 'RUNNING', execution_status: null }, [], previous), previous);
    assert.equal(phaseOfV1Conversation({ sandbox_status: 'RUNNING' }).phase, 'unknown');
  });

  it('idle is starting within the grace period, then waiting for you', () => {
    const conv = { sandbox_status: 'RUNNING', execution_status: 'idle' };
    assert.equal(phaseOfV1Conversation(conv, [], undefined, fresh).phase, 'starting');
    assert.equal(phaseOfV1Conversation(conv, [], undefined, stale).phase, 'waitingForYou');
    assert.equal(phaseOfV1Conversation(conv, [], undefined, { ...stale, idleGraceMs: 3_600_000 }).phase, 'starting');
    assert.equal(phaseOfV1Conversation(conv).phase, 'starting', 'without a clock it keeps being polled');
  });

  it('PAUSED says why; a finished or failed conversation stays so', () => {
    const paused = { sandbox_status: 'PAUSED', execution_status: null };
    assert.match(phaseOfV1Conversation(paused).detail ?? '', /concurrency limit/);
    assert.deepEqual(phaseOfV1Conversation(paused, [], { phase: 'finished', detail: 'Done' }), { phase: 'finished', detail: 'Done (sandbox paused)' });
    assert.equal(phaseOfV1Conversation(paused, [], { phase: 'running' }).phase, 'paused');
    assert.equal(phaseOfV1Conversation(paused, [], { phase: 'waitingForYou' }).phase, 'paused');
  });

  it('MISSING is archived unless it had finished (or failed)', () => {
    const missing = { sandbox_status: 'MISSING', execution_status: null };
    assert.equal(phaseOfV1Conversation(missing, [], { phase: 'running' }).phase, 'archived');
    assert.deepEqual(phaseOfV1Conversation(missing, [], { phase: 'finished' }), { phase: 'finished', detail: 'Finished (archived)' });
    const twice = phaseOfV1Conversation(missing, [], { phase: 'finished', detail: 'Done (archived)' });
    assert.equal(twice.detail, 'Done (archived)', 'no repeated suffix');
    const pausedThenGone = phaseOfV1Conversation(missing, [], { phase: 'finished', detail: 'Done (sandbox paused)' });
    assert.equal(pausedThenGone.detail, 'Done (archived)');
    assert.equal(phaseOfV1Conversation(missing, [], { phase: 'failed', detail: 'boom' }).phase, 'failed');
  });
});

describe('phase rules: reading a finished turn from events', () => {
  const finished = { sandbox_status: 'RUNNING', execution_status: 'finished' };

  it('FinishAction → finished with its message', () => {
    // Oldest first: a question answered earlier, the finish call, then its observation.
    const events = [agentMessage(), finish(), event('ObservationEvent', { source: 'environment' })];
    assert.deepEqual(phaseOfV1Conversation(finished, events.reverse()), { phase: 'finished', detail: 'All done: PR #7 opened.' });
  });

  it('a finish tool call without the action kind still counts', () => {
    assert.equal(phaseOfV1Conversation(finished, [event('ActionEvent', { tool_name: 'finish', action: null })]).phase, 'finished');
  });

  it('a trailing agent message without finish → waiting for you', () => {
    const events = [finish(), userMessage(), agentMessage()];
    assert.equal(phaseOfV1Conversation(finished, events).phase, 'waitingForYou');
  });

  it('events are ordered by timestamp whatever order they come in', () => {
    const older = agentMessage();
    const newer = finish();
    assert.equal(phaseOfV1Conversation(finished, [older, newer]).phase, 'finished');
    assert.equal(phaseOfV1Conversation(finished, [newer, older]).phase, 'finished');
  });

  it('a user message newer than the last output means the agent is on it again', () => {
    assert.equal(phaseOfV1Conversation(finished, [finish(), userMessage()]).phase, 'running');
  });

  it('a turn that ends on an ordinary tool call needs you', () => {
    const events = [agentMessage(), event('ActionEvent', { tool_name: 'terminal', action: { kind: 'TerminalAction' } })];
    assert.equal(phaseOfV1Conversation(finished, events).phase, 'waitingForYou');
  });

  it('no telling events, or no events at all → finished', () => {
    assert.equal(phaseOfV1Conversation(finished, [event('ConversationStateUpdateEvent'), 'junk', null]).phase, 'finished');
    assert.equal(phaseOfV1Conversation(finished).phase, 'finished');
  });

  it('error and stuck take their detail from the newest error event', () => {
    const error = { sandbox_status: 'RUNNING', execution_status: 'error' };
    const conversationError = event('ConversationErrorEvent', { code: 'LLMAuthError', detail: 'token_not_found_in_db' });
    assert.deepEqual(phaseOfV1Conversation(error, [conversationError]), { phase: 'failed', detail: 'token_not_found_in_db' });
    const agentError = event('AgentErrorEvent', { error: 'Tool crashed' });
    assert.equal(phaseOfV1Conversation(error, [conversationError, agentError]).detail, 'Tool crashed');
    assert.equal(phaseOfV1Conversation(error, [event('ServerErrorEvent', { code: 'E500' })]).detail, 'E500');
    assert.equal(phaseOfV1Conversation({ ...error, execution_status: 'stuck' }).detail, 'The agent got stuck');
  });
});

describe('phase rules: start tasks', () => {
  const starting = ['WORKING', 'WAITING_FOR_SANDBOX', 'PREPARING_REPOSITORY', 'RUNNING_SETUP_SCRIPT', 'SETTING_UP_GIT_HOOKS', 'SETTING_UP_SKILLS', 'STARTING_CONVERSATION', 'READY'];

  for (const status of starting) {
    it(`${status} → starting, worded`, () => {
      const info = phaseOfStartTask({ status });
      assert.equal(info.phase, 'starting');
      assert.equal(info.detail, startTaskStatusLabel(status));
      assert.equal(phaseOfStartTask({ status: status.toLowerCase() }).phase, 'starting');
    });
  }

  it('words every step for people', () => {
    assert.equal(startTaskStatusLabel('PREPARING_REPOSITORY'), 'Preparing repository');
    assert.equal(startTaskStatusLabel('WAITING_FOR_SANDBOX'), 'Waiting for a sandbox');
    assert.equal(startTaskStatusLabel('RUNNING_SETUP_SCRIPT'), 'Running setup script');
    assert.equal(startTaskStatusLabel('SOME_NEW_STEP'), 'Some new step');
  });

  it('ERROR → failed with the server detail', () => {
    assert.deepEqual(phaseOfStartTask({ status: 'ERROR', detail: 'Repository not found' }), { phase: 'failed', detail: 'Repository not found' });
    assert.deepEqual(phaseOfStartTask({ status: 'error', detail: null }), { phase: 'failed', detail: 'Failed to start' });
  });

  it('unknown or missing status → unknown', () => {
    assert.deepEqual(phaseOfStartTask({ status: 'WARMING_UP' }), { phase: 'unknown', detail: 'Warming up' });
    assert.equal(phaseOfStartTask({}).phase, 'unknown');
    assert.equal(phaseOfStartTask({ status: 7 }).phase, 'unknown');
  });
});

describe('phase rules: V0', () => {
  const AGENT: Record<string, Phase> = {
    loading: 'starting',
    running: 'running',
    awaiting_user_input: 'waitingForYou',
    paused: 'paused',
    stopped: 'paused',
    finished: 'finished',
    rejected: 'failed',
    error: 'failed',
    awaiting_user_confirmation: 'waitingForYou',
    user_confirmed: 'running',
    user_rejected: 'running',
    rate_limited: 'running',
  };

  for (const [state, expected] of Object.entries(AGENT)) {
    it(`RUNNING + agent ${state} → ${expected}`, () => {
      assert.equal(phaseOfV0Conversation({ status: 'RUNNING', runtime_status: 'STATUS$READY' }, state).phase, expected);
      assert.equal(phaseOfV0Conversation({ status: 'running' }, state.toUpperCase()).phase, expected);
    });
  }

  it('RUNNING with an unknown agent state → unknown', () => {
    assert.equal(phaseOfV0Conversation({ status: 'RUNNING' }, 'dreaming').phase, 'unknown');
    assert.equal(phaseOfV0Conversation({ status: 'RUNNING' }, 'constructor').phase, 'unknown');
    assert.equal(phaseOfStartTask({ status: 'constructor' }).phase, 'unknown');
  });

  it('RUNNING without an agent state follows the runtime status', () => {
    const cases: [string | null, Phase][] = [
      [null, 'running'],
      ['STATUS$READY', 'running'],
      ['STATUS$LLM_RETRY', 'running'],
      ['STATUS$BUILDING_RUNTIME', 'starting'],
      ['STATUS$STARTING_RUNTIME', 'starting'],
      ['STATUS$RUNTIME_STARTED', 'starting'],
      ['STATUS$SETTING_UP_WORKSPACE', 'starting'],
      ['STATUS$SETTING_UP_GIT_HOOKS', 'starting'],
      ['STATUS$STOPPED', 'paused'],
      ['STATUS$ERROR', 'failed'],
      ['STATUS$ERROR_RUNTIME_DISCONNECTED', 'failed'],
      ['STATUS$ERROR_LLM_AUTHENTICATION', 'failed'],
      ['STATUS$ERROR_LLM_SERVICE_UNAVAILABLE', 'failed'],
      ['STATUS$ERROR_LLM_INTERNAL_SERVER_ERROR', 'failed'],
      ['STATUS$ERROR_LLM_OUT_OF_CREDITS', 'failed'],
      ['STATUS$ERROR_LLM_CONTENT_POLICY_VIOLATION', 'failed'],
      ['CHAT_INTERFACE$AGENT_RATE_LIMITED_STOPPED_MESSAGE', 'failed'],
      ['STATUS$GIT_PROVIDER_AUTHENTICATION_ERROR', 'failed'],
      ['STATUS$ERROR_MEMORY', 'failed'],
    ];
    for (const [runtime, expected] of cases) {
      assert.equal(phaseOfV0Conversation({ status: 'RUNNING', runtime_status: runtime }).phase, expected, String(runtime));
    }
    assert.equal(phaseOfV0Conversation({ status: 'RUNNING', runtime_status: 'STATUS$ERROR_LLM_OUT_OF_CREDITS' }).detail, 'Error llm out of credits');
  });

  it('every V0 status', () => {
    const cases: [string, string | undefined, Phase][] = [
      ['STARTING', undefined, 'starting'],
      ['STOPPED', undefined, 'paused'],
      ['STOPPED', 'awaiting_user_input', 'paused'],
      ['STOPPED', 'finished', 'finished'],
      ['ARCHIVED', undefined, 'archived'],
      ['ARCHIVED', 'finished', 'finished'],
      ['ARCHIVED', 'error', 'failed'],
      ['ERROR', undefined, 'failed'],
      ['stopped', undefined, 'paused'],
      ['MELTED', undefined, 'unknown'],
    ];
    for (const [status, agent, expected] of cases) {
      assert.equal(phaseOfV0Conversation({ status }, agent).phase, expected, `${status}/${String(agent)}`);
    }
    assert.equal(phaseOfV0Conversation({}).phase, 'unknown');
    assert.equal(phaseOfV0Conversation({ status: 'ERROR', runtime_status: 'STATUS$ERROR_MEMORY' }).detail, 'Error memory');
    assert.equal(phaseOfV0Conversation({ status: 'ARCHIVED' }, 'finished').detail, 'Finished (archived)');
  });
});
