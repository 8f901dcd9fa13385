// One poller per window. A self-rescheduling timer (never overlapping requests) that polls
// quickly right after a start, backs off while nothing changes, slows down while the window
// is unfocused, honours Retry-After, and stops when nothing is active or the key is rejected.
import type { Clock, TimerHandle } from './clock';
import type { Logger } from '../api/logger';
import { silentLogger } from '../api/logger';

export interface PollResult {
  /** Something the user can see changed: poll quickly again. */
  readonly changed: boolean;
}

export interface PollerOptions {
  readonly clock: Clock;
  /** Fetches the active conversations and applies the result. */
  readonly poll: (signal: AbortSignal) => Promise<PollResult>;
  /** Whether anything is worth polling for; the poller sleeps while this is false. */
  readonly hasActive: () => boolean;
  readonly minIntervalMs?: number;
  readonly maxIntervalMs?: number;
  /** The interval while the window is unfocused (at least maxIntervalMs). */
  readonly unfocusedIntervalMs?: number;
  readonly backoffFactor?: number;
  /** 0..1, for the jitter of error back-off. */
  readonly random?: () => number;
  readonly log?: Logger;
}

export type PollerState = 'idle' | 'scheduled' | 'polling' | 'stopped' | 'disposed';

export class Poller {
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly minMs: number;
  private maxMs: number;
  private readonly unfocusedMs: number;
  private interval: number;
  private failures = 0;
  private focused = true;
  private timer: TimerHandle | undefined;
  private inFlight: AbortController | undefined;
  private lastPollAt = Number.NEGATIVE_INFINITY;
  private notBefore = 0;
  private stopped = false;
  private disposed = false;
  /** When the next poll is due (clock time), for tests and the benchmark. */
  nextPollAt: number | undefined;

  constructor(private readonly options: PollerOptions) {
    this.clock = options.clock;
    this.log = options.log ?? silentLogger;
    this.minMs = options.minIntervalMs ?? 4_000;
    this.maxMs = Math.max(this.minMs, options.maxIntervalMs ?? 60_000);
    this.unfocusedMs = Math.max(this.maxMs, options.unfocusedIntervalMs ?? 120_000);
    this.interval = this.minMs;
  }

  get state(): PollerState {
    if (this.disposed) return 'disposed';
    if (this.inFlight) return 'polling';
    if (this.stopped) return 'stopped';
    return this.timer ? 'scheduled' : 'idle';
  }

  /** Something new to watch (a task was started, the user refreshed): poll soon and quickly. */
  wake(): void {
    if (this.disposed) return;
    this.stopped = false;
    this.interval = this.minMs;
    this.failures = 0;
    if (!this.inFlight) this.scheduleAt(this.clock.now());
  }

  setFocused(focused: boolean): void {
    if (this.focused === focused || this.disposed) return;
    this.focused = focused;
    if (this.inFlight || this.stopped) return;
    // Back in focus with stale data: poll at once. Losing focus: stretch the wait.
    this.scheduleAt(this.lastPollAt + this.currentDelay());
  }

  setMaxInterval(ms: number): void {
    this.maxMs = Math.max(this.minMs, ms);
    this.interval = Math.min(this.interval, this.maxMs);
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.inFlight?.abort();
    this.nextPollAt = undefined;
  }

  private currentDelay(): number {
    return this.focused ? this.interval : Math.max(this.interval, this.unfocusedMs);
  }

  private scheduleAt(at: number): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.nextPollAt = undefined;
    if (this.disposed || this.stopped || !this.options.hasActive()) return;
    const due = Math.max(at, this.notBefore, this.clock.now());
    this.nextPollAt = due;
    this.timer = this.clock.setTimer(() => void this.run(), due - this.clock.now());
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.nextPollAt = undefined;
    if (this.disposed || !this.options.hasActive()) return;
    const controller = new AbortController();
    this.inFlight = controller;
    this.lastPollAt = this.clock.now();
    // A success counts its wait from when the poll started (a steady rhythm); a failure from
    // when it ended, or a poll that timed out after 15 s would be retried at once.
    let waitFrom = this.lastPollAt;
    try {
      const result = await this.options.poll(controller.signal);
      this.failures = 0;
      this.interval = result.changed ? this.minMs : Math.min(this.maxMs, this.interval * (this.options.backoffFactor ?? 1.5));
    } catch (error) {
      if (this.disposed) return;
      this.onError(error);
      waitFrom = this.clock.now();
    } finally {
      this.inFlight = undefined;
    }
    if (!this.disposed) this.scheduleAt(waitFrom + this.currentDelay());
  }

  private onError(error: unknown): void {
    const { kind, retryAfterMs } = error as { kind?: string; retryAfterMs?: number };
    if (kind === 'unauthorized' || kind === 'insecureUrl' || kind === 'cancelled') {
      // Nothing will get better by asking again; wait for a new key, setting or refresh.
      this.stopped = kind !== 'cancelled';
      this.log.warn(`[poller] stopped: ${kind}`);
      return;
    }
    this.failures += 1;
    const jitter = 1 + (this.options.random ?? Math.random)() * 0.25;
    const backoff = Math.min(this.maxMs, this.minMs * 2 ** this.failures) * jitter;
    this.interval = Math.max(backoff, retryAfterMs ?? 0);
    if (retryAfterMs) this.notBefore = this.clock.now() + retryAfterMs;
    this.log.debug(`[poller] ${kind ?? 'error'}; next try in ${Math.round(this.interval / 1000)} s`);
  }
}
