import * as assert from 'node:assert/strict';
import { ServerClock } from '../../../src/api/serverClock';
import { FakeFetch, json } from './fakeFetch';
import { appConversation, NOW, v1Adapter } from './v1Fixtures';

describe('server clock: timestamps are compared with the server’s now', () => {
  it('estimates the offset from the Date header, to the second', () => {
    const clock = new ServerClock();
    assert.equal(clock.offsetMs, undefined);
    clock.observe(new Date(NOW + 3600_000).toUTCString(), NOW - 100, NOW + 100);
    assert.ok(Math.abs((clock.offsetMs ?? 0) - 3600_000) <= 1000);
    assert.ok(Math.abs(clock.serverNow(NOW) - (NOW + 3600_000)) <= 1000);
    clock.observe('not a date', NOW, NOW);
    assert.ok(Math.abs((clock.offsetMs ?? 0) - 3600_000) <= 1000, 'a bad header must not reset it');
  });

  // Right after a start, `idle` means "the agent has not begun yet"; after a while it means
  // "waiting for you". With a client clock an hour ahead of the server (or a server an hour
  // behind), comparing server timestamps with the client's now would call a fresh
  // conversation "waiting for you" and notify the user for nothing.
  it('a fresh idle conversation is still starting when the client clock is an hour ahead', async () => {
    const serverNow = NOW - 3600_000; // the server lags an hour behind us
    const justNow = new Date(serverNow - 5_000).toISOString();
    const fake = new FakeFetch().on('GET', '/api/v1/app-conversations', () =>
      json([appConversation('c1', 'RUNNING', 'idle', justNow)], 200, { date: new Date(serverNow).toUTCString() }),
    );
    const [conv] = [...(await v1Adapter(fake).getConversations(['c1'])).values()];
    assert.equal(conv?.phase, 'starting', conv?.statusDetail);
  });
});
