import * as assert from 'node:assert/strict';
import { AnnouncedChanges, deservesNotification } from '../../../src/conversations/attention';
import type { Conversation } from '../../../src/conversations/conversation';
import { summarize } from '../../../src/conversations/statusSummary';

const at = (minute: number): Date => new Date(Date.UTC(2026, 0, 1, 0, minute));
const conv = (id: string, phase: Conversation['phase'], minute = 0): Conversation => ({ id, phase, title: `Task ${id}`, updatedAt: at(minute) });

describe('notification rules', () => {
  it('announces a watched conversation reaching the end of a turn, and nothing else', () => {
    assert.equal(deservesNotification({ conversation: conv('a', 'finished'), previous: 'running', watched: true }), true);
    assert.equal(deservesNotification({ conversation: conv('a', 'failed'), previous: 'starting', watched: true }), true);
    assert.equal(deservesNotification({ conversation: conv('a', 'waitingForYou'), previous: 'running', watched: true }), true);
    assert.equal(deservesNotification({ conversation: conv('a', 'finished'), previous: 'running', watched: false }), false);
    assert.equal(deservesNotification({ conversation: conv('a', 'running'), previous: 'starting', watched: true }), false);
    assert.equal(deservesNotification({ conversation: conv('a', 'paused'), previous: 'running', watched: true }), false);
  });

  it('remembers announced changes across a save and load, but a later finish is news again', () => {
    const first = new AnnouncedChanges(undefined);
    assert.equal(first.add(conv('a', 'finished', 1)), true);
    assert.equal(first.add(conv('a', 'finished', 1)), false);
    const reloaded = new AnnouncedChanges(JSON.parse(JSON.stringify(first.toJSON())));
    assert.equal(reloaded.add(conv('a', 'finished', 1)), false, 'announced twice after a reload');
    assert.equal(reloaded.add(conv('a', 'finished', 9)), true, 'a finish after a follow-up is a new change');
  });

  it('keeps the ledger bounded and survives garbage in storage', () => {
    const ledger = new AnnouncedChanges(['x', 42 as unknown as string], 3);
    for (let i = 0; i < 10; i++) ledger.add(conv(`c${i}`, 'finished'));
    assert.equal(ledger.toJSON().length, 3);
    assert.equal(ledger.has(conv('c9', 'finished')), true);
    assert.equal(ledger.has(conv('c0', 'finished')), false);
  });
});

describe('status bar summary', () => {
  it('is empty when nothing runs and nothing is new', () => {
    assert.equal(summarize([conv('a', 'finished'), conv('b', 'archived')], new Set()).text, '');
  });

  it('shows a spinner with the count of running tasks', () => {
    const s = summarize([conv('a', 'running'), conv('b', 'starting'), conv('c', 'finished')], new Set());
    assert.equal(s.text, '$(sync~spin) 2');
    assert.match(s.tooltip, /2 tasks running: Task a, Task b/);
    assert.equal(s.needsAttention, false);
  });

  it('puts "needs you" before failures and finishes, until seen', () => {
    const list = [conv('a', 'finished'), conv('b', 'waitingForYou'), conv('c', 'failed'), conv('d', 'running')];
    const s = summarize(list, new Set(['a', 'b', 'c']));
    assert.equal(s.text, '$(sync~spin) 1  $(comment-unresolved) needs you  $(error) failed  $(check) finished');
    assert.equal(s.needsAttention, true);
    assert.equal(summarize(list, new Set()).text, '$(sync~spin) 1');
  });

  it('names the step of a task that is still starting', () => {
    const starting: Conversation = { ...conv('s', 'starting'), statusDetail: 'Preparing repository' };
    assert.match(summarize([starting], new Set()).tooltip, /1 task running: Task s \(Preparing repository\)/);
  });
});
