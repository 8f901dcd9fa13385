import * as assert from 'node:assert/strict';
import { branchReadiness } from '../../../src/git/branchReadiness';
import type { GitRemote, RepositoryInfo } from '../../../src/git/repositoryInfo';

function info(branch: string | undefined, remotes: readonly GitRemote[], comparedRemote?: string): RepositoryInfo {
  return {
    root: '/repo',
    remotes,
    ...(branch !== undefined && { branch }),
    ...(comparedRemote !== undefined && { comparedRemote }),
    branchOnRemote: undefined,
    unpushedCommits: 0,
  };
}

const url = 'https://github.com/o/r.git';

describe('branchReadiness', () => {
  it('is detached without a branch, whatever the remotes have', () => {
    const remotes = [{ name: 'origin', url, branch: { name: 'main', unpushedCommits: 0 } }];
    assert.deepEqual(branchReadiness(info(undefined, remotes, 'origin')), { kind: 'detached' });
  });

  it('is ready when the remote has the branch and every commit', () => {
    const remotes = [{ name: 'origin', url, branch: { name: 'main', unpushedCommits: 0 } }];
    assert.deepEqual(branchReadiness(info('main', remotes, 'origin')), { kind: 'ready', branch: 'main' });
  });

  it('sends the branch name on the remote when the upstream is named differently', () => {
    const remotes = [{ name: 'origin', url, branch: { name: 'feature-x', unpushedCommits: 0 } }];
    assert.deepEqual(branchReadiness(info('fx', remotes, 'origin')), { kind: 'ready', branch: 'feature-x' });
  });

  it('counts unpushed commits', () => {
    const remotes = [{ name: 'origin', url, branch: { name: 'main', unpushedCommits: 3 } }];
    assert.deepEqual(branchReadiness(info('main', remotes, 'origin')), { kind: 'unpushed', branch: 'main', count: 3 });
  });

  it('is unpublished when the remote lacks the branch', () => {
    assert.deepEqual(branchReadiness(info('topic', [{ name: 'origin', url }], 'origin')), {
      kind: 'unpublished',
      branch: 'topic',
    });
  });

  it('is unpublished without any remote to compare with', () => {
    assert.deepEqual(branchReadiness(info('topic', [])), { kind: 'unpublished', branch: 'topic' });
  });

  it('judges against the chosen remote rather than the compared one', () => {
    const remotes = [
      { name: 'upstream', url, branch: { name: 'main', unpushedCommits: 0 } },
      { name: 'origin', url, branch: { name: 'main', unpushedCommits: 2 } },
      { name: 'mirror', url },
    ];
    const repo = info('main', remotes, 'upstream');
    assert.deepEqual(branchReadiness(repo), { kind: 'ready', branch: 'main' });
    assert.deepEqual(branchReadiness(repo, 'origin'), { kind: 'unpushed', branch: 'main', count: 2 });
    assert.deepEqual(branchReadiness(repo, 'mirror'), { kind: 'unpublished', branch: 'main' });
    assert.deepEqual(branchReadiness(repo, 'removed'), { kind: 'unpublished', branch: 'main' });
  });
});
