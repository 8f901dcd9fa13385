// A fake clock for the poller that moves the embedded server's manual clock in step, so an
// hour of polling against the real V1 client and server takes seconds. Unlike the unit tests'
// FakeClock it waits for real HTTP to finish (`quiet`) before moving time on.
import type { Clock, TimerHandle } from '../src/conversations/clock';
import type { ServerControl } from '../test/server/serverControl';

interface Timer {
  readonly at: number;
  readonly callback: () => void;
  cancelled: boolean;
}

export class SteppedClock implements Clock {
  private time: number;
  private timers: Timer[] = [];

  constructor(private readonly server: ServerControl, private readonly quiet: () => Promise<void>) {
    this.time = server.now();
  }

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const timer: Timer = { at: this.time + Math.max(0, delayMs), callback, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Fires due timers in order, letting each poll's requests finish before time moves on. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await this.settle();
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.moveTo(next.at);
      next.cancelled = true;
      next.callback();
    }
    this.moveTo(end);
    await this.settle();
  }

  private moveTo(time: number): void {
    this.server.advance(time - this.time);
    this.time = time;
  }

  private async settle(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await this.quiet();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
