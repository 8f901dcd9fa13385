// Remembers until when the server asked us to wait (429 + Retry-After), so that no request of
// any kind — poll, list, refresh or a new task — goes out before then. One gate per server,
// shared by every connection the session builds for it, so a Refresh cannot skip the wait.

/** Without any header the limiter still meant "slow down": wait this long. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

export class RateLimitGate {
  private until = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds still to wait; 0 when requests may go out. */
  remainingMs(): number {
    return Math.max(0, this.until - this.now());
  }

  /** The server answered 429: hold every request for `retryAfterMs` (or the default). */
  hold(retryAfterMs: number | undefined): void {
    this.until = Math.max(this.until, this.now() + (retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS));
  }
}
