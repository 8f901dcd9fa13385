import * as assert from 'node:assert/strict';
import type { Conversation } from '../../../src/conversations/conversation';
import { ConversationStore } from '../../../src/conversations/conversationStore';
import type { PhaseTransition, StoreChange } from '../../../src/conversations/conversationStore';

function conv(id: string, phase: Conversation['phase'], extra: Partial<Conversation> = {}): Conversation {
  return { id, phase, createdAt: new Date(Date.UTC(2026, 0, 1, 0, Number.parseInt(id.replace(/\D/g, '') || '0', 10))), ...extra };
}

function record(store: ConversationStore): { changes: StoreChange[]; transitions: PhaseTransition[] } {
  const log = { changes: [] as StoreChange[], transitions: [] as PhaseTransition[] };
  store.onDidChange((c) => log.changes.push(c));
  store.onDidTransition((t) => log.transitions.push(t));
  return log;
}

describe('ConversationStore', () => {
  it('lists newest first and polls only active conversations', () => {
    const store = new ConversationStore();
    store.mergeListed([conv('c1', 'finished'), conv('c3', 'running'), conv('c2', 'starting'), conv('c4', 'paused')]);
    assert.deepEqual(store.list().map((c) => c.id), ['c4', 'c3', 'c2', 'c1']);
    assert.deepEqual(store.activeIds().sort(), ['c2', 'c3']);
  });

  it('reports only the rows that changed, and nothing when a poll brings no news', () => {
    const store = new ConversationStore();
    store.mergeListed([conv('c1', 'running'), conv('c2', 'running')]);
    const log = record(store);
    store.applyUpdates(new Map([['c1', conv('c1', 'running')], ['c2', conv('c2', 'finished')]]));
    assert.equal(log.changes.length, 1);
    assert.equal(log.changes[0].structural, false);
    assert.deepEqual(log.changes[0].updated.map((c) => c.id), ['c2']);
    store.applyUpdates(new Map([['c1', conv('c1', 'running')], ['c2', conv('c2', 'finished')]]));
    assert.equal(log.changes.length, 1);
  });

  it('re-keys a start task to its conversation and keeps it watched', () => {
    const store = new ConversationStore();
    store.addStarted(conv('task-abc', 'starting', { startTaskId: 'abc', title: 'Fix the bug' }));
    const log = record(store);
    store.applyUpdates(new Map([['task-abc', conv('c9', 'running', { startTaskId: 'abc' })]]));
    assert.equal(store.get('task-abc'), undefined);
    assert.equal(store.get('c9')?.title, 'Fix the bug', 'the local title is kept until the server has one');
    assert.equal(store.isWatched('c9'), true);
    assert.equal(log.changes[0].structural, true);
    assert.deepEqual(log.transitions.map((t) => [t.previous, t.conversation.phase, t.watched]), [['starting', 'running', true]]);
  });

  it('marks a conversation the server no longer knows as archived, which stops its polling', () => {
    const store = new ConversationStore();
    store.addStarted(conv('c1', 'running'));
    store.applyUpdates(new Map([['c1', null]]));
    assert.equal(store.get('c1')?.phase, 'archived');
    assert.match(store.get('c1')?.statusDetail ?? '', /no longer on the server/i);
    assert.deepEqual(store.activeIds(), []);
  });

  it('does not treat conversations seen for the first time as transitions', () => {
    const store = new ConversationStore();
    const log = record(store);
    store.mergeListed([conv('c1', 'finished'), conv('c2', 'failed')]);
    assert.equal(log.transitions.length, 0);
    store.mergeListed([conv('c1', 'finished'), conv('c2', 'running')]);
    assert.deepEqual(log.transitions.map((t) => t.conversation.id), ['c2']);
    assert.equal(log.transitions[0].watched, false);
  });

  it('restores watched conversations without announcing them', () => {
    const store = new ConversationStore();
    const log = record(store);
    store.restore([conv('c1', 'running')], true);
    assert.equal(store.isWatched('c1'), true);
    assert.deepEqual(log.transitions, []);
    assert.deepEqual(store.watched().map((c) => c.id), ['c1']);
  });

  it('ignores poll results for conversations it no longer holds (cleared while in flight)', () => {
    const store = new ConversationStore();
    store.addStarted(conv('c1', 'running'));
    store.clear();
    store.applyUpdates(new Map([['c1', conv('c1', 'finished')]]));
    assert.equal(store.list().length, 0);
  });

  it('lets the user watch a listed conversation, so its next turn end is announced', () => {
    const store = new ConversationStore();
    store.mergeListed([conv('c1', 'running')]);
    const log = record(store);
    store.setWatched('c1', true);
    assert.deepEqual(log.changes.map((c) => c.updated.map((u) => u.id)), [['c1']], 'the row is redrawn');
    store.applyUpdates(new Map([['c1', conv('c1', 'finished')]]));
    assert.equal(log.transitions[0].watched, true);
    assert.deepEqual(store.watched().map((c) => c.id), ['c1'], 'and saved with the watch list');
  });

  it('keeps the start task id when the account list brings the conversation without it', () => {
    const store = new ConversationStore();
    store.addStarted(conv('task-abc', 'starting', { startTaskId: 'abc' }));
    store.applyUpdates(new Map([['task-abc', conv('c9', 'running', { startTaskId: 'abc' })]]));
    store.mergeListed([conv('c9', 'finished')]);
    assert.equal(store.get('c9')?.startTaskId, 'abc');
    assert.equal(store.get('c9')?.phase, 'finished');
  });
});
