import * as assert from 'node:assert/strict';
import { HttpClient } from '../../../src/api/http';
import { DEFAULT_RATE_LIMIT_WAIT_MS, RateLimitGate } from '../../../src/api/rateLimitGate';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../../src/api/retryAfter';
import { FakeFetch, json, failure } from './fakeFetch';


describe('rate limits: no request before the server says so', () => {
  let now: number;
  const clock = (): number => now;
  beforeEach(() => (now = Date.UTC(2026, 11, 4, 12)));

  function client(fake: FakeFetch, gate: RateLimitGate): HttpClient {
    return new HttpClient({ serverUrl: 'https://oh.example', getApiKey: async () => 'key', fetch: fake.fetch, now: clock, gate });
  }

  it('holds every request to the server until Retry-After has passed, then lets them through', async () => {
    const gate = new RateLimitGate(clock);
    const fake = new FakeFetch().on('GET', '/api/a', json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': '30' })).on('GET', '/api/b', { ok: true });
    const http = client(fake, gate);
    assert.equal((await failure(http.request({ path: '/api/a' }))).retryAfterMs, 30_000);
    now += 10_000;
    const held = await failure(http.request({ path: '/api/b' }));
    assert.equal(held.kind, 'rateLimited');
    assert.equal(held.notSent, true);
    assert.equal(held.retryAfterMs, 20_000);
    assert.equal(fake.count('/api/b'), 0, 'a request went out during the wait');
    now += 20_000;
    assert.deepEqual(await http.request({ path: '/api/b' }), { ok: true });
  });

  it('outlives the client: a new connection to the same server (Refresh) waits too', async () => {
    const gate = new RateLimitGate(clock);
    const fake = new FakeFetch().on('GET', '/api/a', json({}, 429, { 'retry-after': '5' })).on('GET', '/api/b', { ok: true });
    await failure(client(fake, gate).request({ path: '/api/a' }));
    assert.equal((await failure(client(fake, gate).request({ path: '/api/b' }))).notSent, true);
  });

  it('waits a few seconds when a 429 says nothing about how long', async () => {
    const gate = new RateLimitGate(clock);
    const fake = new FakeFetch().on('GET', '/api/a', json({}, 429));
    await failure(client(fake, gate).request({ path: '/api/a' }));
    assert.equal(gate.remainingMs(), DEFAULT_RATE_LIMIT_WAIT_MS);
  });

  it('does not hold requests to another origin', async () => {
    const gate = new RateLimitGate(clock);
    gate.hold(60_000);
    const fake = new FakeFetch().on('GET', '/x', { ok: 1 });
    assert.deepEqual(await client(fake, gate).request({ path: 'https://elsewhere.example/x' }), { ok: 1 });
  });

  it('caps an absurd wait (a broken header or a clock far off) at 15 minutes', () => {
    const headers = new Headers({ 'retry-after': String(7 * 24 * 3600) });
    assert.equal(retryAfterMs(headers, now), MAX_RETRY_AFTER_MS);
    const date = new Headers({ 'retry-after': new Date(now + 3 * 3600_000).toUTCString() });
    assert.equal(retryAfterMs(date, now), MAX_RETRY_AFTER_MS);
  });
});
