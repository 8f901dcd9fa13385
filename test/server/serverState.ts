// Everything the server remembers, and what `reset()` puts back.
import type { Clock, ClockMode } from './clock';
import { createClock } from './clock';
import { ConversationStore } from './conversationStore';
import { FaultBook } from './faults';
import type { LoggedRequest } from './requestLog';
import type { ScenarioName } from './scenarios';

/** Which API generations the server speaks (contract §1). */
export type ApiMode = 'v1' | 'v0' | 'both';
/** How a route of the version not served answers: SPA page (web UI fallback) or JSON 404. */
export type RemovedRoutes = 'html' | '404';

export interface ResolvedOptions {
  readonly mode: ApiMode;
  readonly apiKeys: readonly string[];
  readonly clock: ClockMode;
  readonly defaultScenario: ScenarioName;
  readonly removedRoutes: RemovedRoutes;
}

export class ServerState {
  mode: ApiMode;
  scenario: ScenarioName;
  readonly clock: Clock;
  readonly store = new ConversationStore();
  readonly faults = new FaultBook();
  log: LoggedRequest[] = [];

  constructor(readonly options: ResolvedOptions) {
    this.mode = options.mode;
    this.scenario = options.defaultScenario;
    this.clock = createClock(options.clock);
  }

  /** Back to the constructor options. The clock keeps its time: it never runs backwards. */
  reset(): void {
    this.mode = this.options.mode;
    this.scenario = this.options.defaultScenario;
    this.store.clear();
    this.faults.clear();
    this.log = [];
  }

  /** Current server time, after running every lifecycle step due by then. */
  now(): number {
    const now = this.clock.now();
    this.store.sync(now);
    return now;
  }

  get servesV1(): boolean {
    return this.mode !== 'v0';
  }

  get servesV0(): boolean {
    return this.mode !== 'v1';
  }
}
