// The server's record of one conversation and the small mutators the lifecycle uses. Both API
// versions are views of this record (v1Views.ts, v0Views.ts).
import type { ScenarioName } from './scenarios';

export type TaskStatus =
  | 'WORKING'
  | 'WAITING_FOR_SANDBOX'
  | 'PREPARING_REPOSITORY'
  | 'RUNNING_SETUP_SCRIPT'
  | 'SETTING_UP_GIT_HOOKS'
  | 'SETTING_UP_SKILLS'
  | 'STARTING_CONVERSATION'
  | 'READY'
  | 'ERROR';
export type SandboxStatus = 'STARTING' | 'RUNNING' | 'PAUSED' | 'ERROR' | 'MISSING';
export type ExecutionStatus =
  | 'idle'
  | 'running'
  | 'paused'
  | 'waiting_for_confirmation'
  | 'finished'
  | 'error'
  | 'stuck'
  | 'deleting';

/** A V1 event as served by `/events/search` (plain JSON; shapes in eventFactory.ts). */
export type SimEvent = Record<string, unknown> & { readonly id: string; readonly kind: string };

/** Events and execution-status changes in the order they happened (V0 needs both). */
export type TimelineEntry =
  | { readonly type: 'event'; readonly at: number; readonly event: SimEvent }
  | { readonly type: 'state'; readonly at: number; readonly status: ExecutionStatus };

export interface Step {
  readonly at: number;
  readonly run: (at: number) => void;
}

export interface SimConversation {
  readonly taskId: string;
  /** Allocated at creation; visible through the V1 API only once the task is READY. */
  readonly id: string;
  readonly sandboxId: string;
  readonly scenario: ScenarioName;
  /** Which API created it; V0 conversations have no start task to show. */
  readonly origin: 'v1' | 'v0' | 'seed';
  readonly createdAt: number;
  readonly initialText: string;
  /** The start request as the server echoes it back in the start task. */
  readonly request: Record<string, unknown>;
  repository: string | null;
  branch: string | null;
  gitProvider: string | null;
  trigger: string | null;
  title: string | null;
  isPublic: boolean | null;
  taskStatus: TaskStatus;
  taskDetail: string | null;
  taskUpdatedAt: number;
  readyAt: number | null;
  sandboxStatus: SandboxStatus;
  executionStatus: ExecutionStatus | null;
  /** Execution status when the sandbox was paused (the API shows null meanwhile). */
  executionBeforePause: ExecutionStatus | null;
  sessionApiKey: string | null;
  updatedAt: number;
  /** The `paused` scenario's platform pause has happened (it happens once). */
  autoPaused: boolean;
  /** Completed turns; the first turn and later turns follow different plans. */
  turns: number;
  toolCalls: number;
  timeline: TimelineEntry[];
  pending: Step[];
}

export function setTask(c: SimConversation, status: TaskStatus, at: number, detail: string | null = null): void {
  c.taskStatus = status;
  c.taskDetail = detail;
  c.taskUpdatedAt = at;
}

export function setSandbox(c: SimConversation, status: SandboxStatus, at: number): void {
  if (c.sandboxStatus !== status) {
    c.sandboxStatus = status;
    c.updatedAt = at;
  }
}

export function setExecution(c: SimConversation, status: ExecutionStatus | null, at: number): void {
  if (c.executionStatus !== status) {
    c.executionStatus = status;
    c.updatedAt = at;
    if (status !== null) {
      c.timeline.push({ type: 'state', at, status });
    }
  }
}

export function addEvent(c: SimConversation, event: SimEvent, at: number): void {
  c.timeline.push({ type: 'event', at, event });
}

export function events(c: SimConversation): SimEvent[] {
  return c.timeline.flatMap((entry) => (entry.type === 'event' ? [entry.event] : []));
}

/** Keeps `pending` sorted; steps at the same time run in the order they were scheduled. */
export function schedule(c: SimConversation, at: number, run: (at: number) => void): void {
  let index = c.pending.length;
  while (index > 0 && c.pending[index - 1].at > at) {
    index--;
  }
  c.pending.splice(index, 0, { at, run });
}

/** Runs every step due by `now`, in time order; steps may schedule more steps. */
export function runDue(c: SimConversation, now: number): void {
  while (c.pending.length > 0 && c.pending[0].at <= now) {
    const step = c.pending.shift() as Step;
    step.run(step.at);
  }
}
