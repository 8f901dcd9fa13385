// All conversations the server knows, with lookups by conversation, start-task and sandbox id.
// `sync(now)` runs the lifecycle steps that are due; every request calls it first.
import { newHexId, newSandboxId } from './ids';
import { planStart } from './lifecycle';
import type { ScenarioName } from './scenarios';
import type { SimConversation } from './simConversation';
import { runDue } from './simConversation';

export interface NewConversation {
  readonly origin: SimConversation['origin'];
  readonly scenario: ScenarioName;
  readonly initialText: string;
  readonly request: Record<string, unknown>;
  readonly repository: string | null;
  readonly branch: string | null;
  readonly gitProvider: string | null;
  readonly title: string | null;
  readonly trigger: string | null;
  readonly isPublic: boolean | null;
  /** A conversation id the client chose (V1 `conversation_id`), 32-hex. */
  readonly id?: string;
}

export class ConversationStore {
  private readonly byId = new Map<string, SimConversation>();
  private readonly byTask = new Map<string, SimConversation>();
  private readonly bySandbox = new Map<string, SimConversation>();
  /** Only conversations with pending steps, so 5,000 seeded ones cost nothing per request. */
  private readonly active = new Set<SimConversation>();
  /** Newest first; kept sorted on insert. */
  private ordered: SimConversation[] = [];

  create(init: NewConversation, now: number): SimConversation {
    const c: SimConversation = {
      taskId: newHexId(),
      id: init.id ?? newHexId(),
      sandboxId: newSandboxId(),
      scenario: init.scenario,
      origin: init.origin,
      createdAt: now,
      initialText: init.initialText,
      request: init.request,
      repository: init.repository,
      branch: init.branch,
      gitProvider: init.gitProvider,
      trigger: init.trigger,
      title: init.title,
      isPublic: init.isPublic,
      taskStatus: 'WORKING',
      taskDetail: null,
      taskUpdatedAt: now,
      readyAt: null,
      sandboxStatus: 'MISSING',
      executionStatus: null,
      executionBeforePause: null,
      sessionApiKey: null,
      updatedAt: now,
      autoPaused: false,
      turns: 0,
      toolCalls: 0,
      timeline: [],
      pending: [],
    };
    planStart(c);
    this.add(c);
    return c;
  }

  /** Adds a fully built record (seeding) or a newly created one. */
  add(c: SimConversation): void {
    this.byId.set(c.id, c);
    this.byTask.set(c.taskId, c);
    this.bySandbox.set(c.sandboxId, c);
    if (c.pending.length > 0) {
      this.active.add(c);
    }
    let index = 0;
    while (index < this.ordered.length && this.ordered[index].createdAt > c.createdAt) {
      index++;
    }
    this.ordered.splice(index, 0, c);
  }

  /** Adds many records at once (seeding 5,000 must not be quadratic). */
  addMany(records: readonly SimConversation[]): void {
    for (const c of records) {
      this.byId.set(c.id, c);
      this.byTask.set(c.taskId, c);
      this.bySandbox.set(c.sandboxId, c);
    }
    this.ordered = [...this.ordered, ...records].sort((a, b) => b.createdAt - a.createdAt);
  }

  sync(now: number): void {
    for (const c of this.active) {
      runDue(c, now);
      if (c.pending.length === 0) {
        this.active.delete(c);
      }
    }
  }

  /** Call after a lifecycle operation may have scheduled steps. */
  touch(c: SimConversation): void {
    if (c.pending.length > 0 && this.byId.get(c.id) === c) {
      this.active.add(c);
    }
  }

  byConversationId(id: string): SimConversation | undefined {
    return this.byId.get(id);
  }

  byStartTaskId(id: string): SimConversation | undefined {
    return this.byTask.get(id);
  }

  bySandboxId(id: string): SimConversation | undefined {
    return this.bySandbox.get(id);
  }

  /** Newest first. */
  all(): readonly SimConversation[] {
    return this.ordered;
  }

  delete(c: SimConversation): void {
    this.byId.delete(c.id);
    this.byTask.delete(c.taskId);
    this.bySandbox.delete(c.sandboxId);
    this.active.delete(c);
    this.ordered = this.ordered.filter((other) => other !== c);
  }

  clear(): void {
    this.byId.clear();
    this.byTask.clear();
    this.bySandbox.clear();
    this.active.clear();
    this.ordered = [];
  }
}
