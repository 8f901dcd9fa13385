// API-key checks as the cloud does them (contract §6.1, §6.2).
import * as assert from 'node:assert/strict';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

describe('embedded server: authentication', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer({ apiKeys: ['key-one', 'key-two'] })));
  after(() => api.server.close());

  it('answers 401 NoCredentialsError without any credential', async () => {
    const reply = await api.get('/api/v1/app-conversations/count', { key: null });
    assert.equal(reply.status, 401);
    assert.deepEqual(reply.json, { error: 'NoCredentialsError' });
    assert.match(reply.contentType, /^application\/json/);
  });

  it('answers 401 "failed to authenticate" for an unknown key, in every header the cloud reads', async () => {
    const variants: Record<string, string>[] = [{ Authorization: 'Bearer nope' }, { 'X-Access-Token': 'nope' }, { 'X-Session-API-Key': 'nope' }, { Authorization: 'Basic a2V5LW9uZQ==' }];
    for (const headers of variants) {
      const reply = await api.get('/api/v1/app-conversations/count', { key: null, headers });
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.deepEqual(reply.json, { error: 'failed to authenticate' });
    }
  });

  it('accepts a configured key as Bearer, X-Access-Token or X-Session-API-Key', async () => {
    const variants: Record<string, string>[] = [{ Authorization: 'Bearer key-one' }, { 'X-Access-Token': 'key-two' }, { 'X-Session-API-Key': 'key-one' }];
    for (const headers of variants) {
      const reply = await api.get('/api/v1/app-conversations/count', { key: null, headers });
      assert.equal(reply.status, 200, JSON.stringify(headers));
      assert.equal(reply.json, 0);
    }
  });

  it('tells which key was used in /api/keys/current', async () => {
    const first = (await api.get('/api/keys/current', { key: 'key-one' })).json as { id: number };
    const second = (await api.get('/api/keys/current', { key: 'key-two' })).json as { id: number };
    assert.notEqual(first.id, second.id);
  });

  it('serves web-client/config without a key but guards everything else under /api', async () => {
    assert.equal((await api.get('/api/v1/web-client/config', { key: null })).status, 200);
    assert.equal((await api.get('/api/v1/users/me', { key: null })).status, 401);
    assert.equal((await api.get('/api/no/such/route', { key: null })).status, 401);
    assert.equal((await api.get('/api/no/such/route')).status, 404);
  });

  it('checks the key before looking at the request body', async () => {
    const reply = await api.post('/api/v1/app-conversations', { title: 5 }, { key: 'wrong' });
    assert.equal(reply.status, 401);
    assert.equal(api.control.conversations().length, 0);
  });
});
