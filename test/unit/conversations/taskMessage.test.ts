import * as assert from 'node:assert/strict';
import { relativeTime } from '../../../src/conversations/relativeTime';
import { fromStored, toStored } from '../../../src/conversations/serialization';
import { buildTaskMessage, titleFromTask } from '../../../src/conversations/taskMessage';

describe('task message', () => {
  it('is the trimmed task alone without a selection', () => {
    assert.equal(buildTaskMessage('  Fix the login bug \n'), 'Fix the login bug');
  });

  it('carries the selected code with path, lines, commit and language', () => {
    const message = buildTaskMessage('Add tests', {
      relativePath: 'src/util/date.ts',
      startLine: 10,
      endLine: 14,
      languageId: 'typescript',
      text: 'export function parse() {}\n',
      commitSha: 'abc123',
      hasUncommittedChanges: false,
    });
    assert.equal(
      message,
      'Add tests\n\nSelected code from `src/util/date.ts`, lines 10-14 at commit abc123:\n\n```typescript\nexport function parse() {}\n```',
    );
  });

  it('uses a longer fence when the code contains backticks, and notes local changes', () => {
    const message = buildTaskMessage('Explain', {
      relativePath: 'README.md',
      startLine: 3,
      endLine: 3,
      languageId: 'markdown',
      text: '```js\nx\n```',
      hasUncommittedChanges: true,
    });
    assert.match(message, /line 3:\n\n````markdown\n```js\nx\n```\n````/);
    assert.match(message, /uncommitted local changes/);
  });

  it('titles a conversation by the first line of the task', () => {
    assert.equal(titleFromTask('Fix it\nwith details'), 'Fix it');
    assert.equal(titleFromTask('x'.repeat(100)).length, 80);
  });
});

describe('relative time', () => {
  const now = Date.UTC(2026, 11, 4, 12, 0, 0);
  it('reads naturally', () => {
    assert.equal(relativeTime(new Date(now - 10_000), now), 'just now');
    assert.equal(relativeTime(new Date(now - 5 * 60_000), now), '5 min ago');
    assert.equal(relativeTime(new Date(now - 3 * 3600_000), now), '3 h ago');
    assert.equal(relativeTime(new Date(now - 2 * 86400_000), now), '2 d ago');
    assert.equal(relativeTime(undefined, now), '');
  });

  it('reads a time from a server clock ahead of ours as "just now"', () => {
    assert.equal(relativeTime(new Date(now + 3600_000), now), 'just now');
  });
});

describe('stored conversations', () => {
  it('round-trip with dates, and garbage is dropped', () => {
    const original = { id: 'c1', phase: 'running' as const, title: 'T', createdAt: new Date(0), repository: 'a/b' };
    assert.deepEqual(fromStored(JSON.parse(JSON.stringify(toStored(original)))), { ...original, startTaskId: undefined, branch: undefined, statusDetail: undefined, sandboxId: undefined, rawStatus: undefined, updatedAt: undefined });
    assert.equal(fromStored({ id: 'c1', phase: 'exploded' }), undefined);
    assert.equal(fromStored(null), undefined);
  });
});
