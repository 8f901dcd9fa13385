import * as assert from 'node:assert/strict';
import { HttpClient } from '../../../src/api/http';
import type { HttpClientOptions } from '../../../src/api/http';
import { isLoopbackHost } from '../../../src/api/url';
import { FakeFetch, json, RecordingLogger, failure } from './fakeFetch';

const KEY = 'sk-oh-secret-key';

function client(fake: FakeFetch, options: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({ serverUrl: 'https://oh.example', getApiKey: async () => KEY, fetch: fake.fetch, ...options });
}


const redirect = (location: string, status = 302): Response => new Response(null, { status, headers: { location } });

describe('HttpClient security', () => {
  it('never sends the key to an absolute URL on another origin', async () => {
    const fake = new FakeFetch().on('GET', '/api/conversations/1', { ok: true });
    await client(fake).request({ path: 'https://runtime.example/api/conversations/1' });
    assert.equal(fake.requests[0]?.url.origin, 'https://runtime.example');
    assert.equal(fake.requests[0]?.headers.get('authorization'), null);
  });

  it('does not need a key for another origin, but does for the server', async () => {
    const fake = new FakeFetch().on('GET', '/x', { ok: true });
    const keyless = client(fake, { getApiKey: async () => undefined });
    assert.deepEqual(await keyless.request({ path: 'https://other.example/x' }), { ok: true });
    const err = await failure(keyless.request({ path: '/x' }));
    assert.equal(err.kind, 'unauthorized');
    assert.equal(err.detail, 'No API key is set.');
    assert.equal(fake.requests.length, 1, 'no request without a key');
  });

  it('does not follow a redirect to another origin', async () => {
    const fake = new FakeFetch().on('GET', '/api/x', redirect('https://login.example/auth?next=1'));
    const err = await failure(client(fake).request({ path: '/api/x' }));
    assert.equal(err.kind, 'redirected');
    assert.match(err.detail ?? '', /https:\/\/login\.example/);
    assert.equal(fake.requests.length, 1);
    assert.ok(!fake.requests.some((r) => r.url.origin === 'https://login.example'));
  });

  it('follows one same-origin redirect with the key', async () => {
    const fake = new FakeFetch().on('GET', '/api/x', redirect('/api/x/', 307)).on('GET', '/api/x/', { ok: 1 });
    assert.deepEqual(await client(fake).request({ path: '/api/x' }), { ok: 1 });
    assert.deepEqual(fake.paths(), ['GET /api/x', 'GET /api/x/']);
    assert.equal(fake.requests[1]?.headers.get('authorization'), `Bearer ${KEY}`);
  });

  it('refuses a second redirect', async () => {
    const fake = new FakeFetch().on('GET', '/a', redirect('/b')).on('GET', '/b', redirect('/c'));
    const err = await failure(client(fake).request({ path: '/a' }));
    assert.equal(err.kind, 'redirected');
    assert.equal(fake.requests.length, 2);
  });

  it('keeps a POST a POST: 307 is followed with the body, 302 is refused', async () => {
    const fake = new FakeFetch().on('POST', '/a', redirect('/a2', 307)).on('POST', '/a2', { id: 1 }).on('POST', '/b', redirect('/b2', 302));
    assert.deepEqual(await client(fake).request({ method: 'POST', path: '/a', body: { x: 1 } }), { id: 1 });
    assert.deepEqual(fake.requests[1]?.body, { x: 1 });
    assert.equal((await failure(client(fake).request({ method: 'POST', path: '/b', body: {} }))).kind, 'redirected');
  });

  it('does not follow a same-origin redirect that switches to plain http', async () => {
    const fake = new FakeFetch().on('GET', '/a', redirect('http://oh.example/a'));
    assert.equal((await failure(client(fake).request({ path: '/a' }))).kind, 'redirected');
    assert.equal(fake.requests.length, 1);
  });

  it('refuses plain http to a remote host before any request', async () => {
    const fake = new FakeFetch();
    const err = await failure(client(fake, { serverUrl: 'http://oh.example' }).request({ path: '/a' }));
    assert.equal(err.kind, 'insecureUrl');
    assert.equal(fake.requests.length, 0);
  });

  for (const serverUrl of ['http://127.0.0.1:3000', 'http://localhost:3000', 'http://[::1]:3000', 'http://127.8.9.10']) {
    it(`allows plain http to ${serverUrl}`, async () => {
      const fake = new FakeFetch().on('GET', '/a', { ok: true });
      assert.deepEqual(await client(fake, { serverUrl }).request({ path: '/a' }), { ok: true });
      assert.equal(fake.requests[0]?.headers.get('authorization'), `Bearer ${KEY}`);
    });
  }

  it('recognises loopback hosts and nothing else', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.255.255.254', '[::1]', '::1']) {
      assert.ok(isLoopbackHost(host), host);
    }
    for (const host of ['localhost.example.com', '128.0.0.1', '127.0.0.256', '10.0.0.1', '[::2]', 'example.com', '127.0.0']) {
      assert.ok(!isLoopbackHost(host), host);
    }
  });

  it('rejects unusable server URLs', async () => {
    const fake = new FakeFetch();
    for (const serverUrl of ['not a url', 'ftp://oh.example', 'https://user:pw@oh.example']) {
      assert.equal((await failure(client(fake, { serverUrl }).request({ path: '/a' }))).kind, 'invalidUrl', serverUrl);
    }
    assert.equal(fake.requests.length, 0);
  });

  it('logs method, path, query names, status and time, never the key or query values', async () => {
    const log = new RecordingLogger();
    let now = 1000;
    const fake = new FakeFetch().on('GET', '/api/v1/app-conversations', () => {
      now += 34;
      return json([]);
    });
    await client(fake, { log, now: () => now }).request({ path: '/api/v1/app-conversations', query: { ids: ['abc', 'def'] } });
    assert.deepEqual(log.lines, ['debug GET /api/v1/app-conversations?ids=… → 200 (34 ms)']);
    const failing = new FakeFetch().on('GET', '/x', json({ error: 'no' }, 401));
    await failure(client(failing, { log }).request({ path: '/x', query: { token: 'secret-value' } }));
    assert.match(log.lines[1] ?? '', /^debug GET \/x\?token=… → 401 \(\d+ ms\)$/);
    assert.ok(!log.lines.join('\n').includes(KEY));
    assert.ok(!log.lines.join('\n').includes('secret-value'));
  });
});
