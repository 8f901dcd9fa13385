// Paging through thousands of conversations, id batches (≤ 99) and event pages.
import * as assert from 'node:assert/strict';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

interface ConversationPage {
  items: { id: string; created_at: string; sandbox_status: string }[];
  next_page_id: string | null;
}

describe('embedded server: paging and batching', function () {
  this.timeout(30000);
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  it('pages through 5,000 seeded conversations newest first, each exactly once', async () => {
    const ids = api.control.seedConversations(5000);
    assert.equal(ids.length, 5000);
    assert.equal((await api.get('/api/v1/app-conversations/count')).json, 5000);
    const seen: string[] = [];
    let previous = Infinity;
    let pageId: string | null = null;
    let pages = 0;
    do {
      const query: string = pageId === null ? '' : `&page_id=${encodeURIComponent(pageId)}`;
      const page = (await api.get(`/api/v1/app-conversations/search?limit=100${query}`)).json as ConversationPage;
      for (const item of page.items) {
        const created = Date.parse(item.created_at);
        assert.ok(created <= previous, 'newest first');
        previous = created;
        seen.push(item.id);
      }
      pageId = page.next_page_id;
      pages++;
    } while (pageId !== null);
    assert.equal(pages, 50);
    assert.equal(new Set(seen).size, 5000);
    assert.deepEqual(seen, ids);
  });

  it('seeds a mix of archived, paused, finished and failed conversations', async () => {
    api.control.seedConversations(20);
    const page = (await api.get('/api/v1/app-conversations/search')).json as { items: { sandbox_status: string; execution_status: string | null }[] };
    const mix = new Set(page.items.map((c) => `${c.sandbox_status}/${c.execution_status}`));
    assert.deepEqual([...mix].sort(), ['MISSING/null', 'PAUSED/null', 'RUNNING/error', 'RUNNING/finished']);
  });

  it('puts a new conversation before the seeded ones and defaults limit to 100', async () => {
    api.control.seedConversations(150);
    const id = await api.startReady('Newest');
    const page = (await api.get('/api/v1/app-conversations/search')).json as ConversationPage;
    assert.equal(page.items.length, 100);
    assert.equal(page.items[0].id, id);
    assert.notEqual(page.next_page_id, null);
  });

  it('filters search and count by title and created_at', async () => {
    api.control.seedConversations(30, { newestAt: Date.UTC(2026, 0, 10), spacingMs: 24 * 3600 * 1000 });
    const since = encodeURIComponent('2026-01-01T00:00:00Z');
    assert.equal((await api.get(`/api/v1/app-conversations/count?created_at__gte=${since}`)).json, 10);
    const page = (await api.get('/api/v1/app-conversations/search?title__contains=%2317')).json as { items: { title: string }[] };
    assert.deepEqual(page.items.map((c) => c.title), ['Seeded task #17']);
  });

  it('batch get: answers in request order with null for unknown ids, duplicates kept', async () => {
    const [a, b] = api.control.seedConversations(2);
    const unknown = '9'.repeat(32);
    const reply = (await api.get(`/api/v1/app-conversations?ids=${b}&ids=${unknown}&ids=${a}&ids=${b}`)).json as ({ id: string } | null)[];
    assert.deepEqual(reply.map((c) => c?.id ?? null), [b, null, a, b]);
  });

  it('batch get: 99 ids are fine, 100 are a 400', async () => {
    const ids = api.control.seedConversations(100);
    const ok = await api.get(`/api/v1/app-conversations?${ids.slice(0, 99).map((id) => `ids=${id}`).join('&')}`);
    assert.equal((ok.json as unknown[]).length, 99);
    const tooMany = await api.get(`/api/v1/app-conversations?${ids.map((id) => `ids=${id}`).join('&')}`);
    assert.deepEqual([tooMany.status, tooMany.json], [400, { detail: 'Too many ids requested. Maximum is 99.' }]);
    const tasks = await api.get(`/api/v1/app-conversations/start-tasks?${ids.map((id) => `ids=${id}`).join('&')}`);
    assert.equal(tasks.status, 400);
  });

  it('batch get: invalid UUIDs are a 400 naming them; no ids is a 422', async () => {
    const bad = await api.get('/api/v1/app-conversations?ids=abc&ids=12345');
    assert.deepEqual([bad.status, bad.json], [400, { detail: "Invalid UUID format for ids: ['abc', '12345']" }]);
    const none = await api.get('/api/v1/app-conversations');
    assert.equal(none.status, 422);
    assert.deepEqual((none.json as { detail: { loc: string[] }[] }).detail[0].loc, ['query', 'ids']);
  });

  it('pages events in both sort orders and filters by kind', async () => {
    const id = await api.startReady('Fix it');
    api.control.advance(20000);
    const all = await api.events(id);
    assert.equal(all.length, 11); // message, 4 × (action + observation), finish action + observation
    const first = (await api.get(`/api/v1/conversation/${id}/events/search?limit=4`)).json as { items: { id: string }[]; next_page_id: string };
    const second = (await api.get(`/api/v1/conversation/${id}/events/search?limit=4&page_id=${first.next_page_id}`)).json as { items: { id: string }[] };
    assert.deepEqual([...first.items, ...second.items].map((e) => e.id), all.slice(0, 8).map((e) => e.id));
    const desc = await api.events(id, '?sort_order=TIMESTAMP_DESC');
    assert.deepEqual(desc.map((e) => e.id), all.map((e) => e.id).reverse());
    assert.equal((await api.events(id, '?kind__eq=ObservationEvent')).length, 5);
    assert.equal((await api.get(`/api/v1/conversation/${id}/events/count?kind__eq=MessageEvent`)).json, 1);
    assert.deepEqual((await api.get(`/api/v1/conversation/${'e'.repeat(32)}/events/search`)).json, { items: [], next_page_id: null });
  });

  it('start-task search sorts and pages; count counts', async () => {
    const first = await api.start('one');
    api.control.advance(1000);
    const second = await api.start('two');
    const desc = (await api.get('/api/v1/app-conversations/start-tasks/search')).json as { items: { id: string }[] };
    assert.deepEqual(desc.items.map((t) => t.id), [second.id, first.id]);
    const asc = (await api.get('/api/v1/app-conversations/start-tasks/search?sort_order=CREATED_AT&limit=1')).json as { items: { id: string }[]; next_page_id: string };
    assert.deepEqual(asc.items.map((t) => t.id), [first.id]);
    assert.equal(asc.next_page_id, '1');
    assert.equal((await api.get('/api/v1/app-conversations/start-tasks/count')).json, 2);
  });
});
