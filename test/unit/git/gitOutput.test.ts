import * as assert from 'node:assert/strict';
import { aheadOf, parseRefRecords, parseRemoteList } from '../../../src/git/gitOutput';

describe('git output parsers', () => {
  it('keeps the first fetch URL of each remote, in order', () => {
    const output = [
      'origin\thttps://github.com/me/repo.git (fetch)',
      'origin\tgit@github.com:me/repo.git (push)',
      'up.stream\thttps://github.com/team/repo.git (fetch)',
      'up.stream\thttps://github.com/team/repo.git (push)',
      'up.stream\thttps://mirror.example/repo.git (push)',
      'pushonly\thttps://example.com/x (push)',
      '',
    ].join('\n');
    assert.deepEqual(parseRemoteList(output), [
      { name: 'origin', url: 'https://github.com/me/repo.git' },
      { name: 'up.stream', url: 'https://github.com/team/repo.git' },
    ]);
  });

  it('tolerates CRLF line ends', () => {
    assert.deepEqual(parseRemoteList('origin\thttps://h/o/r (fetch)\r\n'), [{ name: 'origin', url: 'https://h/o/r' }]);
  });

  it('splits for-each-ref records on NUL', () => {
    const output =
      'refs/heads/fx\0abc\0refs/remotes/origin/feature-x\0origin\0refs/heads/feature-x\0[ahead 2, behind 1]\n' +
      'refs/remotes/origin/fx\0def\0\0\0\0\n';
    const records = parseRefRecords(output);
    assert.deepEqual(records.get('refs/heads/fx'), {
      refName: 'refs/heads/fx',
      sha: 'abc',
      upstreamRef: 'refs/remotes/origin/feature-x',
      upstreamRemote: 'origin',
      upstreamMergeRef: 'refs/heads/feature-x',
      track: '[ahead 2, behind 1]',
    });
    assert.equal(records.get('refs/remotes/origin/fx')?.sha, 'def');
    assert.equal(records.size, 2);
  });

  it('reads ahead counts from track strings', () => {
    assert.equal(aheadOf(''), 0);
    assert.equal(aheadOf('[behind 4]'), 0);
    assert.equal(aheadOf('[ahead 12]'), 12);
    assert.equal(aheadOf('[ahead 1, behind 9]'), 1);
    assert.equal(aheadOf('[gone]'), undefined);
  });
});
