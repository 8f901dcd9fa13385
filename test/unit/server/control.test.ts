// The /_control HTTP API (for tests in another process) and the request log.
import * as assert from 'node:assert/strict';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

describe('embedded server: HTTP control API and request log', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  const control = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
    const response = await fetch(`${api.server.url}/_control/${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
    });
    return { status: response.status, json: await response.json() };
  };

  it('drives a whole lifecycle over HTTP: scenario, advance, conversations, pause, delete', async () => {
    assert.equal((await control('POST', 'scenario', { name: 'question' })).status, 200);
    const task = await api.start('Fix it');
    const now0 = (await control('GET', 'now')).json.now as number;
    const advanced = await control('POST', 'advance', { ms: 20000 });
    assert.equal(advanced.json.now, now0 + 20000);
    const [snapshot] = (await control('GET', 'conversations')).json as Record<string, unknown>[];
    assert.equal(snapshot.startTaskId, task.id);
    assert.equal(snapshot.scenario, 'question');
    assert.deepEqual([snapshot.sandboxStatus, snapshot.executionStatus], ['RUNNING', 'finished']);
    assert.equal((await control('POST', 'pause', { id: snapshot.id })).status, 200);
    assert.equal((await api.conversation(snapshot.id as string))?.sandbox_status, 'PAUSED');
    assert.equal((await control('POST', 'archive', { id: snapshot.id })).status, 200);
    assert.equal((await api.conversation(snapshot.id as string))?.sandbox_status, 'MISSING');
    assert.equal((await control('POST', 'delete', { id: snapshot.id })).status, 200);
    assert.equal(await api.conversation(snapshot.id as string), null);
    assert.equal((await control('POST', 'delete', { id: snapshot.id })).status, 404);
  });

  it('sets the mode, seeds, adds and clears faults, and resets', async () => {
    await control('POST', 'mode', { mode: 'v0' });
    assert.equal((await api.get('/api/conversations')).status, 200);
    assert.equal((await control('POST', 'seed', { count: 7 })).json.ids.length, 7);
    assert.equal(((await api.get('/api/conversations')).json as { results: unknown[] }).results.length, 7);
    await control('POST', 'faults', { path: '/api/conversations', status: 429, headers: { 'Retry-After': '2' } });
    assert.equal((await api.get('/api/conversations')).status, 429);
    await control('DELETE', 'faults');
    assert.equal((await api.get('/api/conversations')).status, 200);
    await control('POST', 'reset');
    assert.match((await api.get('/api/conversations')).contentType, /^text\/html/, 'back to V1 mode');
    assert.equal((await api.get('/api/v1/app-conversations/count')).json, 0);
  });

  it('rejects bad control bodies with 400 and unknown control routes with 404', async () => {
    assert.equal((await control('POST', 'mode', { mode: 'v2' })).status, 400);
    assert.equal((await control('POST', 'scenario', { name: 'nope' })).status, 400);
    assert.equal((await control('POST', 'advance', { ms: -5 })).status, 400);
    assert.equal((await control('POST', 'faults', { status: 500 })).status, 400);
    assert.equal((await control('POST', 'faults', { path: '^(' })).status, 400);
    assert.equal((await control('POST', 'nothing')).status, 404);
  });

  it('logs every API request with method, path, query, lower-cased headers, body and time', async () => {
    const id = await api.startReady('Log me');
    await api.get(`/api/v1/app-conversations?ids=${id}&ids=${id}`, { headers: { 'X-Extra': 'Yes' } });
    await api.get('/api/v1/app-conversations/count', { key: 'wrong' });
    await fetch(`${api.server.url}/_control/conversations`);
    const log = (await control('GET', 'requests')).json as Record<string, any>[];
    assert.deepEqual(log.map((r) => `${r.method} ${r.path}`), [
      'POST /api/v1/app-conversations',
      'GET /api/v1/app-conversations/start-tasks',
      'GET /api/v1/app-conversations',
      'GET /api/v1/app-conversations/count',
    ]);
    assert.equal(log[0].body.initial_message.content[0].text, 'Log me');
    assert.equal(log[2].rawQuery, `ids=${id}&ids=${id}`);
    assert.deepEqual(log[2].query, { ids: [id, id] });
    assert.equal(log[2].headers['x-extra'], 'Yes');
    assert.equal(log[2].headers.authorization, `Bearer ${api.key}`);
    assert.equal(log[1].at - log[0].at, 4000, 'server-clock times');
    assert.deepEqual(api.control.requests(), log);
    await control('DELETE', 'requests');
    assert.deepEqual(api.control.requests(), []);
  });
});
