// Pending starts in workspace state, with a Memento stand-in: written before the request is
// sent, settled records removed, and what a reloaded window (another extension host) sees.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Conversation } from '../../../src/conversations/conversation';
import type { PendingStart } from '../../../src/conversations/pendingStart';
import { PENDING_START_MAX_AGE_MS, lookUpStart, readPendingStart } from '../../../src/conversations/pendingStart';
import { PendingStarts, WINDOW_ID } from '../../../src/ui/pendingStarts';

class FakeMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  writes = 0;
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? structuredClone(this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.writes++;
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

const FIELDS = { message: 'Fix it\n\nSelected code…', task: 'Fix it', repository: 'acme/app', branch: 'main' };
const T0 = Date.UTC(2026, 11, 4, 12);

describe('pending starts', () => {
  it('are written (and awaited) before the request goes out, and read back after a reload', async () => {
    const memento = new FakeMemento();
    const starts = new PendingStarts(memento, () => T0);
    const record = await starts.begin(FIELDS);
    assert.equal(memento.writes, 1);
    assert.equal(record.window, WINDOW_ID);
    assert.equal(record.sentAt, new Date(T0).toISOString());
    // The same window: the request is still in flight, so it is not "lost".
    assert.deepEqual(starts.unresolved(), []);
    // A reloaded window (a new PendingStarts) sees it as lost: its answer went with the old one.
    assert.equal(new PendingStarts(memento, () => T0).unresolved().length, 1);
    // Another extension host (a reloaded window) reads the same workspace state.
    const reloaded = { ...(memento.get<PendingStart[]>('openhands.pendingStarts')?.[0] as PendingStart), window: 'another-window' };
    assert.deepEqual(readPendingStart(reloaded, T0 + 1000), reloaded);
  });

  it('a request that ended without an answer is lost; claim keeps a reload and "Check Again" apart', async () => {
    const starts = new PendingStarts(new FakeMemento(), () => T0);
    const record = await starts.begin(FIELDS);
    starts.release(record);
    assert.deepEqual(starts.unresolved().map((p) => p.id), [record.id]);
    assert.equal(starts.claim(record), true);
    assert.equal(starts.claim(record), false, 'claimed twice');
    assert.deepEqual(starts.unresolved(), []);
    await starts.remove(record);
    assert.deepEqual(starts.all(), []);
  });

  it('keep at most ten, drop records older than a day and anything unreadable', async () => {
    const memento = new FakeMemento();
    const starts = new PendingStarts(memento, () => T0);
    for (let i = 0; i < 12; i++) await starts.begin({ ...FIELDS, task: `t${i}` });
    assert.deepEqual(starts.all().map((p) => p.task), ['t2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 't10', 't11']);
    await memento.update('openhands.pendingStarts', [null, 'x', { id: 'a' }, { id: 'b', message: 'm', sentAt: 'not a date' }, ...starts.all()]);
    assert.equal(starts.all().length, 10);
    assert.deepEqual(new PendingStarts(memento, () => T0 + PENDING_START_MAX_AGE_MS + 1).all(), []);
  });
});

describe('lookUpStart', () => {
  const pending: PendingStart = { id: 'p', message: 'Fix it', task: 'Fix it', repository: 'acme/app', sentAt: new Date(T0).toISOString(), window: 'w' };
  const conv = (id: string): Conversation => ({ id, phase: 'starting' });

  it('adopts the newest match that this workspace has not started itself', async () => {
    const api = { findStarted: async () => [conv('mine-already'), conv('lost')] };
    const result = await lookUpStart(api, pending, (c) => c.id === 'mine-already');
    assert.deepEqual(result, { kind: 'found', conversation: conv('lost') });
  });

  it('passes the message, repository and send time', async () => {
    let asked: unknown;
    await lookUpStart({ findStarted: async (lookup) => ((asked = lookup), []) }, pending, () => false);
    assert.deepEqual(asked, { message: 'Fix it', repository: 'acme/app', sentAt: new Date(T0) });
  });

  it('"not found" and "cannot tell" are different answers', async () => {
    assert.deepEqual(await lookUpStart({ findStarted: async () => [] }, pending, () => false), { kind: 'notFound' });
    const failed = await lookUpStart({ findStarted: async () => Promise.reject(new Error('offline')) }, pending, () => false);
    assert.equal(failed.kind, 'unknown');
  });
});
