import * as assert from 'node:assert/strict';
import type { ApiErrorKind } from '../../../src/api/errors';
import { HttpClient } from '../../../src/api/http';
import type { HttpClientOptions } from '../../../src/api/http';
import { FakeFetch, hang, html, json, refused, text, trickle, failure } from './fakeFetch';

const KEY = 'sk-oh-secret-key';
const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);

function client(fake: FakeFetch, options: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    serverUrl: 'https://oh.example',
    getApiKey: async () => KEY,
    fetch: fake.fetch,
    now: () => NOW,
    ...options,
  });
}


describe('HttpClient', () => {
  it('sends method, JSON body, multi-valued query and the bearer key to the server', async () => {
    const fake = new FakeFetch().on('POST', '/api/v1/app-conversations', { id: 't1' });
    const body = await client(fake).request({
      method: 'POST',
      path: '/api/v1/app-conversations',
      query: { ids: ['a', 'b'], limit: 5, page_id: undefined },
      body: { title: 'x' },
    });
    assert.deepEqual(body, { id: 't1' });
    const [req] = fake.requests;
    assert.equal(req?.url.search, '?ids=a&ids=b&limit=5');
    assert.equal(req?.headers.get('authorization'), `Bearer ${KEY}`);
    assert.equal(req?.headers.get('content-type'), 'application/json');
    assert.equal(req?.redirect, 'manual');
    assert.deepEqual(req?.body, { title: 'x' });
  });

  it('keeps a path prefix of the server URL and ignores its trailing slash', async () => {
    const fake = new FakeFetch().on('GET', '/oh/api/v1/app-conversations/count', 3);
    assert.equal(await client(fake, { serverUrl: 'https://oh.example/oh/' }).request({ path: '/api/v1/app-conversations/count' }), 3);
  });

  it('returns undefined for an empty 2xx answer', async () => {
    const fake = new FakeFetch().on('DELETE', '/x', () => new Response(null, { status: 204 }));
    assert.equal(await client(fake).request({ method: 'DELETE', path: '/x' }), undefined);
  });

  describe('error kinds', () => {
    const cases: [number, unknown, ApiErrorKind, string | undefined][] = [
      [400, { detail: 'Too many ids requested. Maximum is 99.' }, 'validation', 'Too many ids requested. Maximum is 99.'],
      [401, { error: 'failed to authenticate' }, 'unauthorized', 'failed to authenticate'],
      [403, { detail: 'User is not a member of the requested organization' }, 'forbidden', 'User is not a member of the requested organization'],
      [404, { detail: 'Conversation not found' }, 'notFound', 'Conversation not found'],
      [409, { detail: { code: 'provider_reconnect_required' } }, 'conflict', 'provider_reconnect_required'],
      [410, { detail: 'archived' }, 'gone', 'archived'],
      [422, { detail: [{ loc: ['body', 'title'], msg: 'too long' }] }, 'validation', 'title: too long'],
      [429, { error: 'Rate limit exceeded: 10 per 1 second' }, 'rateLimited', 'Rate limit exceeded: 10 per 1 second'],
      [500, { status: 'error', message: 'boom', msg_id: 'X' }, 'server', 'boom (X)'],
      [503, { error: 'Authentication service temporarily unavailable' }, 'server', 'Authentication service temporarily unavailable'],
      [401, 'Invalid token', 'unauthorized', 'Invalid token'],
      [405, { detail: 'Method Not Allowed' }, 'unexpectedStatus', 'Method Not Allowed'],
    ];
    for (const [status, body, kind, detail] of cases) {
      it(`${status} ${JSON.stringify(body)} → ${kind}`, async () => {
        const fake = new FakeFetch().on('GET', '/api/x', json(body, status));
        const err = await failure(client(fake).request({ path: '/api/x', query: { token: 'q' } }));
        assert.equal(err.kind, kind);
        assert.equal(err.status, status);
        assert.equal(err.detail, detail);
        assert.equal(err.url, '/api/x', 'path only, never the query');
      });
    }

    it('reads a text/plain error page and ignores an HTML one', async () => {
      const fake = new FakeFetch().on('GET', '/a', text('Bad Gateway', 502)).on('GET', '/b', html(500));
      assert.equal((await failure(client(fake).request({ path: '/a' }))).detail, 'Bad Gateway');
      const err = await failure(client(fake).request({ path: '/b' }));
      assert.equal(err.kind, 'server');
      assert.equal(err.detail, undefined);
    });

    it('never repeats the key, even when the server echoes it', async () => {
      const fake = new FakeFetch().on('GET', '/a', json({ detail: `unknown key ${KEY}` }, 401));
      const err = await failure(client(fake).request({ path: '/a' }));
      assert.equal(err.detail, 'unknown key ***');
      assert.ok(!err.message.includes(KEY));
    });
  });

  describe('rate limits', () => {
    it('reads Retry-After in seconds', async () => {
      const fake = new FakeFetch().on('GET', '/a', json({ error: 'x' }, 429, { 'retry-after': '42' }));
      assert.equal((await failure(client(fake).request({ path: '/a' }))).retryAfterMs, 42_000);
    });

    it('reads Retry-After as an HTTP-date against the injected clock', async () => {
      const at = new Date(NOW + 90_000).toUTCString();
      const fake = new FakeFetch().on('GET', '/a', json({ error: 'x' }, 429, { 'retry-after': at }));
      assert.equal((await failure(client(fake).request({ path: '/a' }))).retryAfterMs, 90_000);
    });

    it('reads X-RateLimit-Reset (epoch seconds) when there is no Retry-After', async () => {
      const reset = String(NOW / 1000 + 30);
      const fake = new FakeFetch().on('GET', '/a', json({ error: 'x' }, 429, { 'x-ratelimit-reset': reset }));
      assert.equal((await failure(client(fake).request({ path: '/a' }))).retryAfterMs, 30_000);
    });

    it('never asks to wait a negative time, and ignores garbage', async () => {
      const past = new Date(NOW - 5000).toUTCString();
      const fake = new FakeFetch()
        .on('GET', '/a', json({}, 429, { 'retry-after': past }))
        .on('GET', '/b', json({}, 503, { 'retry-after': 'soon' }));
      assert.equal((await failure(client(fake).request({ path: '/a' }))).retryAfterMs, 0);
      assert.equal((await failure(client(fake).request({ path: '/b' }))).retryAfterMs, undefined);
    });
  });

  describe('timeouts and cancellation', () => {
    it('times out a request that never answers', async () => {
      const fake = new FakeFetch().on('GET', '/slow', hang);
      const err = await failure(client(fake, { timeoutMs: 30 }).request({ path: '/slow' }));
      assert.equal(err.kind, 'timeout');
    });

    it('times out a body that trickles in slowly after quick headers', async () => {
      const fake = new FakeFetch().on('GET', '/slow', () => trickle(5));
      const started = Date.now();
      const err = await failure(client(fake).request({ path: '/slow', timeoutMs: 60 }));
      assert.equal(err.kind, 'timeout');
      assert.ok(Date.now() - started < 1000);
    });

    it("reports the caller's abort as cancelled, not as a timeout", async () => {
      const fake = new FakeFetch().on('GET', '/slow', hang);
      const controller = new AbortController();
      const pending = client(fake).request({ path: '/slow', signal: controller.signal });
      setTimeout(() => controller.abort(), 5);
      assert.equal((await failure(pending)).kind, 'cancelled');
    });
  });

  describe('what counts as an OpenHands answer', () => {
    it('an HTML 200 (the web app answering an unknown route) is notOpenHands', async () => {
      const fake = new FakeFetch().on('GET', '/api/v1/app-conversations/count', html());
      const err = await failure(client(fake).request({ path: '/api/v1/app-conversations/count' }));
      assert.equal(err.kind, 'notOpenHands');
      assert.equal(err.status, 200);
    });

    it('JSON that does not parse is malformed', async () => {
      const fake = new FakeFetch().on('GET', '/a', () => text('{nope', 200, 'application/json'));
      assert.equal((await failure(client(fake).request({ path: '/a' }))).kind, 'malformed');
    });

    it('accepts application/json with parameters and +json types', async () => {
      const fake = new FakeFetch()
        .on('GET', '/a', () => text('1', 200, 'application/json; charset=utf-8'))
        .on('GET', '/b', () => text('2', 200, 'application/problem+json'));
      assert.equal(await client(fake).request({ path: '/a' }), 1);
      assert.equal(await client(fake).request({ path: '/b' }), 2);
    });

    it('refuses a body over the size cap, declared or streamed', async () => {
      const big = JSON.stringify('x'.repeat(2000));
      const fake = new FakeFetch()
        .on('GET', '/declared', () => new Response(big, { headers: { 'content-type': 'application/json', 'content-length': String(big.length) } }))
        .on('GET', '/streamed', () => text(big, 200, 'application/json'));
      for (const path of ['/declared', '/streamed']) {
        const err = await failure(client(fake, { maxBodyBytes: 1000 }).request({ path }));
        assert.equal(err.kind, 'malformed', path);
        assert.match(err.detail ?? '', /larger than 1000 bytes/);
      }
    });

    it('a refused connection is a network error', async () => {
      const fake = new FakeFetch().otherwise(refused);
      const err = await failure(client(fake).request({ path: '/a' }));
      assert.equal(err.kind, 'network');
      assert.equal(err.detail, 'ECONNREFUSED');
    });
  });
});
