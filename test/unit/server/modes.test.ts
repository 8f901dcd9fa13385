// V1, V0 and both; how routes of the generation not served answer (contract §1, §3, §11.1, §11.6).
import * as assert from 'node:assert/strict';
import { TIMINGS } from '../../server/scenarios';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

describe('embedded server: API modes', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  it('V1 mode: V0 routes fall through to the SPA page (GET) or 405 (POST)', async () => {
    const get = await api.get('/api/conversations');
    assert.equal(get.status, 200);
    assert.match(get.contentType, /^text\/html/);
    const post = await api.post('/api/conversations', { initial_user_msg: 'x' });
    assert.equal(post.status, 405);
    assert.equal((await api.get('/api/v1/app-conversations/count')).json, 0);
  });

  it('V0 mode: V1 routes are gone, V0 routes work, unknown routes are JSON 404', async () => {
    api.control.setMode('v0');
    const v1 = await api.get('/api/v1/app-conversations/count');
    assert.match(v1.contentType, /^text\/html/);
    assert.match((await api.get('/api/v1/web-client/config', { key: null })).contentType, /^text\/html/);
    assert.equal((await api.get('/api/conversations')).status, 200);
    const unknown = await api.get('/api/nothing/here');
    assert.deepEqual([unknown.status, unknown.json], [404, { detail: 'Not Found' }]);
  });

  it("removedRoutes '404' answers JSON 404 instead of the SPA page", async () => {
    const strict = await startTestServer({ mode: 'v0', removedRoutes: '404' });
    try {
      const reply = await strict.get('/api/v1/app-conversations/count');
      assert.deepEqual([reply.status, reply.json], [404, { detail: 'Not Found' }]);
      assert.match(reply.contentType, /^application\/json/);
    } finally {
      await strict.server.close();
    }
  });

  it('V0: create answers at once; status stays RUNNING after the agent finished; events tell', async () => {
    api.control.setMode('v0');
    const created = await api.post('/api/conversations', { initial_user_msg: 'Fix it', repository: 'acme/api', selected_branch: 'main' });
    const body = created.json as { status: string; conversation_id: string; message: null; conversation_status: string };
    assert.deepEqual({ ...body, conversation_id: 'x' }, { status: 'ok', conversation_id: 'x', message: null, conversation_status: 'STARTING' });
    const id = body.conversation_id;
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal(((await api.get(`/api/conversations/${id}`)).json as { status: string }).status, 'STARTING');
    api.control.advance(30000);
    const info = (await api.get(`/api/conversations/${id}`)).json as { status: string; runtime_status: string };
    assert.deepEqual([info.status, info.runtime_status], ['RUNNING', 'STATUS$READY']);
    const events = ((await api.get(`/api/conversations/${id}/events?limit=100`)).json as { events: Record<string, any>[] }).events;
    const states = events.filter((e) => e.observation === 'agent_state_changed').map((e) => e.extras.agent_state);
    assert.deepEqual(states, ['loading', 'running', 'finished']);
    assert.equal(events[0].action, 'message');
    assert.ok(events.some((e) => e.action === 'finish'));
  });

  it('V0: a question ends in awaiting_user_input, a failure in error; unknown ids are null', async () => {
    api.control.setMode('v0');
    const ask = (await api.post('/api/conversations', { initial_user_msg: '[scenario:question] Fix it' })).json as { conversation_id: string };
    const fail = (await api.post('/api/conversations', { initial_user_msg: '[scenario:fail] Fix it' })).json as { conversation_id: string };
    api.control.advance(30000);
    const lastState = async (id: string): Promise<string> => {
      const reply = (await api.get(`/api/conversations/${id}/events?reverse=true&limit=5`)).json as { events: Record<string, any>[] };
      return reply.events.find((e) => e.observation === 'agent_state_changed')?.extras.agent_state as string;
    };
    assert.equal(await lastState(ask.conversation_id), 'awaiting_user_input');
    assert.equal(await lastState(fail.conversation_id), 'error');
    const unknown = await api.get(`/api/conversations/${'d'.repeat(32)}`);
    assert.deepEqual([unknown.status, unknown.text], [200, 'null']);
  });

  it('V0: no initial message is a 400 CONFIGURATION$MISSING_USER_MESSAGE; extra fields 422', async () => {
    api.control.setMode('v0');
    const missing = await api.post('/api/conversations', { repository: 'acme/api' });
    assert.equal(missing.status, 400);
    assert.equal((missing.json as { msg_id: string }).msg_id, 'CONFIGURATION$MISSING_USER_MESSAGE');
    const extra = await api.post('/api/conversations', { initial_user_msg: 'x', initial_message: 'y' });
    assert.equal(extra.status, 422);
    assert.deepEqual((extra.json as { detail: { type: string; loc: string[] }[] }).detail.map((d) => [d.type, d.loc.join('.')]), [['extra_forbidden', 'body.initial_message']]);
  });

  it('V0 list pages with `results` and an opaque next_page_id (default limit 20)', async () => {
    api.control.setMode('v0');
    api.control.seedConversations(45);
    const seen = new Set<string>();
    let pageId: string | null = null;
    let pages = 0;
    do {
      const reply = (await api.get(`/api/conversations${pageId ? `?page_id=${encodeURIComponent(pageId)}` : ''}`)).json as { results: { conversation_id: string }[]; next_page_id: string | null };
      reply.results.forEach((c) => seen.add(c.conversation_id));
      pageId = reply.next_page_id;
      pages++;
    } while (pageId !== null);
    assert.deepEqual([seen.size, pages], [45, 3]);
  });

  it('both: a V1 conversation shows in the V0 list once READY; a V0 one has no start task', async () => {
    api.control.setMode('both');
    await api.start('V1 task');
    const v0 = (await api.post('/api/conversations', { initial_user_msg: 'V0 task' })).json as { conversation_id: string };
    const listed = async (): Promise<number> => ((await api.get('/api/conversations')).json as { results: unknown[] }).results.length;
    assert.equal(await listed(), 1);
    api.control.advance(TIMINGS.task.READY);
    assert.equal(await listed(), 2);
    const snapshot = api.control.conversations().find((c) => c.id === v0.conversation_id);
    assert.equal((await api.task(snapshot?.startTaskId as string)), null);
    assert.equal((await api.conversation(v0.conversation_id))?.sandbox_status, 'STARTING');
  });
});
