import * as assert from 'node:assert/strict';
import { HttpClient } from '../../../src/api/http';
import { V0Adapter } from '../../../src/api/v0Adapter';
import type { RecordedRequest } from './fakeFetch';
import { FakeFetch, json, RecordingLogger } from './fakeFetch';

const SERVER = 'http://localhost:3000';

function adapter(fake: FakeFetch, log?: RecordingLogger): V0Adapter {
  return new V0Adapter({ http: new HttpClient({ serverUrl: SERVER, getApiKey: async () => 'k', fetch: fake.fetch, log }), log });
}

function info(id: string, status: string, lastUpdatedAt = '2026-12-04T11:58:00Z'): Record<string, unknown> {
  return {
    conversation_id: id,
    title: `Conversation ${id}`,
    last_updated_at: lastUpdatedAt,
    status,
    runtime_status: status === 'RUNNING' ? 'STATUS$READY' : null,
    selected_repository: 'acme/app',
    selected_branch: 'main',
    git_provider: 'github',
    trigger: 'openhands_api',
    created_at: '2026-12-04T11:50:00Z',
  };
}

const stateChanged = (id: number, state: string): Record<string, unknown> => ({
  id,
  timestamp: '2026-12-04T11:58:00',
  source: 'environment',
  observation: 'agent_state_changed',
  content: '',
  extras: { agent_state: state, reason: '' },
  message: '',
});
const action = (id: number): Record<string, unknown> => ({ id, source: 'agent', action: 'run', args: { command: 'ls' } });

