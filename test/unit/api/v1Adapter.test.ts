import * as assert from 'node:assert/strict';
import type { RecordedRequest } from './fakeFetch';
import { FakeFetch, html, json, RecordingLogger, failure } from './fakeFetch';
import { appConversation, idsSent, SERVER, startTask, v1Adapter } from './v1Fixtures';

const CONVS = '/api/v1/app-conversations';
const TASKS = '/api/v1/app-conversations/start-tasks';

/** Answers a batch get with one conversation per requested id, in request order. */
const echoConversations = (req: RecordedRequest): Response =>
  json(req.url.searchParams.getAll('ids').map((id) => appConversation(id, 'RUNNING', 'running')));


describe('V1 adapter: start', () => {
  it('posts the start request and returns the task as task-<id>', async () => {
    const fake = new FakeFetch().on('POST', CONVS, startTask('t1', 'WORKING'));
    const conv = await v1Adapter(fake).startConversation({
      message: 'Fix the bug',
      repository: 'acme/app',
      branch: 'main',
      gitProvider: 'github',
      title: 'Fix it',
    });
    assert.deepEqual(fake.requests[0]?.body, {
      initial_message: { role: 'user', content: [{ type: 'text', text: 'Fix the bug' }], run: true },
      selected_repository: 'acme/app',
      selected_branch: 'main',
      git_provider: 'github',
      title: 'Fix it',
    });
    assert.equal(conv.id, 'task-t1');
    assert.equal(conv.startTaskId, 't1');
    assert.equal(conv.phase, 'starting');
    assert.equal(conv.statusDetail, 'Starting');
    assert.equal(conv.title, 'Fix it');
    assert.equal(conv.repository, 'acme/app');
  });

  it('leaves out what the user did not choose', async () => {
    const fake = new FakeFetch().on('POST', CONVS, startTask('t1', 'WORKING', { request: {} }));
    const conv = await v1Adapter(fake).startConversation({ message: 'Hi' });
    assert.deepEqual(Object.keys(fake.requests[0]?.body as object), ['initial_message']);
    assert.equal(conv.title, undefined);
  });

  it('a task already in ERROR is failed; a reply without an id is malformed; nothing is retried', async () => {
    const failing = new FakeFetch().on('POST', CONVS, startTask('t1', 'ERROR', { detail: 'Sandbox limit reached' }));
    const conv = await v1Adapter(failing).startConversation({ message: 'x' });
    assert.equal(conv.phase, 'failed');
    assert.equal(conv.statusDetail, 'Sandbox limit reached');
    const odd = new FakeFetch().on('POST', CONVS, { status: 'ok' });
    assert.equal((await failure(v1Adapter(odd).startConversation({ message: 'x' }))).kind, 'malformed');
    const down = new FakeFetch().on('POST', CONVS, json({ detail: 'boom' }, 502));
    assert.equal((await failure(v1Adapter(down).startConversation({ message: 'x' }))).kind, 'server');
    assert.equal(down.requests.length, 1);
  });
});

