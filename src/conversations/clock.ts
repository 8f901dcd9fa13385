// Time as the core sees it. Injected everywhere so tests can drive back-off and timers
// without sleeping.
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    return { cancel: () => clearTimeout(handle) };
  },
};
