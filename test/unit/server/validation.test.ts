// FastAPI-style 422 bodies and the start-without-a-message rule (contract §2, pitfall §11.13).
import * as assert from 'node:assert/strict';
import { TIMINGS } from '../../server/scenarios';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

type Detail = { type: string; loc: (string | number)[]; msg: string; input: unknown }[];

describe('embedded server: request validation', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  const issues = async (method: string, path: string, options: { body?: unknown; rawBody?: string } = {}): Promise<string[]> => {
    const reply = await api.call(method, path, options);
    assert.equal(reply.status, 422, reply.text);
    return (reply.json as { detail: Detail }).detail.map((d) => `${d.type}@${d.loc.join('.')}`);
  };

  it('reports every wrong type in the start request, with pydantic locations', async () => {
    const found = await issues('POST', '/api/v1/app-conversations', {
      body: { initial_message: { role: 'robot', content: [{ type: 'text', text: 1 }, 'hi'], run: 'sometimes' }, selected_repository: 42, git_provider: 'svn', pr_number: ['x'] },
    });
    assert.deepEqual(found.sort(), [
      'bool_parsing@body.initial_message.run',
      'enum@body.git_provider',
      'enum@body.initial_message.role',
      'int_type@body.pr_number.0',
      'model_type@body.initial_message.content.1.ImageContent',
      'model_type@body.initial_message.content.1.TextContent',
      'string_type@body.initial_message.content.0.TextContent.text',
      'string_type@body.selected_repository',
    ]);
    assert.equal(api.control.conversations().length, 0);
  });

  it('answers broken JSON, a missing body and a non-object body with 422', async () => {
    assert.deepEqual(await issues('POST', '/api/v1/app-conversations', { rawBody: '{"initial_message": ' }), ['json_invalid@body.0']);
    assert.deepEqual(await issues('POST', '/api/v1/app-conversations'), ['missing@body']);
    assert.deepEqual(await issues('POST', '/api/v1/app-conversations', { body: [1] }), ['model_attributes_type@body']);
  });

  it('checks query parameters: limit bounds, integers, enums, dates', async () => {
    assert.deepEqual(await issues('GET', '/api/v1/app-conversations/search?limit=101'), ['less_than_equal@query.limit']);
    assert.deepEqual(await issues('GET', '/api/v1/app-conversations/search?limit=0'), ['greater_than@query.limit']);
    assert.deepEqual(await issues('GET', '/api/v1/app-conversations/search?limit=ten'), ['int_parsing@query.limit']);
    assert.deepEqual(await issues('GET', `/api/v1/conversation/${'a'.repeat(32)}/events/search?sort_order=NEWEST`), ['enum@query.sort_order']);
    assert.deepEqual(await issues('GET', '/api/v1/app-conversations/search?updated_at__gte=soon'), ['datetime_from_date_parsing@query.updated_at__gte']);
  });

  it('send-message needs role user and at least one content item', async () => {
    const id = await api.startReady('Fix it');
    const path = `/api/v1/app-conversations/${id}/send-message`;
    assert.deepEqual(await issues('POST', path, { body: { role: 'assistant', content: [] } }), ['literal_error@body.role', 'too_short@body.content']);
    assert.deepEqual(await issues('POST', path, { body: {} }), ['missing@body.content']);
    assert.deepEqual(await issues('POST', '/api/v1/app-conversations/not-a-uuid/send-message', { body: { content: [{ type: 'text', text: 'x' }] } }), ['uuid_parsing@path.conversation_id']);
  });

  it('echoes the normalised start request in the task, with dashed UUIDs and masked secrets', async () => {
    const chosen = '0123456789abcdef0123456789abcdef';
    const task = await api.start('Fix it', { conversation_id: chosen, secrets: { TOKEN: 'hunter2' } });
    assert.equal(task.request.conversation_id, '01234567-89ab-cdef-0123-456789abcdef');
    assert.deepEqual(task.request.secrets, { TOKEN: '**********' });
    assert.deepEqual(task.request.initial_message.content, [{ cache_prompt: false, type: 'text', text: 'Fix it' }]);
    assert.equal(task.request.agent_type, 'default');
    api.control.advance(TIMINGS.task.READY);
    assert.equal((await api.task(task.id)).app_conversation_id, chosen);
  });

  it('a start without an initial message is accepted, then its task ends in ERROR', async () => {
    for (const body of [{ selected_repository: 'acme/api' }, { initial_message: { content: [{ type: 'text', text: '   ' }] } }]) {
      const reply = await api.post('/api/v1/app-conversations', body);
      assert.equal(reply.status, 200);
      const task = reply.json as { id: string; status: string };
      assert.equal(task.status, 'WORKING');
      api.control.advance(TIMINGS.taskErrorAt);
      const failed = await api.task(task.id);
      assert.equal(failed.status, 'ERROR');
      assert.match(failed.detail, /initial message is required/);
    }
  });

  it('answers an unknown route with JSON 404 and a wrong method with 405', async () => {
    const missing = await api.get('/api/v1/nothing');
    assert.deepEqual([missing.status, missing.json], [404, { detail: 'Not Found' }]);
    assert.match(missing.contentType, /^application\/json/);
    const wrong = await api.get(`/api/v1/app-conversations/${'a'.repeat(32)}`);
    assert.deepEqual([wrong.status, wrong.json], [405, { detail: 'Method Not Allowed' }]);
  });
});
