import * as assert from 'node:assert/strict';
import { chooseRemote, type ChoosableRemote } from '../../../src/git/chooseRemote';
import { parseRemoteUrl } from '../../../src/git/remoteUrl';

function remote(name: string, url: string): ChoosableRemote {
  const repository = parseRemoteUrl(url);
  return repository ? { name, repository } : { name };
}

const origin = remote('origin', 'git@github.com:me/repo.git');
const upstream = remote('upstream', 'https://github.com/team/repo.git');
const gitlab = remote('gitlab', 'git@gitlab.com:me/repo.git');
const local = remote('backup', '/srv/backup/repo.git');

describe('chooseRemote', () => {
  it('says there is nothing to choose from without remotes', () => {
    assert.deepEqual(chooseRemote([]), { kind: 'none', reason: 'noRemotes' });
  });

  it('says no remote is usable when none parses', () => {
    assert.deepEqual(chooseRemote([local, remote('other', '../other')]), { kind: 'none', reason: 'noParsableRemote' });
  });

  it('takes the remembered remote first, over upstream and origin', () => {
    const choice = chooseRemote([origin, upstream, gitlab], 'upstream', 'gitlab');
    assert.equal(choice.kind, 'chosen');
    assert.equal(choice.kind === 'chosen' && choice.remote.name, 'gitlab');
    assert.equal(choice.kind === 'chosen' && choice.reason, 'remembered');
  });

  it('ignores a remembered remote that was removed or no longer parses', () => {
    assert.deepEqual(chooseRemote([origin, upstream], 'upstream', 'gone'), { kind: 'chosen', remote: upstream, reason: 'upstream' });
    assert.deepEqual(chooseRemote([origin, upstream, local], 'upstream', 'backup'), {
      kind: 'chosen',
      remote: upstream,
      reason: 'upstream',
    });
  });

  it('takes the remote the branch tracks before origin', () => {
    assert.deepEqual(chooseRemote([origin, upstream], 'upstream'), { kind: 'chosen', remote: upstream, reason: 'upstream' });
  });

  it('skips an unparsable tracked remote and falls back to origin', () => {
    assert.deepEqual(chooseRemote([local, origin, upstream], 'backup'), { kind: 'chosen', remote: origin, reason: 'origin' });
  });

  it('takes origin when nothing is tracked', () => {
    assert.deepEqual(chooseRemote([upstream, origin]), { kind: 'chosen', remote: origin, reason: 'origin' });
  });

  it('takes the only parsable remote', () => {
    assert.deepEqual(chooseRemote([local, gitlab]), { kind: 'chosen', remote: gitlab, reason: 'onlyRepository' });
  });

  it('does not ask when several names point at the same repository', () => {
    const https = remote('github', 'https://github.com/Me/Repo');
    const ssh = remote('github-ssh', 'git@github.com:me/repo.git');
    assert.deepEqual(chooseRemote([https, ssh, local]), { kind: 'chosen', remote: https, reason: 'onlyRepository' });
  });

  it('asks between distinct repositories, once per repository, in the given order', () => {
    const fork = remote('fork', 'git@github.com:me/repo.git');
    const forkHttps = remote('fork-https', 'https://github.com/me/repo');
    assert.deepEqual(chooseRemote([fork, upstream, forkHttps, local]), { kind: 'ambiguous', candidates: [fork, upstream] });
  });

  it('keeps the caller\'s remote type', () => {
    const remotes = [{ name: 'origin', url: 'x', extra: 1, repository: origin.repository! }];
    const choice = chooseRemote(remotes);
    assert.equal(choice.kind === 'chosen' ? choice.remote.extra : undefined, 1);
  });
});
