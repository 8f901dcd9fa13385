// What a simulated conversation does, and when. All times are server-clock milliseconds, kept
// in this one table so tests can advance the manual clock to an exact moment.

export const SCENARIO_NAMES = ['finish', 'question', 'fail', 'startError', 'paused', 'confirm', 'slow'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function isScenarioName(value: unknown): value is ScenarioName {
  return typeof value === 'string' && (SCENARIO_NAMES as readonly string[]).includes(value);
}

/** `[scenario:NAME]` in the first message picks the scenario (handy in manual demos). */
export function scenarioFromText(text: string): ScenarioName | undefined {
  const match = /\[scenario:([A-Za-z]+)\]/.exec(text);
  return match && isScenarioName(match[1]) ? match[1] : undefined;
}

/** How a turn of the agent ends (contract §5). */
export type TurnEnding = 'finish' | 'question' | 'error' | 'confirm';

export interface TurnPlan {
  /** Tool calls (ActionEvent + ObservationEvent pairs) before the ending. */
  readonly toolCalls: number;
  /** Spacing of the tool calls. */
  readonly stepMs: number;
  readonly ending: TurnEnding;
}

export const TIMINGS = {
  /** Start-task status reached this many ms after `POST /api/v1/app-conversations`. */
  task: {
    WORKING: 0,
    WAITING_FOR_SANDBOX: 500,
    PREPARING_REPOSITORY: 1000,
    RUNNING_SETUP_SCRIPT: 1500,
    SETTING_UP_GIT_HOOKS: 2000,
    SETTING_UP_SKILLS: 2500,
    STARTING_CONVERSATION: 3000,
    READY: 4000,
  },
  /** `startError` (and a start without a message): task ERROR this long after the POST. */
  taskErrorAt: 1500,
  /** After READY the sandbox is STARTING; RUNNING (execution `idle`) this long after READY. */
  sandboxRunningAfterReady: 1000,
  /** …and the agent starts its first turn (execution `running`) this long after READY. */
  agentRunningAfterReady: 2000,
  /** The generated title appears this long after a turn starts (if there is none yet). */
  titleAfterRunning: 1000,
  /**
   * Inside a turn starting at S: tool call i has its ActionEvent at S + 1000 + i·step and its
   * ObservationEvent 1000 later; the ending comes at S + 2000 + toolCalls·step.
   */
  toolActionOffset: 1000,
  toolObservationOffset: 2000,
  /** `paused`: the platform pauses the sandbox this long after the first turn starts. */
  platformPauseAfterRunning: 5000,
  /** After a resume: sandbox STARTING at once, RUNNING after this… */
  resumeSandboxRunning: 2000,
  /** …and an interrupted turn continues (execution `running`) after this. */
  resumeAgentRunning: 3000,
  /** A follow-up message sets execution `running` this long after it arrives. */
  followUpRunningAfter: 500,
} as const;

const SHORT: TurnPlan = { toolCalls: 2, stepMs: 3000, ending: 'finish' };

/** The first turn and every later turn (after a follow-up message or a resume), per scenario. */
export const TURN_PLANS: Readonly<Record<ScenarioName, { readonly first: TurnPlan; readonly later: TurnPlan }>> = {
  finish: { first: { toolCalls: 4, stepMs: 3000, ending: 'finish' }, later: SHORT },
  // Once the user has answered the question the agent completes the task.
  question: { first: { toolCalls: 4, stepMs: 3000, ending: 'question' }, later: SHORT },
  fail: { first: { toolCalls: 2, stepMs: 3000, ending: 'error' }, later: { ...SHORT, ending: 'error' } },
  confirm: { first: { toolCalls: 2, stepMs: 3000, ending: 'confirm' }, later: { ...SHORT, ending: 'confirm' } },
  // The first turn is cut short by the platform pause; after a resume it continues and finishes.
  paused: { first: { toolCalls: 4, stepMs: 3000, ending: 'finish' }, later: SHORT },
  slow: { first: { toolCalls: 40, stepMs: 15000, ending: 'finish' }, later: SHORT },
  startError: { first: { toolCalls: 0, stepMs: 0, ending: 'error' }, later: SHORT },
};

export function turnLength(plan: TurnPlan): number {
  return TIMINGS.toolObservationOffset + plan.toolCalls * plan.stepMs;
}

/** Ms after the create request when the first turn ends (finish, question, error, confirm). */
export function firstTurnEndAfterCreate(scenario: ScenarioName): number {
  return TIMINGS.task.READY + TIMINGS.agentRunningAfterReady + turnLength(TURN_PLANS[scenario].first);
}

/** Ms after a follow-up message when the turn it starts ends. */
export function followUpEndAfterMessage(scenario: ScenarioName): number {
  return TIMINGS.followUpRunningAfter + turnLength(TURN_PLANS[scenario].later);
}

/** Ms after a resume when the interrupted turn it continues ends. */
export function resumedTurnEndAfterResume(scenario: ScenarioName): number {
  return TIMINGS.resumeAgentRunning + turnLength(TURN_PLANS[scenario].later);
}

/** Ms after the create request when the `paused` scenario's sandbox becomes PAUSED. */
export const PLATFORM_PAUSE_AFTER_CREATE =
  TIMINGS.task.READY + TIMINGS.agentRunningAfterReady + TIMINGS.platformPauseAfterRunning;