describe('V1 adapter: getConversations', () => {
  it('batches 250 ids into 3 requests of at most 99', async () => {
    const fake = new FakeFetch().on('GET', CONVS, echoConversations);
    const ids = Array.from({ length: 250 }, (_, i) => `c${i}`);
    const result = await v1Adapter(fake).getConversations(ids);
    assert.deepEqual(idsSent(fake, CONVS).map((b) => b.length), [99, 99, 52]);
    assert.deepEqual(idsSent(fake, CONVS).flat(), ids);
    assert.equal(result.size, 250);
    assert.equal(result.get('c249')?.phase, 'running');
    assert.equal(result.get('c0')?.sandboxId, 'sb-c0');
  });

  it('batches start tasks the same way', async () => {
    const fake = new FakeFetch().on('GET', TASKS, (req) => json(req.url.searchParams.getAll('ids').map((id) => startTask(id, 'WORKING'))));
    const ids = Array.from({ length: 120 }, (_, i) => `task-t${i}`);
    const result = await v1Adapter(fake).getConversations(ids);
    assert.deepEqual(idsSent(fake, TASKS).map((b) => b.length), [99, 21]);
    assert.equal(fake.count(CONVS), 0, 'no conversation request when none is needed');
    assert.equal(result.get('task-t5')?.phase, 'starting');
  });

  it('resolves a READY task to its conversation in the same round', async () => {
    const fake = new FakeFetch()
      .on('GET', TASKS, [startTask('t1', 'READY', { app_conversation_id: 'c9' }), startTask('t2', 'PREPARING_REPOSITORY')])
      .on('GET', CONVS, echoConversations);
    const result = await v1Adapter(fake).getConversations(['task-t1', 'task-t2', 'c1']);
    assert.deepEqual(fake.paths(), [`GET ${TASKS}`, `GET ${CONVS}`]);
    assert.deepEqual(idsSent(fake, CONVS), [['c1', 'c9']]);
    const ready = result.get('task-t1');
    assert.equal(ready?.id, 'c9');
    assert.equal(ready?.startTaskId, 't1');
    assert.equal(ready?.phase, 'running');
    assert.equal(result.get('task-t2')?.statusDetail, 'Preparing repository');
    assert.equal(result.get('task-t2')?.id, 'task-t2');
    assert.equal(result.get('c1')?.phase, 'running');
  });

  it('a READY task whose conversation is not visible yet stays starting', async () => {
    const fake = new FakeFetch().on('GET', TASKS, [startTask('t1', 'READY', { app_conversation_id: 'c9' })]).on('GET', CONVS, [null]);
    const result = await v1Adapter(fake).getConversations(['task-t1']);
    assert.equal(result.get('task-t1')?.id, 'task-t1');
    assert.equal(result.get('task-t1')?.phase, 'starting');
  });

  it('an ERROR task is failed with its detail; unknown ids are null', async () => {
    const fake = new FakeFetch()
      .on('GET', TASKS, [startTask('t1', 'ERROR', { detail: 'Repository acme/app not found' }), null])
      .on('GET', CONVS, [null]);
    const result = await v1Adapter(fake).getConversations(['task-t1', 'task-t2', 'c1']);
    assert.equal(result.get('task-t1')?.phase, 'failed');
    assert.equal(result.get('task-t1')?.statusDetail, 'Repository acme/app not found');
    assert.equal(result.get('task-t2'), null);
    assert.equal(result.get('c1'), null);
  });

  it('matches items by id (dashes, case, order), not only by position', async () => {
    const dashed = 'AAAAAAAA-bbbb-cccc-dddd-eeeeeeeeeeee';
    const fake = new FakeFetch().on('GET', CONVS, [appConversation('c2', 'RUNNING', 'running'), appConversation('aaaaaaaabbbbccccddddeeeeeeeeeeee', 'PAUSED', null)]);
    const result = await v1Adapter(fake).getConversations([dashed, 'c2']);
    assert.equal(result.get(dashed)?.phase, 'paused');
    assert.equal(result.get(dashed)?.id, 'aaaaaaaabbbbccccddddeeeeeeeeeeee');
    assert.equal(result.get('c2')?.phase, 'running');
  });

  it('maps malformed items to unknown, logs once per id and never throws for them', async () => {
    const log = new RecordingLogger();
    const fake = new FakeFetch().on('GET', CONVS, ['junk', { id: 'c2', sandbox_status: 5 }, { title: 'no id' }, appConversation('c4', 'RUNNING', 'running')]);
    const adapter = v1Adapter(fake, log);
    for (let poll = 0; poll < 2; poll++) {
      const result = await adapter.getConversations(['c1', 'c2', 'c3', 'c4']);
      assert.deepEqual([...result.values()].map((c) => c?.phase), ['unknown', 'unknown', 'unknown', 'running']);
      assert.equal(result.get('c1')?.id, 'c1');
    }
    assert.equal(log.lines.filter((l) => l.startsWith('warn')).length, 3);
  });

  it('a reply that is not an array is malformed', async () => {
    const fake = new FakeFetch().on('GET', CONVS, { items: [] });
    assert.equal((await failure(v1Adapter(fake).getConversations(['c1']))).kind, 'malformed');
    const page = new FakeFetch().on('GET', CONVS, html());
    assert.equal((await failure(v1Adapter(page).getConversations(['c1']))).kind, 'notOpenHands');
  });

  it('makes no request for no ids', async () => {
    const fake = new FakeFetch();
    assert.equal((await v1Adapter(fake).getConversations([])).size, 0);
    assert.equal(fake.requests.length, 0);
  });
});

