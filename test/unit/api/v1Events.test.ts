import * as assert from 'node:assert/strict';
import { FakeFetch, json, RecordingLogger } from './fakeFetch';
import { appConversation, eventPage, finishEvent, NOW, questionEvent, v1Adapter } from './v1Fixtures';

const CONVS = '/api/v1/app-conversations';
const EVENTS = '/api/v1/conversation/c1/events/search';

/** A server whose one conversation's state the test changes between polls. */
function server(): { fake: FakeFetch; set(sandbox: string, execution: string | null, updatedAt: string): void } {
  let current = appConversation('c1', 'RUNNING', 'running');
  const fake = new FakeFetch().on('GET', CONVS, () => json([current]));
  return {
    fake,
    set: (sandbox, execution, updatedAt) => (current = appConversation('c1', sandbox, execution, updatedAt)),
  };
}

describe('V1 adapter: reading events', () => {
  it('asks for the newest 20 events, newest first', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, eventPage(finishEvent));
    set('RUNNING', 'finished', 'T1');
    await v1Adapter(fake).getConversations(['c1']);
    const req = fake.requests.find((r) => r.url.pathname === EVENTS);
    assert.equal(req?.url.searchParams.get('sort_order'), 'TIMESTAMP_DESC');
    assert.equal(req?.url.searchParams.get('limit'), '20');
  });

  it('tells finished (FinishAction) from waiting for you (trailing agent message)', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, eventPage(finishEvent));
    set('RUNNING', 'finished', 'T1');
    const adapter = v1Adapter(fake);
    const done = (await adapter.getConversations(['c1'])).get('c1');
    assert.equal(done?.phase, 'finished');
    assert.equal(done?.statusDetail, 'Opened PR #12.');
    fake.on('GET', EVENTS, eventPage(questionEvent, finishEvent));
    set('RUNNING', 'finished', 'T2');
    assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'waitingForYou');
  });

  it('fetches events only when updated_at changed: a settled conversation costs one request', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, eventPage(finishEvent));
    const adapter = v1Adapter(fake);
    set('RUNNING', 'finished', 'T1');
    for (let i = 0; i < 3; i++) assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'finished');
    assert.equal(fake.count(EVENTS), 1);
    set('RUNNING', 'finished', 'T2');
    await adapter.getConversations(['c1']);
    assert.equal(fake.count(EVENTS), 2);
  });

  it('never reads events for a running conversation, and rereads after one', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, eventPage(finishEvent));
    const adapter = v1Adapter(fake);
    await adapter.getConversations(['c1']);
    assert.equal(fake.count(EVENTS), 0);
    set('RUNNING', 'finished', 'T1');
    await adapter.getConversations(['c1']);
    set('RUNNING', 'running', 'T1');
    await adapter.getConversations(['c1']);
    set('RUNNING', 'finished', 'T1'); // same updated_at, but a new turn ended
    await adapter.getConversations(['c1']);
    assert.equal(fake.count(EVENTS), 2);
  });

  it('takes the failure detail from the error event', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, eventPage({ id: 'e', timestamp: '2026-12-04T11:58:00', kind: 'ConversationErrorEvent', code: 'LLMError', detail: 'Out of credits' }));
    set('RUNNING', 'error', 'T1');
    const conv = (await v1Adapter(fake).getConversations(['c1'])).get('c1');
    assert.equal(conv?.phase, 'failed');
    assert.equal(conv?.statusDetail, 'Out of credits');
    assert.equal(conv?.rawStatus, 'RUNNING/error');
  });

  it('when events cannot be read, a finished conversation stays unknown (polled) and is retried', async () => {
    const log = new RecordingLogger();
    const { fake, set } = server();
    fake.on('GET', EVENTS, json({ detail: 'boom' }, 500));
    set('RUNNING', 'finished', 'T1');
    const adapter = v1Adapter(fake, log);
    assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'unknown');
    fake.on('GET', EVENTS, eventPage(finishEvent));
    assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'finished');
    assert.equal(fake.count(EVENTS), 2);
    assert.ok(log.lines.some((l) => l.startsWith('warn') && l.includes('latest events of c1')));
  });

  it('a rate limit while reading events fails the poll so it backs off', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, json({ error: 'Rate limit exceeded' }, 429, { 'retry-after': '5' }));
    set('RUNNING', 'finished', 'T1');
    await assert.rejects(v1Adapter(fake).getConversations(['c1']), { kind: 'rateLimited', retryAfterMs: 5000 });
  });

  it('keeps the previous phase while execution_status is null, and finished through archiving', async () => {
    const { fake, set } = server();
    fake.on('GET', EVENTS, eventPage(finishEvent));
    const adapter = v1Adapter(fake);
    set('RUNNING', 'finished', 'T1');
    await adapter.getConversations(['c1']);
    set('RUNNING', null, 'T1');
    assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'finished');
    set('MISSING', null, 'T2');
    const archived = (await adapter.getConversations(['c1'])).get('c1');
    assert.equal(archived?.phase, 'finished');
    assert.equal(archived?.statusDetail, 'Opened PR #12. (archived)');
  });

  it('idle is starting right after activity and waiting for you later', async () => {
    const { fake, set } = server();
    let now = NOW;
    const adapter = v1Adapter(fake, undefined, () => now);
    set('RUNNING', 'idle', new Date(NOW - 5000).toISOString());
    assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'starting');
    now += 10 * 60_000;
    assert.equal((await adapter.getConversations(['c1'])).get('c1')?.phase, 'waitingForYou');
  });
});
