import * as assert from 'node:assert/strict';
import type { OpenHandsConnectionOptions } from '../../../src/api/connection';
import { OpenHandsConnection } from '../../../src/api/connection';
import { FakeFetch, hang, html, json } from './fakeFetch';

const COUNT = '/api/v1/app-conversations/count';
const V0_LIST = '/api/conversations';

function connect(fake: FakeFetch, options: Partial<OpenHandsConnectionOptions> = {}): OpenHandsConnection {
  return new OpenHandsConnection({
    serverUrl: 'https://oh.example',
    apiVersion: 'auto',
    getApiKey: async () => 'key',
    fetch: fake.fetch,
    ...options,
  });
}

describe('OpenHandsConnection: version detection', () => {
  it('speaks V1 when the authenticated count answers JSON', async () => {
    const fake = new FakeFetch().on('GET', COUNT, 12);
    assert.equal((await connect(fake).api()).version, 'v1');
    assert.deepEqual(fake.paths(), [`GET ${COUNT}`]);
    assert.equal(fake.requests[0]?.headers.get('authorization'), 'Bearer key');
  });

  it('falls back to V0 when the count is 404 and the V0 list answers JSON', async () => {
    const fake = new FakeFetch().on('GET', COUNT, json({ detail: 'Not Found' }, 404)).on('GET', V0_LIST, { results: [], next_page_id: null });
    assert.equal((await connect(fake).api()).version, 'v0');
    assert.deepEqual(fake.paths(), [`GET ${COUNT}`, `GET ${V0_LIST}`]);
    assert.equal(fake.requests[1]?.url.search, '?limit=1');
  });

  it('falls back to V0 when the count is the web app (HTML 200)', async () => {
    const fake = new FakeFetch().on('GET', COUNT, html()).on('GET', V0_LIST, { results: [] });
    assert.equal((await connect(fake).api()).version, 'v0');
  });

  it('falls back to V0 when the count is JSON but not a number', async () => {
    const fake = new FakeFetch().on('GET', COUNT, { hello: 1 }).on('GET', V0_LIST, { results: [] });
    assert.equal((await connect(fake).api()).version, 'v0');
  });

  it('neither answering is notOpenHands, and is not cached', async () => {
    const fake = new FakeFetch().otherwise(() => html());
    const connection = connect(fake);
    await assert.rejects(connection.api(), { kind: 'notOpenHands' });
    await assert.rejects(connection.api(), { kind: 'notOpenHands' });
    assert.equal(fake.requests.length, 4, 'each call probed again');
    fake.on('GET', COUNT, 0);
    assert.equal((await connection.api()).version, 'v1');
  });

  it('a rejected key is unauthorized, not a reason to try V0', async () => {
    const fake = new FakeFetch().on('GET', COUNT, json({ error: 'failed to authenticate' }, 401)).on('GET', V0_LIST, { results: [] });
    await assert.rejects(connect(fake).api(), { kind: 'unauthorized', status: 401 });
    assert.deepEqual(fake.paths(), [`GET ${COUNT}`]);
  });

  it('server errors propagate and are retried on the next call', async () => {
    const fake = new FakeFetch().on('GET', COUNT, json({ detail: 'down' }, 503));
    const connection = connect(fake);
    await assert.rejects(connection.api(), { kind: 'server' });
    fake.on('GET', COUNT, 1);
    assert.equal((await connection.api()).version, 'v1');
  });

  it('detects once; concurrent and later callers share the adapter', async () => {
    const fake = new FakeFetch().on('GET', COUNT, 1);
    const connection = connect(fake);
    const [a, b] = await Promise.all([connection.api(), connection.api()]);
    const c = await connection.api();
    assert.equal(a, b);
    assert.equal(a, c);
    assert.equal(fake.requests.length, 1);
  });

  for (const version of ['v1', 'v0'] as const) {
    it(`apiVersion ${version} skips detection`, async () => {
      const fake = new FakeFetch();
      assert.equal((await connect(fake, { apiVersion: version }).api()).version, version);
      assert.equal(fake.requests.length, 0);
    });
  }

  it('no key set: unauthorized with a clear detail, without any request', async () => {
    const fake = new FakeFetch().on('GET', COUNT, 1);
    for (const apiVersion of ['auto', 'v1'] as const) {
      await assert.rejects(connect(fake, { apiVersion, getApiKey: async () => undefined }).api(), {
        kind: 'unauthorized',
        detail: 'No API key is set.',
      });
    }
    assert.equal(fake.requests.length, 0);
  });

  it("a caller's abort ends only that caller's wait", async () => {
    let release: (r: Response) => void = () => undefined;
    const fake = new FakeFetch().on('GET', COUNT, () => new Promise<Response>((r) => (release = r)));
    const connection = connect(fake);
    const controller = new AbortController();
    const abandoned = connection.api(controller.signal);
    const patient = connection.api();
    controller.abort();
    await assert.rejects(abandoned, { kind: 'cancelled' });
    await new Promise((r) => setTimeout(r, 0));
    release(json(1));
    assert.equal((await patient).version, 'v1');
  });

  it('times out detection with the configured timeout', async () => {
    const fake = new FakeFetch().on('GET', COUNT, hang);
    await assert.rejects(connect(fake, { timeoutMs: 20 }).api(), { kind: 'timeout' });
  });

  it('exposes the server URL as users should see it', () => {
    assert.equal(connect(new FakeFetch(), { serverUrl: 'https://oh.example/' }).serverUrl, 'https://oh.example');
  });
});
