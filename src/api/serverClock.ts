// How far the server's clock is from ours, from the `Date` header of its answers. Client and
// server clocks drift (VMs, dual boot, no NTP); rules that compare a server timestamp with
// "now" must use the server's now, or a fresh conversation can look idle for minutes.

export class ServerClock {
  private offset: number | undefined;

  /** Server time minus client time in ms; undefined until a `Date` header was seen. */
  get offsetMs(): number | undefined {
    return this.offset;
  }

  /**
   * `Date` has whole seconds (RFC 9110 §6.6.1), so the true server time lies in [D, D + 1 s);
   * the request's midpoint is our best guess of when the server wrote it.
   */
  observe(dateHeader: string | null, sentAtMs: number, receivedAtMs: number): void {
    if (!dateHeader) return;
    const serverMs = Date.parse(dateHeader);
    if (Number.isNaN(serverMs)) return;
    this.offset = serverMs + 500 - (sentAtMs + receivedAtMs) / 2;
  }

  /** The server's current time, given ours. */
  serverNow(clientNowMs: number): number {
    return clientNowMs + (this.offset ?? 0);
  }
}
