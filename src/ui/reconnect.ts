// Tries a failed load again later, by itself: the server coming back must show without the
// user pressing Refresh. Backs off (with jitter, so many windows don't retry in step) up to
// a ceiling, and never sooner than the server's Retry-After.
export const RECONNECT_FIRST_MS = 5_000;
export const RECONNECT_MAX_MS = 120_000;

export class Reconnect {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;

  constructor(private readonly retry: () => void, private readonly random: () => number = Math.random) {}

  /** When the next try is due, for tests and logs; undefined when none is planned. */
  plannedInMs: number | undefined;

  /** A load failed in a way that may pass: try again after the next back-off step. */
  schedule(notBeforeMs = 0): void {
    this.cancel();
    const backoff = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.attempts) * (1 + this.random() * 0.25);
    this.attempts += 1;
    this.plannedInMs = Math.max(backoff, notBeforeMs);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.plannedInMs = undefined;
      this.retry();
    }, this.plannedInMs);
  }

  /** A load succeeded: back to quick retries next time. */
  succeeded(): void {
    this.cancel();
    this.attempts = 0;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.plannedInMs = undefined;
  }
}
