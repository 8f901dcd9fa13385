import * as assert from 'node:assert/strict';
import { Poller } from '../../../src/conversations/poller';
import type { PollResult } from '../../../src/conversations/poller';
import { FakeClock } from '../helpers/fakeClock';

interface Harness {
  clock: FakeClock;
  poller: Poller;
  polls: number[];
  setActive(active: boolean): void;
  nextResult: (() => Promise<PollResult>) | undefined;
}

function setup(options: { min?: number; max?: number; unfocused?: number } = {}): Harness {
  const clock = new FakeClock();
  let active = true;
  const harness: Harness = {
    clock,
    polls: [],
    nextResult: undefined,
    setActive: (value) => (active = value),
    poller: undefined as unknown as Poller,
  };
  harness.poller = new Poller({
    clock,
    hasActive: () => active,
    poll: async () => {
      harness.polls.push(clock.now() - start);
      return harness.nextResult ? harness.nextResult() : { changed: false };
    },
    minIntervalMs: options.min ?? 4_000,
    maxIntervalMs: options.max ?? 60_000,
    unfocusedIntervalMs: options.unfocused ?? 120_000,
    random: () => 0,
  });
  const start = clock.now();
  return harness;
}

describe('Poller', () => {
  it('polls at once when woken, then backs off by 1.5x to the ceiling while nothing changes', async () => {
    const h = setup({ max: 20_000 });
    h.poller.wake();
    await h.clock.advance(60_000);
    assert.deepEqual(h.polls, [0, 6_000, 15_000, 28_500, 48_500]);
    h.poller.dispose();
  });

  it('goes back to the quick interval after a change', async () => {
    const h = setup();
    h.poller.wake();
    await h.clock.advance(10_000); // polls at 0, 6000
    h.nextResult = async () => ({ changed: true });
    await h.clock.advance(5_000); // poll at 15000 reports a change
    h.nextResult = undefined;
    await h.clock.advance(4_000);
    assert.deepEqual(h.polls, [0, 6_000, 15_000, 19_000]);
    h.poller.dispose();
  });

  it('makes no request and keeps no timer while nothing is active', async () => {
    const h = setup();
    h.setActive(false);
    h.poller.wake();
    await h.clock.advance(600_000);
    assert.deepEqual(h.polls, []);
    assert.equal(h.clock.pendingTimers(), 0);
    assert.equal(h.poller.state, 'idle');
  });

  it('stops polling once the last active conversation settles', async () => {
    const h = setup();
    h.poller.wake();
    await h.clock.advance(1);
    h.setActive(false);
    await h.clock.advance(600_000);
    assert.deepEqual(h.polls, [0]);
    assert.equal(h.clock.pendingTimers(), 0);
  });

  it('waits at least the unfocused interval while the window is unfocused', async () => {
    const h = setup({ unfocused: 120_000 });
    h.poller.wake();
    await h.clock.advance(1);
    h.poller.setFocused(false);
    await h.clock.advance(300_000);
    assert.deepEqual(h.polls, [0, 120_000, 240_000]);
    h.poller.dispose();
  });

  it('polls at once when focus returns and the data is stale, not when it is fresh', async () => {
    const h = setup({ unfocused: 120_000 });
    h.poller.wake();
    await h.clock.advance(1);
    h.poller.setFocused(false);
    await h.clock.advance(2_000);
    h.poller.setFocused(true); // 2 s old: fresh enough, the next poll stays 6 s after the last
    await h.clock.advance(1);
    assert.deepEqual(h.polls, [0]);
    h.poller.setFocused(false);
    await h.clock.advance(50_000);
    h.poller.setFocused(true); // 52 s old: stale
    await h.clock.advance(1);
    assert.deepEqual(h.polls, [0, 52_002]);
    h.poller.dispose();
  });

  it('honours Retry-After: no request before it, even when woken', async () => {
    const h = setup();
    h.nextResult = async () => {
      throw Object.assign(new Error('429'), { kind: 'rateLimited', retryAfterMs: 42_000 });
    };
    h.poller.wake();
    await h.clock.advance(1);
    h.nextResult = undefined;
    h.poller.wake();
    await h.clock.advance(41_000);
    assert.deepEqual(h.polls, [0]);
    await h.clock.advance(1_001);
    assert.deepEqual(h.polls, [0, 42_000]);
    h.poller.dispose();
  });

  it('backs off exponentially on errors, bounded by the ceiling', async () => {
    const h = setup({ min: 4_000, max: 30_000 });
    h.nextResult = async () => {
      throw Object.assign(new Error('502'), { kind: 'server' });
    };
    h.poller.wake();
    await h.clock.advance(100_000);
    assert.deepEqual(h.polls, [0, 8_000, 24_000, 54_000, 84_000]);
    h.poller.dispose();
  });

  it('stops on a rejected key until woken again', async () => {
    const h = setup();
    h.nextResult = async () => {
      throw Object.assign(new Error('401'), { kind: 'unauthorized' });
    };
    h.poller.wake();
    await h.clock.advance(300_000);
    assert.deepEqual(h.polls, [0]);
    assert.equal(h.poller.state, 'stopped');
    h.nextResult = undefined;
    h.poller.wake();
    await h.clock.advance(1);
    assert.deepEqual(h.polls, [0, 300_000]);
    h.poller.dispose();
  });

  it('never overlaps polls and aborts the one in flight on dispose', async () => {
    const h = setup();
    let aborted = false;
    let release: () => void = () => undefined;
    const poller = new Poller({
      clock: h.clock,
      hasActive: () => true,
      poll: (signal) =>
        new Promise((resolve) => {
          h.polls.push(h.clock.now());
          signal.addEventListener('abort', () => (aborted = true));
          release = () => resolve({ changed: false });
        }),
    });
    poller.wake();
    await h.clock.advance(1);
    poller.wake();
    await h.clock.advance(60_000);
    assert.equal(h.polls.length, 1, 'a second poll started while the first was in flight');
    poller.dispose();
    assert.equal(aborted, true);
    release();
    await h.clock.advance(600_000);
    assert.equal(h.polls.length, 1);
    assert.equal(h.clock.pendingTimers(), 0);
  });

  it('counts the back-off after a failure from when the failed poll ended', async () => {
    const h = setup({ min: 4_000, max: 60_000 });
    h.nextResult = () =>
      new Promise((_, reject) => h.clock.setTimer(() => reject(Object.assign(new Error('timeout'), { kind: 'timeout' })), 15_000));
    h.poller.wake();
    await h.clock.advance(15_000); // the first poll times out after 15 s
    h.nextResult = undefined;
    await h.clock.advance(7_999);
    assert.deepEqual(h.polls, [0], 'retried before the back-off had passed');
    await h.clock.advance(1);
    assert.deepEqual(h.polls, [0, 23_000]);
    h.poller.dispose();
  });
});
