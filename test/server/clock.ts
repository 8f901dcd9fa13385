// Server time. Tests drive a manual clock so lifecycles are deterministic; `npm run server`
// uses wall time so a demo conversation visibly moves on by itself.

export type ClockMode = 'real' | 'manual';

export interface Clock {
  readonly mode: ClockMode;
  /** Milliseconds since the epoch, as the server sees it. */
  now(): number;
  /** Moves server time forward (both modes: in real mode it adds an offset to wall time). */
  advance(ms: number): number;
}

export function createClock(mode: ClockMode): Clock {
  // The manual clock starts at wall time (whole seconds) so dates look plausible next to the
  // client's own clock, then moves only when told to.
  let manual = Math.floor(Date.now() / 1000) * 1000;
  let offset = 0;
  return {
    mode,
    now: () => (mode === 'manual' ? manual : Date.now() + offset),
    advance(ms: number): number {
      if (!Number.isFinite(ms) || ms < 0) {
        throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      }
      if (mode === 'manual') {
        manual += ms;
      } else {
        offset += ms;
      }
      return this.now();
    },
  };
}
