import * as assert from 'node:assert/strict';
import { relativeTime } from '../../../src/conversations/relativeTime';

describe('fault 12, clock skew: times from a server whose clock runs ahead', () => {
  const now = Date.UTC(2026, 11, 4, 12);
  it('a time in the future reads "just now", never a negative age', () => {
    for (const ahead of [1_000, 60_000, 3600_000, 48 * 3600_000]) assert.equal(relativeTime(new Date(now + ahead), now), 'just now');
  });
  it('an invalid or missing time reads as nothing', () => {
    assert.equal(relativeTime(new Date(Number.NaN), now), '');
    assert.equal(relativeTime(undefined, now), '');
  });
});
