// The test-facing control API. The same operations are served over HTTP under /_control
// (controlRoutes.ts) for tests that run in another process, e.g. a VS Code extension host.
import type { Fault } from './faults';
import { archive, pauseSandbox } from './lifecycle';
import { normalizeUuid } from './ids';
import type { LoggedRequest } from './requestLog';
import type { ScenarioName } from './scenarios';
import type { SeedOptions } from './seed';
import { seedConversations } from './seed';
import type { ApiMode, ServerState } from './serverState';
import type { ExecutionStatus, SandboxStatus, SimConversation, TaskStatus } from './simConversation';

/** The server's own view of a conversation, whatever the API would show. */
export interface ConversationSnapshot {
  readonly id: string;
  readonly startTaskId: string;
  readonly sandboxId: string;
  readonly scenario: ScenarioName;
  readonly origin: 'v1' | 'v0' | 'seed';
  readonly taskStatus: TaskStatus;
  readonly taskDetail: string | null;
  readonly sandboxStatus: SandboxStatus;
  readonly executionStatus: ExecutionStatus | null;
  readonly title: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly events: number;
}

export interface ServerControl {
  /** Forgets conversations, faults and the request log; mode and scenario as at start. */
  reset(): void;
  setMode(mode: ApiMode): void;
  /** Scenario for new conversations (a `[scenario:NAME]` in the message wins). */
  setScenario(name: ScenarioName): void;
  /** Moves server time on and runs what became due; returns the new server time. */
  advance(ms: number): number;
  now(): number;
  addFault(fault: Fault): void;
  clearFaults(): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  conversations(): ConversationSnapshot[];
  /** Creates settled old conversations at once; returns their conversation ids, newest first. */
  seedConversations(count: number, options?: SeedOptions): string[];
  /** As `DELETE /api/v1/app-conversations/{id}`. Accepts a conversation or start-task id. */
  deleteConversation(id: string): boolean;
  /** The platform pauses the sandbox (contract §6.4). */
  pauseConversation(id: string): boolean;
  /** The sandbox disappears: sandbox_status MISSING. */
  archiveConversation(id: string): boolean;
}

function snapshot(c: SimConversation): ConversationSnapshot {
  return {
    id: c.id, startTaskId: c.taskId, sandboxId: c.sandboxId, scenario: c.scenario, origin: c.origin,
    taskStatus: c.taskStatus, taskDetail: c.taskDetail, sandboxStatus: c.sandboxStatus, executionStatus: c.executionStatus,
    title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, events: c.timeline.filter((e) => e.type === 'event').length,
  };
}

export function createServerControl(state: ServerState): ServerControl {
  const find = (raw: string): SimConversation | undefined => {
    const id = normalizeUuid(raw);
    return id === null ? undefined : state.store.byConversationId(id) ?? state.store.byStartTaskId(id);
  };
  return {
    reset: () => state.reset(),
    setMode: (mode) => void (state.mode = mode),
    setScenario: (name) => void (state.scenario = name),
    advance(ms) {
      state.clock.advance(ms);
      return state.now();
    },
    now: () => state.now(),
    addFault: (fault) => state.faults.add(fault),
    clearFaults: () => state.faults.clear(),
    requests: () => [...state.log],
    clearRequests: () => void (state.log = []),
    conversations() {
      state.now();
      return state.store.all().map(snapshot);
    },
    seedConversations(count, options) {
      const records = seedConversations(count, state.now(), options);
      state.store.addMany(records);
      return records.map((c) => c.id);
    },
    deleteConversation(id) {
      const c = find(id);
      if (c) state.store.delete(c);
      return c !== undefined;
    },
    pauseConversation(id) {
      const now = state.now();
      const c = find(id);
      if (!c || c.readyAt === null || c.sandboxStatus === 'MISSING') return false;
      pauseSandbox(c, now);
      return true;
    },
    archiveConversation(id) {
      const now = state.now();
      const c = find(id);
      if (!c || c.readyAt === null) return false;
      archive(c, now);
      return true;
    },
  };
}
