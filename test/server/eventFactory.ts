// Builders for the SDK events the conversation emits, shaped as in openhands-cloud.json
// (`Event-Output`): the wire `kind` is the plain class name (contract §8, spec quirks).
import { randomBytes, randomUUID } from 'node:crypto';
import { isoNaive } from './ids';
import type { SimEvent } from './simConversation';

const text = (value: string): Record<string, unknown> => ({ cache_prompt: false, type: 'text', text: value });
const responseId = (): string => `chatcmpl-${randomBytes(12).toString('hex')}`;
const toolCallId = (): string => `toolu_${randomBytes(12).toString('base64url')}`;

function base(at: number, source: string, kind: string): SimEvent {
  return { id: randomUUID(), timestamp: isoNaive(at), source, parent_id: null, kind };
}

export function messageEvent(at: number, source: 'user' | 'agent', body: string): SimEvent {
  return {
    ...base(at, source, 'MessageEvent'),
    llm_message: {
      role: source === 'user' ? 'user' : 'assistant',
      content: [text(body)],
      tool_calls: null,
      tool_call_id: null,
      name: null,
      reasoning_content: null,
      thinking_blocks: [],
      responses_reasoning_item: null,
    },
    llm_response_id: source === 'agent' ? responseId() : null,
    activated_skills: [],
    extended_content: [],
    sender: null,
    critic_result: null,
  };
}

interface ToolScript {
  readonly tool: string;
  readonly summary: string;
  readonly action: Record<string, unknown>;
  readonly observation: Record<string, unknown>;
}

const terminal = (command: string, output: string): ToolScript => ({
  tool: 'terminal',
  summary: `running ${command.split(' ')[0]} in the repository`,
  action: { kind: 'TerminalAction', command, is_input: false, timeout: null, reset: false },
  observation: {
    kind: 'TerminalObservation',
    content: [text(output)],
    is_error: false,
    command,
    exit_code: 0,
    timeout: false,
    metadata: { exit_code: 0, pid: -1, username: 'openhands', hostname: 'runtime', working_dir: '/workspace/project', py_interpreter_path: null, prefix: '', suffix: '' },
    full_output_save_dir: null,
  },
});

const editor = (path: string): ToolScript => ({
  tool: 'file_editor',
  summary: `editing ${path}`,
  action: { kind: 'FileEditorAction', command: 'str_replace', path, file_text: null, old_str: 'return a - b;', new_str: 'return a + b;', insert_line: null, view_range: null },
  observation: {
    kind: 'FileEditorObservation',
    content: [text(`The file ${path} has been edited.`)],
    is_error: false,
    command: 'str_replace',
    path,
    prev_exist: true,
    old_content: null,
    new_content: null,
  },
});

/** What the simulated agent does, cycled through by tool call number. */
const SCRIPT: readonly ToolScript[] = [
  terminal('ls -la /workspace/project', 'total 48\ndrwxr-xr-x 8 openhands openhands 4096 .\n-rw-r--r-- 1 openhands openhands 1093 package.json\ndrwxr-xr-x 4 openhands openhands 4096 src'),
  terminal('grep -rn "subtract" src', 'src/math.ts:3:export function add(a: number, b: number) { return a - b; }'),
  editor('/workspace/project/src/math.ts'),
  terminal('npm test', '> test\n> mocha\n\n  math\n    ✔ adds\n\n  1 passing (12ms)'),
];

function actionEvent(at: number, tool: string, action: Record<string, unknown>, summary: string, risk = 'LOW'): SimEvent {
  const callId = toolCallId();
  return {
    ...base(at, 'agent', 'ActionEvent'),
    thought: [text(`Next: ${summary}.`)],
    reasoning_content: null,
    thinking_blocks: [],
    responses_reasoning_item: null,
    action,
    tool_name: tool,
    tool_call_id: callId,
    tool_call: { id: callId, responses_item_id: null, name: tool, arguments: JSON.stringify(withoutKind(action)), origin: 'completion' },
    llm_response_id: responseId(),
    security_risk: risk,
    critic_result: null,
    summary,
  };
}

function withoutKind(action: Record<string, unknown>): Record<string, unknown> {
  const { kind: _kind, ...rest } = action;
  return rest;
}

function observationEvent(at: number, action: SimEvent, observation: Record<string, unknown>): SimEvent {
  return {
    ...base(at, 'environment', 'ObservationEvent'),
    tool_name: action.tool_name,
    tool_call_id: action.tool_call_id,
    observation,
    action_id: action.id,
    extended_content: [],
  };
}

/** The ActionEvent of tool call `n` (counting over the whole conversation). */
export function toolAction(at: number, n: number): SimEvent {
  const script = SCRIPT[n % SCRIPT.length];
  return actionEvent(at, script.tool, script.action, script.summary);
}

export function toolObservation(at: number, action: SimEvent, n: number): SimEvent {
  return observationEvent(at, action, SCRIPT[n % SCRIPT.length].observation);
}

/** Done: the `finish` tool call and its observation (contract §5: FinishAction ⇒ done). */
export function finishEvents(at: number, message: string): SimEvent[] {
  const action = actionEvent(at, 'finish', { kind: 'FinishAction', message }, 'finishing the task');
  const observation = observationEvent(at, action, { kind: 'FinishObservation', content: [text(message)], is_error: false });
  return [action, observation];
}

/** A risky action the agent waits to have confirmed (execution `waiting_for_confirmation`). */
export function riskyAction(at: number): SimEvent {
  const action = { kind: 'TerminalAction', command: 'git push --force origin HEAD', is_input: false, timeout: null, reset: false };
  return actionEvent(at, 'terminal', action, 'force-pushing the branch', 'HIGH');
}

export function conversationError(at: number, code: string, detail: string): SimEvent {
  return { ...base(at, 'environment', 'ConversationErrorEvent'), code, detail };
}
