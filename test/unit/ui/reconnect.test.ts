import * as assert from 'node:assert/strict';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, Reconnect } from '../../../src/ui/reconnect';

describe('reconnect: a failed load is tried again by itself, backing off', () => {
  let reconnect: Reconnect;
  afterEach(() => reconnect.cancel());

  it('doubles the wait up to a ceiling, with at most 25 % jitter', () => {
    reconnect = new Reconnect(() => undefined, () => 1);
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      reconnect.schedule();
      waits.push(reconnect.plannedInMs ?? 0);
    }
    assert.equal(waits[0], RECONNECT_FIRST_MS * 1.25);
    assert.equal(waits[1], RECONNECT_FIRST_MS * 2 * 1.25);
    assert.equal(waits.at(-1), RECONNECT_MAX_MS * 1.25);
  });

  it('never sooner than Retry-After; back to quick retries after a success', () => {
    reconnect = new Reconnect(() => undefined, () => 0);
    reconnect.schedule(90_000);
    assert.equal(reconnect.plannedInMs, 90_000);
    reconnect.schedule();
    reconnect.succeeded();
    assert.equal(reconnect.plannedInMs, undefined);
    reconnect.schedule();
    assert.equal(reconnect.plannedInMs, RECONNECT_FIRST_MS);
  });

  it('cancel drops a planned retry', () => {
    reconnect = new Reconnect(() => assert.fail('a cancelled retry ran'), () => 0);
    reconnect.schedule();
    reconnect.cancel();
    assert.equal(reconnect.plannedInMs, undefined);
  });
});
