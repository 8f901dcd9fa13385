// Large or sloppy replies in V1: an events page that ignores `limit` and `sort_order`, and a
// list whose `finished` entries must be read like a poll reads them.
import * as assert from 'node:assert/strict';
import { FakeFetch, json } from './fakeFetch';
import { appConversation, eventPage, finishEvent, questionEvent, v1Adapter } from './v1Fixtures';

const EVENTS = '/api/v1/conversation/c1/events/search';

describe('V1 adapter: large and sloppy replies', () => {
  it('an events page of 5,000 (oldest first, limit ignored): the newest events decide, 20 are kept', async () => {
    const old = Array.from({ length: 5000 }, (_, i) => ({
      id: `e${i}`,
      timestamp: new Date(Date.UTC(2026, 11, 4, 10) + i * 1000).toISOString().replace('Z', ''),
      source: 'agent',
      kind: 'ObservationEvent',
      observation: { kind: 'TerminalObservation', content: [{ type: 'text', text: 'x'.repeat(500) }] },
    }));
    const fake = new FakeFetch()
      .on('GET', '/api/v1/app-conversations', json([appConversation('c1', 'RUNNING', 'finished')]))
      .on('GET', EVENTS, json(eventPage(...old, finishEvent)));
    const conv = (await v1Adapter(fake).getConversations(['c1'])).get('c1');
    assert.equal(conv?.phase, 'finished');
    assert.equal(conv?.statusDetail, 'Opened PR #12.');
  });

  it('the list reads the events of a finished conversation: a question is not shown (or notified) as finished', async () => {
    const fake = new FakeFetch()
      .on('GET', '/api/v1/app-conversations/search', json({ items: [appConversation('c1', 'RUNNING', 'finished')], next_page_id: null }))
      .on('GET', EVENTS, json(eventPage(questionEvent)));
    const adapter = v1Adapter(fake);
    const page = await adapter.listConversations();
    assert.equal(page.items[0]?.phase, 'waitingForYou');
    await adapter.listConversations();
    assert.equal(fake.count(EVENTS), 1, 'unchanged conversations are not read twice');
  });
});
