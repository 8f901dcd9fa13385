// Follow-up messages, pause/resume, rename and delete (contract §2.6–§2.8, §2.12, §6.4).
import * as assert from 'node:assert/strict';
import { TIMINGS, followUpEndAfterMessage, resumedTurnEndAfterResume } from '../../server/scenarios';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

const message = (text: string): unknown => ({ role: 'user', content: [{ type: 'text', text }], run: true });

describe('embedded server: messages, pause, resume, rename, delete', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  const state = async (id: string): Promise<string> => {
    const c = await api.conversation(id);
    return `${c?.sandbox_status}/${c?.execution_status}`;
  };

  it('a follow-up moves a finished conversation back to running, then it finishes again', async () => {
    const id = await api.startReady('[scenario:question] Fix it');
    api.control.advance(16000);
    assert.equal(await state(id), 'RUNNING/finished');
    const reply = await api.post(`/api/v1/app-conversations/${id}/send-message`, message('Yes, update the CHANGELOG too'));
    assert.equal(reply.status, 200);
    assert.deepEqual(reply.json, { success: true, sandbox_status: 'RUNNING', message: null });
    const [latest] = await api.events(id, '?sort_order=TIMESTAMP_DESC&limit=1');
    assert.equal(latest.source, 'user');
    assert.equal(await state(id), 'RUNNING/finished', 'stale until the agent picks it up');
    api.control.advance(TIMINGS.followUpRunningAfter);
    assert.equal(await state(id), 'RUNNING/running');
    api.control.advance(followUpEndAfterMessage('question') - TIMINGS.followUpRunningAfter);
    assert.equal(await state(id), 'RUNNING/finished');
    const [finish] = await api.events(id, '?sort_order=TIMESTAMP_DESC&limit=2&kind__eq=ActionEvent');
    assert.equal(finish.action.kind, 'FinishAction', 'after the answer the question scenario completes');
  });

  it('accepts the dashed id form and answers 404 for unknown conversations', async () => {
    const id = await api.startReady('Fix it');
    api.control.advance(2000);
    const dashed = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
    assert.equal((await api.post(`/api/v1/app-conversations/${dashed}/send-message`, message('hi'))).status, 200);
    const unknown = await api.post(`/api/v1/app-conversations/${'b'.repeat(32)}/send-message`, message('hi'));
    assert.equal(unknown.status, 404);
  });

  it('409 while the sandbox is STARTING or PAUSED, 410 once archived', async () => {
    const id = await api.startReady('Fix it');
    const starting = await api.post(`/api/v1/app-conversations/${id}/send-message`, message('hi'));
    assert.equal(starting.status, 409);
    api.control.advance(3000);
    assert.ok(api.control.pauseConversation(id));
    const paused = await api.post(`/api/v1/app-conversations/${id}/send-message`, message('hi'));
    assert.equal(paused.status, 409);
    assert.match((paused.json as { detail: string }).detail, /resume/i);
    api.control.archiveConversation(id);
    assert.equal((await api.post(`/api/v1/app-conversations/${id}/send-message`, message('hi'))).status, 410);
    assert.equal(await state(id), 'MISSING/null');
  });

  it('resume brings a platform-paused conversation back; the cut turn continues and finishes', async () => {
    const task = await api.start('[scenario:paused] Fix it');
    api.control.advance(12000);
    const id = (await api.task(task.id)).app_conversation_id as string;
    const paused = await api.conversation(id);
    assert.equal(paused?.sandbox_status, 'PAUSED');
    const resumed = await api.post(`/api/v1/sandboxes/${paused?.sandbox_id}/resume`);
    assert.deepEqual(resumed.json, { success: true });
    assert.equal(await state(id), 'STARTING/null');
    api.control.advance(TIMINGS.resumeSandboxRunning);
    assert.equal(await state(id), 'RUNNING/idle');
    api.control.advance(TIMINGS.resumeAgentRunning - TIMINGS.resumeSandboxRunning);
    assert.equal(await state(id), 'RUNNING/running');
    api.control.advance(resumedTurnEndAfterResume('paused') - TIMINGS.resumeAgentRunning);
    assert.equal(await state(id), 'RUNNING/finished');
    assert.notEqual((await api.conversation(id))?.session_api_key, null);
  });

  it('pausing a finished conversation keeps its end state for after the resume', async () => {
    const id = await api.startReady('Fix it');
    api.control.advance(20000);
    const sandbox = (await api.conversation(id))?.sandbox_id as string;
    assert.deepEqual((await api.post(`/api/v1/sandboxes/${sandbox}/pause`)).json, { success: true });
    assert.equal(await state(id), 'PAUSED/null');
    await api.post(`/api/v1/sandboxes/${sandbox}/resume`);
    api.control.advance(TIMINGS.resumeSandboxRunning);
    assert.equal(await state(id), 'RUNNING/finished');
    assert.equal((await api.post('/api/v1/sandboxes/no-such-sandbox/pause')).status, 404);
  });

  it('PATCH renames and changes updated_at; unknown ids are 404 unknown_app_conversation', async () => {
    const id = await api.startReady('Fix it');
    const before = (await api.conversation(id))?.updated_at;
    api.control.advance(1000);
    const reply = await api.call('PATCH', `/api/v1/app-conversations/${id}`, { body: { title: 'Renamed' } });
    assert.equal((reply.json as { title: string }).title, 'Renamed');
    assert.notEqual((await api.conversation(id))?.updated_at, before);
    const unknown = await api.call('PATCH', `/api/v1/app-conversations/${'c'.repeat(32)}`, { body: { title: 'x' } });
    assert.deepEqual([unknown.status, unknown.json], [404, { detail: 'unknown_app_conversation' }]);
  });

  it('DELETE removes the conversation everywhere; twice is 404, bad ids 400', async () => {
    const id = await api.startReady('Fix it');
    assert.deepEqual((await api.call('DELETE', `/api/v1/app-conversations/${id}`)).json, { success: true });
    assert.equal(await api.conversation(id), null);
    assert.equal((await api.get('/api/v1/app-conversations/count')).json, 0);
    const again = await api.call('DELETE', `/api/v1/app-conversations/${id}`);
    assert.deepEqual([again.status, again.json], [404, { detail: 'Conversation not found' }]);
    const bad = await api.call('DELETE', '/api/v1/app-conversations/not-a-uuid');
    assert.deepEqual([bad.status, bad.json], [400, { detail: 'Invalid conversation ID format' }]);
  });

  it('control delete and pause accept the start task id too', async () => {
    const task = await api.start('Fix it');
    assert.equal(api.control.pauseConversation(task.id), false, 'no sandbox before READY');
    api.control.advance(6000);
    assert.ok(api.control.pauseConversation(task.id));
    assert.ok(api.control.deleteConversation(task.id));
    assert.equal(api.control.conversations().length, 0);
  });
});
