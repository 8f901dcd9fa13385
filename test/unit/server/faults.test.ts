// Injected failures: status codes with rate-limit headers, slowness, resets, HTML and broken JSON.
import * as assert from 'node:assert/strict';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

const COUNT = '/api/v1/app-conversations/count';

describe('embedded server: fault injection', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  it('answers an injected 429 with the given headers, `times` times, then normally', async () => {
    api.control.addFault({ path: COUNT, status: 429, headers: { 'Retry-After': '7', 'X-RateLimit-Remaining': '0' }, times: 2 });
    for (let i = 0; i < 2; i++) {
      const reply = await api.get(COUNT);
      assert.equal(reply.status, 429);
      assert.equal(reply.headers.get('retry-after'), '7');
      assert.equal(reply.headers.get('x-ratelimit-remaining'), '0');
      assert.deepEqual(reply.json, { error: 'Rate limit exceeded: 10 per 1 second' });
    }
    const third = await api.get(COUNT);
    assert.deepEqual([third.status, third.json], [200, 0]);
  });

  it('uses the given body, and a fault does not run the request it replaces', async () => {
    api.control.addFault({ method: 'POST', path: '/api/v1/app-conversations', status: 503, body: { detail: 'maintenance' } });
    const reply = await api.post('/api/v1/app-conversations', { initial_message: { content: [{ type: 'text', text: 'x' }] } });
    assert.deepEqual([reply.status, reply.json], [503, { detail: 'maintenance' }]);
    assert.equal(api.control.conversations().length, 0);
    assert.equal((await api.get(COUNT)).status, 200, 'GET is not matched by a POST fault');
  });

  it('matches a regex path starting with ^', async () => {
    api.control.addFault({ path: '^/api/v1/conversation/[0-9a-f]+/events/search$', status: 502 });
    assert.equal((await api.get(`/api/v1/conversation/${'a'.repeat(32)}/events/search`)).status, 502);
    assert.equal((await api.get(`/api/v1/conversation/${'a'.repeat(32)}/events/count`)).status, 200);
  });

  it('adds headers to a real answer when the fault has no status', async () => {
    api.control.addFault({ path: COUNT, headers: { 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '3' } });
    const reply = await api.get(COUNT);
    assert.deepEqual([reply.status, reply.json], [200, 0]);
    assert.equal(reply.headers.get('x-ratelimit-remaining'), '3');
  });

  it('delays the answer by delayMs real time, and handles the request only afterwards', async () => {
    api.control.addFault({ method: 'POST', path: '/api/v1/app-conversations', delayMs: 500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(fetch(`${api.server.url}/api/v1/app-conversations`, {
      method: 'POST',
      signal: controller.signal,
      headers: { Authorization: `Bearer ${api.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ initial_message: { content: [{ type: 'text', text: 'x' }] } }),
    }));
    assert.equal(api.control.conversations().length, 0, 'not handled before the delay is over');
    for (let i = 0; i < 60 && api.control.conversations().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(api.control.conversations().length, 1, 'created although the client gave up: the answer was lost');
    api.control.addFault({ path: '/api/v1/app-conversations/start-tasks/count', delayMs: 200 });
    const started = Date.now();
    assert.equal((await api.get('/api/v1/app-conversations/start-tasks/count')).json, 1);
    assert.ok(Date.now() - started >= 190);
  });

  it('resets the connection without handling the request', async () => {
    api.control.addFault({ path: '/api/v1/app-conversations', reset: true, times: 1 });
    await assert.rejects(api.post('/api/v1/app-conversations', { initial_message: { content: [{ type: 'text', text: 'x' }] } }));
    assert.equal(api.control.conversations().length, 0);
    assert.equal((await api.get(COUNT)).status, 200, 'the next request is fine');
  });

  it('serves an HTML page, broken JSON, or an empty body', async () => {
    api.control.addFault({ path: COUNT, html: true, times: 1 });
    api.control.addFault({ path: COUNT, malformed: true, times: 1 });
    api.control.addFault({ path: COUNT, emptyBody: true, times: 1 });
    const html = await api.get(COUNT);
    assert.equal(html.status, 200);
    assert.match(html.contentType, /^text\/html/);
    assert.match(html.text, /<div id="root">/);
    const broken = await api.get(COUNT);
    assert.equal(broken.status, 200);
    assert.match(broken.contentType, /^application\/json/);
    assert.throws(() => JSON.parse(broken.text));
    const empty = await api.get(COUNT);
    assert.deepEqual([empty.status, empty.text], [200, '']);
  });

  it('trickles the body over trickleMs and it still arrives whole', async () => {
    await api.startReady('Fix it');
    api.control.addFault({ path: '/api/v1/app-conversations/search', trickleMs: 400 });
    const started = Date.now();
    const reply = await api.get('/api/v1/app-conversations/search');
    assert.ok(Date.now() - started >= 350, `took ${Date.now() - started} ms`);
    assert.equal((reply.json as { items: unknown[] }).items.length, 1);
  });

  it('does not touch /_control routes and is gone after clearFaults', async () => {
    api.control.addFault({ path: '/', status: 500 });
    const control = await fetch(`${api.server.url}/_control/conversations`);
    assert.equal(control.status, 200);
    assert.equal((await api.get(COUNT)).status, 500);
    api.control.clearFaults();
    assert.equal((await api.get(COUNT)).status, 200);
  });
});