describe('V0 adapter', () => {
  it('starts with exactly the four allowed fields and returns the conversation id', async () => {
    const fake = new FakeFetch().on('POST', '/api/conversations', { status: 'ok', conversation_id: 'abc', message: null, conversation_status: 'STARTING' });
    const conv = await adapter(fake).startConversation({ message: 'Fix it', repository: 'acme/app', branch: 'main', gitProvider: 'github', title: 'T' });
    assert.deepEqual(fake.requests[0]?.body, { initial_user_msg: 'Fix it', repository: 'acme/app', selected_branch: 'main', git_provider: 'github' });
    assert.equal(conv.id, 'abc');
    assert.equal(conv.startTaskId, undefined);
    assert.equal(conv.phase, 'starting');
    assert.equal(conv.title, 'T');
  });

  it('reports V0 start errors with their message', async () => {
    const fake = new FakeFetch().on('POST', '/api/conversations', json({ status: 'error', message: 'Settings not found', msg_id: 'CONFIGURATION$SETTINGS_NOT_FOUND' }, 400));
    await assert.rejects(adapter(fake).startConversation({ message: 'x' }), { kind: 'validation', detail: 'Settings not found (CONFIGURATION$SETTINGS_NOT_FOUND)' });
    const odd = new FakeFetch().on('POST', '/api/conversations', { status: 'error', message: 'nope' });
    await assert.rejects(adapter(odd).startConversation({ message: 'x' }), { kind: 'malformed', detail: 'nope' });
  });

  it('reads each conversation on its own, at most 4 at a time; null and 404 mean gone', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const fake = new FakeFetch().otherwise(async (req: RecordedRequest) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      const id = req.url.pathname.split('/').pop() ?? '';
      if (id === 'gone') return json(null);
      if (id === 'missing') return json({ detail: 'Not Found' }, 404);
      return json(info(id, 'STOPPED'));
    });
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'gone', 'missing', 'task-t1'];
    const result = await adapter(fake).getConversations(ids);
    assert.equal(maxInFlight, 4);
    assert.equal(fake.requests.length, 8, 'no request for a V1 start task id');
    assert.equal(result.get('a')?.phase, 'paused');
    assert.equal(result.get('gone'), null);
    assert.equal(result.get('missing'), null);
    assert.equal(result.get('task-t1'), null);
  });

  it('reads finished from the latest agent_state_changed, only when last_updated_at moved', async () => {
    let current = info('c1', 'RUNNING', 'T1');
    let events = [action(9), stateChanged(8, 'finished'), stateChanged(3, 'running')];
    const fake = new FakeFetch()
      .on('GET', '/api/conversations/c1', () => json(current))
      .on('GET', '/api/conversations/c1/events', () => json({ events, has_more: true }));
    const v0 = adapter(fake);
    assert.equal((await v0.getConversations(['c1'])).get('c1')?.phase, 'finished');
    assert.equal((await v0.getConversations(['c1'])).get('c1')?.phase, 'finished');
    assert.equal(fake.count('/api/conversations/c1/events'), 1);
    const req = fake.requests.find((r) => r.url.pathname.endsWith('/events'));
    assert.equal(req?.url.search, '?reverse=true&limit=20');
    current = info('c1', 'RUNNING', 'T2');
    events = [stateChanged(12, 'awaiting_user_input'), stateChanged(10, 'running')];
    const conv = (await v0.getConversations(['c1'])).get('c1');
    assert.equal(conv?.phase, 'waitingForYou');
    assert.equal(conv?.rawStatus, 'RUNNING/STATUS$READY/awaiting_user_input');
    assert.equal(fake.count('/api/conversations/c1/events'), 2);
  });

  it('keeps the known agent state when the newest events hold no state change', async () => {
    let current = info('c1', 'RUNNING', 'T1');
    let events: Record<string, unknown>[] = [stateChanged(2, 'running')];
    const fake = new FakeFetch()
      .on('GET', '/api/conversations/c1', () => json(current))
      .on('GET', '/api/conversations/c1/events', () => json({ events }));
    const v0 = adapter(fake);
    assert.equal((await v0.getConversations(['c1'])).get('c1')?.phase, 'running');
    current = info('c1', 'RUNNING', 'T2');
    events = [action(30), action(29)];
    assert.equal((await v0.getConversations(['c1'])).get('c1')?.phase, 'running');
  });

  it('sorts events by id when the server ignored reverse', async () => {
    const fake = new FakeFetch()
      .on('GET', '/api/conversations/c1', info('c1', 'RUNNING'))
      .on('GET', '/api/conversations/c1/events', { events: [stateChanged(1, 'running'), stateChanged(7, 'finished')] });
    assert.equal((await adapter(fake).getConversations(['c1'])).get('c1')?.phase, 'finished');
  });

  it('maps an unreadable conversation to unknown without throwing', async () => {
    const log = new RecordingLogger();
    const fake = new FakeFetch().on('GET', '/api/conversations/c1', [1, 2]).on('GET', '/api/conversations/c2', { conversation_id: 'c2', status: 'HALTED' });
    const result = await adapter(fake, log).getConversations(['c1', 'c2']);
    assert.equal(result.get('c1')?.phase, 'unknown');
    assert.equal(result.get('c2')?.phase, 'unknown');
    assert.equal(log.lines.filter((l) => l.startsWith('warn')).length, 2);
  });

  it('lists with results/next_page_id', async () => {
    const fake = new FakeFetch().on('GET', '/api/conversations', { results: [info('c1', 'RUNNING'), 'junk'], next_page_id: 'p2' });
    const page = await adapter(fake).listConversations('p1');
    assert.deepEqual(page.items.map((c) => c.id), ['c1']);
    assert.equal(page.nextPageId, 'p2');
    assert.equal(fake.requests[0]?.url.search, '?limit=20&page_id=p1');
    const v1Shape = new FakeFetch().on('GET', '/api/conversations', { items: [] });
    await assert.rejects(adapter(v1Shape).listConversations(), { kind: 'malformed' });
  });

  it('validates the key with a one-item list; browser URLs use the server URL', async () => {
    const fake = new FakeFetch().on('GET', '/api/conversations', { results: [], next_page_id: null });
    const v0 = adapter(fake);
    await v0.validateKey();
    assert.equal(fake.requests[0]?.url.search, '?limit=1');
    assert.equal(v0.browserUrl('abc'), 'http://localhost:3000/conversations/abc');
    const rejecting = new FakeFetch().on('GET', '/api/conversations', json({ detail: 'Unauthorized' }, 401));
    await assert.rejects(adapter(rejecting).validateKey(), { kind: 'unauthorized' });
  });
});