describe('V1 adapter: list, key check, browser URL', () => {
  it('lists a page from /search with items and next_page_id', async () => {
    const fake = new FakeFetch().on('GET', `${CONVS}/search`, { items: [appConversation('c1', 'RUNNING', 'running'), { broken: true }], next_page_id: 'p2' });
    const page = await v1Adapter(fake).listConversations('p1');
    assert.deepEqual(page.items.map((c) => c.id), ['c1']);
    assert.equal(page.nextPageId, 'p2');
    assert.equal(fake.requests[0]?.url.searchParams.get('page_id'), 'p1');
    assert.equal(fake.requests[0]?.url.searchParams.get('limit'), '20');
    const last = new FakeFetch().on('GET', `${CONVS}/search`, { items: [], next_page_id: null });
    assert.equal((await v1Adapter(last).listConversations()).nextPageId, undefined);
    const v0Shape = new FakeFetch().on('GET', `${CONVS}/search`, { results: [] });
    assert.equal((await failure(v1Adapter(v0Shape).listConversations())).kind, 'malformed');
  });

  it('validates the key with /api/keys/current', async () => {
    const fake = new FakeFetch().on('GET', '/api/keys/current', { id: 1, name: 'vscode' });
    await v1Adapter(fake).validateKey();
    assert.deepEqual(fake.paths(), ['GET /api/keys/current']);
  });

  for (const [name, answer] of [
    ['400 (not an API-key request)', json({ detail: 'not an API key' }, 400)],
    ['404', json({ detail: 'Not Found' }, 404)],
    ['HTML', html()],
  ] as const) {
    it(`falls back to /api/v1/users/me when keys/current answers ${name}`, async () => {
      const fake = new FakeFetch().on('GET', '/api/keys/current', answer).on('GET', '/api/v1/users/me', { id: 'u1' });
      await v1Adapter(fake).validateKey();
      assert.deepEqual(fake.paths(), ['GET /api/keys/current', 'GET /api/v1/users/me']);
    });
  }

  it('a rejected key is not a reason to fall back', async () => {
    const fake = new FakeFetch().on('GET', '/api/keys/current', json({ error: 'failed to authenticate' }, 401));
    assert.equal((await failure(v1Adapter(fake).validateKey())).kind, 'unauthorized');
    assert.equal(fake.requests.length, 1);
  });

  it('ends with the count probe on servers without either route', async () => {
    const fake = new FakeFetch().on('GET', `${CONVS}/count`, 0);
    await v1Adapter(fake).validateKey();
    assert.equal(fake.requests.length, 3);
    const nothing = new FakeFetch();
    assert.equal((await failure(v1Adapter(nothing).validateKey())).kind, 'notFound');
  });

  it('builds browser URLs for conversations and start tasks', () => {
    const adapter = v1Adapter(new FakeFetch());
    assert.equal(adapter.browserUrl('abc123'), `${SERVER}/conversations/abc123`);
    assert.equal(adapter.browserUrl('task-t1'), `${SERVER}/conversations/task-t1`);
  });
});
